"""What is each visitor's own on a kept page, rendered as markers and filled in for each response.

A kept page is rendered with `context()` laid over its context: the CSRF token, the name in the header and the idle
time left on a shared computer become markers (letters and digits only: HTML escaping leaves them as they are).
`fill()` puts the visitor's own values in their place. Nothing else of the person may reach a kept page's HTML:
tests/learning/test_tutorial_personal_parts.py renders with a user that records what the templates read of it.
"""

from django.middleware.csrf import get_token
from django.utils.html import escape

from accounts import kiosk

CSRF_MARKER = "csrfmarker7d1c94e2b05a4f3e8b61"
NAME_MARKER = "namemarker5b2e0c71d9a84f66a3c2"
IDLE_LEFT_MARKER = "idleleftmarker91f3b7e04c2d58a6"
ALL = (CSRF_MARKER, NAME_MARKER, IDLE_LEFT_MARKER)

# What the templates of a kept page may read of the user themselves: the kind of visitor, which the key names.
USER_ATTRIBUTES_READ = frozenset({"is_authenticated", "is_anonymous", "is_resident"})


def context(request):
    """What to lay over a page's context so that it renders with markers for the visitor's own parts."""
    values = {"csrf_token": CSRF_MARKER}
    if request.user.is_authenticated:
        values["nav_user_name"] = NAME_MARKER
        idle = kiosk.idle_session(request).get("idle_session")
        if idle:
            values["idle_session"] = {**idle, "left": IDLE_LEFT_MARKER}
    return values


def fill(request, html):
    """Kept HTML, made this visitor's own: CSRF token (which also sets their CSRF cookie), idle time left, then
    their name (escaped, and last, so that nothing in a name is taken for a marker)."""
    if CSRF_MARKER in html:
        html = html.replace(CSRF_MARKER, get_token(request))
    if not request.user.is_authenticated:
        return html
    idle = kiosk.idle_session(request).get("idle_session")
    html = html.replace(IDLE_LEFT_MARKER, str(idle["left"] if idle else ""))
    return html.replace(NAME_MARKER, escape(str(request.user)))
