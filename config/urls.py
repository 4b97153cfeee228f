from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import page_cache
from config import views

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"

urlpatterns = [
    path("sante/", views.health, name="health"),
    # Both admin logins go through allauth, so its rate limits and MFA apply (see accounts.admin_site too).
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("comptes/", include("allauth.urls")),
    path("", include("cms.urls")),
    path("", include("cms.place_urls")),
    path("", include("privacy.urls")),
    path("", include("followup.urls")),
    path("", include("accounts.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's front-end login (`wagtailcore_login`) is a plain Django LoginView: it would be a second sign-in form
    # without allauth's rate limits and MFA step. Private pages send people to allauth's form instead.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's page view behind the page cache (cms.page_cache.serve); Wagtail's own pattern, below, still
    # names the URLs (`wagtail_serve`).
    re_path(wagtail_urls.serve_pattern, page_cache.serve),
    path("", include(wagtail_urls)),
]
