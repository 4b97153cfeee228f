"""Reading settings from the environment, with errors that name the variable at fault."""

import os

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value is None or (required and not value.strip()):
        if required:
            raise ImproperlyConfigured(f"La variable d'environnement {name} est obligatoire.")
        return default
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} n'est pas un booléen (attendu : true ou false).")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} n'est pas un nombre entier.") from None


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


SUPPORTED_DATABASE_ENGINES = {"django.db.backends.postgresql", "django.db.backends.sqlite3"}


def env_database(name, default_sqlite_path):
    """Parse DATABASE_URL; SQLite next to the project when it is unset."""
    url = os.environ.get(name, "").strip()
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises several unrelated types
        raise ImproperlyConfigured(f"{name} est mal formée : {error}") from None
    if config.get("ENGINE") not in SUPPORTED_DATABASE_ENGINES:
        raise ImproperlyConfigured(f"{name} doit commencer par postgres:// ou sqlite:// (reçu : {url.split(':')[0]}).")
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} ne nomme pas de base de données.")
    return config
