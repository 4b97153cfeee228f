"""Structure statistics and CSV exports of the agent space. Every figure is scoped to the agent's structures."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from followup import audit, reports
from followup.access import agent_required
from followup.enums import AuditAction
from followup.layout import render_agent
from followup.scope import structures_for


def _scope(request):
    """(the agent's structures, the structures to count, the selected structure or None). Unknown id → 404."""
    structures = list(structures_for(request.user))
    raw = request.GET.get("structure", "").strip()
    if not raw:
        return structures, structures, None
    selected = next((structure for structure in structures if str(structure.pk) == raw), None)
    if selected is None:
        raise Http404("Structure introuvable.")
    return structures, [selected], selected


def _csv_response(request, filename, header, rows):
    separator = reports.separator_from(request.GET.get("sep"))
    response = HttpResponse(reports.csv_text(header, rows, separator), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(stem, selected):
    suffix = f"-structure-{selected.pk}" if selected else ""
    return f"{stem}{suffix}-{timezone.localdate():%Y-%m-%d}.csv"


@require_safe
@never_cache
@agent_required
def statistics(request):
    structures, scope, selected = _scope(request)
    stats = reports.statistics_for(scope)
    monthly = [
        ("nouvelles", "Nouvelles personnes accompagnées par mois", stats.new_residents),
        ("modules", "Modules terminés par mois", stats.modules_completed),
        ("quiz", "Quiz réussis par mois", stats.quizzes_passed),
    ]
    breakdowns = [
        ("organismes", "Modules terminés par organisme", "Organisme", stats.by_operator),
        ("themes", "Modules terminés par thème", "Thème (domaine de compétences)", stats.by_theme),
        ("exclusion", "Modules terminés par type d'exclusion", "Type d'exclusion", stats.by_exclusion),
    ]
    context = {
        "structures": structures,
        "selected": selected,
        "scope": scope,
        "stats": stats,
        "period_start": reports.month_label(stats.period_start),
        "period_end": reports.month_label(stats.period_end),
        "totals": {
            "new_residents": sum(stats.new_residents),
            "modules_completed": sum(stats.modules_completed),
            "quizzes_passed": sum(stats.quizzes_passed),
        },
        "monthly_charts": [
            {"id": key, "caption": caption, "chart": reports.monthly_chart(stats.months, counts)}
            for key, caption, counts in monthly
        ],
        "breakdown_charts": [
            {"id": key, "caption": caption, "label_heading": heading, "chart": reports.horizontal_bar_chart(counts)}
            for key, caption, heading, counts in breakdowns
        ],
        "mask_below": reports.MASK_BELOW,
    }
    return render_agent(request, "followup/statistics.html", context, section="statistics")


@require_safe
@never_cache
@agent_required
def statistics_csv(request):
    _, scope, selected = _scope(request)
    rows = reports.statistics_rows(reports.statistics_for(scope))
    return _csv_response(request, _filename("statistiques", selected), reports.STATISTICS_HEADER, rows)


@require_safe
@never_cache
@agent_required
def progress_csv(request):
    _, scope, selected = _scope(request)
    rows = reports.progress_rows(scope)
    for structure in scope:
        audit.record(actor=request.user, structure=structure, action=AuditAction.EXPORT, detail="progression")
    return _csv_response(request, _filename("progression", selected), reports.PROGRESS_HEADER, rows)
