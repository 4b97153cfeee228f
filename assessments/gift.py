"""Import and export of quiz questions in GIFT, Moodle's plain-text format (https://docs.moodle.org/en/GIFT_format).

Pure Python: text in, question dicts out (see assessments.questions) and back. No database, no Wagtail.

    parse(text) -> ParseResult(questions, warnings, unsupported)     raises GiftSyntaxError
    write(questions) -> WriteResult(text, skipped)                   dumps(questions) -> text
    decode(data) -> text                                             raises GiftFileError
    normalize(question) -> the canonical form of a question dict

How GIFT maps onto question dicts
---------------------------------
* Questions are separated by blank lines; lines starting with ``//`` are comments. ``$CATEGORY: name`` sets a
  ``category`` key on the questions that follow (an empty ``$CATEGORY:`` clears it).
* Competence and level travel as comment lines just above the question, which Moodle ignores:
  ``// competence: 4.2`` and ``// level: 2`` (``compétence`` and ``niveau`` are read too).
* In ``[html]`` answers, ``=``, ``~`` and ``#`` inside an HTML tag (``<a href="…">``) are text, not markers: the
  question parses as the trainer meant it, with a warning that Moodle would need ``\\=`` there.
* The stem is HTML. ``[html]`` text is kept as written; plain text (no marker, ``[moodle]``, ``[plain]``) and
  ``[markdown]`` become escaped paragraphs: line breaks in the file are spaces, ``\\n`` is a line break and
  ``\\n\\n`` starts a new paragraph; ``[markdown]`` also turns ``**bold**`` and ``*italic*`` into HTML.
* Every other text (options, answers, pairs, feedback, explanation) is plain text, as the quiz blocks store it:
  ``[html]`` there is turned into text (tags removed, a warning says so), ``[markdown]`` loses its asterisks.
* Choices: one ``=`` among ``~`` answers is a "single" question (other options may carry ``%n%`` partial credit,
  negative for a penalty); no ``=`` (only ``~%n%`` weights) or several ``=`` is a "multiple" question whose positive
  weights must add up to 100 % (1 % of slack, then rescaled); a ``=`` without weight there is worth 1/number of ``=``.
* ``{T}``/``{TRUE}``/``{F}``/``{FALSE}``: ``#first`` feedback is for the wrong pick, ``#second`` for the right one.
* ``{=a =b}`` is a short answer, ``{=a -> b =c -> d}`` a matching question (two pairs at least). Missing-word
  questions (text after the braces) keep a visible blank "_____" in the stem, as Moodle does.
* Numerical ``{#…}``, essay ``{}``, descriptions (no braces), partial-credit short answers and matching distractors
  cannot be represented: they are listed in ``unsupported`` and the rest of the file still imports.

The writer chooses, per question, plain text or ``[html]`` (HTML-escaped texts) so that Moodle reads the file the
same way and ``parse(dumps([q])).questions == [normalize(q)]`` for every question it writes.
"""

import bisect
import html
import re
from dataclasses import dataclass, field

from assessments import kinds

MAX_BYTES = 1_000_000
BLANK = "_____"
# Multiple-choice weights may be this far from 100 % in a file (33.333 % × 3); they are then rescaled.
WEIGHT_SLACK = 0.01
EXACT = 1e-6

NBSP = "\u00a0"
NNBSP = "\u202f"


# Public types ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """Something about one question. `line` is where it starts in the file (for `write`: its position, from 1)."""

    line: int
    name: str
    message: str


@dataclass
class ParseResult:
    questions: list[dict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # where each question starts, in the order of `questions`
    question_warnings: list[list[Issue]] = field(default_factory=list)  # `warnings`, per question of `questions`
    warnings: list[Issue] = field(default_factory=list)
    unsupported: list[Issue] = field(default_factory=list)


@dataclass
class WriteResult:
    text: str
    skipped: list[Issue] = field(default_factory=list)


def quote(text: str) -> str:
    return f"«{NBSP}{text}{NBSP}»"


class GiftSyntaxError(ValueError):
    """The file is not valid GIFT. `line` is 1-based; `question` is the question's name or first words."""

    def __init__(self, line: int, question: str, reason: str):
        self.line = line
        self.question = question
        self.reason = reason
        where = f"Ligne {line}, question {quote(question)}" if question else f"Ligne {line}"
        super().__init__(f"{where}{NBSP}: {reason}")


class GiftFileError(ValueError):
    """The uploaded bytes cannot be read as a GIFT file (too big, not UTF-8)."""


# Reading the bytes -------------------------------------------------------------------------------------------------


def _french_number(number: int) -> str:
    return f"{number:,}".replace(",", NNBSP)


def decode(data: bytes) -> str:
    """The text of an uploaded GIFT file: UTF-8 with or without BOM, at most MAX_BYTES bytes."""
    if len(data) > MAX_BYTES:
        raise GiftFileError(
            f"Le fichier est trop volumineux ({_french_number(len(data))}{NBSP}octets){NBSP}: "
            f"la taille maximale est de 1{NBSP}Mo ({_french_number(MAX_BYTES)}{NBSP}octets). "
            "Découpez-le en plusieurs fichiers."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise GiftFileError(
            f"Le fichier n'est pas enregistré en UTF-8 (caractère illisible ligne {line}). "
            "Enregistrez-le au format «\u00a0Texte (UTF-8)\u00a0» puis recommencez."
        ) from error


# Escapes: `\~` and friends become placeholders while the structure is read, then the characters they stand for ----

_ESCAPABLE = "\\~=#{}:n"
# Lone surrogates never come out of decoding UTF-8: they are safe placeholders (any in the input are replaced first).
_PLACEHOLDER = {char: chr(0xD800 + index) for index, char in enumerate(_ESCAPABLE)}
_RESTORE = {ord(placeholder): "\n" if char == "n" else char for char, placeholder in _PLACEHOLDER.items()}
_ESCAPE = re.compile(r"\\([\\~=#{}:n])")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WRITE_ESCAPES = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}
)


def _encode(text: str) -> str:
    return _ESCAPE.sub(lambda match: _PLACEHOLDER[match.group(1)], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _escape(text: str) -> str:
    return text.translate(_WRITE_ESCAPES)


# Text forms --------------------------------------------------------------------------------------------------------

WS = " \t\n\r\f\v"
_ANY_WS = re.compile(r"[ \t\n\r\f\v]+")
_INLINE_WS = re.compile(r"[ \t\f\v]+")
_PARAGRAPH_BREAKS = re.compile(r"\n{3,}")
_TAG = re.compile(r"<[^<>]*>")
_LOOKS_LIKE_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_PARAGRAPH_TAG = re.compile(r"</?p(?:\s[^<>]*)?>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARAGRAPH_SPLIT = re.compile(r"</p\s*>\s*<p(?:\s[^<>]*)?>", re.IGNORECASE)
# Patterns that cannot run past the next "<", line break or "**": linear time even on a 1 MB paragraph.
_MD_BOLD_HTML = re.compile(r"\*\*(?=[^\s*])((?:[^<\n*]|\*(?!\*))+?)(?<=[^\s*])\*\*")
_MD_ITALIC_HTML = re.compile(r"\*(?=[^\s*])([^<\n*]+?)(?<=[^\s*])\*")
_MD_BOLD = re.compile(r"\*\*(?=[^\s*])((?:[^\n*]|\*(?!\*))+?)(?<=[^\s*])\*\*")
_MD_ITALIC = re.compile(r"\*(?=[^\s*])([^\n*]+?)(?<=[^\s*])\*")
_FORMAT = re.compile(r"\[(html|moodle|plain|markdown)\]")


def clean_text(text: str) -> str:
    """Canonical plain text: single spaces, trimmed lines, at most one empty line in a row, nothing around."""
    text = _SURROGATE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_INLINE_WS.sub(" ", line).strip(" ") for line in text.split("\n"))
    return _PARAGRAPH_BREAKS.sub("\n\n", text).strip("\n")


def _clean_line(text: str) -> str:
    return _ANY_WS.sub(" ", _SURROGATE.sub("\ufffd", text)).strip(" ")


def _clean_html(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n").strip(WS)


def plain_to_html(text: str) -> str:
    """Plain text as HTML paragraphs: an empty line starts a paragraph, a line break becomes <br>."""
    text = clean_text(text)
    if not text:
        return ""
    return "".join(
        "<p>" + html.escape(paragraph, quote=False).replace("\n", "<br>") + "</p>" for paragraph in text.split("\n\n")
    )


def _markdown_to_html(text: str) -> str:
    result = _MD_BOLD_HTML.sub(r"<strong>\1</strong>", plain_to_html(text))
    return _MD_ITALIC_HTML.sub(r"<em>\1</em>", result)


def _strip_markdown(text: str) -> str:
    return _MD_ITALIC.sub(r"\1", _MD_BOLD.sub(r"\1", text))


def _html_to_text(source: str) -> tuple[str, bool]:
    """The text of an HTML fragment and whether formatting (tags other than p and br) was dropped."""
    text = _ANY_WS.sub(" ", source)
    text = _PARAGRAPH_SPLIT.sub("\n\n", _BR.sub("\n", text))
    tags = _TAG.findall(text)
    dropped = any(not _PARAGRAPH_TAG.fullmatch(tag) for tag in tags)
    return clean_text(html.unescape(_TAG.sub("", text))), dropped


def _split_format(source: str, default: str) -> tuple[str, str]:
    source = source.strip(WS)
    match = _FORMAT.match(source)
    if match:
        return match.group(1), source[match.end() :]
    return default, source


def _first_words(text: str, count: int = 8, width: int = 60) -> str:
    words = _clean_line(_TAG.sub(" ", text)).split(" ")
    label = " ".join(words[:count])
    if len(label) > width:
        return label[: width - 1].rstrip() + "…"
    return label + "…" if len(words) > count else label


# Reading: blocks, then a lexer for one question block, then a mapper to question dicts ---------------------------

_WEIGHT = re.compile(r"[ \t\n\r\f\v]*%(-?\d+(?:[.,]\d+)?)%")
_MARKER = re.compile(r"[=~]")


class _Block:
    """Consecutive non-blank lines (comment lines emptied), escapes replaced, with offsets mapped to line numbers."""

    def __init__(self, first_line: int, lines: list[str]):
        self.first_line = first_line
        self.text = _encode("\n".join(lines))
        self._breaks = [index for index, char in enumerate(self.text) if char == "\n"]

    def line(self, offset: int) -> int:
        return self.first_line + bisect.bisect_left(self._breaks, offset)


def _blocks(text: str):
    """(first line number, lines with comment lines emptied, comment lines) for each run of non-blank lines."""
    text = _SURROGATE.sub("\ufffd", text).removeprefix("\ufeff")
    lines: list[str] = []
    comments: list[tuple[int, str]] = []
    first = 0
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip(WS):
            if lines:
                yield first, lines, comments
                lines, comments = [], []
            continue
        if not lines:
            first = number
        if line.lstrip(WS).startswith("//"):
            comments.append((number, line.strip(WS)[2:]))
            lines.append("")
        else:
            lines.append(line)
    if lines:
        yield first, lines, comments


@dataclass
class _Answer:
    marker: str  # "=" or "~"
    weight: float | None  # explicit %n% as a fraction
    text: str  # encoded source, format marker included
    feedback: str | None  # encoded source after "#", None without "#"
    line: int


@dataclass
class _RawQuestion:
    """One question as written: encoded source pieces, before any mapping."""

    block: _Block
    line: int
    name: str
    label: str
    stem: str  # encoded source of the stem, blank inserted for missing-word questions
    format: str  # the question text format, default for the other texts
    answers: str | None  # encoded answer section without general feedback; None for a description
    answers_offset: int
    explanation: str  # encoded source of the general feedback
    markers_in_tags: int = 0  # line of the first "=", "~" or "#" inside an HTML tag of [html] answers, read as text

    def error(self, offset: int | None, reason: str) -> GiftSyntaxError:
        line = self.line if offset is None else self.block.line(offset)
        return GiftSyntaxError(line, self.label, reason)

    def split_answers(self) -> list[_Answer]:
        """The answers of a choice, short-answer or matching section, each with its weight and feedback."""
        source, base = self.answers, self.answers_offset
        starts = [match.start() for match in _MARKER.finditer(source)]
        head = source[: starts[0]] if starts else source
        if head.strip(WS):
            raise self.error(
                base + len(head) - len(head.lstrip(WS)),
                f"texte {quote(_first_words(_restore(head), 5, 40))} avant la première réponse{NBSP}: chaque "
                f"réponse commence par «{NBSP}={NBSP}» (bonne réponse) ou «{NBSP}~{NBSP}» (mauvaise réponse).",
            )
        answers = []
        for start, end in zip(starts, [*starts[1:], len(source)], strict=True):
            body = source[start + 1 : end]
            weight = None
            match = _WEIGHT.match(body)
            if match:
                value = float(match.group(1).replace(",", "."))
                if not -100 <= value <= 100:
                    raise self.error(
                        base + start,
                        f"pourcentage {quote('%' + match.group(1) + '%')} invalide{NBSP}: "
                        f"il doit être compris entre -100 et 100.",
                    )
                weight = rounded_weight(value / 100)
                body = body[match.end() :]
            text, _, feedback = body.partition("#")
            answer = _Answer(
                source[start], weight, text, feedback if "#" in body else None, self.block.line(base + start)
            )
            answers.append(answer)
        return answers


def _lex(block: _Block) -> _RawQuestion | None:
    source = block.text
    position = len(source) - len(source.lstrip(WS))
    if position == len(source):
        return None
    start_line = block.line(position)
    name = ""
    if source.startswith("::", position):
        end = source.find("::", position + 2)
        if end < 0:
            raise GiftSyntaxError(
                start_line,
                _first_words(_restore(source[position + 2 :].partition("{")[0])),
                f"titre non terminé{NBSP}: il manque «{NBSP}::{NBSP}» après le titre de la question.",
            )
        name = _clean_line(_restore(source[position + 2 : end]))
        position = end + 2

    opening = source.find("{", position)
    closing = source.find("}", position)
    stem_end = opening if opening >= 0 else closing if closing >= 0 else len(source)
    label = name or _first_words(_restore(_split_format(source[position:stem_end], "")[1]))
    raw = _RawQuestion(block, start_line, name, label, "", "moodle", None, 0, "")

    if opening < 0 and closing < 0:
        raw.stem = source[position:]
    else:
        if closing >= 0 and (opening < 0 or closing < opening):
            raise raw.error(
                closing,
                f"accolade fermante «{NBSP}}}{NBSP}» sans accolade ouvrante{NBSP}: "
                "écrivez \\} pour afficher une accolade.",
            )
        if closing < 0:
            raise raw.error(opening, f"accolade fermante «{NBSP}}}{NBSP}» manquante après les réponses.")
        nested = source.find("{", opening + 1, closing)
        if nested >= 0:
            raise raw.error(
                nested,
                f"accolade ouvrante «{NBSP}{{{NBSP}» en trop dans les réponses{NBSP}: une accolade fermante "
                f"manque-t-elle{NBSP}? Écrivez \\{{ pour afficher une accolade.",
            )
        after = source[closing + 1 :]
        extra = min((index for index in (after.find("{"), after.find("}")) if index >= 0), default=-1)
        if extra >= 0:
            raise raw.error(
                closing + 1 + extra,
                "une question n'a qu'un seul bloc de réponses entre accolades. "
                f"Laissez une ligne vide entre deux questions{NBSP}; écrivez \\{{ ou \\}} pour afficher une accolade.",
            )
        before = source[position:opening]
        raw.stem = before + BLANK + after if after.strip(WS) else before
        answers = source[opening + 1 : closing]
        if _split_format(before, "moodle")[0] == "html" or "[html]" in answers:
            protected = _protect_tags(answers)
            if protected != answers:
                first = next(index for index, (a, b) in enumerate(zip(answers, protected, strict=True)) if a != b)
                raw.markers_in_tags = block.line(opening + 1 + first)
            answers = protected
        separator = answers.rfind("####")
        if separator >= 0:
            raw.explanation = answers[separator + 4 :]
            answers = answers[:separator]
        raw.answers_offset = opening + 1 + len(answers) - len(answers.lstrip(WS))
        raw.answers = answers.strip(WS)
    raw.format = _split_format(raw.stem, "moodle")[0]
    return raw


_META = re.compile(r"(competence|compétence|level|niveau)[ \t]*:(.*)", re.IGNORECASE)
_COMPETENCE_CODE = re.compile(r"\d{1,3}(?:\.\d{1,3})?")
# A tag on one line, without "->" (a matching arrow is never inside a tag).
_HTML_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9]*(?:[ \t](?:[^<>\n-]|-(?!>))*)?/?>")
_IN_TAG = str.maketrans({char: _PLACEHOLDER[char] for char in "=~#"})


def _protect_tags(source: str) -> str:
    """HTML answers: "=", "~" and "#" inside a tag (<a href="…">, <span class=…>) are text, not answer markers or
    feedback separators. Moodle itself would need them escaped (\\=), which hardly anyone does in an HTML link."""
    return _HTML_TAG.sub(lambda match: match.group(0).translate(_IN_TAG), source)


class Unsupported(Exception):
    def __init__(self, message: str):
        self.message = message


class _Mapper:
    """Turns one raw question into a question dict, collecting warnings."""

    def __init__(self, raw: _RawQuestion):
        self.raw = raw
        self.warnings: list[tuple[int, str]] = []

    def warn(self, message: str, line: int | None = None) -> None:
        if all(known != message for _line, known in self.warnings):
            self.warnings.append((line or self.raw.line, message))

    def text(self, source: str, *, formatted: bool = True) -> str:
        """A plain-text field (option, answer, feedback, explanation) from its encoded source."""
        fmt, body = _split_format(source, self.raw.format) if formatted else ("plain", source)
        if fmt == "html":
            text, dropped = _html_to_text(_restore(body))
            if dropped:
                self.warn(
                    f"La mise en forme HTML des réponses et commentaires a été retirée{NBSP}: seul l'énoncé peut "
                    "être mis en forme."
                )
            return text
        text = clean_text(_restore(_ANY_WS.sub(" ", body)))
        if fmt == "markdown":
            return clean_text(_strip_markdown(text))
        if fmt == "moodle" and _LOOKS_LIKE_TAG.search(text):
            self.warn(self._tags_shown_as_text())
        return text

    def answer_text(self, answer: _Answer) -> str:
        text = self.text(answer.text)
        if not text:
            raise GiftSyntaxError(answer.line, self.raw.label, f"réponse vide après «{NBSP}{answer.marker}{NBSP}».")
        return text

    def stem(self) -> str:
        fmt, body = _split_format(self.raw.stem, "moodle")
        if fmt == "html":
            return _clean_html(_restore(body))
        text = clean_text(_restore(_ANY_WS.sub(" ", body)))
        if fmt == "markdown":
            return _markdown_to_html(text)
        if fmt == "moodle" and _LOOKS_LIKE_TAG.search(text):
            self.warn(self._tags_shown_as_text())
        return plain_to_html(text)

    @staticmethod
    def _tags_shown_as_text() -> str:
        return (
            f"Le texte contient des balises HTML, qui seront affichées telles quelles{NBSP}: écrivez [html] au début "
            "de la question pour qu'elles soient interprétées."
        )

    def map(self) -> dict:
        raw = self.raw
        if raw.answers is None:
            raise Unsupported("Texte sans réponses (description)" + self.not_supported())
        if raw.answers == "":
            raise Unsupported(f"Question ouverte (réponse libre, «{NBSP}{{}}{NBSP}»)" + self.not_supported())
        if raw.answers.startswith("#"):
            raise Unsupported(f"Question numérique («{NBSP}{{#…}}{NBSP}»)" + self.not_supported())
        readers = sorted((kind for kind in kinds.all() if kind.gift_order is not None), key=lambda k: k.gift_order)
        reader = next((kind for kind in readers if kind.gift_reads(raw.answers)), None)
        if reader is None:
            raise raw.error(
                raw.answers_offset,
                f"réponse sans «{NBSP}={NBSP}»{NBSP}: écrivez par exemple {{=Paris}} pour une réponse courte, "
                "{T} ou {F} pour vrai ou faux, {=bonne ~mauvaise} pour un choix.",
            )
        specific = reader.gift_read(self)
        stem = self.stem()
        if not stem:
            raise raw.error(None, "l'énoncé de la question est vide.")
        question = {
            "kind": specific.pop("kind"),
            "name": raw.name,
            "stem": stem,
            "explanation": self.text(raw.explanation),
            "competence": None,
            "level": None,
        }
        question.update(specific)
        if raw.markers_in_tags:
            self.warn(
                line=raw.markers_in_tags,
                message=f"Des «{NBSP}={NBSP}», «{NBSP}~{NBSP}» ou «{NBSP}#{NBSP}» placés dans des balises HTML "
                f'(par exemple <a href="…">) ont été lus comme du texte. '
                f"Moodle, lui, les prendrait pour des réponses{NBSP}: "
                "si le fichier doit aussi servir dans Moodle, écrivez \\=, \\~ et \\# dans ces balises.",
            )
        return question

    def metadata(self, comments: list[tuple[int, str]]) -> dict:
        """Competence and level from the question's `// competence: 4.2` and `// level: 2` comment lines."""
        found = {}
        for number, comment in comments:
            match = _META.fullmatch(comment.strip(WS))
            if not match:
                continue
            key, value = match.group(1).casefold(), match.group(2).strip(WS)
            if key in ("competence", "compétence"):
                if _COMPETENCE_CODE.fullmatch(value):
                    found["competence"] = value
                else:
                    self.warn(f"Compétence {quote(value)} ignorée{NBSP}: écrivez un code comme 4.2.", number)
            else:
                level = int(value) if value.isdigit() else 0
                if 1 <= level <= 8:
                    found["level"] = level
                else:
                    self.warn(f"Niveau {quote(value)} ignoré{NBSP}: écrivez un nombre de 1 à 8.", number)
        return found

    @staticmethod
    def not_supported() -> str:
        return f"{NBSP}: ce type de question n'est pas pris en charge."


def rounded_weight(value: float) -> float:
    return round(value, 7) + 0.0  # + 0.0 turns -0.0 into 0.0


def rescaled(weights: list[float], total: float) -> list[float]:
    return [rounded_weight(weight / total) if weight > 0 else weight for weight in weights]


def parse(text: str) -> ParseResult:
    """Read GIFT text. Raises GiftSyntaxError on the first malformed question."""
    result = ParseResult()
    category = None
    for first_line, lines, comments in _blocks(text):
        content = next((index for index, line in enumerate(lines) if line.strip(WS)), None)
        if content is None:
            continue  # comments only
        if lines[content].lstrip(WS).startswith("$CATEGORY:"):
            category = _clean_line(lines[content].lstrip(WS)[len("$CATEGORY:") :]) or None
            lines = [*lines[:content], "", *lines[content + 1 :]]
        raw = _lex(_Block(first_line, lines))
        if raw is None:
            continue
        mapper = _Mapper(raw)
        try:
            question = mapper.map()
        except Unsupported as unsupported:
            result.unsupported.append(Issue(raw.line, raw.label, unsupported.message))
            continue
        question.update(mapper.metadata(comments))
        if category:
            question["category"] = category
        result.questions.append(question)
        result.lines.append(raw.line)
        issues = [Issue(line, raw.label, message) for line, message in mapper.warnings]
        result.warnings.extend(issues)
        result.question_warnings.append(issues)
    return result


# Canonical form ----------------------------------------------------------------------------------------------------


def normalize(question: dict) -> dict:
    """The canonical form of a question dict, as `parse` produces it: clean texts, rounded weights, only the keys of
    its kind. Multiple-choice weights within 1 % of 100 % are rescaled to 100 %. Raises on malformed dicts."""
    kind = question["kind"]
    result = {
        "kind": kind,
        "name": _clean_line(question.get("name") or ""),
        "stem": _clean_html(question.get("stem") or ""),
        "explanation": clean_text(question.get("explanation") or ""),
        "competence": _clean_line(str(question.get("competence") or "")) or None,
        "level": question.get("level"),
    }
    known = kinds.find(kind)
    if known is not None:
        result.update(known.gift_normalize(question))
    category = _clean_line(question.get("category") or "")
    if category:
        result["category"] = category
    return result


# Writing -----------------------------------------------------------------------------------------------------------


INDENT = "    "


class _Skip(Exception):
    def __init__(self, message: str):
        self.message = message


def percent_text(weight: float) -> str:
    return f"{weight * 100:.5f}".rstrip("0").rstrip(".")


def _needs_html(text: str) -> bool:
    """Whether a plain text would be misread as plain GIFT (HTML-looking, format marker, weight, matching arrow)."""
    return "<" in text or "&" in text or "->" in text or text.startswith(("[", "%"))


def _stem_as_plain(stem: str) -> str | None:
    """The plain text whose paragraphs are exactly this stem, if there is one and it reads the same in Moodle."""
    if not (stem.startswith("<p>") and stem.endswith("</p>")):
        return None
    text = "\n\n".join(paragraph.replace("<br>", "\n") for paragraph in stem[3:-4].split("</p><p>"))
    if "<" in text or ">" in text:
        return None
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    if plain_to_html(text) != stem or "<" in text or "&" in text or text.startswith(("[", "//", "\ufeff")):
        return None
    return text


def _html_field(text: str) -> str:
    text = html.escape(text, quote=False).replace("\n", "<br>")
    if text.startswith("["):
        text = "&#91;" + text[1:]
    elif text.startswith("%"):
        text = "&#37;" + text[1:]
    return text


def _check(question: dict):
    """The question's kind; raises _Skip when GIFT cannot express this (normalized) question."""
    kind = kinds.find(question["kind"])
    if kind is None:
        raise _Skip("Type de question inconnu.")
    if kind.gift_order is None:
        raise _Skip(f"Les questions «{NBSP}{kind.label}{NBSP}» n'existent pas dans le format GIFT.")
    if not question["stem"]:
        raise _Skip("L'énoncé est vide.")
    problem = kind.gift_check(question)
    if problem:
        raise _Skip(problem)
    return kind


class _Writer:
    """How one question's plain texts are written: as they are, or as [html] (HTML-escaped)."""

    def __init__(self, as_html: bool):
        self.as_html = as_html

    @staticmethod
    def escape(value: str) -> str:
        return _escape(value)

    def text(self, value: str) -> str:
        return _escape(_html_field(value) if self.as_html else value)

    def with_feedback(self, value: str, feedback: str) -> str:
        return self.text(value) + ("#" + self.text(feedback) if feedback else "")


def _write_question(question: dict) -> str:
    kind = _check(question)
    plain_stem = _stem_as_plain(question["stem"])
    texts = [question["explanation"], *kind.gift_texts(question)]
    writer = _Writer(plain_stem is None or any(_needs_html(text) for text in texts))

    stem = "[html]" + _escape(question["stem"]) if writer.as_html else _escape(plain_stem)
    before, after = stem, ""
    blanks = [match.start() for match in re.finditer(rf"(?<!_){BLANK}(?!_)", stem)]
    if len(blanks) == 1 and stem[blanks[0] + len(BLANK) :].strip(WS):
        before, after = stem[: blanks[0]], stem[blanks[0] + len(BLANK) :]
    name = f"::{_escape(question['name'])}::" if question["name"] else ""
    explanation = "####" + writer.text(question["explanation"]) if question["explanation"] else ""
    meta = "".join(_meta_lines(question))

    answers = kind.gift_answers(question, writer)
    if kind.gift_inline:
        return f"{meta}{name}{before}{{{''.join(answers)}{explanation}}}{after}"
    lines = [INDENT + answer for answer in answers]
    if explanation:
        lines.append(INDENT + explanation)
    body = "\n".join(lines)
    return f"{meta}{name}{before}{{\n{body}\n}}{after}"


def _meta_lines(question: dict):
    """Comment lines Moodle ignores and `parse` reads back: the competence code and the level."""
    competence = _clean_line(str(question.get("competence") or ""))
    if competence:
        if not _COMPETENCE_CODE.fullmatch(competence):
            raise _Skip(f"Code de compétence {quote(competence)} invalide.")
        yield f"// competence: {competence}\n"
    level = question.get("level")
    if level is not None:
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 8:
            raise _Skip("Le niveau doit être un nombre de 1 à 8.")
        yield f"// level: {level}\n"


def _label_of(question) -> str:
    try:
        return _clean_line(question.get("name") or "") or _first_words(question.get("stem") or "")
    except (AttributeError, TypeError):
        return ""


def write(questions: list[dict]) -> WriteResult:
    """GIFT text for these questions; those GIFT cannot express are listed in `skipped` (line = position from 1)."""
    blocks: list[str] = []
    skipped: list[Issue] = []
    category = None
    for number, question in enumerate(questions, start=1):
        try:
            canonical = normalize(question)
            block = _write_question(canonical)
        except _Skip as skip:
            skipped.append(Issue(number, _label_of(question), skip.message))
            continue
        except (AttributeError, KeyError, TypeError, ValueError):
            skipped.append(Issue(number, _label_of(question), "Question mal formée, impossible à exporter."))
            continue
        if canonical.get("category") != category:
            category = canonical.get("category")
            blocks.append(f"$CATEGORY: {category}" if category else "$CATEGORY:")
        blocks.append(block)
    return WriteResult("\n\n".join(blocks) + "\n" if blocks else "", skipped)


def dumps(questions: list[dict]) -> str:
    """GIFT text for these questions, leaving out those GIFT cannot express (see `write`)."""
    return write(questions).text
