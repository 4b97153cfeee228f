"""Error pages in French, rendered with our design."""

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger("pasapas.outage")

OUTAGE_ERRORS = (OperationalError, InterfaceError)


def outage_page(exception):
    """The calm 503 page for a database that does not answer, with the error in the log (an outage leaves a trace)."""
    logger.error("La base de données ne répond pas : %s", exception, exc_info=exception)
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "60"
    return response


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    return render(request, template_name, status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """500, or 503 when the cause is a database outage raised outside a view (a middleware reading the session or
    the user): Django's own handler runs inside the `except` block, so the exception is still at hand here."""
    exception = sys.exc_info()[1]
    if isinstance(exception, OUTAGE_ERRORS):
        return outage_page(exception)
    try:
        return HttpResponse(render_to_string("500.html"), status=500)
    except Exception:  # the page itself needs nothing from the database; this is the last resort
        return HttpResponse("Erreur du serveur.", status=500, content_type="text/plain; charset=utf-8")


def health(request):
    """/sante/: 200 when the database and the cache answer, 503 otherwise (for load balancers and monitoring)."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "indisponible"
    try:
        key = f"health:{uuid.uuid4().hex}"
        cache.set(key, "ok", 10)
        checks["cache"] = "ok" if cache.get(key) == "ok" else "indisponible"
        cache.delete(key)
    except Exception:
        checks["cache"] = "indisponible"
    healthy = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "indisponible", **checks}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
