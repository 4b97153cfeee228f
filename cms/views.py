"""Glossary and search pages."""

import re
from itertools import groupby

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Page

from cms.models import GlossaryTerm

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
# Characters the search backends cannot take, and that mean nothing in a search: a double quote is a syntax error in
# SQLite's full-text queries (it showed « service indisponible »), PostgreSQL refuses NUL in text (a server error).
UNSEARCHABLE = re.compile(r'["\x00-\x1f\x7f]')


def glossary(request):
    terms = list(GlossaryTerm.objects.live().alphabetical())
    letters = [(letter, list(group)) for letter, group in groupby(terms, key=lambda term: term.letter)]
    return TemplateResponse(request, "cms/glossary.html", {"letters": letters, "term_count": len(terms)})


def visible_pages():
    """Live pages that a visitor can reach: not under an unpublished page (a module not published hides its
    tutorials and quizzes, learning.ModulePage.route). Unpublished pages with children are few: one filter each."""
    pages = Page.objects.live().public()
    for path in Page.objects.filter(live=False, numchild__gt=0, depth__gt=1).values_list("path", flat=True):
        pages = pages.exclude(path__startswith=path)
    return pages


def search(request):
    query = UNSEARCHABLE.sub(" ", request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    pages, terms = None, []
    if query:
        results = visible_pages().specific().search(query, operator="or")
        pages = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page") or 1)
        terms = list(GlossaryTerm.objects.live().search(query, operator="or")[:5])
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {"query": query, "pages": pages, "terms": terms, "query_without_page": query_without_page}
    return TemplateResponse(request, "cms/search.html", context)
