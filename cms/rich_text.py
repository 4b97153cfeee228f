"""Rich text that does not come through the editor (imports) is cleaned by the editor's own rules before it is stored.

The Draftail editor only ever saves what its features allow; Wagtail renders stored rich text as it is. HTML from
elsewhere (a GIFT file's ``[html]`` question) must therefore be reduced to the same features first, or a
``<script>`` or an ``onerror=`` in the file would run on the site.
"""

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from cms.blocks import LIMITED_RICH_TEXT_FEATURES


def clean_rich_text(html, features=LIMITED_RICH_TEXT_FEATURES):
    """Only the elements and attributes of `features` survive (paragraphs, bold, italic, lists, links whose address
    is http(s), mailto or tel); other tags are removed and their text kept, scripts and styles lose their content."""
    return EditorHTMLConverter(features=features).to_database_format(html or "")
