"""The trainers' authoring guide: docs/authoring.md, shown as is inside the admin.

One source for both places, so the guide in the admin never drifts from the one in the repository. The file uses a
small subset of Markdown (headings, paragraphs, lists, bold, links, code); `render_markdown` turns that subset into
HTML and escapes everything else.
"""

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy

from wagtail.admin.panels import HelpPanel

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "authoring.md"

HEADING = re.compile(r"(#{1,4}) +(.+)")
BULLET = re.compile(r"[-*] +(.+)")
NUMBERED = re.compile(r"\d+\. +(.+)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
CODE = re.compile(r"`([^`]+)`")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
SAFE_URL = re.compile(r"(https://|/|#)\S*")


def _inline(text):
    """Escapes the text, then applies **bold**, `code` and [links](/path/) (https, site paths and anchors only)."""
    html = escape(text)
    html = CODE.sub(r"<code>\1</code>", html)
    html = BOLD.sub(r"<strong>\1</strong>", html)

    def link(match):
        label, url = match.groups()
        return f'<a href="{url}">{label}</a>' if SAFE_URL.fullmatch(url) else label

    return LINK.sub(link, html)


def render_markdown(text):
    """The subset of Markdown the guide uses, as HTML. `#` becomes h2 (the admin page has its own h1)."""
    blocks = []
    paragraph = []
    list_tag = None
    items = []

    def flush():
        nonlocal list_tag
        if paragraph:
            blocks.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if list_tag:
            blocks.append(f"<{list_tag}>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + f"</{list_tag}>")
            items.clear()
            list_tag = None

    for raw_line in text.splitlines():
        line = raw_line.strip()
        heading = HEADING.fullmatch(line)
        bullet = BULLET.fullmatch(line)
        numbered = NUMBERED.fullmatch(line)
        if not line:
            flush()
        elif heading:
            flush()
            level = min(len(heading.group(1)) + 1, 6)
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif bullet or numbered:
            tag = "ul" if bullet else "ol"
            if paragraph or (list_tag and list_tag != tag):
                flush()
            list_tag = tag
            items.append((bullet or numbered).group(1))
        elif list_tag and raw_line.startswith((" ", "\t")):
            items[-1] += " " + line
        else:
            if list_tag:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(blocks))  # every piece of text went through escape() in _inline


@cache
def guide_html():
    """The guide without its first-level title: the admin page shows that title in its own header."""
    lines = GUIDE_PATH.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return render_markdown("\n".join(lines))


def guide_help_panel(advice):
    """A short reminder at the top of an edit form, with a link to the whole guide (in a new tab: the form stays)."""
    return HelpPanel(
        content=format_lazy(
            '<p>{} <a href="{}" target="_blank">Lire le guide de rédaction (nouvel onglet)</a></p>',
            escape(advice),
            reverse_lazy("pasapas_authoring_guide"),
        ),
        heading="Guide de rédaction",
    )
