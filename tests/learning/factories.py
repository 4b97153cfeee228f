import uuid

import factory
import wagtail_factories

from cms.models import GlossaryTerm, Operator
from learning.models import ModuleIndexPage, ModulePage, TutorialPage


def step(title, text="<p>Faites ceci.</p>", **extra):
    return {
        "title": title,
        "instruction": text,
        "image": None,
        "image_alt": "",
        "image_decorative": False,
        "callouts": [],
        "check_question": "",
        "check_options": [],
        "check_explanation": "",
        **extra,
    }


def steps(*titles):
    """A steps stream in Wagtail's raw form, each step with its own block id."""
    return [{"type": "step", "value": step(title), "id": str(uuid.uuid4())} for title in titles]


class ModuleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModuleIndexPage

    title = "Catalogue"
    slug = "catalogue"


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary = "Apprendre une démarche en ligne."
    objectives = "Créer son compte\nSe connecter"


class TutorialPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TutorialPage

    title = factory.Sequence(lambda n: f"Tutoriel {n}")
    slug = factory.Sequence(lambda n: f"tutoriel-{n}")
    intro = "Un tutoriel pas à pas."
    steps = factory.LazyFunction(lambda: steps("Ouvrir le site", "Cliquer sur Se connecter", "Saisir son code"))


class OperatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Operator
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Organisme {n}")
    slug = factory.Sequence(lambda n: f"organisme-{n}")


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm
        django_get_or_create = ["term"]

    term = factory.Sequence(lambda n: f"terme{n}")
    definition = "Une définition simple."
