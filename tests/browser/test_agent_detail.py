"""The agent's page about one resident, on the narrowest phone: nothing scrolls sideways, and recording a
procedure (« Démarche faite ») by keyboard with the date left as it is records today."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from cms.models import Operator, Procedure
from followup.models import AutonomyRecord, ResidentNote, Workshop
from followup.services.assignments import assign_module, assign_to_workshop
from followup.services.workshops import add_member
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def procedure():
    operator = Operator.objects.create(name="Caisse d'allocations familiales", slug="caf")
    return Procedure.objects.create(
        operator=operator, title="Déclarer ses ressources trimestrielles au titre de la prime", slug="caf-dtr"
    )


def test_the_residents_page_fits_320_px_and_a_procedure_is_recorded_by_keyboard_for_today(
    narrow_page, log_in, agent, structure, resident, module, procedure
):
    page = narrow_page
    module.title = "Faire ses démarches administratives en ligne sans se décourager"
    module.save_revision().publish()
    workshop = Workshop.objects.create(structure=structure, title="Atelier numérique du jeudi après-midi")
    assign_module(
        module=module,
        residents=[resident],
        by=agent,
        structure=structure,
        due_date=timezone.localdate() + datetime.timedelta(days=9),
        note="Apporter l'attestation-de-la-caisse-d'allocations-familiales-imprimée",
    )
    add_member(workshop=workshop, resident=resident, by=agent)
    assign_to_workshop(workshop=workshop, module=module, by=agent)
    AutonomyRecord.objects.create(
        resident=resident,
        structure=structure,
        procedure=procedure,
        level="with_them",
        date=timezone.localdate() - datetime.timedelta(days=30),
        recorded_by=agent,
    )
    ResidentNote.objects.create(
        resident=resident,
        structure=structure,
        author=agent,
        text="https://www.exemple.fr/un-lien-tres-long-sans-espace",
    )
    log_in(page, agent)
    page.goto(reverse("agent:resident_detail", args=[resident.pk]))
    page.screenshot(path="/tmp/h7-detail-320.png", full_page=True)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    date_input = page.get_by_label("Date", exact=True)
    assert date_input.get_attribute("type") == "date"
    assert date_input.input_value() == timezone.localdate().isoformat()
    page.get_by_label("Démarche", exact=True).select_option(str(procedure.pk))
    page.get_by_label("Fait sans aide").focus()
    page.keyboard.press("Space")
    date_input.focus()
    page.keyboard.press("Enter")  # submits the form from its last field
    page.get_by_text("Démarche enregistrée").wait_for()

    latest = AutonomyRecord.objects.order_by("-pk").first()
    assert (latest.date, latest.level, latest.procedure) == (timezone.localdate(), "alone", procedure)
    assert_no_horizontal_scroll(page)
    page.screenshot(path="/tmp/h7-detail-320-after.png", full_page=True)
