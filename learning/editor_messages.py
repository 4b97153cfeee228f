"""What the editor tells trainers when a change reaches residents' progress or a module hides its pages."""

from learning.models import ModulePage


def _people(count):
    return f"{count} personne{'s' if count > 1 else ''}"


def _steps(count, verb):
    return f"{count} étape{'s' if count > 1 else ''} {verb}{'s' if count > 1 else ''}"


def _plural(count, one, many):
    return one if count == 1 else many


def impact_message(impact):
    """The editor's warning, in plain French, for an edit_impact: what changes and what it does to whom."""
    changes = impact["changes"]
    parts = []
    if changes.added:
        parts.append(_steps(len(changes.added), "ajoutée"))
    if changes.removed:
        parts.append(_steps(len(changes.removed), "retirée"))
    if changes.reordered:
        parts.append("l'ordre des étapes change")
    readers = impact["readers"]
    if not readers:
        return f"Étapes modifiées ({', '.join(parts)}). Personne n'a encore commencé ce tutoriel."
    sentences = [
        f"Étapes modifiées ({', '.join(parts)}) : cela touche {_people(readers)} qui "
        f"{_plural(readers, 'a', 'ont')} commencé ce tutoriel."
    ]
    completed = impact["completed"]
    if completed:
        sentences.append(
            f"{_people(completed)} {_plural(completed, 'l’a', 'l’ont')} terminé : "
            f"{_plural(completed, 'elle garde', 'elles gardent')} « Terminé » et sa date"
            + (", et les nouvelles étapes sont signalées comme nouvelles." if changes.added else ".")
        )
    in_progress = impact["in_progress"]
    if in_progress:
        text = (
            f"{_people(in_progress)} {_plural(in_progress, 'est', 'sont')} en cours : "
            "les étapes déjà faites restent comptées"
        )
        if impact["finishing"]:
            text += f" ; {impact['finishing']} {_plural(impact['finishing'], 'aura', 'auront')} fini le tutoriel"
        if impact["down"]:
            text += f" ; l'avancement baisse pour {impact['down']}, car il reste plus d'étapes à faire"
        if impact["up"]:
            text += f" ; il monte pour {impact['up']}"
        example = impact["example"]
        if example is not None:
            text += f" (par exemple de {example.percent_before} % à {example.percent_after} %)"
        sentences.append(text + ".")
        moves = impact["resume_moves"]
        if moves:
            sentences.append(
                f"Pour {_people(moves)}, « Reprendre » mènera à une autre étape : la première pas encore faite."
            )
    return " ".join(sentences)


def module_not_published_warning(page):
    """For a tutorial or quiz of an unpublished module: it will show only once the module is published."""
    parent = page.get_parent()
    if parent is None or not isinstance(parent.specific, ModulePage) or parent.live:
        return None
    kind = "ce quiz" if page.specific_class.__name__ == "QuizPage" else "ce tutoriel"
    return f"Le module « {parent.title} » n'est pas publié : {kind} ne sera visible qu'une fois le module publié."


def module_live_children_warning(module, *, unpublishing=False):
    """For a module with published tutorials or quizzes: they show only while the module is published."""
    children = list(module.live_learning_children()) if isinstance(module, ModulePage) else []
    if not children:
        return None
    count = len(children)
    titles = ", ".join(f"« {child.title} »" for child in children[:5]) + (" …" if count > 5 else "")
    one = count == 1
    if unpublishing:
        pages = "1 page publiée" if one else f"{count} pages publiées"
        return (
            f"Ce module contient {pages} ({titles}). Une fois le module dépublié, "
            f"{'elle ne sera' if one else 'elles ne seront'} plus visible{'' if one else 's'}, ni dans le catalogue "
            "ni par son adresse ; les progrès des personnes sont gardés. "
            f"{'Elle réapparaîtra' if one else 'Elles réapparaîtront'} quand le module sera publié de nouveau, sauf "
            f"si vous {'la' if one else 'les'} dépubliez aussi."
        )
    if module.live:
        return None
    if one:
        return (
            f"Ce module n'est pas publié : sa page publiée ({titles}) n'est pas visible. Elle le sera dès que le "
            "module sera publié."
        )
    return (
        f"Ce module n'est pas publié : ses {count} pages publiées ({titles}) ne sont pas visibles. Elles le seront "
        "dès que le module sera publié."
    )
