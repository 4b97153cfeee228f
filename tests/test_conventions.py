"""Invariants that hold for the whole project."""

import ast
import io
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.template.loader import get_template

from wagtail.fields import StreamField
from wagtail.models import Page

import pytest

PROJECT_APPS = {"accounts", "cms", "assessments", "learning", "followup", "privacy"}


def project_page_models():
    return [model for model in apps.get_models() if issubclass(model, Page) and model._meta.app_label in PROJECT_APPS]


@pytest.mark.parametrize("model", project_page_models(), ids=lambda model: model.__name__)
def test_every_page_type_has_a_template_and_declares_its_tree(model):
    get_template(model.template)
    assert "parent_page_types" in model.__dict__


@pytest.mark.django_db
def test_migrations_are_in_step_with_models():
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_migrations_have_telling_names():
    for label in PROJECT_APPS:
        folder = Path(apps.get_app_config(label).path) / "migrations"
        for migration in folder.glob("[0-9]*.py"):
            assert "_auto_" not in migration.name, migration


def stream_child_blocks():
    seen = {}
    for model in project_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in field.stream_block.child_blocks.items():
                    seen[f"{model.__name__}.{field.name}.{name}"] = block
    return seen


@pytest.mark.parametrize("path", sorted(stream_child_blocks()))
def test_every_block_authors_pick_has_an_icon_a_template_and_a_description(path):
    block = stream_child_blocks()[path]
    assert block.meta.icon and block.meta.icon != "placeholder", path
    assert block.meta.template, path
    get_template(block.meta.template)
    assert block.meta.description, path


SERVICE_MODULES = [
    "followup/services",
    "followup/querysets.py",
    "followup/scope.py",
    "learning/services.py",
    "learning/path.py",
    "learning/pages.py",
    "assessments/services.py",
    "assessments/diagnostic.py",
    "privacy/export.py",
    "privacy/erasure.py",
    "privacy/retention.py",
]
HTTP_MODULES = ("django.http", "django.shortcuts", "django.template", "django.views")


def test_services_answer_no_http():
    """Business rules take plain arguments and raise domain errors: no Http404, no response, no template."""
    root = Path(__file__).resolve().parent.parent
    offenders = []
    for entry in SERVICE_MODULES:
        path = root / entry
        for module in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            for node in ast.walk(ast.parse(module.read_text())):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                offenders += [f"{module.relative_to(root)}: {name}" for name in names if name.startswith(HTTP_MODULES)]
    assert not offenders
