"""Error pages in French, rendered with our design."""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    return render(request, template_name, status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


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
