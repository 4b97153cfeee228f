"""Turning GIFT files into draft quizzes, and quizzes back into GIFT. The parsing itself is in assessments.gift."""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page

from assessments import gift
from assessments.blocks import question_to_block_data
from assessments.models import Competence, QuizPage
from cms.rich_text import clean_rich_text
from cms.text import parse_int

MAX_BYTES = 1_000_000
COMPETENCE_IN_CATEGORY = re.compile(r"(?<![\d.])(\d\.\d)(?![\d.])")


class ImportRefused(Exception):
    """A French message that explains why nothing was imported."""


@dataclass
class Preview:
    title: str
    questions: list
    warnings: list = field(default_factory=list)
    unsupported: list = field(default_factory=list)


def find_module(slug_or_id):
    """The page a quiz can be created under (a module), by slug or id."""
    value = str(slug_or_id).strip()
    pages = (
        Page.objects.filter(pk=parse_int(value)) if parse_int(value) is not None else Page.objects.filter(slug=value)
    )
    matches = [page.specific for page in pages]
    modules = [page for page in matches if QuizPage.can_create_at(page)]
    if not modules:
        raise ImportRefused(f"Aucun module « {value} » : indiquez le slug ou le numéro d'un module.")
    if len(modules) > 1:
        raise ImportRefused(f"Plusieurs modules s'appellent « {value} » : indiquez leur numéro.")
    return modules[0]


def preview(data: bytes, *, title=""):
    """Decode and parse an uploaded file; raises ImportRefused with a message naming the line on any error."""
    try:
        text = gift.decode(data)
        result = gift.parse(text)
    except (gift.GiftFileError, gift.GiftSyntaxError) as error:
        raise ImportRefused(str(error)) from None
    if not result.questions:
        raise ImportRefused("Le fichier ne contient aucune question importable.")
    return Preview(
        title=title.strip() or "Quiz importé",
        questions=result.questions,
        warnings=result.warnings,
        unsupported=result.unsupported,
    )


def _competence_ids(questions):
    codes = {}
    for question in questions:
        match = COMPETENCE_IN_CATEGORY.search(question.get("category") or "")
        if match:
            codes[id(question)] = match.group(1)
    known = dict(Competence.objects.filter(code__in=set(codes.values())).values_list("code", "pk"))
    return {key: known.get(code) for key, code in codes.items()}


def block_data(question, competence_id=None):
    """The StreamField value of an imported question. A GIFT stem is HTML written by anyone: it is reduced to what
    the editor allows (no scripts, no event attributes, links in http(s), mailto or tel only)."""
    data = question_to_block_data(question, competence_id)
    data["value"]["stem"] = clean_rich_text(data["value"]["stem"])
    return data


@transaction.atomic
def create_draft_quiz(*, module, parsed: Preview, user=None):
    """A new quiz under the module, as a draft waiting for review; nothing is published."""
    competences = _competence_ids(parsed.questions)
    base_slug = slugify(parsed.title)[:70] or "quiz"
    slug, number = base_slug, 2
    while Page.objects.child_of(module).filter(slug=slug).exists():
        slug, number = f"{base_slug}-{number}", number + 1
    quiz = QuizPage(
        title=parsed.title,
        slug=slug,
        live=False,
        owner=user,
        questions=[block_data(q, competences.get(id(q))) for q in parsed.questions],
    )
    module.add_child(instance=quiz)
    quiz.save_revision(user=user, log_action=True)
    return quiz


def find_quiz(slug_or_id):
    value = str(slug_or_id).strip()
    quizzes = (
        QuizPage.objects.filter(pk=parse_int(value))
        if parse_int(value) is not None
        else QuizPage.objects.filter(slug=value)
    )
    quizzes = list(quizzes[:2])
    if not quizzes:
        raise ImportRefused(f"Aucun quiz « {value} ».")
    if len(quizzes) > 1:
        raise ImportRefused(f"Plusieurs quiz s'appellent « {value} » : indiquez leur numéro.")
    return quizzes[0]


def export(quiz):
    """GIFT text of the quiz's latest revision, and the questions GIFT cannot express."""
    latest = quiz.get_latest_revision_as_object()
    questions = []
    for block in latest.questions:
        question = block.value.to_question()
        question["name"] = question.get("name") or ""
        questions.append(question)
    return gift.write(questions)
