"""Pure parts of the statistics: month buckets, masking, CSV writing, chart geometry. No database."""

import csv
import datetime
import io
import zoneinfo

import pytest

from followup import reports

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


# Months ------------------------------------------------------------------------------------------------------------


def test_last_months_are_the_twelve_months_ending_with_today_oldest_first():
    months = reports.last_months(datetime.date(2025, 3, 15))
    assert len(months) == 12
    assert months[0] == datetime.date(2024, 4, 1)
    assert months[-1] == datetime.date(2025, 3, 1)
    assert months == sorted(months)
    assert all(month.day == 1 for month in months)


def test_last_months_cross_the_year_from_january():
    assert reports.last_months(datetime.date(2025, 1, 31), count=3) == [
        datetime.date(2024, 11, 1),
        datetime.date(2024, 12, 1),
        datetime.date(2025, 1, 1),
    ]


def test_month_buckets_fill_missing_months_with_zero_and_ignore_others():
    months = reports.last_months(datetime.date(2025, 3, 10), count=3)
    rows = [
        (datetime.datetime(2025, 1, 1, tzinfo=PARIS), 4),  # TruncMonth gives aware datetimes
        (datetime.date(2025, 3, 1), 2),
        (datetime.datetime(2023, 6, 1, tzinfo=PARIS), 9),  # outside the period
        (None, 5),
    ]
    assert reports.month_buckets(months, rows) == [4, 0, 2]


def test_month_buckets_add_up_rows_of_the_same_month():
    months = [datetime.date(2025, 2, 1)]
    assert reports.month_buckets(months, [(datetime.date(2025, 2, 1), 1), (datetime.date(2025, 2, 1), 2)]) == [3]


def test_month_labels_are_in_french():
    assert reports.month_label(datetime.date(2025, 8, 1)) == "août 2025"
    assert reports.short_month_label(datetime.date(2025, 2, 1)) == "févr."


# Masking -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, "< 3"), (2, "< 3"), (3, 3), (250, 250)])
def test_counts_below_three_are_masked_but_zero_points_at_nobody(count, shown):
    assert reports.mask_count(count) == shown


@pytest.mark.parametrize(
    ("present", "recorded", "shown"),
    [
        (8, 10, "< 3"),  # 2 absences: the rate would give them away
        (7, 10, "70 %"),
        (10, 10, "100 %"),
        (0, 10, "0 %"),
        (1, 10, "< 3"),
        (2, 2, "< 3"),  # too few attendances recorded
    ],
)
def test_rates_are_masked_when_one_of_their_counts_is_small(present, recorded, shown):
    assert reports.mask_rate(present, recorded) == shown


def test_percent_of_nothing_is_none():
    assert reports.percent(0, 0) is None
    assert reports.percent(2, 3) == 67


# Formula neutralisation and CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://exemple.fr","clic")', '\'=HYPERLINK("http://exemple.fr","clic")'),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Amina", "Amina"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-3, -3),  # real numbers stay numbers
        (42, 42),
        (True, "oui"),
    ],
)
def test_cells_a_spreadsheet_would_run_as_formulas_get_an_apostrophe(value, written):
    assert reports.neutralise(value) == written


def test_csv_text_starts_with_a_bom_and_uses_the_separator():
    text = reports.csv_text(["Nom", "Nombre"], [["Amina", 3], ["=1+1", "< 3"]])
    assert text.startswith("\ufeff")
    lines = text.removeprefix("\ufeff").split("\r\n")
    assert lines[:3] == ["Nom;Nombre", "Amina;3", "'=1+1;< 3"]


def test_csv_text_with_commas_quotes_cells_that_contain_the_separator():
    text = reports.csv_text(["a", "b"], [["Dupont, Marie", "x;y"]], separator=",")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["a", "b"], ["Dupont, Marie", "x;y"]]
    assert '"Dupont, Marie"' in text


def test_csv_text_round_trips_accents_and_neutralised_cells():
    rows = [["Éloïse", "=cmd|' /C calc'!A0"], ["François", "-10"]]
    text = reports.csv_text(["Nom", "Note"], rows)
    read = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert read[1] == ["Éloïse", "'=cmd|' /C calc'!A0"]
    assert read[2] == ["François", "'-10"]


@pytest.mark.parametrize(("value", "separator"), [(None, ";"), ("", ";"), (",", ","), (";", ";"), ("|", ";")])
def test_only_semicolon_and_comma_are_accepted_as_separators(value, separator):
    assert reports.separator_from(value) == separator


# Chart geometry ----------------------------------------------------------------------------------------------------


def test_vertical_bars_are_proportional_and_stand_on_the_baseline():
    chart = reports.vertical_bar_chart(
        [("a", 2, "a", ""), ("b", 4, "b", ""), ("c", 0, "c", "")], width=300, height=200, top=20, bottom=40, side=0
    )
    baseline, plot_height = 160, 140
    a, b, c = chart.bars
    assert b.height == plot_height and b.y == 20
    assert a.height == plot_height / 2
    assert c.height == 0 and c.y == baseline
    for bar in chart.bars:
        assert bar.y + bar.height == pytest.approx(baseline)
        assert bar.x >= 0 and bar.x + bar.width <= chart.width
        assert bar.value_y < bar.y  # the number is written above its bar
    assert [bar.x for bar in chart.bars] == sorted(bar.x for bar in chart.bars)
    assert chart.axis_y1 == chart.axis_y2 == baseline
    assert chart.max_value == 4 and chart.total == 6
    assert chart.peak is b


def test_bars_of_zeros_have_no_height_and_no_peak():
    chart = reports.vertical_bar_chart([("a", 0, "a", ""), ("b", 0, "b", "")])
    assert all(bar.height == 0 for bar in chart.bars)
    assert chart.peak is None and chart.is_empty


def test_bars_sharing_the_top_are_all_named_up_to_three():
    chart = reports.vertical_bar_chart([("a", 3, "a", ""), ("b", 3, "b", ""), ("c", 1, "c", "")])
    assert chart.leader_labels == "a, b" and chart.total == 7
    chart = reports.horizontal_bar_chart([(name, 1) for name in "abcd"])
    assert chart.leaders == [] and chart.peak is None


def test_an_empty_chart_has_no_bars():
    assert reports.vertical_bar_chart([]).bars == []
    assert reports.horizontal_bar_chart([]).bars == []


def test_monthly_chart_writes_the_year_under_the_first_bar_and_january():
    months = reports.last_months(datetime.date(2025, 3, 1))
    chart = reports.monthly_chart(months, list(range(12)))
    assert chart.is_vertical
    assert [bar.subtext for bar in chart.bars if bar.subtext] == ["2024", "2025"]
    assert chart.bars[0].label == "avril 2024" and chart.bars[0].text == "avr."
    assert chart.bars[-1].value == 11


def test_horizontal_bars_start_at_the_label_column_and_long_labels_are_shortened():
    long_name = "Caisse nationale d'assurance vieillesse des travailleurs salariés"
    chart = reports.horizontal_bar_chart([(long_name, 10), ("CAF", 5)], width=640, label_width=240, value_room=40)
    first, second = chart.bars
    assert first.x == second.x == 240
    assert first.width == 360 and second.width == 180
    assert first.label == long_name and first.text.endswith("…") and len(first.text) <= 30
    assert second.text == "CAF"
    assert first.y < second.y
    assert chart.height == 2 * 8 + 2 * 36
    assert first.value_x > first.x + first.width  # the number is written after its bar
    assert not chart.is_vertical


def test_sorted_counts_put_the_largest_first_then_alphabetical():
    assert reports.sorted_counts({"b": 2, "a": 2, "c": 5}) == [("c", 5), ("a", 2), ("b", 2)]


def test_progress_status_says_overdue_only_for_unfinished_modules_past_their_date():
    today = datetime.date(2025, 3, 10)
    yesterday = datetime.date(2025, 3, 9)
    assert reports.progress_status("in_progress", yesterday, today) == "En retard"
    assert reports.progress_status("completed", yesterday, today) == "Terminé"
    assert reports.progress_status("in_progress", today, today) == "En cours"
    assert reports.progress_status("not_started", None, today) == "Pas commencé"
