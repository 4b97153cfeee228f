"""POST data for Wagtail's admin page forms, built from raw StreamField data: what a trainer's browser sends.

Rich text is sent as the editor sends it (Draft.js content state): `draft(text, url)` is a paragraph whose whole
text links to `url`, so that a test can send what no toolbar would let a person type (a javascript: link).
"""

import json
from dataclasses import dataclass

from wagtail import blocks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


@dataclass(frozen=True)
class Draft:
    text: str
    url: str = ""

    def contentstate(self):
        entities, ranges = {}, []
        if self.url:
            entities = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": self.url}}}
            ranges = [{"offset": 0, "length": len(self.text), "key": 0}]
        block = {
            "key": "a1b2c",
            "text": self.text,
            "type": "unstyled",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": ranges,
            "data": {},
        }
        return json.dumps({"blocks": [block], "entityMap": entities})


def draft(text, url=""):
    return Draft(text, url)


def _items(raw):
    """Raw list items are either bare values or {"type": "item", "value": …, "id": …} (Wagtail's stored form)."""
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"]
        else:
            yield item


def block_form_data(block, raw):
    """The nested form data of one block from its raw value."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield(
            [
                (child["type"], block_form_data(block.child_blocks[child["type"]], child["value"]))
                for child in raw or []
            ]
        )
    if isinstance(block, blocks.ListBlock):
        return streamfield([("item", block_form_data(block.child_block, item)) for item in _items(raw)])
    if isinstance(block, blocks.StructBlock):
        raw = raw or {}
        return {name: block_form_data(child, raw.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_form_data(raw)
    if isinstance(block, blocks.BooleanBlock):
        return "on" if raw else ""
    if isinstance(block, blocks.MultipleChoiceBlock):
        return [str(value) for value in raw or []]  # unticked boxes send nothing
    return "" if raw is None else str(raw)


def rich_text_form_data(value):
    if isinstance(value, Draft):
        return value.contentstate()
    return rich_text(value or "")


def page_form_data(page_model, fields, *, action=None):
    """Form data for the add/edit view of `page_model`: StreamFields from raw data, RichTextFields from HTML or
    Draft, other fields as given. `action`: "action-submit", "action-publish"… (none: save a draft)."""
    data = {}
    for name, value in fields.items():
        field = page_model._meta.get_field(name)
        kind = type(field).__name__
        if kind == "StreamField":
            data[name] = block_form_data(field.stream_block, value)
        elif kind == "RichTextField":
            data[name] = rich_text_form_data(value)
        else:
            data[name] = value
    data["comments"] = inline_formset([])
    if action:
        data[action] = "1"
    return nested_form_data(data)
