"""What a question kind is made of. A kind module subclasses QuestionKind and registers it (assessments.kinds).

Everything a kind knows works on the plain form of assessments.questions: plain dicts in, plain data out, no
database. The kind's StreamField block (`block_class`) turns a stored block into that form (`to_question` on its
value class) and `block_value` turns it back into a raw block value.

The abstract methods are what every kind must say; the others have a default that fits most kinds. A kind GIFT can
express (`gift_order` set) also defines `gift_read(mapper)`, its keys (and "kind") read with a gift._Mapper, and
`gift_answers(question, writer)`, the answer lines between the braces: `register` refuses a kind that lacks them.
"""

import random
from abc import ABC, abstractmethod


class UnknownKind(ValueError):
    """No question kind has this name."""

    def __init__(self, name):
        self.name = name
        super().__init__(f"Unknown question kind: {name!r}")


class QuestionKind(ABC):
    """One kind of question. Subclasses set the attributes and override what their kind does differently."""

    name: str = ""  # the "kind" of plain questions and the block name in QuizPage.questions (stored: never rename)
    label: str = ""  # what trainers read (« Choix unique »)
    instruction: str = ""  # what the quiz form says above the answers
    template: str = ""  # the form fragment for the answers; it reads `item` (see form_context)
    position: int = 0  # place in the block picker and in the StreamField definition (migrations pin the order)
    block_class = None  # the StructBlock the editor fills in
    always_shuffled = False  # the answers are shown in a random order whatever the quiz says
    gift_order: int | None = None  # GIFT readers are tried in this order; None: GIFT has no such questions

    # Blocks ------------------------------------------------------------------------------------------------------

    def block(self):
        """A new instance of the kind's block, as QuestionsBlock holds it."""
        return self.block_class()

    @abstractmethod
    def block_value(self, question: dict) -> dict:
        """The kind's own keys of the raw block value of a plain question (for GIFT imports and the seed)."""

    # Answers -----------------------------------------------------------------------------------------------------

    def size(self, question: dict) -> int:
        """How many answers the person picks from or puts in order (options, pairs, steps); 0 when not a list."""
        return 0

    def answer_order(self, question: dict, *, shuffle: bool, rng: random.Random) -> list[int]:
        """The order the answers are shown in for one attempt."""
        size = self.size(question)
        order = list(range(size))
        if size and (shuffle or self.always_shuffled):
            rng.shuffle(order)
        return order

    @abstractmethod
    def decode(self, question_id: str, question: dict, data) -> object:
        """The response from posted form values (a QueryDict or a dict of lists); None when left blank.

        Raises scoring.InvalidResponse for what no form could send.
        """

    @abstractmethod
    def encode(self, question_id: str, question: dict, response) -> dict:
        """The form values that show a saved response (not None) again: {field name: value or list of values}."""

    def form_context(self, question_id: str, question: dict, *, order: list[int], saved: dict) -> dict:
        """What `template` needs beyond the question itself, given the answers' order and the saved form values."""
        return {}

    # Scoring and results -----------------------------------------------------------------------------------------

    @abstractmethod
    def score(self, question: dict, response) -> tuple:
        """(credit, answered, feedback texts) for a response that is not None; credit is clamped to [0, 1] after.

        Raises scoring.InvalidResponse when the response cannot belong to the question.
        """

    @abstractmethod
    def right_answer(self, question: dict) -> str:
        """A short plain-French statement of the right answer."""

    def right_answer_words(self, question: dict, result) -> str:
        """The right answer as the results page says it."""
        return result.right_answer

    def your_answer(self, question: dict, response) -> str:
        """The person's own answer (not None) in plain French, or "" when nothing can be shown."""
        return ""

    @abstractmethod
    def sample_responses(self, question: dict) -> tuple:
        """(a fully right response, a wrong one or None), for the demo, load data and tests."""

    # GIFT --------------------------------------------------------------------------------------------------------

    def gift_reads(self, answers: str) -> bool:
        """Whether a GIFT answer section (between the braces, escapes encoded) is a question of this kind."""
        return False

    def gift_normalize(self, question: dict) -> dict:
        """The kind's keys in canonical form (clean texts, rounded weights), as `gift_read` gives them."""
        return {}

    def gift_check(self, question: dict) -> str:
        """Why GIFT cannot express this normalized question, or "" when it can (only asked when gift_order is set)."""
        return ""

    def gift_texts(self, question: dict) -> list[str]:
        """The kind's plain texts the writer may have to write as [html]."""
        return []

    gift_inline = False  # the answers are written inside the braces on the stem's line ({TRUE#…})

    def gift_preview(self, question: dict) -> dict:
        """What the GIFT import preview shows of the kind's keys (options, answer, answers, pairs)."""
        return {}
