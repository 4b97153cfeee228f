"""« Trouver un lieu »: the places of the directory, filtered by service and by city. No map, no JavaScript.

A handful of queries whatever the number of places: the cities present, the services present, the count and the page.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from cms import places as place_standard
from cms.models import Place
from cms.text import fold

PAGE_SIZE = 20


def service_choices():
    """(key, plain French label) of the services that at least one place offers, in the standard's order."""
    present = set()
    for keys in (
        Place.objects.live().exclude(service_keys="").order_by().values_list("service_keys", flat=True).distinct()
    ):
        present.update(key for key in keys.split("|") if key)
    return [(key, label) for _value, key, label in place_standard.SERVICES if key in present]


def city_choices():
    cities = Place.objects.live().order_by().values_list("city", flat=True).distinct()
    return sorted(cities, key=lambda city: (fold(city), city))


def places(request):
    services = service_choices()
    cities = city_choices()
    service = request.GET.get("service", "")
    city = request.GET.get("commune", "")
    # A service of the standard that no place offers yet still filters (a link from « Faire le point » must never
    # show every place instead); unknown values (an old link, a city removed since) are ignored rather than refused.
    service = service if service in place_standard.SERVICE_BY_KEY else ""
    city = city if city in cities else ""
    if service and service not in dict(services):
        services = [*services, (service, place_standard.SERVICE_LABELS[place_standard.SERVICE_BY_KEY[service]])]

    results = Place.objects.live().order_by("city", "name", "pk")
    if service:
        results = results.filter(service_keys__contains=f"|{service}|")
    if city:
        results = results.filter(city=city)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page") or 1)

    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "places": page,
        "services": services,
        "cities": cities,
        "filters": {"service": service, "commune": city},
        "service_label": dict(services).get(service, ""),
        "active_filters": bool(service or city),
        "query_without_page": query_without_page,
    }
    return TemplateResponse(request, "cms/places.html", context)
