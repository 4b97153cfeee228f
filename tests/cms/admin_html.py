"""Reading Wagtail admin pages in tests: much of their text travels as JSON for the admin's scripts."""

import json

from bs4 import BeautifulSoup


def admin_text(content):
    """The page's text plus every JSON payload its scripts receive (sidebar menu, StreamField blocks and errors)."""
    soup = BeautifulSoup(content, "html.parser")
    parts = [soup.get_text(" ")]
    payloads = [tag.string or "" for tag in soup.select('script[type="application/json"]')]
    payloads += [
        value
        for tag in soup.find_all(True)
        for value in tag.attrs.values()
        if isinstance(value, str) and value[:1] in "{["
    ]
    for payload in payloads:
        try:
            parts.append(json.dumps(json.loads(payload), ensure_ascii=False))
        except ValueError:
            continue
    return "\n".join(parts)
