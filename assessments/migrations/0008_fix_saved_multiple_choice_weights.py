"""Rewrite multiple-choice weights saved before the editor checked them (33 % three times, a wrong option at +50 %)
into weights the editor accepts, in quiz and diagnostic pages and their revisions, so that a trainer can save
them again. Scores stay as assessments.scoring.multiple_weights already read the old weights (33 % × 3 is a third
each, now left empty), but for rounding to a hundredth of a percent when uneven weights are scaled to 100 %."""

import json
from decimal import Decimal

from django.db import migrations

FIELDS = {"quizpage": "questions", "diagnosticpage": "competence_questions"}


def _fixed_options(options):
    from assessments.blocks import editor_weights
    from assessments.scoring import check_multiple_weights, multiple_weights

    pairs = [
        (bool(option.get("correct")), None if option.get("weight") in (None, "") else Decimal(str(option["weight"])))
        for option in options
    ]
    if not any(right for right, _weight in pairs) or not check_multiple_weights(pairs):
        return None  # nothing to fix (or nothing a weight could fix: no right option)
    weights = editor_weights(multiple_weights(pairs))
    return [{**option, "weight": weight} for option, weight in zip(options, weights, strict=True)]


def _fixed_stream(blocks):
    """The stream with its multiple-choice weights fixed, or None when nothing changed."""
    changed = False
    result = []
    for block in blocks:
        if block.get("type") == "multiple" and isinstance(block.get("value"), dict):
            options = _fixed_options(block["value"].get("options") or [])
            if options is not None:
                block = {**block, "value": {**block["value"], "options": options}}
                changed = True
        result.append(block)
    return result if changed else None


def fix_weights(apps, schema_editor):
    Revision = apps.get_model("wagtailcore", "Revision")
    for model_name, field in FIELDS.items():
        model = apps.get_model("assessments", model_name)
        ids = []
        for page in model.objects.all():
            ids.append(str(page.pk))
            fixed = _fixed_stream([dict(block) for block in getattr(page, field).raw_data])
            if fixed is not None:
                setattr(page, field, fixed)
                page.save(update_fields=[field])
        for revision in Revision.objects.filter(object_id__in=ids):
            content = revision.content or {}
            raw = content.get(field)
            blocks = json.loads(raw) if isinstance(raw, str) else raw
            if not isinstance(blocks, list):
                continue
            fixed = _fixed_stream(blocks)
            if fixed is not None:
                content[field] = json.dumps(fixed) if isinstance(raw, str) else fixed
                revision.content = content
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0007_exact_weights_typo_choice")]

    operations = [migrations.RunPython(fix_weights, migrations.RunPython.noop)]
