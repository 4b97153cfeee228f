"""Recommended modules after « Faire le point »: from a diagnostic profile to a short, ranked list.

Plain data in and out (no database, no Wagtail): the views turn module pages into ``ModuleInfo`` and the diagnostic
into levels and equipment gaps, and this module ranks. See ``recommend`` for the rule.
"""

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from learning.enums import ExclusionType, Level

# The profile level each module level suits: a module « débutant » is for someone who has not passed level 1 yet
# (profile level 0), and so on.
MODULE_RANKS = {Level.BEGINNER: 1, Level.INTERMEDIATE: 2, Level.AUTONOMOUS: 3}
EXCLUSION_TYPES = tuple(ExclusionType.values)

TARGET_LEVEL = 3
LIMIT = 5


@dataclass(frozen=True)
class ModuleInfo:
    id: int | str
    title: str
    level: str  # "debutant" | "intermediaire" | "autonome"
    competences: tuple[str, ...] = ()
    exclusion_type: str = "competence"  # "equipment" | "competence"
    addresses_gaps: tuple[str, ...] = ()

    def __post_init__(self):
        if self.level not in MODULE_RANKS:
            raise ValueError(f"Niveau de module inconnu : « {self.level} ».")
        if self.exclusion_type not in EXCLUSION_TYPES:
            raise ValueError(f"Type d'exclusion inconnu : « {self.exclusion_type} ».")


@dataclass(frozen=True)
class Recommendation:
    module_id: int | str
    reason: str


def _sort_text(text: str) -> tuple[str, str]:
    """French-friendly order: « Écrire » between « Dossier » and « Fichier », then the exact text for stability."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return plain.casefold(), text


def _sort_id(module_id: int | str) -> tuple[bool, int | str]:
    """Numbers before strings, so mixed ids still compare."""
    return isinstance(module_id, str), module_id


def _person_level(module: ModuleInfo, profile_levels: Mapping[str, int], overall: int) -> int:
    """The person's level for this module: their weakest assessed competence it covers, else their overall level."""
    assessed = [profile_levels[code] for code in module.competences if code in profile_levels]
    return min(assessed) if assessed else overall


def _join(items: Sequence[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} et {items[-1]}"


def _reason(module: ModuleInfo, gaps_covered: Sequence[str], missing: Sequence[str], titles: Mapping[str, str]) -> str:
    if gaps_covered or not missing:
        return f"Pour apprendre : {module.title}."
    return f"Vous pourrez progresser en : {_join([titles.get(code, f'compétence {code}') for code in missing])}."


def recommend(
    profile_levels: Mapping[str, int],
    equipment_gaps: Iterable[str],
    modules: Iterable[ModuleInfo],
    *,
    limit: int = LIMIT,
    target_level: int = TARGET_LEVEL,
    competence_titles: Mapping[str, str] | None = None,
) -> list[Recommendation]:
    """At most ``limit`` modules for this person, best first, each with a short reason in plain French.

    The rule:

    * **Competence gap** of a module: the sum, over its distinct competences, of ``max(0, target_level − level)``.
      A competence the check did not assess (absent from ``profile_levels``) counts for nothing: recommendations
      rest on evidence only.
    * **Equipment bonus**: ``2 × target_level`` for each equipment gap of the person the module addresses
      (``addresses_gaps``), so a module that removes a blocker (no email, no internet…) outweighs a module on one
      missing competence. ``exclusion_type`` does not change the score: what counts is the gap addressed.
    * **Score** = competence gap + equipment bonus. A module scoring 0 covers nothing the person lacks: left out.
    * **Level fit**: the person's level for a module is their lowest assessed level among its competences (their
      overall level, the rounded-down mean of ``profile_levels``, when none is assessed; 0 with an empty profile).
      The module suits them at rank ``level + 1`` (« débutant » = 1, « intermédiaire » = 2, « autonome » = 3);
      ``steps_above = max(0, module rank − (person level + 1))`` counts how far above them it is.
    * **Order**: fewest ``steps_above`` first (so a beginner sees every useful « débutant » module before any
      harder one), then highest score, then title (accents and case ignored), then id, for determinism.

    The reason names the module when it addresses one of the person's equipment gaps (« Pour apprendre : Créer une
    adresse électronique. »), otherwise the competences it would improve, by title from ``competence_titles`` when
    given (« Vous pourrez progresser en : Sécuriser ses appareils et Protéger ses données. »).
    """
    if limit < 0:
        raise ValueError("Le nombre de modules recommandés ne peut pas être négatif.")
    if target_level < 1:
        raise ValueError("Le niveau visé doit être au moins 1.")
    gaps = set(equipment_gaps)
    titles = competence_titles or {}
    overall = sum(profile_levels.values()) // len(profile_levels) if profile_levels else 0

    ranked = []
    seen = set()
    for module in modules:
        if module.id in seen:
            raise ValueError(f"Le module « {module.id} » apparaît deux fois.")
        seen.add(module.id)
        competences = list(dict.fromkeys(module.competences))
        missing = [code for code in competences if code in profile_levels and profile_levels[code] < target_level]
        competence_gap = sum(target_level - profile_levels[code] for code in missing)
        gaps_covered = [gap for gap in dict.fromkeys(module.addresses_gaps) if gap in gaps]
        score = competence_gap + 2 * target_level * len(gaps_covered)
        if score <= 0:
            continue
        person_level = max(0, _person_level(module, profile_levels, overall))
        steps_above = max(0, MODULE_RANKS[module.level] - (person_level + 1))
        key = (steps_above, -score, _sort_text(module.title), _sort_id(module.id))
        ranked.append((key, Recommendation(module.id, _reason(module, gaps_covered, missing, titles))))

    ranked.sort(key=lambda item: item[0])
    return [recommendation for _, recommendation in ranked[:limit]]
