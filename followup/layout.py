"""What every page of the agent space gives its layout (templates/followup/base.html)."""

from django.template.response import TemplateResponse

from accounts import perms
from followup.scope import structures_for


def render_agent(request, template, context=None, *, section, status=200):
    """Render a page of the agent space with what its layout needs (sub-navigation, manager entry)."""
    context = dict(context or {})
    context.setdefault("agent_section", section)
    if "is_manager" not in context:
        context["is_manager"] = perms.managed_structures(request.user).exists()
    if "structures" not in context:
        context["structures"] = list(structures_for(request.user))
    return TemplateResponse(request, template, context, status=status)
