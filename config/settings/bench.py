"""`make bench`: the production settings, served over plain HTTP on 127.0.0.1, plus a minimal view as a baseline.

Everything else (DEBUG off, PostgreSQL from DATABASE_URL, Redis cache and sessions from REDIS_URL, WhiteNoise with
the manifest storage, statement timeout) stays exactly as in production, so the figures mean something.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The load generator talks plain HTTP to gunicorn: no redirect to HTTPS, no HSTS. Cookies keep their Secure flag;
# the generator sends them back itself.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# The load generator signs agents in with a password alone; production asks professionals for MFA by default.
PROFESSIONALS_REQUIRE_MFA = False
