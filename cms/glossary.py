"""Automatic glossary links: the first occurrence of each term on a page becomes a link to its definition.

Matching is on whole words, ignoring case and accents, never inside links, headings, buttons or form labels (a
link inside a heading or a label would nest one control in another, and a step title is focused by the stepper).
A term met first in a step title is linked instead in a short « Mot expliqué » line under the title, unless the
step's own text links it a few words further (`explained_words`). Callouts, « Je vérifie » questions and
explanations are linked like the step text, in page order, so « first occurrence per page » holds across blocks.

One compiled matcher per process serves every page; it is rebuilt only when a term changes (a version number in
the shared cache tells every process, and cms.invalidation's database token when the cache missed the change).
"""

import re
import uuid
import warnings
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import escape, format_html, format_html_join

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString

from cms import invalidation
from cms.text import fold

SKIPPED_PARENTS = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "script",
    "style",
    "code",
    "pre",
    "label",
    "summary",
}
VERSION_KEY = "cms:glossary-version"


@dataclass(frozen=True)
class Entry:
    slug: str
    term: str
    definition: str
    example: str


class Matcher:
    """A compiled pattern of every written form of every term (pure: built from plain data)."""

    def __init__(self, entries_with_forms):
        self.by_form = {}
        for entry, forms in entries_with_forms:
            for form in forms:
                folded = fold(form.strip())
                if folded and folded not in self.by_form:
                    self.by_form[folded] = entry
        alternatives = sorted(self.by_form, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<![\w-])(?<!\w\.)(" + "|".join(re.escape(form) for form in alternatives) + r")(?![\w-]|\.\w)"
            )
            if alternatives
            else None
        )

    def find(self, text):
        """Yield (start, end, entry) for each match in `text`, left to right."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(fold(text)):
            yield match.start(), match.end(), self.by_form[match.group(1)]


class Linker:
    """Links terms in successive pieces of HTML of one page; a term is linked once per page."""

    def __init__(self, matcher, url_prefix="/glossaire/"):
        self.matcher = matcher
        self.url_prefix = url_prefix
        self.used = {}

    def link(self, html):
        if self.matcher.pattern is None or not html:
            return html
        with warnings.catch_warnings():
            # A plain-text question that is only an address (« https://… ») is still text to link, not a locator.
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(str(html), "html.parser")
        for text_node in list(soup.find_all(string=True)):
            if any(parent.name in SKIPPED_PARENTS for parent in text_node.parents):
                continue
            self._link_text_node(soup, text_node)
        return str(soup)

    def link_text(self, text):
        """Plain text (a « Je vérifie » question, an explanation): escaped, then linked."""
        return self.link(escape(text or ""))

    def explained_words(self, title, body_html=""):
        """The « Mot expliqué » line for terms of a heading that no earlier block linked and its body does not hold.

        Headings stay unlinked (see the module's docstring); this line, put right under the heading, carries the
        link instead. Returns "" when there is nothing to explain.
        """
        if self.matcher.pattern is None or not title:
            return ""
        in_body = {entry.slug for _start, _end, entry in self.matcher.find(_text_of(body_html))}
        found = []
        for start, end, entry in self.matcher.find(title):
            if entry.slug in self.used or entry.slug in in_body or any(e.slug == entry.slug for e, _ in found):
                continue
            found.append((entry, title[start:end]))
        if not found:
            return ""
        for entry, _words in found:
            self.used[entry.slug] = entry
        label = "Mot expliqué" if len(found) == 1 else "Mots expliqués"
        links = format_html_join(
            ", ",
            '<a class="glossary-term" data-term="{}" href="{}#{}">{}</a>',
            ((entry.slug, self.url_prefix, entry.slug, words) for entry, words in found),
        )
        return format_html('<p class="glossary-words">{} : {}</p>', label, links)

    def _link_text_node(self, soup, node):
        text = str(node)
        pieces, cursor = [], 0
        for start, end, entry in self.matcher.find(text):
            if entry.slug in self.used or start < cursor:
                continue
            self.used[entry.slug] = entry
            pieces.append(NavigableString(text[cursor:start]))
            link = soup.new_tag(
                "a", href=f"{self.url_prefix}#{entry.slug}", attrs={"class": "glossary-term", "data-term": entry.slug}
            )
            link.string = text[start:end]
            pieces.append(link)
            cursor = end
        if not pieces:
            return
        pieces.append(NavigableString(text[cursor:]))
        for piece in pieces:
            node.insert_before(piece)
        node.extract()

    def definitions(self):
        return list(self.used.values())

    def definitions_data(self):
        """For the page's JSON data block, from which the script builds the disclosures."""
        return {entry.slug: {"term": entry.term, "definition": entry.definition} for entry in self.used.values()}


def _text_of(html):
    return BeautifulSoup(str(html or ""), "html.parser").get_text(" ") if "<" in str(html or "") else str(html or "")


_matchers = {}


def bump_version():
    """Called when a term changes: every process rebuilds its matcher on its next page.

    At once through the shared cache; within invalidation.CHECK_SECONDS through the database when the cache missed
    it (Redis unreachable), since the matcher is also kept per database token."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    invalidation.renew()


def current_matcher():
    from cms.models import GlossaryTerm  # noqa: PLC0415 (cms.models imports this module for its rich text)

    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    version = (version, invalidation.generation())
    matcher = _matchers.get(version)
    if matcher is None:
        terms = GlossaryTerm.objects.live().only("slug", "term", "variants", "definition", "example")
        matcher = Matcher([(Entry(term.slug, term.term, term.definition, term.example), term.forms) for term in terms])
        _matchers.clear()
        _matchers[version] = matcher
    return matcher
