"""Builders of plain questions (assessments.questions) for the demo content."""

from fractions import Fraction


def single(stem, options, right, competence, explanation="", feedback=None):
    feedback = feedback or {}
    return {
        "kind": "single",
        "stem": f"<p>{stem}</p>",
        "explanation": explanation,
        "competence": competence,
        "level": 1,
        "options": [
            {"text": text, "weight": 1.0 if i == right else 0.0, "feedback": feedback.get(i, "")}
            for i, text in enumerate(options)
        ],
    }


def multiple(stem, options, rights, competence, explanation="", penalty=0, feedback=None):
    feedback = feedback or {}
    # Exact shares (a third, not 0.33), so that every right option ticked is exactly 100 %. A penalty of 0 leaves
    # the default one: a wrong option ticked takes away one share (assessments.scoring.multiple_weights).
    share = Fraction(1, len(rights))
    return {
        "kind": "multiple",
        "stem": f"<p>{stem}</p>",
        "explanation": explanation,
        "competence": competence,
        "level": 1,
        "options": [
            {"text": text, "weight": share if i in rights else -penalty, "feedback": feedback.get(i, "")}
            for i, text in enumerate(options)
        ],
    }


def true_false(stem, answer, competence, explanation="", feedback_true="", feedback_false=""):
    return {
        "kind": "true_false",
        "stem": f"<p>{stem}</p>",
        "explanation": explanation,
        "competence": competence,
        "level": 1,
        "answer": answer,
        "feedback_true": feedback_true,
        "feedback_false": feedback_false,
    }


def short(stem, answers, competence, explanation="", feedback=""):
    """`feedback` is shown for every accepted answer."""
    return {
        "kind": "short_answer",
        "stem": f"<p>{stem}</p>",
        "explanation": explanation,
        "competence": competence,
        "level": 1,
        "answers": [{"text": text, "feedback": feedback} for text in answers],
    }


def matching(stem, pairs, competence, explanation=""):
    return {
        "kind": "matching",
        "stem": f"<p>{stem}</p>",
        "explanation": explanation,
        "competence": competence,
        "level": 1,
        "pairs": [{"left": left, "right": right} for left, right in pairs],
    }


def ordering(stem, items, competence, explanation=""):
    return {
        "kind": "ordering",
        "stem": f"<p>{stem}</p>",
        "explanation": explanation,
        "competence": competence,
        "level": 1,
        "items": items,
    }
