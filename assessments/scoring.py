"""Pure scoring of quiz answers: plain questions (see assessments.questions) and decoded responses in, results out.

No database and no Wagtail here, so every rule can be tested directly and reused by the quiz views and reports.
"""

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from assessments import kinds

# Credits and scores are exact fractions. A float (a GIFT weight such as 0.3333333, a credit read back from a
# FloatField) is taken as the simple fraction it stands for: within a millionth of one with a denominator of at
# most 1000 (so 3 × 0.3333333 is exactly 1), else the closest with a denominator of at most a million.
_SNAP_DENOMINATOR = 1000
_SNAP_DISTANCE = Fraction(1, 10**6)
_MAX_DENOMINATOR = 10**6


class InvalidResponse(ValueError):
    """The response does not fit the question (wrong type, unknown choice…): the form sent something impossible."""


@dataclass(frozen=True)
class Result:
    credit: Fraction  # exact, in [0, 1]; 1 means fully right
    correct: bool
    answered: bool
    feedback: list[str]
    right_answer: str

    @property
    def percent(self) -> int:
        """The credit as the whole percent the results page shows (see percent())."""
        return percent(self.credit)


# Exact numbers ---------------------------------------------------------------------------------------------------


def exact(value) -> Fraction:
    """The exact fraction a weight, a credit or a score stands for (see _SNAP_DENOMINATOR)."""
    if isinstance(value, bool):
        raise TypeError("A weight or a credit is a number, not a bool.")
    if isinstance(value, Fraction | int | Decimal):
        return Fraction(value)
    if not math.isfinite(value):
        raise ValueError("A weight or a credit must be a finite number.")
    raw = Fraction(value)
    simple = raw.limit_denominator(_SNAP_DENOMINATOR)
    return simple if abs(simple - raw) <= _SNAP_DISTANCE else raw.limit_denominator(_MAX_DENOMINATOR)


def percent(value) -> int:
    """A credit or a score as a whole percent for display: 100 only when fully right, 0 only when nothing is.

    Rounded half up in between, but never to 100 or 0: 99.6 % shows 99 %, 0.4 % shows 1 %.
    """
    value = exact(value)
    if value >= 1:
        return 100
    if value <= 0:
        return 0
    return min(max(math.floor(value * 100 + Fraction(1, 2)), 1), 99)


# Multiple-choice weights, as a trainer sets them ------------------------------------------------------------------
#
# Each option is marked right or not and may carry a weight in percent (a Decimal, None when left empty):
# * a right option brings a positive share; right options left empty share equally what the others leave, so all
#   empty is an equal split and the right options always add up to exactly 100 %;
# * a wrong option takes points away: its own negative weight, or when left empty as much as one right answer
#   brings when the points are split equally (1 / number of right options). Ticking every option therefore never
#   scores 100 % when a wrong one exists, and ticking a wrong one never raises the score.


@dataclass(frozen=True)
class WeightProblems:
    """What the editor says about multiple-choice weights: per option index, and about the options as a whole."""

    options: dict[int, str]
    total: str = ""

    def __bool__(self):
        return bool(self.options or self.total)


def _format_percent(value: Fraction) -> str:
    text = f"{float(value):.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} %"


def check_multiple_weights(options: list[tuple[bool, Decimal | None]]) -> WeightProblems:
    """The problems of (right, weight in percent or None) pairs; empty when the weights can be used."""
    problems: dict[int, str] = {}
    for index, (right, weight) in enumerate(options):
        if weight is None:
            continue
        if not -100 <= weight <= 100:
            problems[index] = "Le poids doit être compris entre -100 et 100."
        elif right and weight <= 0:
            problems[index] = "Une bonne réponse rapporte des points : mettez un poids positif ou laissez vide."
        elif not right and weight > 0:
            problems[index] = (
                "Cette réponse n'est pas cochée comme bonne : elle ne peut pas rapporter de points. Mettez un poids "
                "négatif (une pénalité) ou laissez vide, ou cochez « Bonne réponse »."
            )
        elif not right and weight == 0:
            problems[index] = (
                "Une mauvaise réponse retire des points, sinon tout cocher donnerait 100 % : mettez un poids négatif "
                "ou laissez vide (elle retire alors autant qu'une bonne réponse rapporte)."
            )
    if problems:
        return WeightProblems(problems)
    rights = [weight for right, weight in options if right]
    if not rights:
        return WeightProblems({}, "Cochez au moins une bonne réponse.")
    given = sum((exact(weight) for weight in rights if weight is not None), Fraction(0))
    empty = sum(1 for weight in rights if weight is None)
    if empty and given >= 100:
        return WeightProblems(
            {},
            f"Les poids des bonnes réponses font déjà {_format_percent(given)} : il ne reste rien pour les bonnes "
            "réponses sans poids. Baissez les poids ou laissez-les tous vides pour partager les points.",
        )
    if not empty and given != 100:
        return WeightProblems(
            {},
            f"Les poids des bonnes réponses font {_format_percent(given)} : il faut 100 % en tout. Laissez-les "
            "vides pour partager les points à parts égales.",
        )
    return WeightProblems({})


def multiple_weights(options: list[tuple[bool, Decimal | None]]) -> list[Fraction]:
    """Exact weights (fractions of 1) of (right, weight in percent or None) pairs.

    For weights check_multiple_weights accepts, exactly the rules above. Weights saved before the editor checked
    them are read the closest sensible way, never refused (a page or an old attempt must still show): a right
    option's weight of 0 or less counts as empty, right weights that do not make 100 % are scaled to 100 % (33 %
    three times is a third each), and a wrong option without a negative weight costs the default penalty.
    """
    weights = [None if weight is None else exact(weight) / 100 for _right, weight in options]
    rights = [index for index, (right, _weight) in enumerate(options) if right]
    for index in rights:
        if weights[index] is not None and weights[index] <= 0:
            weights[index] = None
    given = sum((weights[index] for index in rights if weights[index] is not None), Fraction(0))
    empty = [index for index in rights if weights[index] is None]
    if empty and given >= 1:  # nothing left for the empty ones: an equal split of all right options
        given, empty = Fraction(0), rights
        for index in rights:
            weights[index] = None
    penalty = default_penalty(len(rights))
    result = []
    for index, (right, _weight) in enumerate(options):
        weight = weights[index]
        if not right:
            result.append(max(weight, Fraction(-1)) if weight is not None and weight < 0 else penalty)
        elif weight is None:
            result.append((1 - given) / len(empty))
        else:
            result.append(weight if empty else weight / given)  # scaled to 100 % when all are given
    return result


def default_penalty(right_count: int) -> Fraction:
    """What a wrong option without a weight of its own takes away: one equal share of the right answers."""
    return -Fraction(1, max(right_count, 1))


# Text helpers ---------------------------------------------------------------------------------------------------

_BLOCK_TAG = re.compile(r"</?(?:p|br|div|ul|ol|li)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


def plain_text(text: str) -> str:
    """The text of an HTML fragment, on one line."""
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub(" ", text or ""))
    return " ".join(html.unescape(text).split())


def normalize_answer(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single inner spaces and none around."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    return " ".join(text.split())


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions), with two rows of the usual table."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def is_number_answer(text: str) -> bool:
    """An accepted answer with a digit in it (« 2025 », « 33 700 », « 17Cyber »): matched exactly, never fuzzily."""
    return any(char.isdigit() for char in text)


# Response checks --------------------------------------------------------------------------------------------------


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_index(value, count: int) -> int:
    if not is_int(value):
        raise InvalidResponse("Réponse invalide : un numéro de choix est attendu.")
    if not 0 <= value < count:
        raise InvalidResponse("Réponse invalide : ce choix n'existe pas.")
    return value


def check_list(response) -> list:
    if not isinstance(response, list | tuple):
        raise InvalidResponse("Réponse invalide : une liste de choix est attendue.")
    return list(response)


def safe_index(value, count):
    """The index when it is one of `count` choices, else None (a saved response is shown, never trusted)."""
    return value if is_int(value) and 0 <= value < count else None


def _clamp(credit) -> Fraction:
    return min(max(exact(credit), Fraction(0)), Fraction(1))


def feedback_texts(texts) -> list[str]:
    return [text for text in texts if text and text.strip()]


def the_answer(texts: list[str], *, joiner: str = ", ", several: str = "Les bonnes réponses") -> str:
    """« La bonne réponse : … », or the `several` form for more than one text; "" for none."""
    if not texts:
        return ""
    if len(texts) == 1:
        return f"La bonne réponse : {texts[0]}"
    return f"{several} : {joiner.join(texts)}"


# Per kind: assessments.kinds -------------------------------------------------------------------------------------


def right_answer(question: dict) -> str:
    """A short plain-French statement of the right answer. Raises kinds.UnknownKind (a ValueError)."""
    return kinds.get(question["kind"]).right_answer(question)


# Public API -------------------------------------------------------------------------------------------------------


def score(question: dict, response) -> Result:
    """Score one response to one question. Raises InvalidResponse when the response cannot belong to it."""
    kind = kinds.get(question["kind"])  # rejects unknown kinds, answered or not
    statement = kind.right_answer(question)
    if response is None:
        return Result(credit=Fraction(0), correct=False, answered=False, feedback=[], right_answer=statement)
    credit, answered, feedback = kind.score(question, response)
    credit = _clamp(credit)
    return Result(credit=credit, correct=credit == 1, answered=answered, feedback=feedback, right_answer=statement)


def quiz_score(credits: list) -> Fraction:
    """Mean credit of a quiz, exact, in [0, 1] (credits may be fractions or the floats stored for them)."""
    return _clamp(sum((exact(credit) for credit in credits), Fraction(0)) / len(credits)) if credits else Fraction(0)


def passed(*, credits: list, pass_mark, mastery_rule: str, mastery_count: int | None) -> bool:
    """Score at least the pass mark (a fraction) and the mastery rule ("none", "all" or "m_of_n") holds."""
    fully_right = sum(exact(credit) >= 1 for credit in credits)
    if mastery_rule == "none":
        mastery = True
    elif mastery_rule == "all":
        mastery = fully_right == len(credits)
    elif mastery_rule == "m_of_n":
        if mastery_count is None:
            raise ValueError("The m_of_n mastery rule needs a mastery_count.")
        mastery = fully_right >= mastery_count
    else:
        raise ValueError(f"Unknown mastery rule: {mastery_rule!r}")
    # Exact: a score equal to the pass mark passes (7 right out of 10 is 70 %, not a hair below).
    return mastery and quiz_score(credits) >= exact(pass_mark)


def by_competence(results: list[tuple[str | None, object]]) -> dict[str, Fraction]:
    """Mean credit per competence code, in order of first appearance; questions without a competence are left out."""
    totals: dict[str, list[Fraction]] = {}
    for competence, credit in results:
        if competence:
            totals.setdefault(competence, []).append(exact(credit))
    return {competence: sum(credits, Fraction(0)) / len(credits) for competence, credits in totals.items()}
