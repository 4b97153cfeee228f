"""The adaptive competence check of « Faire le point »: which question comes next, and the level it leads to.

Plain data in and out (no database, no Wagtail), so the views keep the answers in the session and replay them here.

The rules
---------
* The pool is a list of questions, each tagged with a competence code and a level. A competence's levels are the
  distinct levels its questions use; its *top level* is the highest of them. Questions without a competence code
  are not part of the check.
* Competences take turns (round-robin), in the order they first appear in the pool, so the person never faces a
  long run of questions on the same topic. A competence that has stopped loses its turn.
* Per competence, **one question per level**, and the levels are searched rather than climbed:
    - the first question is at the lowest level (nobody starts with a hard one);
    - a right answer passes that level (and every level under it) and jumps to the highest level not yet known
      to be failed: an expert answers 2 questions per competence with three levels;
    - a wrong answer or « Je ne sais pas » (``correct=None``) fails that level (and every level above it) and asks
      the middle of the levels still unknown, the lower one on a tie;
    - the competence stops when no level is left between the highest passed and the lowest failed. So a
      « Je ne sais pas » at the lowest level ends the competence at once, and three levels need at most three
      questions.
* Within a competence and a level, questions come in pool order: no randomness, the same inputs give the same run.
* **No-knowledge exit**: after ``DONT_KNOW_STREAK`` (8) « Je ne sais pas » in a row, the check ends for every
  competence. With the round-robin, a person answering « Je ne sais pas » everywhere sees one question per
  competence, and never more than 8 in all.
* Overall, at most ``max_questions`` (25) are asked: at that point the check stops for every competence.
* If every competence has stopped before ``min_questions`` (10), *confirmation questions* are added, one at a time,
  until the minimum is reached or the pool runs out — but only for competences where the person passed a level:
  there is nothing to confirm for a beginner, who is not kept answering questions they said they do not know.
    - the competence with the fewest answers goes first (the least evidence); ties go to the next competence in
      round-robin order after the last one asked, which keeps the questions interleaved;
    - within it, the question is taken at the level reached (the highest level passed), then at the nearest
      levels, the lower one first on a tie, in pool order.
  Confirmation answers add evidence for the advisor but never move the level: the level is the outcome of the
  adaptive part alone.
* The outcome (``levels``) is, per competence asked at least once, the highest level passed, or 0 when none was.
  Competences never asked (cut by the maximum or the no-knowledge exit) and competences absent from the pool are
  left out.

Answers must follow the order the check asks in: every function replays them and raises ``ValueError`` (with a
French message) on an unknown question, a question answered twice or a question the check would not have asked
at that point, so a tampered session can be refused (``validate_answers``, with the same limits as the run).
``levels`` takes no limits (the outcome does not depend on them): it checks the adaptive order only.

``progress`` gives (answered, at most): the question on screen is number ``answered + 1`` of at most ``total``.
``total`` is a true upper bound of the length of the run, whatever the answers to come, and it never grows from
one question to the next: « Question 7 sur 12 au maximum » can only become « Question 8 sur 12 » or less.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

MIN_QUESTIONS = 10
MAX_QUESTIONS = 25

# How many « Je ne sais pas » in a row end the whole check.
DONT_KNOW_STREAK = 8


@dataclass(frozen=True)
class Question:
    id: str
    competence: str
    level: int


@dataclass(frozen=True)
class Answer:
    """The answer to one question: True (right), False (wrong) or None (« Je ne sais pas », counted as wrong)."""

    question_id: str
    correct: bool | None


def _middle(passed: int, failed: int) -> int:
    """The level index to ask between the highest passed and the lowest failed (exclusive): the lower middle."""
    return (passed + failed) // 2


@cache
def _worst_case(passed: int, failed: int, current: int) -> int:
    """The most questions a running competence may still ask, `current` (the next level index) included."""
    after_right = 0 if current + 1 >= failed else _worst_case(current, failed, failed - 1)
    after_wrong = 0 if passed + 1 >= current else _worst_case(passed, current, _middle(passed, current))
    return 1 + max(after_right, after_wrong)


@dataclass
class _Track:
    """Where one competence stands while the answers are replayed. Positions are indexes into `levels`."""

    code: str
    levels: tuple[int, ...]  # distinct levels present in the pool, ascending
    passed: int = -1  # highest level index passed, -1 when none
    failed: int = -1  # lowest level index failed, len(levels) when none (set in __post_init__)
    current: int = 0  # the level index asked next while running
    stopped: bool = False
    answered: int = 0  # adaptive and confirmation answers

    def __post_init__(self):
        self.failed = len(self.levels)

    @property
    def level(self) -> int:
        return self.levels[self.current]

    @property
    def best(self) -> int:
        return self.levels[self.passed] if self.passed >= 0 else 0

    def record(self, correct: bool | None) -> None:
        if correct is True:
            self.passed = self.current
            self.current = self.failed - 1
        else:
            self.failed = self.current
            self.current = _middle(self.passed, self.failed)
        if self.failed - self.passed <= 1:
            self.stopped = True

    def worst_case(self) -> int:
        return 0 if self.stopped else _worst_case(self.passed, self.failed, self.current)


@dataclass
class _State:
    pool: tuple[Question, ...]
    tracks: dict[str, _Track]  # in round-robin order
    by_id: dict[str, Question]
    by_slot: dict[tuple[str, int], list[Question]]  # (competence, level) -> questions in pool order
    asked: set[str] = field(default_factory=set)
    count: int = 0
    dont_know_streak: int = 0
    last_competence: str | None = None

    def unasked(self, code: str, level: int) -> list[Question]:
        return [question for question in self.by_slot.get((code, level), []) if question.id not in self.asked]

    def rotation(self) -> list[str]:
        """The competences in round-robin order, starting after the last one asked (which comes last)."""
        codes = list(self.tracks)
        if self.last_competence is None:
            return codes
        start = codes.index(self.last_competence) + 1
        return codes[start:] + codes[:start]

    @property
    def gave_up(self) -> bool:
        return self.dont_know_streak >= DONT_KNOW_STREAK


def _check_limits(min_questions: float, max_questions: float) -> None:
    if not 0 <= min_questions <= max_questions:
        raise ValueError(f"Limites incohérentes : minimum {min_questions}, maximum {max_questions}.")


def _start(pool: Iterable[Question]) -> _State:
    questions = tuple(question for question in pool if question.competence)
    by_id: dict[str, Question] = {}
    by_slot: dict[tuple[str, int], list[Question]] = {}
    levels: dict[str, set[int]] = {}
    for question in questions:
        if question.id in by_id:
            raise ValueError(f"La question « {question.id} » apparaît deux fois dans la liste des questions.")
        by_id[question.id] = question
        by_slot.setdefault((question.competence, question.level), []).append(question)
        levels.setdefault(question.competence, set()).add(question.level)
    tracks = {code: _Track(code=code, levels=tuple(sorted(found))) for code, found in levels.items()}
    return _State(pool=questions, tracks=tracks, by_id=by_id, by_slot=by_slot)


def _next(state: _State, min_questions: float, max_questions: float) -> Question | None:
    if state.count >= max_questions or state.gave_up:
        return None
    rotation = state.rotation()
    for code in rotation:
        track = state.tracks[code]
        if not track.stopped:
            # A running competence asks a level it has not asked yet: a level of the pool has a question.
            return state.unasked(code, track.level)[0]
    if state.count >= min_questions:
        return None
    return _confirmation(state, rotation)


def _confirmation(state: _State, rotation: list[str]) -> Question | None:
    """An extra question once every competence has stopped short of the minimum (see the module docstring)."""
    order = {code: position for position, code in enumerate(rotation)}
    confirmable = [code for code in rotation if state.tracks[code].passed >= 0]
    for code in sorted(confirmable, key=lambda code: (state.tracks[code].answered, order[code])):
        track = state.tracks[code]
        for level in sorted(track.levels, key=lambda level: (abs(level - track.best), level)):
            remaining = state.unasked(code, level)
            if remaining:
                return remaining[0]
    return None


def _record(state: _State, question: Question, correct: bool | None) -> None:
    track = state.tracks[question.competence]
    state.asked.add(question.id)
    state.count += 1
    state.last_competence = question.competence
    state.dont_know_streak = state.dont_know_streak + 1 if correct is None else 0
    track.answered += 1
    if not track.stopped:  # a confirmation answer is more evidence, same level
        track.record(correct)


def _upper_bound(state: _State, min_questions: float, max_questions: float) -> int:
    """The most questions the run can have in all, whatever the answers to come (the check is not over)."""
    adaptive_end = state.count + sum(track.worst_case() for track in state.tracks.values())
    # Confirmation questions need a competence with a level passed, now or later (a running one may pass one).
    may_confirm = any(track.passed >= 0 or not track.stopped for track in state.tracks.values())
    bound = max(adaptive_end, min_questions) if may_confirm else adaptive_end
    return int(min(bound, max_questions, len(state.pool)))


def _replay(
    pool: Iterable[Question], answers: Iterable[Answer], min_questions: int | None, max_questions: int | None
) -> tuple[_State, Question | None, int]:
    """Replay the answers in order, checking each is the question the check would have asked.

    Returns the state, the question to ask next and the smallest upper bound of the run's length seen so far.
    Without limits (None, None), only the adaptive part is checked: once every competence has stopped, any further
    answer to a question not yet asked is taken as a confirmation answer, whatever the limits were.
    """
    lenient = min_questions is None or max_questions is None
    if lenient:
        min_questions, max_questions = 0, math.inf
    _check_limits(min_questions, max_questions)
    state = _start(pool)
    expected = _next(state, min_questions, max_questions)
    bound = _upper_bound(state, min_questions, max_questions) if expected is not None else 0
    for answer in answers:
        question = state.by_id.get(answer.question_id)
        if question is None:
            raise ValueError("Une réponse porte sur une question qui ne fait pas partie du questionnaire.")
        if question.id in state.asked:
            raise ValueError("La même question a reçu deux réponses.")
        if answer.correct not in (True, False, None):
            raise ValueError("Une réponse n'est ni juste, ni fausse, ni « Je ne sais pas ».")
        if expected is None and not lenient:
            raise ValueError("Le questionnaire était déjà terminé : cette réponse n'était pas attendue.")
        if expected is not None and question.id != expected.id:
            raise ValueError("Les réponses ne suivent pas l'ordre dans lequel les questions ont été posées.")
        _record(state, question, answer.correct)
        expected = _next(state, min_questions, max_questions)
        if expected is not None:
            bound = min(bound, _upper_bound(state, min_questions, max_questions))
    return state, expected, bound


# Public API -----------------------------------------------------------------------------------------------------


def validate_answers(
    pool: Sequence[Question],
    answers: Sequence[Answer],
    *,
    min_questions: int = MIN_QUESTIONS,
    max_questions: int = MAX_QUESTIONS,
) -> None:
    """Raise ValueError (French message) unless the answers are exactly a run of the check on this pool."""
    _replay(pool, answers, min_questions, max_questions)


def next_question(
    pool: Sequence[Question],
    answers: Sequence[Answer],
    *,
    min_questions: int = MIN_QUESTIONS,
    max_questions: int = MAX_QUESTIONS,
) -> Question | None:
    """The question to ask now, or None when the check is over. Raises ValueError on answers out of order."""
    return _replay(pool, answers, min_questions, max_questions)[1]


def is_finished(
    pool: Sequence[Question],
    answers: Sequence[Answer],
    *,
    min_questions: int = MIN_QUESTIONS,
    max_questions: int = MAX_QUESTIONS,
) -> bool:
    return next_question(pool, answers, min_questions=min_questions, max_questions=max_questions) is None


def levels(pool: Sequence[Question], answers: Sequence[Answer]) -> dict[str, int]:
    """Level per competence asked at least once (pool order): the highest level passed, 0 for a beginner.

    The levels do not depend on the limits, so none are asked for: the adaptive order is checked (ValueError
    otherwise) and answers after every competence has stopped count as confirmation answers. Call
    ``validate_answers`` with the limits to check a whole session. Works on a check in progress too.
    """
    state, _, _ = _replay(pool, answers, None, None)
    return {code: track.best for code, track in state.tracks.items() if track.answered}


def top_levels(pool: Sequence[Question]) -> dict[str, int]:
    """The top level of each competence of the pool (pool order): the upper bound of ``levels``."""
    return {code: track.levels[-1] for code, track in _start(pool).tracks.items()}


def progress(
    pool: Sequence[Question],
    answers: Sequence[Answer],
    *,
    min_questions: int = MIN_QUESTIONS,
    max_questions: int = MAX_QUESTIONS,
) -> tuple[int, int]:
    """(questions answered, at most how many in all) for « Question {answered + 1} sur {total} au maximum ».

    ``total`` is the smallest, over the answers given so far, of a true upper bound of the run's length (each
    running competence's longest search, the minimum when confirmation questions are possible, the maximum and the
    pool's size): it never grows, and while the check runs, answered < total. Once it is over, total == answered.
    """
    state, upcoming, bound = _replay(pool, answers, min_questions, max_questions)
    if upcoming is None:
        return state.count, state.count
    return state.count, bound
