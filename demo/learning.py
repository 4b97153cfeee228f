"""Demo learning content: operators, procedures, glossary, illustrations, and the catalogue of modules.

Runs after demo.accounts and demo.cms (see cms/management/commands/seed_demo.py). Idempotent: objects are found
by slug, term or title and updated in place; pages are never duplicated; stream blocks get ids derived from the
tutorial's slug and the block's position, so re-seeding keeps residents' progress (stored per step id).
"""

import hashlib
import html
import re
import uuid
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.blocks import StreamBlockValidationError, StreamValue
from wagtail.images import get_image_model

from assessments.models import Competence
from cms.models import GlossaryTerm, Operator, Procedure
from demo import cms as cms_demo
from demo import followup as demo_followup
from demo import quizzes as demo_quizzes
from demo.content import GLOSSARY, IMAGES, MODULES, OPERATORS, PROCEDURES
from learning.models import ModuleIndexPage, ModulePage, TutorialPage

ILLUSTRATIONS_DIR = Path(__file__).resolve().parent.parent / "static" / "img" / "tutorials"

# Never change: step ids are derived from it, and residents' progress is stored per step id.
BLOCK_ID_NAMESPACE = uuid.UUID("6f3f1c2e-8a4b-5d7e-9c1a-2b3c4d5e6f70")

CATALOGUE = {
    "slug": "catalogue",
    "title": "Catalogue",
    "intro": "<p>Choisissez un module, puis suivez ses tutoriels dans l'ordre, à votre rythme. Chaque tutoriel "
    "explique une démarche, une étape après l'autre.</p>",
}


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "-".join(str(part) for part in parts)))


# Reference data ---------------------------------------------------------------------------------------------


def upsert_operators():
    operators = {}
    for data in OPERATORS:
        operators[data["slug"]], _ = Operator.objects.update_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "description": data["description"], "website": data["website"]},
        )
    return operators


def upsert_procedures(operators):
    procedures = {}
    for data in PROCEDURES:
        procedures[data["slug"]], _ = Procedure.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "operator": operators[data["operator"]],
                "title": data["title"],
                "official_url": data["official_url"],
            },
        )
    return procedures


def upsert_glossary():
    for data in GLOSSARY:
        GlossaryTerm.objects.update_or_create(
            term=data["term"],
            defaults={
                "variants": "\n".join(data["variants"]),
                "definition": data["definition"],
                "example": data["example"],
            },
        )


# Illustrations ----------------------------------------------------------------------------------------------


def svg_metadata(text):
    """(description, width, height) of an SVG drawing, read from its <title> and viewBox."""
    title = re.search(r"<title[^>]*>(.*?)</title>", text, re.S)
    viewbox = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"', text)
    width, height = (round(float(viewbox.group(1))), round(float(viewbox.group(2)))) if viewbox else (640, 400)
    return html.unescape(title.group(1).strip()) if title else "", width, height


def upsert_image(filename, title):
    """The Wagtail image for one illustration, found by title; its file is replaced only when the drawing changed."""
    image_model = get_image_model()
    path = ILLUSTRATIONS_DIR / filename
    data = path.read_bytes()
    digest = hashlib.sha1(data).hexdigest()  # the same content hash as Wagtail's Image.file_hash
    description, width, height = svg_metadata(data.decode("utf-8"))
    image = image_model.objects.filter(title=title).first()
    if image is not None and image.file_hash == digest:
        if image.description != description[:255]:
            image.description = description[:255]
            image.save(update_fields=["description"])
        return image
    if image is None:
        image = image_model(title=title)
    else:
        # The drawing changed: drop the old renditions, and the old file once the new one is committed.
        image.renditions.all().delete()
        storage, old_name = image.file.storage, image.file.name
        transaction.on_commit(lambda: storage.delete(old_name))
    with path.open("rb") as handle:
        image.file = ImageFile(handle, name=filename)
        # Set after the file: assigning a file recomputes the dimensions, which an SVG may not give.
        image.width, image.height = width, height
        image.file_size = len(data)
        image.file_hash = digest
        image.description = description[:255]
        image.save()
    return image


def upsert_images():
    return {filename: upsert_image(filename, title) for filename, title in IMAGES.items()}


# Pages ------------------------------------------------------------------------------------------------------


def stream(field_name, children):
    """A StreamValue from (type, value, id) triples: assigning a plain list would drop the ids."""
    return StreamValue(TutorialPage._meta.get_field(field_name).stream_block, children)


def checklist_stream(tutorial):
    return stream(
        "checklist",
        [
            ("item", {"kind": kind, "text": text}, block_id(tutorial["slug"], "checklist", index))
            for index, (kind, text) in enumerate(tutorial["checklist"])
        ],
    )


def steps_stream(tutorial, images):
    children = []
    for index, data in enumerate(tutorial["steps"]):
        value = dict(data)
        filename = value.pop("image")
        value["image"] = images[filename] if filename else None
        if filename and not value["image_alt"]:
            value["image_alt"] = images[filename].description
        children.append(("step", value, block_id(tutorial["slug"], index)))
    return stream("steps", children)


def validate_stream(page, field_name):
    """Check a stream against its blocks' rules (alt text, one right answer, lengths) before publishing."""
    field = page._meta.get_field(field_name)
    try:
        field.stream_block.clean(getattr(page, field_name))
    except StreamBlockValidationError as error:
        raise ValueError(f"Invalid {field_name} in tutorial « {page.slug} »: {error.as_json_data()}") from error


def upsert_catalogue(home):
    index = ModuleIndexPage.objects.child_of(home).filter(slug=CATALOGUE["slug"]).first()
    if index is None:
        index = home.add_child(instance=ModuleIndexPage(title=CATALOGUE["title"], slug=CATALOGUE["slug"]))
    index.title = CATALOGUE["title"]
    index.intro = CATALOGUE["intro"]
    index.save_revision().publish()
    return index


def module_fields(data):
    return {
        "title": data["title"],
        "summary": data["summary"],
        "objectives": "\n".join(data["objectives"]),
        "level": data["level"],
        "duration_minutes": data["duration_minutes"],
        "exclusion_type": data["exclusion_type"],
        "device": data["device"],
        "equipment_needed": "\n".join(data["equipment"]),
    }


def upsert_module(index, data, operators, procedures):
    fields = module_fields(data)
    page = ModulePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = index.add_child(instance=ModulePage(slug=data["slug"], **fields))
    for name, value in fields.items():
        setattr(page, name, value)
    # ParentalManyToManyFields live on the page object until saved, so the revision carries them.
    page.operators.set([operators[slug] for slug in data["operators"]])
    page.procedures.set([procedures[slug] for slug in data["procedures"]])
    page.competences.set(Competence.objects.filter(code__in=data["competences"]))
    page.save_revision().publish()
    return page


def upsert_tutorial(module_page, data, images):
    fields = {
        "title": data["title"],
        "intro": data["intro"],
        "duration_minutes": data["duration_minutes"],
        "checklist": checklist_stream(data),
        "steps": steps_stream(data, images),
    }
    page = TutorialPage.objects.child_of(module_page).filter(slug=data["slug"]).first()
    if page is None:
        page = module_page.add_child(instance=TutorialPage(slug=data["slug"], **fields))
    for name, value in fields.items():
        setattr(page, name, value)
    validate_stream(page, "checklist")
    validate_stream(page, "steps")
    page.save_revision().publish()
    return page


def seed(ctx):
    operators = upsert_operators()
    procedures = upsert_procedures(operators)
    upsert_glossary()
    images = upsert_images()

    index = upsert_catalogue(ctx["home"])
    modules, tutorials = [], []
    for module_data in MODULES:
        module_page = upsert_module(index, module_data, operators, procedures)
        modules.append(module_page)
        for tutorial_data in module_data["tutorials"]:
            tutorials.append(upsert_tutorial(module_page, tutorial_data, images))

    demo_quizzes.seed(ctx, {module.slug: module for module in modules})
    demo_followup.seed(ctx)

    ctx.setdefault("entry_pages", {})["learn"] = index
    ctx["catalogue"] = index
    ctx["modules"] = modules
    ctx["tutorials"] = tutorials
    # demo.cms built the home page before the catalogue existed: link its « Apprendre » entry point now.
    ctx["home"], _site = cms_demo.set_home(ctx)
