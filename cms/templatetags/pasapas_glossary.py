from django import template
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
