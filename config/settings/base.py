"""Settings shared by every environment. Everything that differs between machines comes from the environment."""

from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_database, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "cms",
    "assessments",
    "learning",
    "followup",
    "privacy",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "accounts.apps.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "config.middleware.DatabaseUnavailableMiddleware",
    "config.middleware.MissingFieldMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.kiosk.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "config.middleware.MethodNotAllowedPageMiddleware",
    "config.middleware.AdminAccessMiddleware",
    "config.middleware.ProfessionalMFAMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "config.context_processors.site_nav",
                "accounts.kiosk.idle_session",
            ],
        },
    },
]

# Database: SQLite next to the project unless DATABASE_URL names PostgreSQL.
DATABASES = {"default": env_database("DATABASE_URL", BASE_DIR / "db.sqlite3")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time; concurrent writers must wait their turn, never fail (« database is locked »).
    # * IMMEDIATE: every atomic() block (a step marked, a quiz submitted, a session saved) takes the write lock when
    #   it begins. A deferred one reads first, then cannot upgrade once another worker has committed, and fails at
    #   once without waiting (SQLITE_BUSY_SNAPSHOT in WAL mode).
    # * timeout: sqlite3's busy timeout (seconds), for every statement of the connection, so it also covers the
    #   writes in autocommit outside atomic() (last_login, bulk upserts): they wait for the lock instead of failing.
    # * WAL: readers never wait for the writer; synchronous=NORMAL is safe with WAL and spares an fsync per commit.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis shared by every app process when REDIS_URL is set (pages, footer, glossary, rate limits).
REDIS_URL = env_str("REDIS_URL", "")
# The default alias is django-redis, tolerant of a Redis outage: a failed call answers « not cached », then Redis is
# left alone for a few seconds (config/cache.py). The ratelimit alias is Django's own backend, whose errors show, so
# accounts.ratelimit applies its fallback. Both read the socket timeouts under redis-py's names.
if REDIS_URL:
    _redis = {
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "pasapas"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {
        "default": {"BACKEND": "config.cache.TolerantRedisCache", **_redis},
        "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", **_redis},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"},
    }

# In the database only, never cached in Redis: a sign-out (or an erasure) while Redis is unreachable would delete the
# row but leave the cached copy, which signs the old cookie in again once Redis is back (tests/accounts/
# test_session_outage.py). One primary-key query per signed-in request is the price.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
# Shared computers: no session cookie outlives the browser, an anonymous visitor's either (their diagnostic result
# and progress live in it). SESSION_COOKIE_AGE still ends the session on the server (docs/architecture.md).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

AUTH_USER_MODEL = "accounts.User"
# One password hash per sign-in attempt, whether the account exists or not (accounts/backends.py says why). Django
# stops at the first backend that refuses; ModelBackend stays for the sessions opened by a login card.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.IdentifierBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: username or email to log in, email optional at sign-up.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_FORMS = {
    "signup": "accounts.signup.SignupForm",  # hides whether an address already has an account
    "login": "accounts.signup.LoginForm",  # right autocomplete tokens, the reset link out of the keyboard path
}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = True
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Pas à pas] "
ACCOUNT_RATE_LIMITS = {
    # Failed password sign-ins are limited by accounts.ratelimit instead (per account whatever was typed, and still
    # when Redis is down): see PASSWORD_LOGIN_* below.
    "login_failed": False,
    # allauth's default of 30 attempts a minute per address would stop a room of 30 residents who each make one typo.
    "login": "300/m/ip",
    "signup": "60/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Signing in with a login card (accounts.ratelimit): the 6th wrong code for one account within the window is
# refused, even with the right code. Per network (REMOTE_ADDR, which the reverse proxy must set to the visitor's
# address) only failures count, with a budget wide enough for a whole workshop room behind one address.
CODE_LOGIN_ACCOUNT_FAILURES = 5
CODE_LOGIN_WINDOW_SECONDS = 300
CODE_LOGIN_NETWORK_FAILURES = 100
# Signing in with a password: the 6th failure for one account (by identifier or e-mail, the same budget) within
# CODE_LOGIN_WINDOW_SECONDS is refused, even with the right password; per network, failures only, a budget no room
# reaches by typos (accounts.ratelimit says why).
PASSWORD_LOGIN_ACCOUNT_FAILURES = 5
PASSWORD_LOGIN_NETWORK_FAILURES = 300

# Shared computers (accounts.kiosk): residents' sessions end when the browser closes and after 20 minutes without
# activity; professionals' after a longer idle time. A warning shows IDLE_WARNING_SECONDS before the end.
RESIDENT_IDLE_TIMEOUT_SECONDS = 20 * 60
PROFESSIONAL_IDLE_TIMEOUT_SECONDS = env_int("PROFESSIONAL_IDLE_TIMEOUT_SECONDS", 4 * 60 * 60)
IDLE_WARNING_SECONDS = 60

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Pas à pas"
PROFESSIONALS_REQUIRE_MFA = env_bool("PROFESSIONALS_REQUIRE_MFA", False)

# Internationalisation: the interface speaks French.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static and media files: WhiteNoise serves static files from the app process.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    # Django's FileSystemStorage, except that a full disk never leaves a truncated file (cms/storage.py).
    "default": {"BACKEND": "cms.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads. A form may send 2 MB of fields (files apart) and 5,000 fields (the « Faire le point » page sends about
# 1,100 from the Wagtail admin); beyond, our 400 page. Files above 2 MB wait in a temporary file, not in memory. The
# reverse proxy should cap whole requests just above the largest file allowed below (VIDEOS_MAX_UPLOAD_SIZE).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Images: pictures only (an SVG file can hold scripts), 5 MB and 40 million pixels at most; cms.uploads also refuses a
# picture that holds HTML or a script.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.ImageForm"
# Documents: PDF, office files, CSV and text, and the videos and subtitles of the video block. cms.uploads checks that
# the content matches the extension and applies a limit per kind. Wagtail's view serves them (WAGTAILDOCS_SERVE_METHOD)
# as downloads, PDFs excepted, with « nosniff » and « Content-Security-Policy: default-src 'none' ».
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt", "mp4", "webm", "vtt"]
DOCUMENTS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
VIDEOS_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = VIDEOS_MAX_UPLOAD_SIZE
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# Mail (Django 6.1 mailers).
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Pas à pas <ne-pas-repondre@pasapas.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every message goes through a queue (accounts.mail): "default" stores it and enqueues its delivery; "delivery" is the
# real way out. An SMTP outage then delays messages instead of failing the request or losing them.
MAILERS = {
    "default": {"BACKEND": "accounts.mail.QueuedEmailBackend"},
    "delivery": {
        "BACKEND": env_str("MAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
        "OPTIONS": {},
    },
}

# Background work. Two aliases, because Wagtail 8 enqueues through the django-tasks backport while django-tasks-db's
# worker on Django 6 only accepts tasks of Django's built-in framework (it refuses the backport's: "does not point to a
# Task"). "default" is Wagtail's (search and reference indexes, renditions): it runs them at once, in the request.
# "maintenance" is ours (privacy.tasks, built-in django.tasks): the database queue in production, run by
# `manage.py db_worker --backend maintenance`; immediate elsewhere.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "maintenance": {
        "BACKEND": env_str("MAINTENANCE_TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
    },
}

# Security headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin sets inline style attributes; scripts stay restricted to our origin, nonces and the hashes of its
# date widgets' inline calls (config.middleware.admin_csp).
ADMIN_CSP = {**SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE], "img-src": [CSP.SELF, "data:", "blob:"]}

# Wagtail.
WAGTAIL_SITE_NAME = "Pas à pas"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests, ever
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO"), "propagate": False}},
}

# Retention (stated on the « Données personnelles » page, which reads these settings).
# A resident's account with no sign-in for RESIDENT_INACTIVITY_MONTHS is anonymised by `purge_inactive` (a daily task);
# when it has an e-mail address, the person is warned RESIDENT_INACTIVITY_WARNING_DAYS before.
RESIDENT_INACTIVITY_MONTHS = env_int("RESIDENT_INACTIVITY_MONTHS", 24)
RESIDENT_INACTIVITY_WARNING_DAYS = env_int("RESIDENT_INACTIVITY_WARNING_DAYS", 30)
# The agents' audit journal is kept this long (`purge_audit`, a daily task).
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 365)
# Database backups are kept this long (docs/deploy.md); erased data disappears from backups after it.
BACKUP_RETENTION_DAYS = env_int("BACKUP_RETENTION_DAYS", 30)
# Daily maintenance tasks (retention) run at this local hour, with the django-tasks-db worker.
MAINTENANCE_HOUR = env_int("MAINTENANCE_HOUR", 3)
