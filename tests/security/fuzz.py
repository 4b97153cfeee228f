"""The fuzz sweep: every form and query parameter of the site, for each role, with hostile values.

What is tried comes from the site itself, never from a hand list:

* the URLs: every URL pattern of the URL conf, with the arguments of the authorization matrix (our views, allauth's,
  Wagtail's pages and their sub-routes, our own admin views; not Wagtail's and Django's admin screens);
* the forms: every <form> on the pages those URLs answer to this role (fields, their defaults and choices);
* the query parameters: the fields of GET forms, the parameters of links on the pages, and a few generic names that
  views commonly read (page, q, next…).

Each URL gets a GET with hostile query parameters, a GET whose query string is broken percent-escapes and invalid
UTF-8, and a POST of hostile fields (a urlencoded body with invalid UTF-8 too). Path arguments that are free text
(str, slug, path) get hostile text as well. Each form is then sent by Hypothesis, derandomized, with a bounded number
of examples: each field omitted, repeated, its default, one of its choices, or a hostile value.

A finding is a 500, or a log record carrying a traceback (or at ERROR level), during one request.
"""

import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve

import hypothesis
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase
from hypothesis import strategies as st

from tests.security import sweep

# Values ------------------------------------------------------------------------------------------------------------

HUGE = "x" * 30_000
HOSTILE = (
    "",
    " ",
    HUGE,
    "é" * 3_000,
    "\x00",
    "a\x00b",
    "²",  # a digit for str.isdigit(), not for int()
    "١٢٣",  # Arabic-Indic digits: int() takes them
    "\u202eevil\u200b\u200d\ufeff",  # right-to-left override, zero-width characters
    "👩🏽‍💻🇫🇷",
    "-1",
    "0",
    "-99999999999999999999999",
    "99999999999999999999999999",
    "9" * 400,
    "1e309",
    "NaN",
    "1.5",
    "0x1F",
    "true",
    "null",
    "[]",
    '{"a": 1}',
    "2026-02-30",
    "0000-00-00",
    "31/02/2026",
    "2026-13-45T25:61:61",
    "25:61",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s%n{0}{{7*7}}",
    "\r\nSet-Cookie: x=1",
    "\ufffd\U0010ffff",
)
# Query strings that no browser form would send: broken escapes, invalid UTF-8, keys without values.
RAW_QUERY = "{name}=%ff%fe&{name}=%c3%28&{name}=%&{name}=%zz&{name}&%00=%00&=&&="
RAW_BODY = b"{name}=%ff%fe&{name}=\xff\xfe&{name}=%c3%28&{name}=%&%zz=%00&=&&="
# Free text in a path argument (percent-encoded as a browser would).
HOSTILE_PATH_VALUES = ("²\u202e\u200b👩🏽‍💻", "a\x00b%", "é" * 300)
# Names views commonly read from the query string, tried on every URL.
GENERIC_PARAMS = ("page", "q", "next", "structure", "sort", "order", "p", "format", "id", "date")
# Fields a form sends that are not the person's input: kept as they are.
KEPT_FIELDS = {"csrfmiddlewaretoken"}
SKIPPED_PATHS = ("/static/", "/media/", "/documents/", "/admin/failwhale/")
EXAMPLES_PER_FORM = 6
FEW_EXAMPLES = 2  # for a form an earlier role already sent EXAMPLES_PER_FORM times
MAX_QUERY = 3_500  # with the path and « GET … HTTP/1.1 », under gunicorn's 4094-byte request line


# Discovery ---------------------------------------------------------------------------------------------------------


@dataclass
class FormField:
    name: str
    kind: str  # text, file, choice…
    default: str = ""
    choices: list = field(default_factory=list)


@dataclass
class Form:
    method: str
    action: str  # a path
    multipart: bool
    fields: dict  # name → FormField
    page: str  # where it was found

    @property
    def key(self):
        return (self.method, self.action, tuple(sorted(self.fields)))


def is_html(response):
    return "text/html" in response.get("Content-Type", "")


def same_site_path(base, href):
    url = urljoin(base, href or base)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
        return None, None
    return parts.path, parts.query


def forms_on(response, page):
    soup = BeautifulSoup(response.content, "html.parser")
    found = []
    for tag in soup.find_all("form"):
        path, _ = same_site_path(page, tag.get("action"))
        if path is None or path.startswith(SKIPPED_PATHS):
            continue
        fields = {}
        for element in tag.find_all(["input", "select", "textarea", "button"]):
            name = element.get("name")
            if not name:
                continue
            kind = (element.get("type") or element.name).lower()
            entry = fields.setdefault(name, FormField(name=name, kind=kind))
            if element.name == "select":
                options = [option.get("value", option.get_text()) for option in element.find_all("option")]
                entry.choices += options
                selected = element.find("option", selected=True)
                entry.default = selected.get("value", "") if selected else (options[0] if options else "")
            elif element.name == "textarea":
                entry.default = element.get_text()
            elif kind in ("checkbox", "radio"):
                entry.choices.append(element.get("value", "on"))
                if element.has_attr("checked"):
                    entry.default = element.get("value", "on")
            else:
                entry.default = element.get("value", "")
                if kind in ("submit", "button", "image"):
                    entry.choices.append(entry.default)
        method = (tag.get("method") or "get").upper()
        multipart = (tag.get("enctype") or "").lower() == "multipart/form-data"
        found.append(Form(method=method, action=path, multipart=multipart, fields=fields, page=page))
    return found


def query_names_on(response, page):
    """{path: parameter names} from the links of a page."""
    names = defaultdict(set)
    soup = BeautifulSoup(response.content, "html.parser")
    for anchor in soup.find_all("a", href=True):
        path, query = same_site_path(page, anchor["href"])
        if path and query:
            names[path] |= {name for name, _ in parse_qsl(query, keep_blank_values=True)}
    return names


# Requests ----------------------------------------------------------------------------------------------------------


class LogCapture(logging.Handler):
    """Every record with a traceback, or at ERROR level and above, from any logger (Django's does not propagate)."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        if record.exc_info or record.levelno >= logging.ERROR:
            self.records.append(record)

    def __enter__(self):
        self.loggers = [logging.getLogger(), logging.getLogger("django")]
        for logger in self.loggers:
            logger.addHandler(self)
        # Thousands of expected 403 and 404: Django's request logger would print a warning for each.
        self.request_logger = logging.getLogger("django.request")
        self.request_level = self.request_logger.level
        self.request_logger.setLevel(logging.ERROR)
        return self

    def __exit__(self, *exc):
        for logger in self.loggers:
            logger.removeHandler(self)
        self.request_logger.setLevel(self.request_level)

    def take(self):
        records, self.records = self.records, []
        return records


def shorten(value, limit=80):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 12] + f"…({len(text)} chars)"


@dataclass
class Fuzzer:
    """The requests of one role, and what they found."""

    client: sweep.RoleClient
    log: LogCapture
    findings: list = field(default_factory=list)
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    values_sent: int = 0
    timings: Counter = field(default_factory=Counter)

    def send(self, method, path, *, query="", data=None, body=None, multipart=False):
        """One request in a savepoint (its writes undone); a fresh session after any that touched it."""
        url = f"{path}?{query}" if query else path
        if body is not None:
            request = lambda: self.client.client.post(  # noqa: E731
                url, body, content_type="application/x-www-form-urlencoded"
            )
        elif method == "GET":
            request = lambda: self.client.client.get(url)  # noqa: E731
        elif multipart:
            request = lambda: self.client.client.post(url, data or {})  # noqa: E731
        else:
            encoded = _urlencode(data or {})
            request = lambda: self.client.client.post(  # noqa: E731
                url, encoded, content_type="application/x-www-form-urlencoded"
            )
        started = time.perf_counter()
        response = sweep.in_savepoint(request)
        self.timings[path] += time.perf_counter() - started
        self.requests += 1
        self.statuses[response.status_code // 100 * 100] += 1
        problems = []
        if response.status_code >= 500:
            problems.append(sweep.describe(response))
        for record in self.log.take():
            if record.name.startswith("django.request") and response.status_code >= 500:
                continue  # the 500 itself, already reported
            problems.append(f"logged by {record.name}: {record.getMessage()[:200]}")
        if response.cookies:
            self.client.ensure()
        if problems:
            sent = shorten(body, 600) if body is not None else shorten(data, 600) if data else ""
            return f"{method} {shorten(url, 160)} {sent}: {'; '.join(problems)}", response
        return None, response

    def record(self, problem):
        if problem and problem not in self.findings:
            self.findings.append(problem)


def _urlencode(data):
    return urlencode([(key, value) for key, values in data.items() for value in _as_list(values)])


def _as_list(value):
    return value if isinstance(value, list) else [value]


def fit_query(pairs):
    """A query string no longer than a request line can be: gunicorn refuses longer ones (limit_request_line, 4094
    bytes by default) before Django. Values too long for what is left are cut."""
    parts = []
    room = MAX_QUERY
    for name, value in pairs:
        quoted_name = quote(str(name))
        quoted = quote(str(value))
        left = room - len(quoted_name) - 2
        if left <= 0:
            break
        if len(quoted) > left:
            quoted = quote(str(value)[: max(1, left // 9)])
        parts.append(f"{quoted_name}={quoted}")
        room -= len(parts[-1]) + 1
    return "&".join(parts)


def hostile_pairs(names, seed):
    """Each name once with values taken in turn from HOSTILE, then each name again (a repeated key)."""
    ordered = sorted(names)
    first = [(name, HOSTILE[(seed + index) % len(HOSTILE)]) for index, name in enumerate(ordered)]
    again = [(name, HOSTILE[(seed + index + 7) % len(HOSTILE)]) for index, name in enumerate(ordered)]
    return first + again


def hostile_query(names, seed, *, raw=False):
    """Hostile values for these names; with `raw`, broken escapes and invalid UTF-8 first (on the first names)."""
    query = fit_query(hostile_pairs(names, seed))
    if raw:
        broken = raw_query(sorted(names)[:3])
        query = broken + "&" + query[: max(0, MAX_QUERY - len(broken) - 1)].rsplit("&", 1)[0]
    return query


def hostile_body(names, seed):
    """A urlencoded body: invalid UTF-8 and broken escapes, then hostile values, each field twice."""
    pairs = hostile_pairs(names, seed)
    return raw_body(names) + b"&" + urlencode(pairs).encode()


def raw_query(names):
    query = "&".join(RAW_QUERY.format(name=quote(name)) for name in sorted(names))
    return query if len(query) <= MAX_QUERY else query[:MAX_QUERY].rsplit("&", 1)[0]


def raw_body(names):
    return b"&".join(RAW_BODY.replace(b"{name}", quote(name).encode()) for name in sorted(names))


def hostile_paths(pattern, values):
    """The pattern's URL with each free-text argument in turn replaced by hostile text (when it still resolves)."""
    urls = []
    converters = {}
    for level in pattern.levels:
        converters.update(getattr(level, "converters", {}))
    free = [
        name
        for name, converter in converters.items()
        if type(converter).__name__ in ("StringConverter", "SlugConverter", "PathConverter")
    ]
    for name in free:
        for value in HOSTILE_PATH_VALUES:
            try:
                url = pattern.url({**values, name: quote(value, safe="")})
                resolve(url.split("?")[0])
            except (KeyError, Resolver404):
                continue
            urls.append(url)
    return urls


# Hypothesis strategies for a form ----------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
NUMBERS = st.integers(min_value=-(2**70), max_value=2**70).map(str)


def field_strategy(form_field):
    if form_field.kind == "file":
        content = st.one_of(st.just(b""), st.binary(max_size=64), st.sampled_from([b"\x89PNG\r\n\x1a\n", b"%PDF-1.4"]))
        names = st.sampled_from(["a.png", "a.gift", "a.pdf", "²\u202e.txt", "", "../../a.csv"])
        one = st.builds(SimpleUploadedFile, names.map(lambda name: name or "sans-nom"), content)
        return st.one_of(st.none(), one)
    values = [st.sampled_from(HOSTILE), TEXT, NUMBERS, st.just(form_field.default)]
    if form_field.choices:
        values.append(st.sampled_from(form_field.choices))
    one = st.one_of(*values)
    return st.one_of(one, st.none(), st.lists(one, min_size=2, max_size=3))


def body_strategy(form):
    fields = {
        name: (st.just(entry.default) if name in KEPT_FIELDS else field_strategy(entry))
        for name, entry in form.fields.items()
    }
    return st.fixed_dictionaries(fields).map(
        lambda body: {key: value for key, value in body.items() if value is not None}
    )


class Finding(Exception):
    pass


# Sent to every field of a form at once before Hypothesis draws its examples: the values that broke forms before.
EVERY_FIELD = ("9" * 25, "-1", "²", "a\x00b", "2026-02-30", HUGE)


def explicit_bodies(form):
    bodies = [{}]
    for value in EVERY_FIELD:
        bodies.append(
            {
                name: entry.default if name in KEPT_FIELDS or entry.kind == "file" else value
                for name, entry in form.fields.items()
            }
        )
    return bodies


def fuzz_form(fuzzer, form, *, examples=EXAMPLES_PER_FORM, explicit=True):
    """Send `form` `examples` times with bodies drawn by Hypothesis (derandomized: the same every run), after once
    without any field and, with `explicit`, once with each value of EVERY_FIELD in every field."""

    @hypothesis.settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        print_blob=False,
    )
    @hypothesis.given(body=body_strategy(form))
    def run(body):
        fuzzer.values_sent += len(body)
        if form.method == "GET":
            query = _urlencode(
                {key: value for key, value in body.items() if not isinstance(value, SimpleUploadedFile)}
            )
            problem, _ = fuzzer.send("GET", form.action, query=query)
        else:
            problem, _ = fuzzer.send("POST", form.action, data=body, multipart=form.multipart)
        if problem:
            raise Finding(problem)

    for body in explicit_bodies(form) if explicit else [{}]:
        run = hypothesis.example(body=body)(run)
    try:
        run()
    except Finding as finding:
        fuzzer.record(f"form on {form.page}: {finding}")
