from django.urls import reverse

from accounts import perms
from cms import invalidation, page_cache
from cms.models import footer_data
from learning.models import ModuleIndexPage
from learning.signals import CATALOGUE_URL_KEY


def catalogue_url():
    """The catalogue's URL, cached: the header shows it on every page (kept with cms.invalidation's token)."""
    url, token = invalidation.kept(CATALOGUE_URL_KEY)
    if url is None:
        page = ModuleIndexPage.objects.live().public().first()
        url = page.url if page else ""
        invalidation.keep(CATALOGUE_URL_KEY, token, url, 300)
    return url


def site_nav(request):
    """The header's navigation, fitted to who is looking. Each space adds its entry here when it exists."""
    user = getattr(request, "user", None)
    items = [{"label": "Accueil", "url": "/"}]
    catalogue = catalogue_url()
    if catalogue:
        items.append({"label": "Catalogue", "url": catalogue})
    if user is not None and user.is_authenticated:
        items.append({"label": "Mon parcours", "url": reverse("my_path")})
    if user is not None and perms.is_agent(user):
        items.append({"label": "Espace agent", "url": reverse("agent:home")})
    can_author = user is not None and perms.can_access_wagtail_admin(user)
    if can_author:
        items.append({"label": "Rédaction", "url": reverse("wagtailadmin_home")})
    items.append({"label": "Rechercher", "url": reverse("search")})
    for item in items:
        item["current"] = request.path == item["url"] or (item["url"] != "/" and request.path.startswith(item["url"]))
    return {
        "nav_items": items,
        "nav_user_name": str(user) if user is not None and user.is_authenticated else "",
        "nav_can_author": can_author,
        "footer": footer_data(page_cache.site_for_request(request), request),
    }
