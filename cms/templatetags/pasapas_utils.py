from django import template

from cms.models import routed_ancestors

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ mapping|get_item:key }} — a dictionary lookup with a variable key."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Breadcrumbs from the home page down to `page`, from the parents known from routing when possible."""
    ancestors = context.get("ancestors") or routed_ancestors(page, context.get("request"))
    return {"page": page, "ancestors": ancestors}
