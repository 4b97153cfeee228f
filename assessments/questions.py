"""The plain form of a question, shared by the quiz blocks, the scoring functions and the GIFT parser and writer.

Everything here is plain data (dicts, lists, strings, numbers): no database, no Wagtail. A question is a dict:

    {
        "kind": str,                       # the name of a registered kind (assessments.kinds)
        "name": str,                       # short title (GIFT ::name::), may be ""
        "stem": str,                       # the question text, HTML allowed (<p>, <b>, <i>, <ul>, <li>, <a>)
        "explanation": str,                # general feedback shown after answering, may be ""
        "competence": str | None,          # a competence code such as "4.2", or None
        "level": int | None,               # 1..8, or None
        # kind-specific keys (each kind's module says which it reads and writes):
        "options": [{"text": str, "weight": number, "feedback": str}, ...],  # single, multiple
        "answer": bool, "feedback_true": str, "feedback_false": str,       # true_false
        "answers": [{"text": str, "feedback": str}, ...],                  # short_answer (accepted answers)
        "typos": bool,                     # short_answer: small typos tolerated in words (missing: True)
        "pairs": [{"left": str, "right": str}, ...],                        # matching
        "items": [str, ...],                                                # ordering, in the right order
    }

Option weights are fractions in [-1, 1] (GIFT's %50% is 0.5): fractions.Fraction from the blocks, floats from GIFT,
read exactly by assessments.scoring.exact (0.3333333 is a third). For "single", the right option has weight 1 and
the others 0 (a partly right option may have a weight between 0 and 1). For "multiple", positive weights of the
right options add up to 1; wrong options carry negative weights, and a wrong option weighing 0 (GIFT's bare « ~ »)
costs as much as one right option brings when the points are split equally (see scoring.multiple_weights).

An accepted short answer with a digit in it (« 2025 », « 33 700 ») is matched exactly, spaces left out, whatever
"typos" says.

Responses, as the quiz form sends them once decoded:
    single: int (option index) · multiple: list[int] · true_false: bool · short_answer: str ·
    matching: list[int] (for each pair's left side, the index of the chosen right side, in the order of "pairs") ·
    ordering: list[int] (indexes into "items", in the order the person put them)
A missing answer is None for every kind.
"""
