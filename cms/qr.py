"""QR codes drawn locally (no external service), for login cards and printed guides."""

from django.utils.safestring import mark_safe

import segno

QR_QUIET_ZONE = 4  # modules of white around the code: what the QR standard asks, and what phones need on paper


def qr_svg(url, label="QR code"):
    """An inline SVG QR code for `url` (drawn locally; no external service).

    No width or height, only a viewBox of one unit per module: the page's CSS gives the size, and the whole code
    (with its quiet zone) scales into it, on screen and on paper, instead of being cropped. Crisp edges keep the
    modules square at any size, with no hairline gaps between rows.
    """
    svg = segno.make(url, error="m").svg_inline(
        scale=1, border=QR_QUIET_ZONE, omitsize=True, dark="#000", light="#fff", title=label, svgclass="qr-code"
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" shape-rendering="crispEdges" ', 1))
