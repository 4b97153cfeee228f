"""The README's tables point at code that exists: a moved or renamed file breaks this test, not a newcomer's hunt."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = re.compile(
    r"`((?:accounts|cms|assessments|learning|followup|privacy|demo|config|bench|templates|static|docs)/[^`\s]*)`"
)


def test_every_path_the_readme_names_exists():
    readme = (ROOT / "README.md").read_text()
    named = PATH.findall(readme)
    assert len(named) >= 40  # the « Où trouver… » table and the apps' table
    assert [path for path in named if not (ROOT / path).exists()] == []


def test_every_document_the_readme_links_exists():
    readme = (ROOT / "README.md").read_text()
    links = {link.split("#")[0] for link in re.findall(r"\]\((docs/[^)]+)\)", readme)}
    assert {"docs/conventions.md", "docs/architecture.md", "docs/benchmarks.md"} <= links
    assert [link for link in links if not (ROOT / link).exists()] == []
