"""Pure scoring of quiz answers: plain questions (see assessments.questions) and decoded responses in, results out.

No database and no Wagtail here, so every rule can be tested directly and reused by the quiz views and reports.
"""

import html
import math
import re
import unicodedata
from dataclasses import dataclass

from assessments.questions import MATCHING, MULTIPLE, ORDERING, SHORT_ANSWER, SINGLE, TRUE_FALSE

# Float sums of GIFT weights (3 × 0.3333333) should still count as fully right, as in Moodle.
_TOLERANCE = 1e-6

MASTERY_RULES = ("none", "all", "m_of_n")


class InvalidResponse(ValueError):
    """The response does not fit the question (wrong type, unknown choice…): the form sent something impossible."""


@dataclass(frozen=True)
class Result:
    credit: float
    correct: bool
    answered: bool
    feedback: list[str]
    right_answer: str


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


def _allowed_typos(accepted: str) -> int:
    # As Pix does: up to a quarter of the accepted answer's length, so 1 to 3 characters must be exact.
    return math.floor(len(accepted) * 0.25)


# Response checks --------------------------------------------------------------------------------------------------


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_index(value, count: int) -> int:
    if not _is_int(value):
        raise InvalidResponse("Réponse invalide : un numéro de choix est attendu.")
    if not 0 <= value < count:
        raise InvalidResponse("Réponse invalide : ce choix n'existe pas.")
    return value


def _check_list(response) -> list:
    if not isinstance(response, list | tuple):
        raise InvalidResponse("Réponse invalide : une liste de choix est attendue.")
    return list(response)


def _clamp(credit: float) -> float:
    credit = min(max(credit, 0.0), 1.0)
    if credit > 1 - _TOLERANCE:
        return 1.0
    if credit < _TOLERANCE:
        return 0.0
    return credit


def _texts(texts) -> list[str]:
    return [text for text in texts if text and text.strip()]


# Per kind: (question, response that is not None) -> (credit, answered, feedback) --------------------------------


def _score_single(question, response):
    options = question["options"]
    option = options[_check_index(response, len(options))]
    return option["weight"], True, _texts([option.get("feedback", "")])


def _score_multiple(question, response):
    options = question["options"]
    chosen = sorted({_check_index(value, len(options)) for value in _check_list(response)})
    credit = sum(options[index]["weight"] for index in chosen)
    return credit, bool(chosen), _texts(options[index].get("feedback", "") for index in chosen)


def _score_true_false(question, response):
    if not isinstance(response, bool):
        raise InvalidResponse("Réponse invalide : vrai ou faux est attendu.")
    feedback = question.get("feedback_true", "") if response else question.get("feedback_false", "")
    return float(response == question["answer"]), True, _texts([feedback])


def _score_short_answer(question, response):
    if not isinstance(response, str):
        raise InvalidResponse("Réponse invalide : un texte est attendu.")
    given = normalize_answer(response)
    if not given:
        return 0.0, False, []
    best = None  # (distance, answer) of the closest accepted answer within its typo allowance
    for answer in question["answers"]:
        accepted = normalize_answer(plain_text(answer["text"]))
        allowed = _allowed_typos(accepted)
        if abs(len(accepted) - len(given)) > allowed:
            continue  # too far apart anyway; also spares the table for very long inputs
        distance = levenshtein(given, accepted)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, answer)
    if best is None:
        return 0.0, True, []
    return 1.0, True, _texts([best[1].get("feedback", "")])


def _score_matching(question, response):
    count = len(question["pairs"])
    choices = _check_list(response)
    if len(choices) != count:
        raise InvalidResponse("Réponse invalide : il faut un choix pour chaque élément à associer.")
    choices = [None if choice is None else _check_index(choice, count) for choice in choices]
    answered = any(choice is not None for choice in choices)
    right = sum(choice == index for index, choice in enumerate(choices))
    return (right / count if count else 0.0), answered, []


def _score_ordering(question, response):
    count = len(question["items"])
    order = _check_list(response)
    if not all(_is_int(index) for index in order) or sorted(order) != list(range(count)):
        raise InvalidResponse("Réponse invalide : chaque étape doit être placée une seule fois.")
    right = sum(index == position for position, index in enumerate(order))
    return (right / count if count else 0.0), bool(count), []


_SCORERS = {
    SINGLE: _score_single,
    MULTIPLE: _score_multiple,
    TRUE_FALSE: _score_true_false,
    SHORT_ANSWER: _score_short_answer,
    MATCHING: _score_matching,
    ORDERING: _score_ordering,
}


# Right answer, for the results page -------------------------------------------------------------------------------


def _the_answer(texts: list[str], *, joiner: str = ", ", several: str = "Les bonnes réponses") -> str:
    if not texts:
        return ""
    if len(texts) == 1:
        return f"La bonne réponse : {texts[0]}"
    return f"{several} : {joiner.join(texts)}"


def right_answer(question: dict) -> str:
    """A short plain-French statement of the right answer."""
    kind = question["kind"]
    if kind == SINGLE:
        best = max((option["weight"] for option in question["options"]), default=0)
        texts = [plain_text(option["text"]) for option in question["options"] if best > 0 and option["weight"] == best]
        return _the_answer(texts, joiner=" ou ", several="Les bonnes réponses possibles")
    if kind == MULTIPLE:
        return _the_answer([plain_text(option["text"]) for option in question["options"] if option["weight"] > 0])
    if kind == TRUE_FALSE:
        return "Vrai" if question["answer"] else "Faux"
    if kind == SHORT_ANSWER:
        return _the_answer([plain_text(answer["text"]) for answer in question["answers"]][:1])
    if kind == MATCHING:
        pairs = " ; ".join(f"{plain_text(pair['left'])} → {plain_text(pair['right'])}" for pair in question["pairs"])
        return f"Les paires : {pairs}"
    if kind == ORDERING:
        steps = ", ".join(f"{number}. {plain_text(item)}" for number, item in enumerate(question["items"], start=1))
        return f"L'ordre : {steps}"
    raise ValueError(f"Unknown question kind: {kind!r}")


# Public API -------------------------------------------------------------------------------------------------------


def score(question: dict, response) -> Result:
    """Score one response to one question. Raises InvalidResponse when the response cannot belong to it."""
    statement = right_answer(question)  # also rejects unknown kinds
    if response is None:
        return Result(credit=0.0, correct=False, answered=False, feedback=[], right_answer=statement)
    credit, answered, feedback = _SCORERS[question["kind"]](question, response)
    credit = _clamp(credit)
    return Result(credit=credit, correct=credit == 1.0, answered=answered, feedback=feedback, right_answer=statement)


def quiz_score(credits: list[float]) -> float:
    """Mean credit of a quiz, in [0, 1]."""
    return _clamp(sum(credits) / len(credits)) if credits else 0.0


def passed(*, credits: list[float], pass_mark: float, mastery_rule: str, mastery_count: int | None) -> bool:
    """Score at least the pass mark (a fraction) and the mastery rule ("none", "all" or "m_of_n") holds."""
    fully_right = sum(credit > 1 - _TOLERANCE for credit in credits)
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
    # A score equal to the pass mark passes, even when float sums land a hair below it.
    return mastery and quiz_score(credits) >= pass_mark - _TOLERANCE


def by_competence(results: list[tuple[str | None, float]]) -> dict[str, float]:
    """Mean credit per competence code, in order of first appearance; questions without a competence are left out."""
    totals: dict[str, list[float]] = {}
    for competence, credit in results:
        if competence:
            totals.setdefault(competence, []).append(credit)
    return {competence: sum(credits) / len(credits) for competence, credits in totals.items()}
