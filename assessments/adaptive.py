"""The adaptive competence check of « Faire le point »: which question comes next, and the level it leads to.

Plain data in and out (no database, no Wagtail), so the views keep the answers in the session and replay them here.

The rules
---------
* The pool is a list of questions, each tagged with a competence code and a level. A competence's levels are the
  distinct levels its questions use; its *top level* is the highest of them. Questions without a competence code
  are not part of the check.
* Competences take turns (round-robin), in the order they first appear in the pool, so the person never faces a
  long run of questions on the same topic. A competence that has stopped loses its turn.
* Per competence, the check starts at the lowest level. A success moves one level up (to the next level present in
  the pool). The competence stops after a success at its top level, after 2 failures at the same level, or when its
  current level has no question left. « Je ne sais pas » (``correct=None``) counts as a failure.
* Within a competence and a level, questions come in pool order: no randomness, the same inputs give the same run.
* Overall, at most ``max_questions`` (25) are asked: at that point the check stops for every competence.
* If every competence has stopped before ``min_questions`` (15), *confirmation questions* are added, one at a time,
  until the minimum is reached or the pool runs out:
    - the competence with the fewest answers goes first (the least evidence); ties go to the next competence in
      round-robin order after the last one asked, which keeps the questions interleaved;
    - within it, the question is taken at the level that was reached (the highest level succeeded, or the lowest
      level when none was), then at the nearest levels, the lower one first on a tie, in pool order.
  Confirmation answers add evidence for the advisor (the per-competence scores of the results page) but never move
  the level: the level is the outcome of the adaptive part alone.
* The outcome (``levels``) is, per competence asked at least once, the highest level succeeded, or 0 when none was.
  Competences never asked (cut by the maximum) and competences absent from the pool are left out.

Answers must follow the order the check asks in: every function replays them and raises ``ValueError`` (with a
French message) on an unknown question, a question answered twice or a question the check would not have asked
at that point, so a tampered session can be refused (``validate_answers``, with the same limits as the run).
``levels`` takes no limits (the outcome does not depend on them): it checks the adaptive order only.

``progress`` gives (answered, estimated total); the question on screen is number ``answered + 1``.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MIN_QUESTIONS = 15
MAX_QUESTIONS = 25

# How many failures at a level stop a competence.
FAILURES_TO_STOP = 2


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


@dataclass
class _Track:
    """Where one competence stands while the answers are replayed."""

    code: str
    levels: tuple[int, ...]  # distinct levels present in the pool, ascending
    index: int = 0  # position of the current level in `levels`
    failures: int = 0  # failures at the current level
    best: int = 0  # highest level succeeded, 0 when none
    stopped: bool = False
    answered: int = 0  # adaptive and confirmation answers

    @property
    def level(self) -> int:
        return self.levels[self.index]


@dataclass
class _State:
    pool: tuple[Question, ...]
    tracks: dict[str, _Track]  # in round-robin order
    by_id: dict[str, Question]
    by_slot: dict[tuple[str, int], list[Question]]  # (competence, level) -> questions in pool order
    asked: set[str] = field(default_factory=set)
    count: int = 0
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
    if state.count >= max_questions:
        return None
    rotation = state.rotation()
    for code in rotation:
        track = state.tracks[code]
        if not track.stopped:
            # A running competence always has a question left at its current level (see _record).
            return state.unasked(code, track.level)[0]
    if state.count >= min_questions:
        return None
    return _confirmation(state, rotation)


def _confirmation(state: _State, rotation: list[str]) -> Question | None:
    """An extra question once every competence has stopped short of the minimum (see the module docstring)."""
    order = {code: position for position, code in enumerate(rotation)}
    for code in sorted(rotation, key=lambda code: (state.tracks[code].answered, order[code])):
        track = state.tracks[code]
        target = track.best or track.levels[0]
        for level in sorted(track.levels, key=lambda level: (abs(level - target), level)):
            remaining = state.unasked(code, level)
            if remaining:
                return remaining[0]
    return None


def _record(state: _State, question: Question, correct: bool | None) -> None:
    track = state.tracks[question.competence]
    state.asked.add(question.id)
    state.count += 1
    state.last_competence = question.competence
    track.answered += 1
    if track.stopped:  # a confirmation question: more evidence, same level
        return
    if correct is True:
        track.best = track.level
        if track.index == len(track.levels) - 1:
            track.stopped = True
        else:
            track.index += 1
            track.failures = 0
    else:
        track.failures += 1
        if track.failures >= FAILURES_TO_STOP or not state.unasked(track.code, track.level):
            track.stopped = True


def _replay(
    pool: Iterable[Question], answers: Iterable[Answer], min_questions: int | None, max_questions: int | None
) -> tuple[_State, Question | None]:
    """Replay the answers in order, checking each is the question the check would have asked; return the state.

    Without limits (None, None), only the adaptive part is checked: once every competence has stopped, any further
    answer to a question not yet asked is taken as a confirmation answer, whatever the limits were.
    """
    lenient = min_questions is None or max_questions is None
    if lenient:
        min_questions, max_questions = 0, math.inf
    _check_limits(min_questions, max_questions)
    state = _start(pool)
    expected = _next(state, min_questions, max_questions)
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
    return state, expected


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
    """Level per competence asked at least once (pool order): the highest level succeeded, 0 for a beginner.

    The levels do not depend on the limits, so none are asked for: the adaptive order is checked (ValueError
    otherwise) and answers after every competence has stopped count as confirmation answers. Call
    ``validate_answers`` with the limits to check a whole session. Works on a check in progress too.
    """
    state, _ = _replay(pool, answers, None, None)
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
    """(questions answered, estimated total) for « Question {answered + 1} sur environ {total} ».

    The estimate assumes each running competence climbs one question per level up to its top (the longest usual
    path), raised to the minimum the pool allows and capped by the maximum. While the check runs,
    answered < total; once it is over, total == answered.
    """
    state, upcoming = _replay(pool, answers, min_questions, max_questions)
    if upcoming is None:
        return state.count, state.count
    remaining = sum(len(track.levels) - track.index for track in state.tracks.values() if not track.stopped)
    total = max(state.count + remaining, min(min_questions, len(state.pool)))
    return state.count, min(total, max_questions)
