"""The project's URLs plus `/bench/minimal/`, a view that does nothing: the baseline every journey is compared to.

Only config.settings.bench points ROOT_URLCONF here; production never serves this view.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler400, handler403, handler404  # noqa: F401  (error views stay the project's)
from config.urls import urlpatterns as project_urlpatterns


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal, name="bench_minimal"), *project_urlpatterns]
