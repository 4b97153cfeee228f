"""Turning GIFT files into draft quizzes, and quizzes back into GIFT. The parsing itself is in assessments.gift."""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from wagtail.models import Page

from assessments import gift, kinds
from assessments.blocks import question_to_block_data
from assessments.enums import CompetenceLevel
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
    lines: list = field(default_factory=list)
    question_warnings: list = field(default_factory=list)

    def items(self):
        """Each question as the trainer will find it in the quiz, with the warnings about its lines."""
        titles = Competence.titles()
        count = len(self.questions)
        lines = self.lines or [None] * count
        warnings = self.question_warnings or [[]] * count
        for question, line, issues in zip(self.questions, lines, warnings, strict=True):
            yield _display(question, line, issues, titles)


def _display(question, line, warnings, titles):
    kind = kinds.find(question["kind"])
    code = competence_code(question)
    level = question.get("level")
    item = {
        "line": line,
        "kind": kind.label if kind else question["kind"],
        "name": question.get("name") or "",
        "stem": mark_safe(clean_rich_text(question["stem"])),  # sanitised: the editor's features only
        "explanation": question.get("explanation") or "",
        "category": question.get("category") or "",
        "competence": code or "",
        "competence_title": titles.get(code, "") if code else "",
        "competence_unknown": bool(code) and code not in titles,
        "level": CompetenceLevel(level).label if level else f"{CompetenceLevel(1).label} (par défaut)",
        "warnings": warnings,
        "options": [],
        "answers": [],
        "pairs": [],
    }
    if kind is not None:
        item.update(kind.gift_preview(question))
    return item


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
        lines=result.lines,
        question_warnings=result.question_warnings,
    )


def competence_code(question):
    """The competence of an imported question: its `// competence:` line, else a code in its category."""
    if question.get("competence"):
        return question["competence"]
    match = COMPETENCE_IN_CATEGORY.search(question.get("category") or "")
    return match.group(1) if match else None


def _competence_ids(questions):
    codes = {id(question): competence_code(question) for question in questions}
    known = dict(Competence.objects.filter(code__in={c for c in codes.values() if c}).values_list("code", "pk"))
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
    """GIFT text of the quiz's latest revision, and the questions GIFT cannot express. Each question with a
    competence goes in a category named after it (« 4.2 Protéger les données personnelles »), which Moodle shows
    as a question bank category and which a new import reads the code from; the exact code and the level travel
    in `// competence:` and `// level:` comment lines."""
    latest = quiz.get_latest_revision_as_object()
    questions = []
    titles = Competence.titles()
    for block in latest.questions:
        question = block.value.to_question()
        question["name"] = question.get("name") or ""
        code = question.get("competence")
        if code:
            question["category"] = f"{code} {titles.get(code, '')}".strip()
        questions.append(question)
    return gift.write(questions)


def export_filename(quiz):
    return f"{slugify(quiz.title) or 'quiz'}.gift"
