from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.rich_text import RichText, expand_db_html

register = template.Library()


@register.simple_tag(takes_context=True)
def glossarize(context, value):
    """Render rich text with the page's glossary terms linked (first occurrence on the page only)."""
    html = expand_db_html(value.source) if isinstance(value, RichText) else expand_db_html(str(value or ""))
    linker = context.get("glossary")
    if linker is None:
        return mark_safe(html)
    return mark_safe(linker.link(html))


@register.simple_tag(takes_context=True)
def glossarize_text(context, value):
    """Plain text (a question, an explanation), escaped, with the page's glossary terms linked."""
    linker = context.get("glossary")
    if linker is None:
        return escape(value or "")
    return mark_safe(linker.link_text(str(value or "")))


@register.simple_tag(takes_context=True)
def glossary_words(context, title, body=""):
    """Under a heading: the « Mot expliqué » line for its terms that neither an earlier block nor `body` links."""
    linker = context.get("glossary")
    if linker is None:
        return ""
    html = expand_db_html(body.source) if isinstance(body, RichText) else expand_db_html(str(body or ""))
    return linker.explained_words(str(title or ""), html)
