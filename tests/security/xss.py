"""Finds what a browser could execute in a rendered page: the reusable checker of the XSS tests.

It parses the HTML (BeautifulSoup) and reports, as readable strings:

* a <script> element that is neither a file under /static/ nor carrying the response's CSP nonce (JSON data blocks
  are allowed when they still parse as JSON: a payload that broke out of one would show as extra elements);
* any attribute whose name starts with "on" (event handlers);
* a URL attribute (href, src, action, formaction, xlink:href, srcset, poster, data…) that starts with javascript:,
  vbscript: or data: once entities are decoded and whitespace and control characters are removed (a raster
  data:image is allowed in <img src>);
* <iframe srcdoc>, <object>, <embed>, <applet>, <base>, <frame>, <frameset>, <portal>, <meta http-equiv=refresh>;
* elements browsers parse differently (noscript, xmp, math…: mutation XSS), SVG <set>/<animate> that write a
  link, and CSS (style attributes or <style> elements) with expression(),
  javascript:, behavior, -moz-binding or @import.

Escaped text (« &lt;script&gt; ») is allowed: only what the parser turns into elements and attributes counts.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "lowsrc",
    "dynsrc",
    "codebase",
    "cite",
    "longdesc",
    "ping",
    "manifest",
    "icon",
    "code",
    "archive",
    "to",
    "from",
    "values",
}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
SAFE_DATA_IMAGE = re.compile(r"^data:image/(png|gif|jpe?g|webp);", re.IGNORECASE)
FORBIDDEN_ELEMENTS = {"object", "embed", "applet", "base", "frame", "frameset", "portal", "isindex"}
# Elements whose content browsers parse differently from this parser (raw text, foreign content): our pages have
# none, so one in a page means markup got through, and the parser may not see what a browser would run.
MUTATION_PRONE_ELEMENTS = {"noscript", "xmp", "noembed", "noframes", "plaintext", "math", "mglyph", "malignmark"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
DANGEROUS_CSS = re.compile(r"expression\(|javascript:|vbscript:|behavior\s*:|-moz-binding|@import", re.IGNORECASE)
# Browsers drop these anywhere in a URL (tab, line feed, carriage return) or around it (C0 controls and space).
URL_NOISE = re.compile(r"[\x00-\x20\x7f-\xa0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+")
NONCE = re.compile(r"'nonce-([^']+)'")


@dataclass(frozen=True)
class Allowances:
    """Third-party markup known to be inert, that a page may contain besides ours."""

    script_paths: tuple = ()
    inline_scripts: tuple = ()  # patterns the whole text of an inline script must match
    noscript_classes: tuple = ()


PUBLIC = Allowances()
# Wagtail's admin: Django's translation catalogue script, date pickers and choosers set up inline with fixed options
# (our CSP blocks them anyway: no nonce), and the « JavaScript is needed » notice.
WAGTAIL_ADMIN = Allowances(
    script_paths=("/admin/jsi18n/",),
    inline_scripts=(re.compile(r'\s*(?:init(?:Date|DateTime|Time)|new \w+)Chooser\("id_[\w-]+", \{[^<>{}]*\}\);\s*'),),
    noscript_classes=("capabilitymessage",),
)


def normalised_url(value):
    """What a browser's URL parser sees first: no whitespace or control characters, lower case."""
    return URL_NOISE.sub("", value or "").lower()


def is_dangerous_url(value, *, element="", attribute=""):
    url = normalised_url(value)
    if not url.startswith(DANGEROUS_SCHEMES):
        return False
    return not (element == "img" and attribute == "src" and SAFE_DATA_IMAGE.match(url))


def _srcset_urls(value):
    return [candidate.strip().split(" ")[0] for candidate in (value or "").split(",") if candidate.strip()]


def csp_nonce(response):
    """The nonce of the response's Content-Security-Policy header, if any."""
    header = response.get("Content-Security-Policy", "") if response is not None else ""
    match = NONCE.search(header)
    return match.group(1) if match else None


def _is_own_file(src, host, allow):
    url = urlsplit(src.strip())
    return (
        url.scheme in ("", "http", "https")
        and url.netloc in ("", host)
        and (url.path.startswith("/static/") or url.path in allow.script_paths)
        and ".." not in url.path
    )


def _check_script(tag, nonce, host, allow, problems):
    src = tag.get("src")
    script_type = (tag.get("type") or "").strip().lower()
    text = tag.string or ""
    if src is not None:
        if _is_own_file(src, host, allow) and not text.strip():
            return
        problems.append(f"script extérieur à /static/ : {str(tag)[:200]}")
        return
    if nonce is not None and tag.get("nonce") == nonce:
        return
    if script_type in DATA_SCRIPT_TYPES:
        try:
            json.loads(text or "null")
        except ValueError:
            problems.append(f"bloc de données JSON cassé : {str(tag)[:200]}")
        return
    if any(pattern.fullmatch(text) for pattern in allow.inline_scripts):
        return
    problems.append(f"script en ligne sans nonce : {str(tag)[:200]}")


def _check_attributes(tag, problems):
    name = tag.name.lower()
    for attribute, value in tag.attrs.items():
        attribute = attribute.lower()
        value = " ".join(value) if isinstance(value, list) else (value or "")
        if attribute.startswith("on"):
            problems.append(f"attribut d'événement {attribute}= sur <{name}> : {str(tag)[:200]}")
        elif attribute == "srcdoc":
            problems.append(f"<{name} srcdoc> : {str(tag)[:200]}")
        elif attribute == "srcset" or attribute == "imagesrcset":
            if any(is_dangerous_url(url) for url in _srcset_urls(value)):
                problems.append(f"srcset dangereux sur <{name}> : {str(tag)[:200]}")
        elif attribute in URL_ATTRIBUTES or attribute.endswith(":href"):
            if is_dangerous_url(value, element=name, attribute=attribute):
                problems.append(f"URL {attribute}= dangereuse sur <{name}> : {str(tag)[:200]}")
        elif attribute == "style" and DANGEROUS_CSS.search(normalised_style(value)):
            problems.append(f"style dangereux sur <{name}> : {str(tag)[:200]}")


def normalised_style(value):
    # CSS escapes (\6a for j) and comments can hide words; remove comments and decode simple hex escapes.
    text = re.sub(r"/\*.*?\*/", "", value or "", flags=re.S)
    return re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m.group(1), 16)), text)


def find_executable(html, *, nonce=None, host="testserver", allow=PUBLIC):
    """The list of executable things in `html` (empty when the page is inert). `nonce`: the response's CSP nonce;
    `host`: the site's host name (its absolute /static/ URLs are ours); `allow`: known third-party markup."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for tag in soup.find_all(True):
        name = tag.name.lower()
        if name == "script":
            _check_script(tag, nonce, host, allow, problems)
        elif name in FORBIDDEN_ELEMENTS:
            problems.append(f"élément <{name}> : {str(tag)[:200]}")
        elif name in MUTATION_PRONE_ELEMENTS and not set(tag.get("class") or ()) & set(allow.noscript_classes):
            problems.append(f"élément <{name}> (contenu mal interprété) : {str(tag)[:200]}")
        elif name == "meta" and (tag.get("http-equiv") or "").strip().lower() == "refresh":
            problems.append(f"<meta http-equiv=refresh> : {str(tag)[:200]}")
        elif name in ("set", "animate") and (tag.get("attributename") or "").lower().endswith("href"):
            problems.append(f"animation SVG d'un lien : {str(tag)[:200]}")
        elif name == "style" and (DANGEROUS_CSS.search(normalised_style(tag.get_text())) or "<" in tag.get_text()):
            problems.append(f"feuille de style dangereuse : {str(tag)[:200]}")
        _check_attributes(tag, problems)
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        if "[if" in comment.lower():  # old IE conditional comments run their content
            problems.append(f"commentaire conditionnel : {comment[:200]}")
    return problems


def assert_inert(response_or_html, *, where="", allow=None):
    """Fail with every executable thing found in the response (or HTML string), naming the page. Responses to
    /admin/ get the Wagtail admin allowances unless `allow` says otherwise."""
    if isinstance(response_or_html, str | bytes):
        html, nonce, path = response_or_html, None, ""
    else:
        response = response_or_html
        content_type = response.get("Content-Type", "")
        assert content_type.startswith("text/html"), f"{where}: {content_type}"
        html, nonce = response.content, csp_nonce(response)
        request = getattr(response, "wsgi_request", None)
        path = request.path if request is not None else ""
        where = where or path
    if isinstance(html, bytes):
        html = html.decode()
    if allow is None:
        allow = WAGTAIL_ADMIN if path.startswith("/admin/") else PUBLIC
    problems = find_executable(html, nonce=nonce, allow=allow)
    assert not problems, f"{where or 'page'} exécute du code :\n" + "\n".join(problems)
