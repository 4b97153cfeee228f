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
