from wagtail.models import Page, Site

import wagtail_factories

from cms.models import HomePage, PrivacyPage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Le numérique, pas à pas"
    slug = "accueil"
    intro = "<p>Des tutoriels simples pour vos démarches.</p>"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Accessibilité"
    intro = "Une page de contenu."


class PrivacyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PrivacyPage

    title = "Données personnelles"
    slug = "donnees-personnelles"
    intro = "Ce que Pas à pas garde sur vous."


def default_site_home():
    """A home page under the root, served by the default site (localhost), the only page at depth 2."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Pas à pas"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
