import wagtail_factories

from cms.models import HomePage, StandardPage


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
