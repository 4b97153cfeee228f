from django.urls import reverse

from accounts import perms


def site_nav(request):
    """The header's navigation, fitted to who is looking. Each space adds its entry here when it exists."""
    user = getattr(request, "user", None)
    items = [{"label": "Accueil", "url": "/"}]
    if user is not None and perms.can_access_wagtail_admin(user):
        items.append({"label": "Rédaction", "url": reverse("wagtailadmin_home")})
    for item in items:
        item["current"] = request.path == item["url"]
    return {"nav_items": items}
