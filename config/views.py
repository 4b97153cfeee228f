"""Error pages in French, rendered with our design."""

from django.shortcuts import render


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    return render(request, template_name, status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
