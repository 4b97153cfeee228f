"""Structure statistics and CSV exports for the agent space.

The first part is pure (no database): month buckets, small-count masking, spreadsheet-formula neutralisation,
CSV writing and bar-chart geometry. The last part reads the database with a fixed number of aggregated queries,
whatever the amount of data.
"""

import csv
import datetime
import io
import unicodedata
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.models import StructureLink
from assessments.models import QuizAttempt
from followup.enums import FollowUpStatus
from followup.models import Assignment, Attendance
from learning.enums import ExclusionType, ProgressStatus
from learning.models import ModuleProgress

MONTHS = 12
MASK_BELOW = 3
MASKED = "< 3"
CSV_BOM = "\ufeff"
SEPARATORS = {";": ";", ",": ","}
DEFAULT_SEPARATOR = ";"
# Characters that make a spreadsheet read a cell as a formula (OWASP « CSV injection »).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

MONTH_NAMES = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
SHORT_MONTH_NAMES = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]


# Months ------------------------------------------------------------------------------------------------------------


def last_months(today, count=MONTHS):
    """The first day of the `count` months ending with today's month, oldest first."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def _as_month(value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1)


def month_buckets(months, rows):
    """Counts aligned on `months`: rows are (month, count) pairs from a TruncMonth query; other months get 0."""
    counts = {}
    for month, count in rows:
        if month is None:
            continue
        key = _as_month(month)
        counts[key] = counts.get(key, 0) + count
    return [counts.get(month, 0) for month in months]


def month_label(month):
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def short_month_label(month):
    return SHORT_MONTH_NAMES[month.month - 1]


# Masking and CSV ---------------------------------------------------------------------------------------------------


def is_masked(count, threshold=MASK_BELOW):
    """Counts of 1 or 2 could point at a person: they are hidden. Zero points at nobody and stays."""
    return 0 < count < threshold


def mask_count(count, threshold=MASK_BELOW):
    return MASKED if is_masked(count, threshold) else count


def percent(part, whole):
    return round(100 * part / whole) if whole else None


def mask_rate(part, whole, threshold=MASK_BELOW):
    """A rate gives its counts away: hidden when the total, the part or the rest is a small count."""
    if whole < threshold or is_masked(part, threshold) or is_masked(whole - part, threshold):
        return MASKED
    return f"{percent(part, whole)} %"


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe. Numbers are left alone."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int | float):
        return value
    text = str(value)
    if starts_like_formula(text):
        return "'" + text
    return text


# Characters a spreadsheet may skip or never show before a formula: zero-width spaces and joiners, the byte-order mark,
# direction marks, soft hyphen (format characters, « Cf »), control characters, spaces of every width, Hangul fillers.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_INVISIBLE_FILLERS = {"\u034f", "\u115f", "\u1160", "\u17b4", "\u17b5", "\u3164", "\uffa0"}


def _invisible(char):
    return char.isspace() or char in _INVISIBLE_FILLERS or unicodedata.category(char) in _INVISIBLE_CATEGORIES


def starts_like_formula(text):
    """True when the first character that shows, once folded like a spreadsheet may fold it (NFKC: « ＝ » is « = »),
    starts a formula: « =1+1 » after a zero-width space (U+200B) or a byte-order mark, « ＝1+1 » (U+FF1D) as much as
    « =1+1 »; a tab or CR first, too."""
    if text.startswith(FORMULA_TRIGGERS):
        return True
    for char in text:
        if _invisible(char):
            continue
        # NFKC may turn one character into several, some invisible: check the first that shows.
        folded = "".join(part for part in unicodedata.normalize("NFKC", char) if not _invisible(part))
        if not folded:
            continue
        return folded.startswith(FORMULA_TRIGGERS)
    return False


def separator_from(value):
    """`?sep=,` for spreadsheets set up in English; anything else gives the French default `;`."""
    return SEPARATORS.get(value or "", DEFAULT_SEPARATOR)


def csv_text(header, rows, separator=DEFAULT_SEPARATOR):
    """UTF-8 CSV text starting with a byte-order mark (so that Excel reads the accents), every cell neutralised."""
    buffer = io.StringIO()
    buffer.write(CSV_BOM)
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


# Chart geometry ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str  # full label: tooltip and data table
    value: int
    x: float
    y: float
    width: float
    height: float
    text: str  # label drawn in the chart (short)
    text_x: float
    text_y: float
    value_x: float
    value_y: float
    subtext: str = ""  # second line under a vertical bar (the year)
    subtext_y: float = 0


@dataclass(frozen=True)
class BarChart:
    bars: list
    orientation: str
    width: int
    height: int
    axis_x1: float
    axis_y1: float
    axis_x2: float
    axis_y2: float
    max_value: int
    total: int
    leaders: list  # the highest bars (up to three sharing the top), named in the summary

    @property
    def peak(self):
        return self.leaders[0] if self.leaders else None

    @property
    def leader_labels(self):
        return ", ".join(bar.label for bar in self.leaders)

    @property
    def is_vertical(self):
        return self.orientation == "vertical"

    @property
    def is_empty(self):
        return self.total == 0


def _r(value):
    return round(value, 2)


def _leaders(bars, most=3):
    """The highest bars, to name them in words; none when everything is zero or too many share the top."""
    top = max((bar.value for bar in bars), default=0)
    highest = [bar for bar in bars if bar.value == top]
    return highest if top > 0 and len(highest) <= most else []


def truncate(text, length):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def vertical_bar_chart(items, *, width=640, height=240, top=24, bottom=44, side=8, bar_ratio=0.6):
    """Columns for a time series. items: (label, value, short label, second line) tuples, in order."""
    items = list(items)
    max_value = max((item[1] for item in items), default=0)
    baseline = height - bottom
    plot_height = baseline - top
    slot = (width - 2 * side) / len(items) if items else 0
    bar_width = slot * bar_ratio
    bars = []
    for index, (label, value, text, subtext) in enumerate(items):
        bar_height = plot_height * value / max_value if max_value else 0
        left = side + index * slot + (slot - bar_width) / 2
        centre = side + index * slot + slot / 2
        bars.append(
            Bar(
                label=label,
                value=value,
                x=_r(left),
                y=_r(baseline - bar_height),
                width=_r(bar_width),
                height=_r(bar_height),
                text=text,
                text_x=_r(centre),
                text_y=_r(baseline + 18),
                value_x=_r(centre),
                value_y=_r(baseline - bar_height - 6),
                subtext=subtext,
                subtext_y=_r(baseline + 36),
            )
        )
    return BarChart(
        bars=bars,
        orientation="vertical",
        width=width,
        height=height,
        axis_x1=side,
        axis_y1=baseline,
        axis_x2=width - side,
        axis_y2=baseline,
        max_value=max_value,
        total=sum(bar.value for bar in bars),
        leaders=_leaders(bars),
    )


def horizontal_bar_chart(items, *, width=640, row=36, label_width=240, value_room=56, padding=8, label_length=30):
    """Rows for categories with long names. items: (label, value) pairs, in the order to draw them."""
    items = list(items)
    max_value = max((value for _, value in items), default=0)
    plot_width = width - label_width - value_room
    height = 2 * padding + row * len(items)
    bar_height = row * 0.6
    bars = []
    for index, (label, value) in enumerate(items):
        bar_width = plot_width * value / max_value if max_value else 0
        top = padding + index * row
        middle = top + row / 2
        bars.append(
            Bar(
                label=label,
                value=value,
                x=label_width,
                y=_r(top + (row - bar_height) / 2),
                width=_r(bar_width),
                height=_r(bar_height),
                text=truncate(label, label_length),
                text_x=label_width - 8,
                text_y=_r(middle + 5),
                value_x=_r(label_width + bar_width + 6),
                value_y=_r(middle + 5),
            )
        )
    return BarChart(
        bars=bars,
        orientation="horizontal",
        width=width,
        height=height,
        axis_x1=label_width,
        axis_y1=padding,
        axis_x2=label_width,
        axis_y2=height - padding,
        max_value=max_value,
        total=sum(bar.value for bar in bars),
        leaders=_leaders(bars),
    )


def monthly_chart(months, counts):
    items = []
    for index, (month, count) in enumerate(zip(months, counts, strict=True)):
        subtext = str(month.year) if index == 0 or month.month == 1 else ""
        items.append((month_label(month), count, short_month_label(month), subtext))
    return vertical_bar_chart(items)


def sorted_counts(counts):
    """{label: count} → [(label, count)], largest first, then alphabetical."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


# Reading the database ----------------------------------------------------------------------------------------------

NO_OPERATOR = "Sans organisme"
NO_THEME = "Sans thème"


@dataclass
class Statistics:
    structures: list
    months: list
    today: datetime.date
    accompanied: int
    new_residents: list
    modules_completed: list
    quizzes_passed: list
    by_operator: list
    by_theme: list
    by_exclusion: list
    attendance_present: int
    attendance_recorded: int

    @property
    def period_start(self):
        return self.months[0]

    @property
    def period_end(self):
        return self.months[-1]

    @property
    def attendance_rate(self):
        return percent(self.attendance_present, self.attendance_recorded)


def period_start_datetime(months):
    first = months[0]
    return timezone.make_aware(datetime.datetime(first.year, first.month, 1))


def linked_residents(structure_ids):
    """Residents who share their progress, consent in force, with one of these structures (a subquery)."""
    return StructureLink.objects.active().filter(structure_id__in=structure_ids).values("resident_id")


# Up to this many residents, the statistics name them in their queries: PostgreSQL then reads each one's rows through
# the indexes by person, where a subquery made it scan the progress of the whole site (28 ms instead of 2 with
# 100,000 residents). Beyond, the subquery it is (an administrator looking at every structure).
RESIDENT_ID_LIST_LIMIT = 5000


def _residents_for_statistics(structure_ids):
    """(residents as a list of ids or a subquery, how many): one query."""
    residents = linked_residents(structure_ids)
    ids = list(residents.values_list("resident_id", flat=True).distinct()[: RESIDENT_ID_LIST_LIMIT + 1])
    if len(ids) <= RESIDENT_ID_LIST_LIMIT:
        return ids, len(ids)
    return residents, residents.aggregate(count=Count("resident_id", distinct=True))["count"]


def _grouped(queryset, field):
    return {row[field]: row["count"] for row in queryset}


def statistics_for(structures, *, today=None):
    """Every aggregate of the statistics page for these structures: eight queries, whatever the amount of data
    (nine for more than RESIDENT_ID_LIST_LIMIT residents).

    Residents count while their consent is in force; new residents per month count the links made that month.
    """
    today = today or timezone.localdate()
    structure_ids = [structure.pk for structure in structures]
    months = last_months(today)
    since = period_start_datetime(months)
    residents, accompanied = _residents_for_statistics(structure_ids)
    new_rows = (
        StructureLink.objects.filter(structure_id__in=structure_ids, consented_at__gte=since)
        .annotate(month=TruncMonth("consented_at"))
        .values("month")
        .annotate(count=Count("resident_id", distinct=True))
        .values_list("month", "count")
    )
    completed = ModuleProgress.objects.filter(user_id__in=residents, completed_at__gte=since)
    completed_rows = (
        completed.annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(count=Count("id"))
        .values_list("month", "count")
    )
    quiz_rows = (
        QuizAttempt.objects.filter(user_id__in=residents, passed=True, submitted_at__gte=since)
        .annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(count=Count("id"))
        .values_list("month", "count")
    )
    operator_field = "module__modulepage__operators__name"
    by_operator = _grouped(
        completed.values(operator_field).annotate(count=Count("id", distinct=True)).order_by(), operator_field
    )
    theme_field = "module__modulepage__competences__domain__title"
    by_theme = _grouped(
        completed.values(theme_field).annotate(count=Count("id", distinct=True)).order_by(), theme_field
    )
    exclusion_field = "module__modulepage__exclusion_type"
    by_exclusion = _grouped(completed.values(exclusion_field).annotate(count=Count("id")).order_by(), exclusion_field)
    attendance = Attendance.objects.filter(
        session__workshop__structure_id__in=structure_ids,
        session__date__gte=months[0],
        session__date__lte=today,
        resident_id__in=residents,
    ).aggregate(recorded=Count("id"), present=Count("id", filter=Q(present=True)))

    exclusion_labels = dict(ExclusionType.choices)
    return Statistics(
        structures=list(structures),
        months=months,
        today=today,
        accompanied=accompanied,
        new_residents=month_buckets(months, new_rows),
        modules_completed=month_buckets(months, completed_rows),
        quizzes_passed=month_buckets(months, quiz_rows),
        by_operator=sorted_counts({name or NO_OPERATOR: count for name, count in by_operator.items()}),
        by_theme=sorted_counts({title or NO_THEME: count for title, count in by_theme.items()}),
        by_exclusion=[
            (label, by_exclusion[value]) for value, label in exclusion_labels.items() if by_exclusion.get(value)
        ],
        attendance_present=attendance["present"],
        attendance_recorded=attendance["recorded"],
    )


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def _local_datetime(value):
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


STATISTICS_HEADER = ["Indicateur", "Détail", "Valeur"]


def statistics_rows(stats):
    """The statistics as CSV rows, small counts masked: aggregates leave the structure and must stay anonymous."""
    names = ", ".join(structure.name for structure in stats.structures)
    period = f"de {month_label(stats.period_start)} à {month_label(stats.period_end)}"
    rows = [
        ("Structures", names, ""),
        ("Période", period, ""),
        ("Personnes accompagnées (consentement en cours)", f"au {_date(stats.today)}", mask_count(stats.accompanied)),
    ]
    series = [
        ("Nouvelles personnes accompagnées", stats.new_residents),
        ("Modules terminés", stats.modules_completed),
        ("Quiz réussis", stats.quizzes_passed),
    ]
    for title, counts in series:
        rows.extend(
            (title, month_label(month), mask_count(count)) for month, count in zip(stats.months, counts, strict=True)
        )
    breakdowns = [
        ("Modules terminés par organisme", stats.by_operator),
        ("Modules terminés par thème", stats.by_theme),
        ("Modules terminés par type d'exclusion", stats.by_exclusion),
    ]
    for title, counts in breakdowns:
        rows.extend((title, label, mask_count(count)) for label, count in counts)
    present, recorded = stats.attendance_present, stats.attendance_recorded
    rows.extend(
        [
            ("Présence aux ateliers", "Présences notées", mask_count(recorded)),
            ("Présence aux ateliers", "Présents", mask_count(present)),
            ("Présence aux ateliers", "Taux de présence", mask_rate(present, recorded) if recorded else ""),
        ]
    )
    return rows


PROGRESS_HEADER = [
    "Identifiant",
    "Nom affiché",
    "Module",
    "Assigné le",
    "À faire pour le",
    "Avancement (%)",
    "Statut",
    "Dernière activité",
]
OVERDUE_LABEL = FollowUpStatus.OVERDUE.label


def progress_status(status, due_date, today):
    if status != ProgressStatus.COMPLETED and due_date is not None and due_date < today:
        return OVERDUE_LABEL
    return ProgressStatus(status).label if status in ProgressStatus.values else ProgressStatus.NOT_STARTED.label


def progress_rows(structures, *, today=None):
    """One row per resident and active assignment given by these structures; one query."""
    today = today or timezone.localdate()
    structure_ids = [structure.pk for structure in structures]
    progress = ModuleProgress.objects.filter(user=OuterRef("resident_id"), module=OuterRef("module_id"))
    assignments = (
        Assignment.objects.active()
        .filter(structure_id__in=structure_ids)
        .filter(Exists(linked_residents(structure_ids).filter(resident_id=OuterRef("resident_id"))))
        .annotate(
            progress_percent=Subquery(progress.values("percent")[:1]),
            progress_status=Subquery(progress.values("status")[:1]),
            progress_last_activity=Subquery(progress.values("last_activity_at")[:1]),
        )
        .order_by("resident__display_name", "resident__username", "module__title", "pk")
        .values_list(
            "resident__username",
            "resident__display_name",
            "module__title",
            "created_at",
            "due_date",
            "progress_percent",
            "progress_status",
            "progress_last_activity",
        )
    )
    for username, display_name, title, created_at, due_date, pct, status, last_activity in assignments:
        yield (
            username,
            display_name,
            title,
            _date(timezone.localtime(created_at)),
            _date(due_date),
            pct or 0,
            progress_status(status or ProgressStatus.NOT_STARTED, due_date, today),
            _local_datetime(last_activity),
        )
