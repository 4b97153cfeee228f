"""The page editor's error summary: every field to fix, in words, with the tab it is on (issue 13)."""

from django import template
from django.urls import reverse

register = template.Library()

REQUIRED_CODES = {"required"}


def _tab_of_fields(edit_handler):
    tabs = {}
    for tab in getattr(edit_handler, "children", []):
        fields = tab.panel.get_form_options().get("fields", [])
        for name in fields:
            tabs.setdefault(name, tab.heading)
    return tabs


def _slug_taken_by(form, slug):
    parent = getattr(form, "parent_page", None)
    if parent is None or not slug:
        return None
    siblings = parent.get_children().filter(slug=slug)
    if form.instance.pk:
        siblings = siblings.exclude(pk=form.instance.pk)
    return siblings.first()


def _messages(form, name, errors):
    label = form.fields[name].label if name in form.fields else name
    for error in errors.as_data():
        if error.code in REQUIRED_CODES:
            yield f"« {label} » est à remplir.", None
        elif name == "slug" and (other := _slug_taken_by(form, form.data.get("slug"))):
            yield (
                f"Une autre page de cet endroit a déjà l'adresse « {other.slug} ». C'est peut-être un brouillon "
                "enregistré automatiquement lors d'un essai précédent. Reprenez ce brouillon, ou changez l'adresse "
                "dans l'onglet « Promotion ».",
                reverse("wagtailadmin_pages:edit", args=[other.pk]),
            )
        elif hasattr(error, "as_json_data"):  # a StreamField's: its own messages, and errors inside its blocks
            data = error.as_json_data()
            for message in data.get("messages", []):
                yield f"{label} : {message}", None
            if data.get("blockErrors"):
                yield f"« {label} » : un bloc contient une erreur. Ouvrez les blocs marqués en rouge.", None
        else:
            for message in error.messages:
                yield f"{label} : {message}", None


@register.inclusion_tag("wagtailadmin/pasapas/form_error_summary.html")
def form_error_summary(form, edit_handler=None):
    """Each error of a bound editor form, once, with its tab; nothing when the form has none."""
    if form is None or not form.is_bound or not form.errors:
        return {"items": []}
    tabs = _tab_of_fields(edit_handler)
    items, seen = [], set()
    for name, errors in form.errors.items():
        entries = [(m, None) for m in errors] if name == "__all__" else list(_messages(form, name, errors))
        for message, link in entries:
            if message in seen:
                continue
            seen.add(message)
            items.append({"message": message, "tab": tabs.get(name), "link": link, "field": name})
    return {"items": items}
