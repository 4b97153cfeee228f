"""Every form of the project refuses a POST without its CSRF token, and nothing is written.

The routes come from the authorization matrix: every URL of our views that accepts a POST (some role gets anything
but 401/403/404/405 or the login page) must have a plausible body below, sent by a role allowed to use it. allauth's
sign-in forms, Wagtail's page editor and the Django admin's « add » complete the sweep.
"""

import datetime
import uuid

from django.utils import timezone

import pytest

from tests.accounts.factories import PASSWORD
from tests.security import sweep
from tests.security.test_authorization_matrix import DENIALS, PAGES, cells

pytestmark = pytest.mark.django_db

CSRF_PAGE_TEXT = "Le formulaire a expiré"


def page(label):
    return f"{PAGES} [{label}]"


def today():
    return timezone.localdate().isoformat()


# name of the matrix cell → (role, body). A body is a function of the data set.
OURS = {
    "health": ("anonymous", lambda w: {}),
    "glossary": ("anonymous", lambda w: {}),
    "search": ("anonymous", lambda w: {"q": "ameli"}),
    "places": ("anonymous", lambda w: {"service": "", "commune": "Rouen"}),
    "code_login": ("anonymous", lambda w: {"username": "amina", "code": "ABCD2345"}),
    "qr_login": ("anonymous", lambda w: {}),
    "session_keepalive": ("resident", lambda w: {}),
    "join_structure": ("other_resident", lambda w: {"code": w.structure.join_code, "accord": "oui"}),
    "leave_structure": ("resident", lambda w: {}),
    "my_account": ("resident", lambda w: {"form": "email", "email-email": "amina.nouvelle@exemple.fr"}),
    "delete_account": ("resident", lambda w: {"username": "amina"}),
    "agent_erase_resident": ("agent", lambda w: {"username": "amina"}),
    "agent:resident_create": (
        "agent",
        lambda w: {"display_name": "Nouvelle Personne", "structure": w.structure.pk, "consent": "on"},
    ),
    "agent:resident_new_code": ("agent", lambda w: {}),
    "agent:resident_assign": ("agent", lambda w: {"module": w.module.pk, "note": "Pour jeudi"}),
    "agent:resident_unassign": ("agent", lambda w: {}),
    "agent:resident_note": ("agent", lambda w: {"text": "Vient le mardi."}),
    "agent:resident_autonomy": (
        "agent",
        lambda w: {"procedure": w.snippets["procedure"].pk, "level": "alone", "date": today()},
    ),
    "agent:resident_assign_recommended": ("agent", lambda w: {"modules": [w.module.pk]}),
    "agent:resident_diagnostic": ("agent", lambda w: {}),
    "agent:team": (
        "manager",
        lambda w: {
            "display_name": "Nouvel Agent",
            "email": "nouvel.agent@exemple.fr",
            "structure": w.structure.pk,
            "mode": "password",
        },
    ),
    "agent:team_remove": ("manager", lambda w: {}),
    "agent:workshop_create": (
        "agent",
        lambda w: {"title": "Nouvel atelier", "structure": w.structure.pk, "facilitator": w.users["agent"].pk},
    ),
    "agent:workshop_edit": (
        "agent",
        lambda w: {"title": "Atelier renommé", "structure": w.structure.pk, "facilitator": w.users["agent"].pk},
    ),
    "agent:workshop_member_add": ("agent", lambda w: {"resident": w.users["resident"].pk}),
    "agent:workshop_member_remove": ("agent", lambda w: {}),
    "agent:workshop_assign": ("agent", lambda w: {"module": w.module.pk}),
    "agent:session_create": (
        "agent",
        lambda w: {"date": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(), "start_time": "14:00"},
    ),
    "agent:session_detail": ("agent", lambda w: {f"presence_{w.users['resident'].pk}": "present"}),
    "assessments_import_gift": ("trainer", lambda w: {"module": w.module.pk, "title": "Quiz importé"}),
    page("home"): ("anonymous", lambda w: {}),
    page("catalogue"): ("anonymous", lambda w: {}),
    page("module"): ("resident", lambda w: {}),
    page("tutorial"): ("resident", lambda w: {}),
    page("tutorial print"): ("resident", lambda w: {}),
    page("step done"): ("resident", lambda w: {}),
    page("quiz"): ("resident", lambda w: {}),
    page("quiz start"): ("resident", lambda w: {"cle": str(uuid.uuid4())}),
    page("quiz trial"): ("anonymous", lambda w: {"q-q-single": "1"}),
    page("quiz attempt"): ("resident", lambda w: {"q-q-single": "1", "terminer": "1"}),
    page("quiz autosave"): ("resident", lambda w: {"question": "q-single", "q-q-single": "1"}),
    page("quiz results"): ("resident", lambda w: {}),
    page("diagnostic"): ("resident", lambda w: {}),
    page("diagnostic start"): ("resident", lambda w: {}),
    page("diagnostic question"): ("resident", lambda w: {"etape": "equipment:eq-devices", "q-eq-devices": "0"}),
    page("diagnostic session result"): ("anonymous", lambda w: {}),
    page("diagnostic result"): ("resident", lambda w: {}),
}

NEW_PASSWORD = "Un-nouveau-mot-de-passe-73"

# Forms of the libraries: name → (role, URL, body).
THIRD_PARTY = {
    "account_login": ("anonymous", lambda w: "/comptes/login/", lambda w: {"login": "amina", "password": PASSWORD}),
    "account_signup": (
        "anonymous",
        lambda w: "/comptes/signup/",
        lambda w: {"username": "nouvelle", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    ),
    "account_logout": ("resident", lambda w: "/comptes/logout/", lambda w: {}),
    "account_change_password": (
        "agent",
        lambda w: "/comptes/password/change/",
        lambda w: {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    ),
    "wagtailadmin_pages:edit": (
        "trainer",
        lambda w: f"/admin/pages/{w.tutorial.pk}/edit/",
        lambda w: {"title": "Titre modifié", "slug": w.tutorial.slug, "action-submit": "1"},
    ),
    "wagtailadmin_pages:add": (
        "trainer",
        lambda w: f"/admin/pages/add/learning/tutorialpage/{w.module.pk}/",
        lambda w: {"title": "Nouveau tutoriel", "slug": "nouveau-tutoriel", "intro": "Un tutoriel."},
    ),
    "wagtailsnippets_cms_glossaryterm:add": (
        "trainer",
        lambda w: "/admin/snippets/cms/glossaryterm/add/",
        lambda w: {"term": "souris", "definition": "Un petit boîtier qui déplace la flèche."},
    ),
    "admin:accounts_structure_add": (
        "superuser",
        lambda w: "/django-admin/accounts/structure/add/",
        lambda w: {
            "name": "Nouvelle structure",
            "city": "Caen",
            "join_code": "NOUV42",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    ),
    "admin:accounts_user_add": (
        "superuser",
        lambda w: "/django-admin/accounts/user/add/",
        lambda w: {"username": "nouveau", "kind": "resident", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    ),
}


def accepts_post(cell):
    """Some role gets past the permission checks with a POST (so a forged POST could do something)."""
    return cell.method == "POST" and cell.ours and bool(set(cell.expected) - DENIALS - {"-"})


def test_every_post_route_of_ours_is_in_the_sweep(world):
    accepting = {cell.name for cell in cells(world) if accepts_post(cell)}
    missing = sorted(accepting - set(OURS))
    assert not missing, "routes accepting POST without a CSRF case in OURS (add a role and a plausible body):\n" + (
        "\n".join(missing)
    )
    assert not set(OURS) - accepting, f"CSRF cases for routes that accept no POST: {sorted(set(OURS) - accepting)}"


def targets(world, which):
    if which == "ours":
        for cell in cells(world):
            if accepts_post(cell):
                role, body = OURS[cell.name]
                yield cell.name, role, cell.url, body(world)
    else:
        for name, (role, url, body) in THIRD_PARTY.items():
            yield name, role, url(world), body(world)


@pytest.mark.parametrize("which", ["ours", "third_party"])
def test_a_post_without_csrf_token_is_refused_and_writes_nothing(world, which):
    models = sweep.all_models()
    clients = {}
    failures = []
    checked = 0
    with sweep.quiet_request_log():
        for name, role, url, body in targets(world, which):
            if role not in clients:
                clients[role] = sweep.RoleClient(world.users[role], enforce_csrf_checks=True)
            client = clients[role]
            client.ensure()

            def run(client=client, url=url, body=body):
                before = sweep.row_counts(models)
                response = client.request("POST", url, body)
                return response, before, sweep.row_counts(models)

            response, before, after = sweep.in_savepoint(run)
            checked += 1
            if response.status_code != 403 or CSRF_PAGE_TEXT not in response.content.decode():
                failures.append(f"{name} POST {url} as {role}: {sweep.describe(response)}, not the CSRF refusal")
            changed = sorted(label for label in before if before[label] != after[label])
            if changed:
                failures.append(f"{name} POST {url} as {role}: wrote to {', '.join(changed)}")
    assert checked
    assert not failures, "\n".join(failures)
