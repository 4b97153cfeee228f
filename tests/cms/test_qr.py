"""The QR code helper: an SVG that scales whole (viewBox, no fixed size) with the quiet zone phones need."""

import re

import segno

from cms.qr import QR_QUIET_ZONE, qr_svg

URL = "https://pasapas.example.org/connexion-code/qr/8pG0aW3xM_aZ1v2b3c4d5e6f7g8h9i0jKLMNOPQRSTU/"


def test_the_qr_code_has_a_viewbox_and_no_fixed_size():
    svg = str(qr_svg(URL))
    opening = re.match(r"<svg[^>]*>", svg).group(0)
    size = segno.make(URL, error="m").symbol_size(border=QR_QUIET_ZONE)[0]
    assert f'viewBox="0 0 {size} {size}"' in opening
    assert " width=" not in opening and " height=" not in opening


def test_the_qr_code_keeps_a_quiet_zone_of_four_modules():
    assert QR_QUIET_ZONE >= 4
    svg = str(qr_svg(URL))
    # The first dark module starts after the quiet zone, on both axes.
    first_move = re.search(r'class="qrline"[^>]*d="M(\d+) (\d+)', svg)
    assert int(first_move.group(1)) == QR_QUIET_ZONE and float(first_move.group(2)) == QR_QUIET_ZONE


def test_the_qr_code_is_an_image_with_a_name():
    svg = str(qr_svg(URL, label="QR code du tutoriel"))
    assert re.match(r'<svg role="img"', svg)
    assert "<title>QR code du tutoriel</title>" in svg
