"""The national standard for digital-mediation places (LaMednum « lieux de médiation numérique »).

Pure functions, no database: one CSV row of the standard (a dict keyed by its columns) → the cleaned values of
`cms.models.Place`, or the list of what is wrong with it; list splitting; OpenStreetMap opening hours → plain French;
plain French labels for the standard's values. Everything the standard says (required columns, patterns, lengths,
lists of accepted values) is read from its Table Schema, kept with an example file in cms/data/lamednum/.
"""

import csv
import io
import json
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from cms.text import fold

DATA_DIR = Path(__file__).resolve().parent / "data" / "lamednum"
SCHEMA_PATH = DATA_DIR / "schema.json"
EXAMPLE_PATH = DATA_DIR / "exemple-valide.csv"

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
FIELDS = {field["name"]: field for field in SCHEMA["fields"]}
COLUMNS = list(FIELDS)
REQUIRED_COLUMNS = [name for name, field in FIELDS.items() if field.get("constraints", {}).get("required")]

# Columns holding several values. The schema writes no "array" type: its lists of accepted values are patterns of
# the form (?:(?:^|\|)(A|B|C))+$, and three free lists say in their description that values are separated by `|`.
# Only these columns are split; the others keep their commas and semicolons (opening hours, presentations…).
ENUM_LIST_PATTERN = re.compile(r"^\(\?:\(\?:\^\|\\\|\)\((?P<values>.*)\)\)\+\$$")
FREE_LIST_COLUMNS = ("typologie", "courriels", "site_web")


def _enum_values(pattern):
    match = ENUM_LIST_PATTERN.match(pattern or "")
    if match is None:
        return None
    return [re.sub(r"\\(.)", r"\1", value) for value in match["values"].split("|")]


ENUMS = {
    name: values
    for name, field in FIELDS.items()
    if (values := _enum_values(field.get("constraints", {}).get("pattern"))) is not None
}
LIST_COLUMNS = frozenset(ENUMS) | frozenset(FREE_LIST_COLUMNS)

# Standard column → field of cms.models.Place. « itinerance » and « structure_parente » are checked, not kept.
COLUMN_TO_FIELD = {
    "id": "source_id",
    "pivot": "pivot",
    "nom": "name",
    "commune": "city",
    "code_postal": "postcode",
    "code_insee": "insee_code",
    "adresse": "address",
    "complement_adresse": "address_complement",
    "latitude": "latitude",
    "longitude": "longitude",
    "typologie": "typologies",
    "telephone": "phone",
    "courriels": "emails",
    "site_web": "websites",
    "horaires": "opening_hours",
    "presentation_resume": "summary",
    "presentation_detail": "description",
    "source": "source",
    "date_maj": "updated_on",
    "services": "services",
    "publics_specifiquement_adresses": "specific_publics",
    "prise_en_charge_specifique": "specific_support",
    "frais_a_charge": "costs",
    "dispositif_programmes_nationaux": "national_programmes",
    "formations_labels": "labels",
    "autres_formations_labels": "other_labels",
    "modalites_acces": "access_modes",
    "modalites_accompagnement": "accompaniment_modes",
    "fiche_acces_libre": "accessibility_sheet_url",
    "prise_rdv": "booking_url",
}
FIELD_TO_COLUMN = {field: column for column, field in COLUMN_TO_FIELD.items()}

# Lengths of the database columns (cms.models.Place uses them); the schema's own maxLength comes on top.
MAX_LENGTHS = {
    "id": 100,
    "pivot": 14,
    "nom": 250,
    "commune": 100,
    "code_postal": 5,
    "code_insee": 5,
    "adresse": 250,
    "complement_adresse": 250,
    "telephone": 16,
    "presentation_resume": 280,
    "source": 200,
    "fiche_acces_libre": 500,
    "prise_rdv": 500,
}
URL_COLUMNS = ("fiche_acces_libre", "prise_rdv")
PATTERN_HINTS = {
    "pivot": "SIRET (14 chiffres), SIREN, RNA (W suivi de 9 chiffres) ou RIDET, sans espace",
    "code_postal": "5 chiffres, par exemple 76000",
    "code_insee": "code de la commune en 5 caractères, par exemple 76540",
    "telephone": "numéro international sans espace, par exemple +33235000000",
}
COORDINATE_RANGES = {"latitude": 90, "longitude": 180}

# ---------------------------------------------------------------------------------------------------------------
# Plain French labels for the people looking for a place. Keys are the standard's values.

SERVICES = [
    # (standard value, short key used in addresses, label in plain French)
    ("Aide aux démarches administratives", "demarches", "Aide pour les démarches en ligne"),
    (
        "Maîtrise des outils numériques du quotidien",
        "outils",
        "Apprendre à utiliser un ordinateur, une tablette ou un téléphone",
    ),
    ("Insertion professionnelle via le numérique", "emploi", "Chercher un emploi ou une formation"),
    ("Utilisation sécurisée du numérique", "securite", "Se protéger en ligne (arnaques, mots de passe)"),
    ("Parentalité et éducation avec le numérique", "parents", "Accompagner ses enfants sur les écrans"),
    ("Loisirs et créations numériques", "loisirs", "Loisirs et création (photo, vidéo, jeux…)"),
    ("Compréhension du monde numérique", "comprendre", "Comprendre le numérique"),
    ("Accès internet et matériel informatique", "acces", "Utiliser un ordinateur et internet sur place"),
    (
        "Acquisition de matériel informatique à prix solidaire",
        "materiel",
        "Acheter un ordinateur ou un téléphone à petit prix",
    ),
]
SERVICE_LABELS = {value: label for value, _key, label in SERVICES}
SERVICE_KEYS = {value: key for value, key, _label in SERVICES}
SERVICE_BY_KEY = {key: value for value, key, _label in SERVICES}

COST_LABELS = {"Gratuit": "gratuit", "Gratuit sous condition": "gratuit sous conditions", "Payant": "payant"}
ACCOMPANIMENT_LABELS = {
    "En autonomie": "en autonomie, avec le matériel du lieu",
    "Accompagnement individuel": "seul à seul avec un aidant",
    "Dans un atelier collectif": "en atelier, en petit groupe",
    "À distance": "à distance, par téléphone ou en visio",
}
ACCESS_LABELS = {
    "Se présenter": "venir sur place",
    "Téléphoner": "téléphoner",
    "Contacter par mail": "écrire un courriel",
    "Prendre un RDV en ligne": "prendre rendez-vous en ligne",
    "Ce lieu n'accueille pas de public": "ce lieu n'accueille pas de public",
    "Envoyer un mail avec une fiche de prescription": "sur orientation d'un professionnel (fiche de prescription)",
}


def label_list(values, labels=None):
    """The values in plain French, lower-case, joined as in a sentence: « gratuit, payant »."""
    labels = labels or {}
    return ", ".join(lower_first(labels.get(value, value)) for value in values)


def lower_first(text):
    # « Illettrisme » → « illettrisme », but « ORDI 3.0 » keeps its capitals.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


# ---------------------------------------------------------------------------------------------------------------
# Lists

LIST_SEPARATORS = re.compile(r"\s*[|;,]\s*")
# A web address may hold a comma: between addresses, a comma counts only when another address follows it.
URL_LIST_SEPARATORS = re.compile(r"\s*(?:[|;]|,(?=\s*(?:https?://|www\.)))\s*", re.IGNORECASE)


def split_list(value, *, urls=False):
    """« a|b; c, d » → ["a", "b", "c", "d"]: real files mix `|` (the standard's), `;` and `,`. Duplicates dropped."""
    items = []
    for item in (URL_LIST_SEPARATORS if urls else LIST_SEPARATORS).split(value or ""):
        item = item.strip()
        if item and item not in items:
            items.append(item)
    return items


def _enum_key(text):
    return re.sub(r"[^a-z0-9]", "", fold(text))


ENUM_LOOKUPS = {column: {_enum_key(value): value for value in values} for column, values in ENUMS.items()}


def match_enum(column, item):
    """The standard's own spelling of `item`, tolerant of case, accents, spacing and the long forms the schema's
    descriptions give (« À distance (par téléphone ou en visioconférence) »); None when it is not a known value."""
    lookup = ENUM_LOOKUPS[column]
    candidates = [item, item.split(" : ")[0], item.split(" (")[0]]
    for candidate in candidates:
        value = lookup.get(_enum_key(candidate))
        if value is not None:
            return value
    return None


# ---------------------------------------------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class FieldError:
    column: str
    message: str

    def __str__(self):
        return f"{self.column} : {self.message}"


class Invalid(Exception):
    pass


REQUIRED_MESSAGE = "obligatoire, mais vide"


OVERSEAS_PREFIXES = {
    "0262": "+262",
    "0263": "+262",
    "0269": "+262",
    "0639": "+262",
    "0692": "+262",
    "0693": "+262",
    "0590": "+590",
    "0690": "+590",
    "0691": "+590",
    "0594": "+594",
    "0694": "+594",
    "0596": "+596",
    "0696": "+596",
    "0697": "+596",
}


def normalise_phone(raw):
    """« 02 35 12 34 56 » → « +33235123456 », the standard's format; anything else is returned without spaces."""
    compact = re.sub(r"[\s.\-()/]", "", raw)
    if compact.startswith("00"):
        return "+" + compact[2:]
    if re.fullmatch(r"0\d{9}", compact):
        return OVERSEAS_PREFIXES.get(compact[:4], "+33") + compact[1:]
    return compact


def display_phone(phone):
    """« +33235123456 » → « 02 35 12 34 56 », as people dial it in France; other numbers unchanged."""
    match = re.fullmatch(r"\+(?:33|262|590|594|596)(\d{9})", phone or "")
    if match is None:
        return phone or ""
    digits = "0" + match[1]
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def url_host(url):
    """« https://www.exemple.fr/contact » → « exemple.fr »: a short, readable name for a link."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


_url_validator = URLValidator(schemes=["http", "https"])


def _clean_url(raw):
    url = f"https://{raw}" if raw.lower().startswith("www.") else raw
    try:
        _url_validator(url)
    except ValidationError:
        raise Invalid(f"« {raw} » n'est pas une adresse web valide (elle doit commencer par https://)") from None
    return url


def _clean_list(column, raw):
    items = split_list(raw, urls=column == "site_web")
    if column in ENUMS:
        known, unknown = [], []
        for item in items:
            value = match_enum(column, item)
            if value is None:
                unknown.append(item)
            elif value not in known:
                known.append(value)
        if unknown:
            raise Invalid(
                f"{'valeurs non prévues' if len(unknown) > 1 else 'valeur non prévue'} par le standard : "
                + ", ".join(f"« {item} »" for item in unknown)
                + f" (valeurs possibles : {' ; '.join(ENUMS[column])})"
            )
        return known
    if column == "courriels":
        for item in items:
            try:
                validate_email(item)
            except ValidationError:
                raise Invalid(f"« {item} » n'est pas une adresse électronique valide") from None
        return items
    if column == "site_web":
        return [_clean_url(item) for item in items]
    return items


def _check_pattern(column, raw, value):
    pattern = FIELDS[column].get("constraints", {}).get("pattern")
    if pattern and column not in ENUMS and not re.search(pattern, value):
        hint = PATTERN_HINTS.get(column)
        raise Invalid(f"« {raw} » ne respecte pas le format attendu" + (f" ({hint})" if hint else ""))


def _clean_value(column, raw):
    field = FIELDS[column]
    if column in LIST_COLUMNS:
        return _clean_list(column, raw)
    if field.get("type") == "number":
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            raise Invalid(f"« {raw} » n'est pas un nombre") from None
        limit = COORDINATE_RANGES.get(column)
        if limit is not None and not -limit <= number <= limit:
            raise Invalid(f"« {raw} » est hors des limites (entre -{limit} et {limit})")
        return number
    if field.get("type") == "date":
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                raise ValueError
            return date.fromisoformat(raw)
        except ValueError:
            raise Invalid(f"« {raw} » n'est pas une date au format AAAA-MM-JJ (par exemple 2024-04-02)") from None
    value = raw
    if column == "telephone":
        value = normalise_phone(raw)
    elif column == "pivot":
        value = re.sub(r"\s", "", raw)
    _check_pattern(column, raw, value)
    max_length = min(
        filter(None, [MAX_LENGTHS.get(column), field.get("constraints", {}).get("maxLength")]), default=None
    )
    if max_length is not None and len(value) > max_length:
        raise Invalid(f"trop long ({len(value)} caractères, {max_length} au plus)")
    if column in URL_COLUMNS:
        value = _clean_url(value)
    return value


def _empty(column):
    if column in LIST_COLUMNS:
        return []
    if FIELDS[column].get("type") in ("number", "date"):
        return None
    return ""


def clean_row(row):
    """One row of the standard (column → text) → (values for Place, []) or (None, [FieldError, …]).

    Missing columns count as empty; unknown columns are ignored.
    """
    data, errors = {}, []
    for column, field in FIELDS.items():
        raw = (row.get(column) or "").strip()
        value = _empty(column)
        if not raw:
            if field.get("constraints", {}).get("required"):
                errors.append(FieldError(column, REQUIRED_MESSAGE))
        else:
            try:
                value = _clean_value(column, raw)
            except Invalid as error:
                errors.append(FieldError(column, str(error)))
        if column in COLUMN_TO_FIELD:
            data[COLUMN_TO_FIELD[column]] = value
    return (None, errors) if errors else (data, [])


def row_from_values(values):
    """Place values (field → Python value) → a row of the standard, lists joined with `|`: clean_row's inverse."""
    row = {}
    for field, value in values.items():
        column = FIELD_TO_COLUMN.get(field)
        if column is None:
            continue
        if isinstance(value, list | tuple):
            value = "|".join(str(item) for item in value)
        elif isinstance(value, date):
            value = value.isoformat()
        row[column] = "" if value is None else str(value)
    return row


# ---------------------------------------------------------------------------------------------------------------
# Files


class FileRefused(Exception):
    """The whole file is unusable (encoding, columns): nothing of it may be imported."""


@dataclass
class ParsedFile:
    valid: list = dataclass_field(default_factory=list)  # (line number, values for Place)
    refused: list = dataclass_field(default_factory=list)  # (line number, [FieldError, …])
    ignored_columns: list = dataclass_field(default_factory=list)
    delimiter: str = ","


def decode(data):
    """The file's bytes as text: UTF-8, with or without a byte order mark, and nothing else."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(
            f"le fichier n'est pas encodé en UTF-8 (caractère illisible ligne {line}, "
            f"octet {data[error.start]:#04x} ; c'est souvent un fichier enregistré en Latin-1 ou Windows-1252). "
            "Enregistrez-le au format "
            "« CSV UTF-8 » depuis votre tableur, puis relancez l'import."
        ) from None


def _header_names(line, delimiter):
    return [name.strip().lstrip("\ufeff").lower() for name in next(csv.reader([line], delimiter=delimiter), [])]


def _guess_delimiter(first_line):
    """The standard writes commas; spreadsheets often write semicolons: keep the one that finds the most columns."""
    scores = {d: len(set(_header_names(first_line, d)) & set(COLUMNS)) for d in (",", ";", "\t")}
    best = max(scores, key=scores.get)
    return best if scores[best] > scores[","] else ","


def parse_csv(text):
    """A whole CSV file of the standard → ParsedFile. Raises FileRefused when the header lacks required columns.

    Line numbers are those of the file (a quoted value may span several lines); empty lines are skipped.
    """
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not text.strip():
        raise FileRefused("le fichier est vide.")
    delimiter = _guess_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    parsed = ParsedFile(delimiter=delimiter)
    try:
        header = [name.strip().lstrip("\ufeff").lower() for name in next(reader)]
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise FileRefused(
                f"{'colonnes obligatoires absentes' if len(missing) > 1 else 'colonne obligatoire absente'} : "
                f"{', '.join(missing)}. La première ligne doit donner les noms de colonnes du standard des lieux de "
                f"médiation numérique ({', '.join(REQUIRED_COLUMNS)}…) ; elle contient : "
                f"{', '.join(name for name in header if name) or 'rien'}."
            )
        parsed.ignored_columns = [name for name in header if name and name not in FIELDS]
        seen_ids = {}
        end_of_previous = reader.line_num
        for cells in reader:
            line, end_of_previous = end_of_previous + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                count = len(cells)
                problem = f"{count} valeur{'s' if count > 1 else ''} au lieu de {len(header)}"
                parsed.refused.append((line, [FieldError("colonnes", problem)]))
                continue
            data, errors = clean_row(dict(zip(header, cells, strict=True)))
            if data is not None and data["source_id"] in seen_ids:
                duplicate = data["source_id"]
                data = None
                errors = [FieldError("id", f"« {duplicate} » est déjà celui de la ligne {seen_ids[duplicate]}")]
            if data is None:
                parsed.refused.append((line, errors))
            else:
                seen_ids[data["source_id"]] = line
                parsed.valid.append((line, data))
    except csv.Error as error:
        raise FileRefused(f"ligne {reader.line_num} illisible ({error}).") from None
    return parsed


# ---------------------------------------------------------------------------------------------------------------
# Opening hours: the OpenStreetMap syntax (https://wiki.openstreetmap.org/wiki/FR:Key:opening_hours) in plain French.
# The common forms only: days and day ranges, PH (public holidays), time ranges, off/closed, 24/7 and comments.
# Anything else (months, weeks, school holidays, sunrise…) is shown as written rather than guessed.

DAY_NAMES = {"Mo": "lundi", "Tu": "mardi", "We": "mercredi", "Th": "jeudi", "Fr": "vendredi", "Sa": "samedi"}
DAY_NAMES["Su"] = "dimanche"
DAY_ORDER = list(DAY_NAMES)
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_DAY_ITEM = rf"(?:PH|{_DAY}(?:\s*-\s*{_DAY})?)"
_TIME_SPAN = r"\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}"
RULE_PATTERN = re.compile(
    rf"^(?:(?P<days>{_DAY_ITEM}(?:\s*,\s*{_DAY_ITEM})*)\s*:?\s*)?"
    rf"(?P<spans>{_TIME_SPAN}(?:\s*,\s*{_TIME_SPAN})*)?\s*"
    r"(?P<state>off|closed|open)?\s*"
    r"(?:\"(?P<comment>[^\"]*)\")?$"
)
RULE_SEPARATOR = re.compile(r";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")  # « ; » outside "comments"
# « Mo-Fr 09:00-12:00, Sa 09:00-12:00 »: a comma between a time and a day also separates two rules.
ADDITIONAL_RULE_SEPARATOR = re.compile(rf"(?<=\d)\s*,\s*(?=(?:{_DAY}|PH)\b)")


class Unparseable(Exception):
    pass


def join_fr(items):
    """["a", "b", "c"] → « a, b et c »."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


def time_fr(text):
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise Unparseable(text)
    if minutes == 0 and hours in (0, 24):
        return "minuit"
    return f"{hours} h" if minutes == 0 else f"{hours} h {minutes:02d}"


def _spans_fr(spans):
    phrases = []
    for span in re.split(r"\s*,\s*", spans):
        start, end = re.split(r"\s*-\s*", span)
        phrases.append(f"de {time_fr(start)} à {time_fr(end)}")
    return join_fr(phrases)


def _days_fr(days):
    items = re.split(r"\s*,\s*", days)
    covered, holidays, phrases = set(), False, []
    for item in items:
        if item == "PH":
            holidays = True
            phrases.append("les jours fériés")
            continue
        bounds = re.split(r"\s*-\s*", item)
        first, last = DAY_ORDER.index(bounds[0]), DAY_ORDER.index(bounds[-1])
        span = [DAY_ORDER[(first + step) % 7] for step in range((last - first) % 7 + 1)]
        covered.update(span)
        if len(span) == 1:
            phrases.append(f"le {DAY_NAMES[span[0]]}")
        elif len(span) == 2:
            phrases.append(f"le {DAY_NAMES[span[0]]} et le {DAY_NAMES[span[1]]}")
        else:
            phrases.append(f"du {DAY_NAMES[span[0]]} au {DAY_NAMES[span[-1]]}")
    if len(covered) == 7:
        return "tous les jours et les jours fériés" if holidays else "tous les jours"
    return join_fr(phrases)


def _rule_fr(rule):
    if rule == "24/7":
        return "tous les jours, 24 h sur 24"
    match = RULE_PATTERN.match(rule)
    if match is None or not any(match.groupdict().values()):
        raise Unparseable(rule)
    days = _days_fr(match["days"]) if match["days"] else ""
    spans = _spans_fr(match["spans"]) if match["spans"] else ""
    if match["state"] in ("off", "closed"):
        phrase = " ".join(filter(None, ["fermé", days, spans]))
    elif spans:
        phrase = f"{days or 'tous les jours'} {spans}"
    else:
        # « Mo-Fr » alone means open around the clock in OpenStreetMap: rarely what the writer meant.
        raise Unparseable(rule)
    if match["comment"]:
        phrase += f" ({match['comment'].strip()})"
    return phrase


def opening_hours_fr(text):
    """« Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off » → « du lundi au vendredi de 9 h à 12 h et de 14 h
    à 18 h 30 ; le samedi de 8 h 30 à 12 h ; fermé les jours fériés ». Unparseable text is returned as written."""
    text = (text or "").strip()
    if not text:
        return ""
    rules = []
    for rule in RULE_SEPARATOR.split(text):
        rules.extend(part.strip() for part in ADDITIONAL_RULE_SEPARATOR.split(rule) if part.strip())
    try:
        return " ; ".join(_rule_fr(rule) for rule in rules)
    except (Unparseable, ValueError):
        return text


def keep_times_together(text):
    """« de 14 h à 17 h 30 » with no-break spaces inside each time, so that « 17 » and « h 30 » never part."""
    text = re.sub(r"(\d) h\b", "\\1\u00a0h", text)
    return re.sub(r"(\d\u00a0h) (\d{2})\b", "\\1\u00a0\\2", text)


# ---------------------------------------------------------------------------------------------------------------
# Admin widgets: the list fields stay JSON lists in the database (a JSONField and its form field); these widgets
# show them as checkboxes of the standard's values, or as a text box with one value per line.


def _as_list(value):
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value] if value else []
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


class ChecklistWidget(forms.CheckboxSelectMultiple):
    def __init__(self, column, attrs=None):
        super().__init__(attrs=attrs, choices=[(value, value) for value in ENUMS[column]])

    def format_value(self, value):
        return super().format_value(_as_list(value))

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else _as_list(data.get(name))
        return json.dumps(values, ensure_ascii=False)


class LinesWidget(forms.Textarea):
    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 3, **(attrs or {})})

    def format_value(self, value):
        return "\n".join(_as_list(value))

    def value_from_datadict(self, data, files, name):
        lines = [line.strip() for line in (data.get(name) or "").splitlines()]
        return json.dumps([line for line in lines if line], ensure_ascii=False)
