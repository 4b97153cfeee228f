"""Production: every secret comes from the environment, HTTPS everywhere, PostgreSQL full-text search."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str
from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY est trop courte : 50 caractères aléatoires au moins.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("La variable d'environnement DJANGO_ALLOWED_HOSTS est obligatoire (ex. : pasapas.fr).")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
# Professionals see residents' data: a TOTP app is required unless the operator turns it off explicitly.
PROFESSIONALS_REQUIRE_MFA = env_bool("PROFESSIONALS_REQUIRE_MFA", True)

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A runaway query is stopped after 30 s instead of holding a worker and a connection.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
        f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_MS', 30_000)}"
    )
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"}}

# Uploaded images and documents: on this server's disk (MEDIA_ROOT) by default; with several app servers, in an
# S3-compatible object storage they all share (django-storages). The bucket stays private: image addresses are signed
# and expire, documents go through Django (WAGTAILDOCS_SERVE_METHOD = "serve_view"), so permissions still apply.
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET", required=True),
            "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("S3_REGION", "") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID", required=True),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", required=True),
            "location": env_str("S3_LOCATION", "media"),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env_int("S3_URL_EXPIRE_SECONDS", 60 * 60),
            "file_overwrite": False,
        },
    }
    # Browsers fetch images and media from the storage's address: the CSP must allow that origin, and only that.
    MEDIA_ORIGIN = env_str("S3_PUBLIC_ORIGIN", required=True)
    for policy in (SECURE_CSP, ADMIN_CSP):  # noqa: F405
        policy["img-src"] = [*policy["img-src"], MEDIA_ORIGIN]
        policy["media-src"] = [*policy["media-src"], MEDIA_ORIGIN]
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE vaut « local » (disque du serveur) ou « s3 » (stockage objet).")

MAILERS = {
    "default": {"BACKEND": "accounts.mail.QueuedEmailBackend"},
    "delivery": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("SMTP_HOST", "localhost"),
            "port": env_int("SMTP_PORT", 587),
            "username": env_str("SMTP_USER", ""),
            "password": env_str("SMTP_PASSWORD", ""),
            "use_tls": env_bool("SMTP_USE_TLS", True),
            "timeout": 10,
        },
    },
}
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "maintenance": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
