"""Who gets what, for every URL pattern of the project, as every role, with GET and POST.

TABLE below is the one place where the expected answers are written. A URL pattern without a row fails the suite,
and so does a row whose pattern is gone. Object-level URLs point at objects of `structure` (its resident, workshop,
session…): the columns « res2 » (a resident of another structure) and « ag2 » (an agent, and manager, of another
structure) prove that crossing structures gives a 403 or a 404 and writes nothing.

Cells:  200, 400, 401, 403, 404, 405 → that status;   302 → a redirect anywhere but the login page;
        L → a redirect to the login page;   a|b → either;   - → not requested.
Columns: anon, res (resident of `structure`), res2, agent (of `structure`), ag2, mgr (manager of `structure`),
         trn (trainer), rev (reviewer), su (superuser).
"""

from dataclasses import dataclass, replace

import pytest

from followup.models import Workshop
from tests.security import sweep

pytestmark = [pytest.mark.django_db, pytest.mark.sweep]


@dataclass(frozen=True)
class Row:
    get: tuple
    post: tuple
    url: str | None = None  # a template filled from the data set, when the pattern alone does not say it


TOKENS = {"200", "302", "400", "401", "403", "404", "405", "L", "-"}


def _cells(text):
    cells = tuple(text.split())
    assert len(cells) == len(sweep.ROLES), f"{text!r}: {len(cells)} cells for {len(sweep.ROLES)} roles"
    unknown = {part for cell in cells for part in cell.split("|")} - TOKENS
    assert not unknown, f"{text!r}: unknown cells {unknown} (a 500 is never expected)"
    return cells


def row(get, post, url=None):
    return Row(get=_cells(get), post=_cells(post), url=url)


def read_only(profile):
    """The same page, answering GET only: a POST gets 405 from whoever may reach the view, before any lookup."""
    return replace(profile, post=tuple("405" if cell in ("200", "404") else cell for cell in profile.get))


def at(url, profile):
    """The same expectations, for another URL of the pattern (a page served by Wagtail, a filter in the query)."""
    return replace(profile, url=url)


# fmt: off
#                               anon res  res2 agent ag2 mgr  trn  rev  su
PUBLIC = row(                  "200  200  200  200  200  200  200  200  200",
                               "200  200  200  200  200  200  200  200  200")
READ_ONLY_PUBLIC = row(        "200  200  200  200  200  200  200  200  200",
                               "405  405  405  405  405  405  405  405  405")
# Pages of the agent space without an object of `structure`: every agent, whatever the structure.
AGENT_PAGE = row(              "L    403  403  200  200  200  403  403  200",
                               "L    403  403  200  200  200  403  403  200")
AGENT_CSV = row(               "L    403  403  200  200  200  403  403  200",
                               "405  405  405  405  405  405  405  405  405")
AGENT_STRUCTURE_CSV = row(     "L    403  403  200  404  200  403  403  200",
                               "405  405  405  405  405  405  405  405  405")
# Pages about an object of `structure`: its agents, never the other structure's.
AGENT_OBJECT_PAGE = row(       "L    403  403  200  404  200  403  403  200",
                               "L    403  403  200  404  200  403  403  200")
AGENT_OBJECT_FORM = row(       "L    403  403  200  404  200  403  403  200",
                               "L    403  403  400  404  400  403  403  400")
AGENT_OBJECT_ACTION = row(     "L    403  403  405  405  405  403  403  405",
                               "L    403  403  302  404  302  403  403  302")
AGENT_OBJECT_POST_FORM = row(  "L    403  403  405  405  405  403  403  405",
                               "L    403  403  400  404  400  403  403  400")
# Workshop actions: POST only, a GET gets 405 before any lookup.
WORKSHOP_ACTION = row(         "L    403  403  405  405  405  403  403  405",
                               "L    403  403  302  404  302  403  403  302")
WORKSHOP_FORM_ACTION = row(    "L    403  403  405  405  405  403  403  405",
                               "L    403  403  200  404  200  403  403  200")
MANAGER_PAGE = row(            "L    403  403  403  200  200  403  403  200",
                               "L    403  403  403  200  200  403  403  200")
LOGGED_IN_PAGE = row(          "L    200  200  200  200  200  200  200  200",
                               "L    200  200  200  200  200  200  200  200")
LOGGED_IN_READ_ONLY = row(     "L    200  200  200  200  200  200  200  200",
                               "405  405  405  405  405  405  405  405  405")
# Wagtail's admin: authors only. The middleware answers 403 to anyone logged in without access, whatever the URL.
WAGTAIL_ADMIN = row(           "L    403  -    403  -    -    -    -    -",
                               "L    -    -    -    -    -    -    -    -")
WAGTAIL_ADMIN_PAGE = row(      "L    403  403  403  403  403  200  200  200",
                               "L    403  403  403  403  403  -    -    -")
DJANGO_ADMIN = row(            "L    403  -    403  -    -    -    -    -",
                               "L    -    -    -    -    -    -    -    -")
DJANGO_ADMIN_PAGE = row(       "L    403  403  403  403  403  403  403  200",
                               "L    403  403  403  403  403  403  403  -")
LOGGED_OUT_ONLY = row(         "200  302  302  302  302  302  302  302  302",
                               "200  302  302  302  302  302  302  302  302")
ALLAUTH_LOGGED_IN = row(       "L    200  200  200  200  200  200  200  200",
                               "L    200  200  200  200  200  200  200  200")
ALLAUTH_REDIRECT = row(        "L    302  302  302  302  302  302  302  302",
                               "L    302  302  302  302  302  302  302  302")
ALLAUTH_NOT_SET_UP = row(      "L    404  404  404  404  404  404  404  404",
                               "L    404  404  404  404  404  404  404  404")
NOT_FOUND = row(               "404  404  404  404  404  404  404  404  404",
                               "404  404  404  404  404  404  404  404  404")
TO_LOGIN = row(                "L    L    L    L    L    L    L    L    L",
                               "L    L    L    L    L    L    L    L    L")
REDIRECT = row(                "302  302  302  302  302  302  302  302  302",
                               "302  302  302  302  302  302  302  302  302")

# Pages served by Wagtail: one URL pattern (the anonymous page cache's, in front of Wagtail's), many pages.
PAGES = r"^((?:[\w\-]+/)*)$"
WAGTAIL_PAGES = {
    "home": at("/", PUBLIC),
    "catalogue": at("{catalogue_url}", PUBLIC),
    "module": at("{module_url}", PUBLIC),
    "tutorial": at("{tutorial_url}", PUBLIC),
    "tutorial print": at("{tutorial_url}imprimer/", PUBLIC),
    "step done": row(       "405  405  405  405  405  405  405  405  405",
                            "302  302  302  302  302  302  302  302  302",
                            url="{tutorial_url}etapes/{step_id}/fait/"),
    "draft tutorial": at("{draft_url}", NOT_FOUND),
    "unknown page": at("/page-inconnue/", NOT_FOUND),
    "quiz": at("{quiz_url}", PUBLIC),
    "quiz start": row(      "405  405  405  405  405  405  405  405  405",
                            "L    400  400  400  400  400  400  400  400",
                            url="{quiz_url}commencer/"),
    "quiz trial": row(      "405  405  405  405  405  405  405  405  405",
                            "200  200  200  200  200  200  200  200  200",
                            url="{quiz_url}essai/"),
    # The resident's own attempt: nobody else's business, not even their agents'.
    "quiz attempt": row(    "404  200  404  404  404  404  404  404  404",
                            "404  302  404  404  404  404  404  404  404",
                            url="{quiz_url}tentative/{attempt_id}/"),
    "quiz autosave": row(   "405  405  405  405  405  405  405  405  405",
                            "404  400  404  404  404  404  404  404  404",
                            url="{quiz_url}tentative/{attempt_id}/reponse/"),
    "quiz results": row(    "404  302  404  404  404  404  404  404  404",
                            "404  302  404  404  404  404  404  404  404",
                            url="{quiz_url}tentative/{attempt_id}/resultats/"),
    "diagnostic": at("{diagnostic_url}", PUBLIC),
    "diagnostic start": row("405  405  405  405  405  405  405  405  405",
                            "302  302  302  302  302  302  302  302  302",
                            url="{diagnostic_url}commencer/"),
    "diagnostic question": at("{diagnostic_url}question/", REDIRECT),  # nothing started: back to the start
    "diagnostic session result": at("{diagnostic_url}resultat/", REDIRECT),
    # The resident's result: theirs, and their structure's agents'.
    "diagnostic result": row("404  200  404  200  404  200  404  404  200",
                             "404  200  404  200  404  200  404  404  200",
                             url="{diagnostic_url}resultat/{result_id}/"),
}

# Keys: a pattern's name (namespaced), or its route when the name is missing or shared. Keys ending in « / » or
# « * » cover every third-party pattern whose route (or name) starts with them; the most specific key wins. A value
# is a row, or {label: row} for several URLs of one pattern.
TABLE = {
    # Site-wide ----------------------------------------------------------------------------------------------------
    "health": PUBLIC,
    "glossary": PUBLIC,
    "search": PUBLIC,
    "places": PUBLIC,
    "code_login": PUBLIC,  # an empty form: the page again, with errors
    # The QR token of `structure`'s resident is a credential: whoever holds it signs in as that resident, on POST only.
    "qr_login": row(            "200  200  200  200  200  200  200  200  200",
                                "302  302  302  302  302  302  302  302  302"),
    "session_keepalive": row(   "405  405  405  405  405  405  405  405  405",
                                "401  302  302  302  302  302  302  302  302"),
    # Residents' own pages (everyone logged in has one) ---------------------------------------------------------------
    "my_path": read_only(LOGGED_IN_PAGE),
    "join_structure": row(      "L    405  405  405  405  405  405  405  405",
                                "L    400  400  400  400  400  400  400  400"),
    "leave_structure": row(     "L    405  405  405  405  405  405  405  405",
                                "L    302  404  404  404  404  404  404  404"),
    # Professionals get their own « Mon compte » (password, double authentication): it only shows.
    "my_account": row(          "L    200  200  200  200  200  200  200  200",
                                "L    200  200  405  405  405  405  405  405"),
    "my_data": LOGGED_IN_READ_ONLY,
    "my_data_download": LOGGED_IN_READ_ONLY,
    "delete_account": row(      "L    200  200  200  200  200  200  200  200",
                                "L    400  400  400  400  400  400  400  400"),
    # The agent space ---------------------------------------------------------------------------------------------
    "agent:home": read_only(AGENT_PAGE),
    "agent:residents": read_only(AGENT_PAGE),
    "agent:resident_create": AGENT_PAGE,  # an empty form: the page again, with errors
    "agent:workshops": read_only(AGENT_PAGE),
    "agent:workshop_create": AGENT_PAGE,
    "agent:statistics": {"all": AGENT_CSV, "one structure": at("?structure={structure_id}", AGENT_STRUCTURE_CSV)},
    "agent:statistics_csv": {"all": AGENT_CSV, "one structure": at("?structure={structure_id}", AGENT_STRUCTURE_CSV)},
    "agent:progress_csv": {"all": AGENT_CSV, "one structure": at("?structure={structure_id}", AGENT_STRUCTURE_CSV)},
    "agent:resident_detail": read_only(AGENT_OBJECT_PAGE),
    "agent:resident_card": read_only(AGENT_OBJECT_PAGE),
    "agent_erase_resident": AGENT_OBJECT_FORM,
    "agent:resident_new_code": AGENT_OBJECT_ACTION,
    "agent:resident_unassign": AGENT_OBJECT_ACTION,
    "agent:resident_assign_recommended": AGENT_OBJECT_ACTION,
    "agent:resident_diagnostic": AGENT_OBJECT_ACTION,
    "agent:resident_assign": AGENT_OBJECT_POST_FORM,
    "agent:resident_note": AGENT_OBJECT_POST_FORM,
    "agent:resident_autonomy": AGENT_OBJECT_POST_FORM,
    "agent:workshop_detail": read_only(AGENT_OBJECT_PAGE),
    "agent:workshop_edit": AGENT_OBJECT_PAGE,
    "agent:workshop_matrix": read_only(AGENT_OBJECT_PAGE),
    "agent:session_create": AGENT_OBJECT_PAGE,
    "agent:session_detail": AGENT_OBJECT_PAGE,
    "agent:session_sheet": read_only(AGENT_OBJECT_PAGE),
    "agent:workshop_member_add": WORKSHOP_FORM_ACTION,
    "agent:workshop_assign": WORKSHOP_FORM_ACTION,
    "agent:workshop_member_remove": WORKSHOP_ACTION,
    "agent:team": MANAGER_PAGE,
    "agent:journal": read_only(MANAGER_PAGE),
    "agent:team_remove": row(   "L    403  403  403  405  405  403  403  405",
                                "L    403  403  403  404  302  403  403  302"),
    # Wagtail pages (one pattern, many pages) -----------------------------------------------------------------------
    # The anonymous page cache (cms.page_cache) in front of Wagtail's page view, which still names the URLs.
    PAGES: WAGTAIL_PAGES,
    "wagtail_serve": {"home": at("/", PUBLIC)},  # shadowed by the line above: the same URLs
    "wagtaildocs_serve": NOT_FOUND,
    "wagtaildocs_authenticate_with_password": NOT_FOUND,
    "wagtailcore_authenticate_with_password": NOT_FOUND,
    "_util/login/": TO_LOGIN,  # config/urls.py: allauth's form, never Wagtail's own LoginView (no rate limit, no MFA)
    "wagtailcore_login": TO_LOGIN,  # shadowed by the line above
    # allauth -------------------------------------------------------------------------------------------------------
    "account_login": LOGGED_OUT_ONLY,
    "account_signup": LOGGED_OUT_ONLY,
    "account_logout": row(      "302  200  200  200  200  200  200  200  200",
                                "302  302  302  302  302  302  302  302  302"),
    "account_inactive": READ_ONLY_PUBLIC,
    "account_email_verification_sent": READ_ONLY_PUBLIC,
    "account_reset_password_done": READ_ONLY_PUBLIC,
    "account_reset_password_from_key_done": READ_ONLY_PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_from_key": PUBLIC,  # an unknown key: « this link is invalid »
    "account_confirm_email": row("200  200  200  200  200  200  200  200  200",
                                 "404  404  404  404  404  404  404  404  404"),
    "account_reauthenticate": ALLAUTH_LOGGED_IN,
    "account_change_password": ALLAUTH_LOGGED_IN,
    "account_email": row(       "L    200  200  200  200  200  200  200  200",
                                "L    302  302  302  302  302  302  302  302"),
    "account_request_reauthentication_code": ALLAUTH_REDIRECT,
    "account_confirm_reauthentication_code": ALLAUTH_REDIRECT,
    "account_set_password": ALLAUTH_REDIRECT,
    "account_confirm_login_code": ALLAUTH_REDIRECT,
    "mfa_index": row(           "L    200  200  200  200  200  200  200  200",
                                "L    405  405  405  405  405  405  405  405"),
    "mfa_authenticate": ALLAUTH_REDIRECT,
    "mfa_reauthenticate": ALLAUTH_REDIRECT,
    "mfa_activate_totp": ALLAUTH_REDIRECT,
    "mfa_generate_recovery_codes": ALLAUTH_REDIRECT,
    "mfa_deactivate_totp": ALLAUTH_NOT_SET_UP,
    "mfa_download_recovery_codes": ALLAUTH_NOT_SET_UP,
    "mfa_view_recovery_codes": row("L    404  404  404  404  404  404  404  404",
                                   "L    405  405  405  405  405  405  405  405"),
    # Wagtail's admin: every pattern for those who must never get in; a few pages for the authors --------------------
    "admin/": WAGTAIL_ADMIN,
    "admin/login/": row(        "L    403  -    403  -    -    L    L    L",
                                "L    -    -    -    -    -    -    -    -"),
    "wagtailadmin_login": row(  "L    403  -    403  -    -    L    L    L",
                                "L    -    -    -    -    -    -    -    -"),
    # Static assets of the admin, and password reset switched off (WAGTAIL_PASSWORD_RESET_ENABLED).
    "wagtailadmin_sprite": row( "200  403  -    403  -    -    -    -    -",
                                "200  -    -    -    -    -    -    -    -"),
    "wagtailadmin_javascript_catalog": row("200  403  -    403  -    -    -    -    -",
                                           "405  -    -    -    -    -    -    -    -"),
    "wagtailadmin_password_reset*": row("404  403  -    403  -    -    -    -    -",
                                        "404  -    -    -    -    -    -    -    -"),
    "admin/^.*/$": row(         "302  403  -    403  -    -    -    -    -",
                                "302  -    -    -    -    -    -    -    -",
                                url="/admin/nulle-part/"),
    "wagtailadmin_home": WAGTAIL_ADMIN_PAGE,
    "wagtailadmin_explore_root": WAGTAIL_ADMIN_PAGE,
    "wagtailadmin_explore": WAGTAIL_ADMIN_PAGE,
    "wagtailadmin_pages:edit": WAGTAIL_ADMIN_PAGE,
    "wagtailadmin_pages:add": WAGTAIL_ADMIN_PAGE,
    "wagtailadmin_pages:history": WAGTAIL_ADMIN_PAGE,
    "wagtailsnippets:index": WAGTAIL_ADMIN_PAGE,
    "wagtailsnippets_cms_glossaryterm:list": WAGTAIL_ADMIN_PAGE,
    "wagtailsnippets_cms_procedure:list": WAGTAIL_ADMIN_PAGE,
    "wagtailsnippets_assessments_competence:list": WAGTAIL_ADMIN_PAGE,
    "wagtailimages:index": WAGTAIL_ADMIN_PAGE,
    "wagtaildocs:index": WAGTAIL_ADMIN_PAGE,
    "wagtailadmin_reports:site_history": WAGTAIL_ADMIN_PAGE,
    # Our own admin view: an empty upload form comes back with its errors.
    "assessments_import_gift": row("L    403  403  403  403  403  200  200  200",
                                   "L    403  403  403  403  403  200  200  200"),
    # Without a quiz chosen the export comes back to the import view with a message; GET only.
    "assessments_export_gift": row("L    403  403  403  403  403  302  302  302",
                                   "L    403  403  403  403  403  405  405  405"),
    # The authoring guide, for the people who write: read only.
    "pasapas_authoring_guide": row("L    403  403  403  403  403  200  200  200",
                                   "L    403  403  403  403  403  405  405  405"),
    # Django's admin: superusers only (config.middleware.AdminAccessMiddleware).
    "django-admin/": DJANGO_ADMIN,
    "admin:index": DJANGO_ADMIN_PAGE,
    "admin:accounts_user_changelist": DJANGO_ADMIN_PAGE,
    "admin:accounts_structure_changelist": DJANGO_ADMIN_PAGE,
}
# fmt: on


# The sweep ----------------------------------------------------------------------------------------------------------

CROSS_ROLES = ("other_resident", "other_agent")
DENIALS = {"L", "401", "403", "404", "405"}
ADMIN_ROUTES = ("admin/", "django-admin/")


def row_for(key, pattern):
    """(the table key that covers this pattern, its entry), or (None, None). Our own views need a row of their own:
    the prefix rows are for the libraries' hundreds of admin URLs."""
    if key in TABLE:
        return key, TABLE[key]
    if pattern.ours:
        return None, None
    covering = [
        candidate
        for candidate in TABLE
        if (candidate.endswith("/") and pattern.route.startswith(candidate))
        or (candidate.endswith("*") and (pattern.name or "").startswith(candidate[:-1]))
    ]
    if not covering:
        return None, None
    best = max(covering, key=len)
    return best, TABLE[best]


@dataclass(frozen=True)
class Cell:
    key: str
    label: str
    method: str
    url: str
    expected: tuple  # one token per role
    scoped: bool  # the URL points at an object of `structure`
    admin: bool  # under one of the two admins
    ours: bool  # served by a view of this project

    @property
    def name(self):
        return f"{self.key} [{self.label}]" if self.label else self.key

    def __str__(self):
        return f"{self.name} {self.method} {self.url}"


def cells(world):
    for key, pattern in sweep.all_patterns().items():
        _, entry = row_for(key, pattern)
        if entry is None:
            continue  # test_every_url_pattern_has_a_row says which
        variants = entry if isinstance(entry, dict) else {"": entry}
        for label, expected in variants.items():
            template = expected.url or ""
            if template.startswith("?") or not template:
                url = pattern.url(world.values) + template.format(**world.values)
                scoped = bool(sweep.OBJECT_PARAMS & set(pattern.params)) or "{structure_id}" in template
            else:
                url = template.format(**world.values)
                scoped = any(f"{{{param}}}" in template for param in sweep.OBJECT_PARAMS)
            admin = pattern.route.startswith(ADMIN_ROUTES)
            yield Cell(key, label, "GET", url, expected.get, scoped, admin, pattern.ours)
            yield Cell(key, label, "POST", url, expected.post, scoped, admin, pattern.ours)


def matches(token, response):
    redirect = response.status_code in (301, 302, 303)
    to_login = redirect and response["Location"].startswith(sweep.LOGIN_PATH)
    if token == "L":
        return to_login
    if token == "302":
        return redirect and not to_login
    return response.status_code == int(token)


def test_every_url_pattern_has_a_row():
    missing = [key for key, pattern in sweep.all_patterns().items() if row_for(key, pattern)[0] is None]
    assert not missing, "URL patterns without a row in TABLE (add one):\n" + "\n".join(missing)


def test_every_row_names_a_url_pattern():
    used = {row_for(key, pattern)[0] for key, pattern in sweep.all_patterns().items()}
    assert not set(TABLE) - used, f"rows of TABLE for URL patterns that no longer exist: {sorted(set(TABLE) - used)}"


def test_our_views_are_tried_by_every_role_with_both_methods(world):
    partial = [str(cell) for cell in cells(world) if cell.ours and "-" in cell.expected]
    assert not partial


def test_those_who_must_never_get_into_an_admin_are_tried_on_every_admin_url(world):
    roles = [sweep.ROLES.index(role) for role in ("anonymous", "resident", "agent")]
    untried = [
        str(cell)
        for cell in cells(world)
        if cell.admin and cell.method == "GET" and "-" in (cell.expected[i] for i in roles)
    ]
    assert not untried


@pytest.mark.parametrize("role", sweep.ROLES)
def test_authorization_matrix(world, role):
    with sweep.quiet_request_log():
        checked, failures = sweep_role(world, role)
    assert checked
    assert not failures, f"{len(failures)} of {checked} cells for « {role} »:\n" + "\n".join(failures)


def sweep_role(world, role):
    column = sweep.ROLES.index(role)
    client = sweep.RoleClient(world.users[role])
    failures = []
    checked = 0
    for cell in cells(world):
        token = cell.expected[column]
        if token == "-":
            continue
        alternatives = token.split("|")
        cross = role in CROSS_ROLES and cell.scoped
        # Writes are looked for where nothing may be written: crossing structures, and every refused POST.
        watch = not cell.admin and (cross or (cell.method == "POST" and set(alternatives) <= DENIALS))
        client.ensure()

        def run(cell=cell, watch=watch):
            before = sweep.people_state() if watch else None
            response = client.request(cell.method, cell.url)
            return response, before, sweep.people_state() if watch else None

        response, before, after = sweep.in_savepoint(run)
        checked += 1
        if not any(matches(alternative, response) for alternative in alternatives):
            failures.append(f"{cell}: expected {token}, got {sweep.describe(response)}")
        if cross and 200 <= response.status_code < 300:
            failures.append(f"{cell}: crossing structures gave {response.status_code}")
        if before != after:
            changed = sorted(name for name in before if before[name] != after[name])
            failures.append(f"{cell}: wrote to {', '.join(changed)}")
    return checked, failures


def test_forms_refuse_objects_of_another_structure_named_in_the_body(world):
    """The matrix sends empty bodies; here the other structure's manager names `structure`'s objects in the form."""
    other = world.users["other_agent"]
    own_workshop = Workshop.objects.create(structure=world.other_structure, title="Atelier du Val", facilitator=other)
    theirs = {"structure": world.structure.pk}
    attempts = [
        ("/espace-agent/personnes/nouvelle/", {**theirs, "display_name": "Intruse", "consent": "on"}),
        ("/espace-agent/ateliers/nouveau/", {**theirs, "title": "Atelier pirate", "facilitator": other.pk}),
        (
            "/espace-agent/ateliers/nouveau/",
            {"structure": world.other_structure.pk, "title": "Atelier pirate", "facilitator": world.users["agent"].pk},
        ),
        (f"/espace-agent/ateliers/{own_workshop.pk}/modifier/", {**theirs, "title": "Déplacé", "facilitator": ""}),
        (f"/espace-agent/ateliers/{own_workshop.pk}/participants/ajouter/", {"resident": world.users["resident"].pk}),
        ("/espace-agent/equipe/", {**theirs, "display_name": "Intrus", "email": "in@exemple.fr", "mode": "password"}),
    ]
    client = sweep.RoleClient(other)
    failures = []
    with sweep.quiet_request_log():
        for url, body in attempts:
            client.ensure()

            def run(url=url, body=body):
                before = sweep.people_state()
                response = client.request("POST", url, body)
                return response, before, sweep.people_state()

            response, before, after = sweep.in_savepoint(run)
            if response.status_code != 200 or before != after:
                changed = sorted(name for name in before if before[name] != after[name])
                failures.append(f"POST {url} {body}: {sweep.describe(response)}, wrote to {changed}")
    assert not failures, "\n".join(failures)
