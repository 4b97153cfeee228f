"""The agent space's home: how many residents need attention, by follow-up status."""

from django.db.models import Count
from django.views.decorators.http import require_safe

from followup.access import agent_required
from followup.enums import FollowUpStatus
from followup.layout import render_agent
from followup.models import Resident
from followup.scope import structures_for


@agent_required
@require_safe
def home(request):
    residents = Resident.objects.visible_to(request.user).with_follow_up(structures=structures_for(request.user))
    counts = dict(residents.values_list("follow_up").annotate(n=Count("pk")).values_list("follow_up", "n"))
    summary = [(value, label, counts.get(value, 0)) for value, label in FollowUpStatus.choices]
    return render_agent(
        request,
        "followup/home.html",
        {"summary": summary, "total": sum(counts.values())},
        section="home",
    )
