"""Dates speak French everywhere: « 2 septembre 2026 », never « Sep » (Django's « M » format is English-looking)."""

import datetime
import re
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

import pytest

from learning.models import ModuleProgress

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_MONTHS = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")
# Django's month formats that print an abbreviation not written the French way: M (« Sep », « Jui »), b (« sep »).
DATE_FILTER = re.compile(r"""\|date:\s*["']([^"']*)["']""")


def unescaped(format_string):
    return re.sub(r"\\.", "", format_string)


def test_no_template_formats_a_month_as_a_three_letter_abbreviation():
    offenders = [
        f"{path.relative_to(ROOT)}: {fmt}"
        for path in (ROOT / "templates").rglob("*.html")
        for fmt in DATE_FILTER.findall(path.read_text())
        if set(unescaped(fmt)) & {"M", "b"}
    ]
    assert not offenders


@pytest.mark.django_db
def test_the_residents_list_prints_a_september_date_in_french(client, agent, resident, module):
    september = timezone.make_aware(datetime.datetime(2026, 9, 2, 10, 0))
    ModuleProgress.objects.create(user=resident, module=module, last_activity_at=september)
    client.force_login(agent)
    content = client.get(reverse("agent:residents")).content.decode()
    assert "2 septembre 2026" in content
    assert not ENGLISH_MONTHS.search(content)
