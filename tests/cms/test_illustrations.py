"""The tutorial illustrations' labels are legible on a 320 px screen (issue 12, item 16).

Their words are drawn in the SVG, so they shrink with the picture: a label of `size` units in a drawing `width` units
wide shows at size × displayed width / width CSS pixels. At 320 px, components.css gives the picture the step's inside
width, border to border (`DISPLAYED_WIDTH_AT_320`; the browser journey in tests/browser/test_illustrations.py
measures it). Every label must show at 12 CSS px at least there.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ILLUSTRATIONS = Path(__file__).resolve().parents[2] / "static" / "img" / "tutorials"
SVG = "{http://www.w3.org/2000/svg}"
# 320 px − the page's side padding (2 × 1rem, the root font being 18 px) − the step's border (2 × 2 px): the figure
# bleeds over the step's padding.
DISPLAYED_WIDTH_AT_320 = 320 - 2 * 18 - 2 * 2
SMALLEST_LABEL_PX = 12


def labels(path):
    """(text, font size in drawing units) of every <text>, with sizes inherited from enclosing groups."""
    root = ET.parse(path).getroot()
    found = []

    def walk(element, size):
        own = element.get("font-size") or _style_font_size(element.get("style", ""))
        size = float(own) if own else size
        if element.tag == f"{SVG}text":
            found.append(("".join(element.itertext()).strip(), size))
        for child in element:
            walk(child, size)

    walk(root, 16.0)  # the browser's default font size when nothing says otherwise
    return root, found


def _style_font_size(style):
    match = re.search(r"font-size:\s*([\d.]+)(px)?", style)
    return match.group(1) if match else None


def drawing_width(root):
    return float(re.split(r"[\s,]+", root.get("viewBox").strip())[2])


def rendered_px(size, root, displayed_width=DISPLAYED_WIDTH_AT_320):
    return size * displayed_width / drawing_width(root)


def test_rendered_size_is_proportional_to_the_displayed_width():
    root = ET.fromstring('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"/>')
    assert rendered_px(32, root, 320) == 16
    assert rendered_px(16, root, 280) == 7  # the old drawings' usual label


def test_there_are_thirty_six_drawings_each_with_a_title_and_a_viewbox():
    paths = sorted(ILLUSTRATIONS.glob("*.svg"))
    assert len(paths) == 36
    for path in paths:
        root, _labels = labels(path)
        assert root.get("viewBox"), path.name
        assert (root.findtext(f"{SVG}title") or "").strip(), path.name


@pytest.mark.parametrize("path", sorted(ILLUSTRATIONS.glob("*.svg")), ids=lambda path: path.name)
def test_every_label_is_at_least_12_px_on_a_320_px_screen(path):
    root, found = labels(path)
    too_small = [(text, round(rendered_px(size, root), 1)) for text, size in found if text]
    too_small = [(text, px) for text, px in too_small if px < SMALLEST_LABEL_PX]
    assert not too_small, f"{path.name}: {too_small}"
    assert len(found) <= 16, f"{path.name}: {len(found)} labels, too many to read on a phone"
