"""Demo page tree: the home page, help and legal pages, and the site settings."""

from wagtail.models import Page, Site

from cms.models import HomePage, PrivacyPage, SiteSettings, StandardPage
from demo.places import seed_places


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


HOME = {
    "title": "Le numérique, pas à pas",
    "intro": rich(
        "Des tutoriels simples pour faire vos démarches en ligne : ameli, CAF, France Travail, impôts, "
        "carte d'identité… Chaque étape est expliquée, avec des images. Allez à votre rythme.",
        "Vous pouvez tout lire sans compte. Avec un compte, vos progrès sont gardés.",
    ),
    "entry_points": [
        ("Apprendre pas à pas", "Des tutoriels courts, une étape à la fois, pour vos démarches en ligne.", "learn"),
        (
            "Faire le point",
            "Quelques questions pour savoir ce que vous savez déjà faire et ce qui vous manque.",
            "check",
        ),
        ("Trouver un lieu", "Un lieu près de chez vous pour utiliser un ordinateur ou être accompagné.", "place"),
    ],
}

STANDARD_PAGES = [
    {
        "slug": "aide",
        "title": "Comment utiliser Pas à pas",
        "intro": "Pas à pas vous explique les démarches en ligne, une étape après l'autre.",
        "body": [
            ("heading", {"text": "Suivre un tutoriel", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Un tutoriel est une suite d'étapes. Lisez une étape, faites-la sur votre ordinateur ou votre "
                    "téléphone, puis passez à la suivante.",
                    "Sur un téléphone, les étapes s'affichent une par une. Vous pouvez revenir en arrière "
                    "à tout moment.",
                ),
            ),
            ("heading", {"text": "Garder vos progrès", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Avec un compte, Pas à pas se souvient des étapes que vous avez faites. Une adresse électronique "
                    "n'est pas obligatoire pour créer un compte."
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Sur un ordinateur partagé",
                    "text": rich("Quand vous avez fini, cliquez sur « Se déconnecter » en haut de la page."),
                },
            ),
            ("heading", {"text": "Être aidé par une personne", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Les conseillers numériques et les agents France Services peuvent vous accompagner gratuitement. "
                    "Leurs coordonnées sont en bas de chaque page."
                ),
            ),
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Accessibilité",
        "intro": "Pas à pas doit pouvoir être utilisé par tout le monde, quelles que soient ses capacités.",
        "body": [
            ("heading", {"text": "État de conformité", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Pas à pas est conçu pour respecter le référentiel général d'amélioration de l'accessibilité "
                    "(RGAA 4.1). Aucun audit complet n'a encore été réalisé : le site est donc déclaré "
                    "<b>non conforme</b> au sens de la loi, en attendant cet audit.",
                    "Chaque page est vérifiée automatiquement avec un outil de contrôle (axe-core), et testée au "
                    "clavier et sur un écran de téléphone.",
                ),
            ),
            ("heading", {"text": "Ce que nous faisons", "level": "h2"}),
            (
                "paragraph",
                bullets(
                    "des textes en français simple, en gros caractères, avec des contrastes forts ;",
                    "tout le site s'utilise au clavier, avec un repère bien visible ;",
                    "chaque image utile a une description ;",
                    "les vidéos ont une transcription écrite ;",
                    "les pages s'affichent sur un petit écran de téléphone, et s'impriment.",
                ),
            ),
            ("heading", {"text": "Signaler un problème", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Si vous n'arrivez pas à utiliser une page, dites-le à votre structure (coordonnées en bas de "
                    "page). Nous vous apporterons l'information par un autre moyen et corrigerons la page.",
                    "Si vous n'obtenez pas de réponse, vous pouvez saisir le Défenseur des droits.",
                ),
            ),
        ],
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": "Qui publie ce site et qui l'héberge.",
        "body": [
            ("heading", {"text": "Éditeur", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Ce site de démonstration est publié par la Maison du Plateau (structure fictive), "
                    "12 rue du Plateau, 76000 Rouen."
                ),
            ),
            ("heading", {"text": "Logiciel", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Pas à pas est un logiciel libre, publié sous licence AGPL-3.0 ou ultérieure. Les illustrations "
                    "des tutoriels ont été dessinées pour le projet."
                ),
            ),
        ],
    },
]


# What is kept, how long and who sees it is generated from the settings (cms.privacy); the text here adds the rest.
PRIVACY_PAGE = {
    "slug": "donnees-personnelles",
    "title": "Données personnelles",
    "intro": "Ce que Pas à pas garde sur vous, pourquoi, combien de temps, et qui peut le voir.",
    "body": [
        ("heading", {"text": "Pourquoi nous gardons ces données", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Pour vous permettre de reprendre là où vous en étiez, et pour que la structure qui vous accompagne "
                "sache ce que vous savez déjà faire, si vous le voulez bien.",
            ),
        ),
        ("heading", {"text": "Qui est responsable", "level": "h2"}),
        (
            "paragraph",
            rich(
                "La Maison du Plateau (structure fictive de démonstration), 12 rue du Plateau, 76000 Rouen, "
                "accueil@plateau.example."
            ),
        ),
        ("heading", {"text": "Vos droits", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Vous pouvez voir, télécharger et supprimer vos données vous-même, depuis « Mes données » (en bas de "
                "chaque page quand vous êtes connecté). Vous pouvez aussi le demander à la structure qui vous "
                "accompagne : elle le fera pour vous.",
                "Si vous pensez que vos droits ne sont pas respectés, vous pouvez vous adresser à la CNIL.",
            ),
        ),
    ],
}


def set_home(ctx):
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title=HOME["title"], slug="accueil"))
    home.title = HOME["title"]
    home.intro = HOME["intro"]
    entry_pages = ctx.get("entry_pages", {})
    home.entry_points = [
        (
            "entry_point",
            {
                "title": title,
                "text": text,
                "icon": icon,
                "page": entry_pages.get(icon),
                "url": "/trouver-un-lieu/" if icon == "place" else "",
            },
        )
        for title, text, icon in HOME["entry_points"]
    ]
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    site.hostname = "localhost"
    site.port = 80
    site.site_name = "Pas à pas"
    site.save()
    # Wagtail's starter page has no use once our home page is the site's root.
    Page.objects.filter(depth=2).exclude(pk=home.pk).exclude(content_type__model="homepage").delete()
    return home, site


def upsert_standard_page(parent, data):
    page = StandardPage.objects.child_of(parent).filter(slug=data["slug"]).first()
    if page is None:
        page = parent.add_child(instance=StandardPage(title=data["title"], slug=data["slug"]))
    page.title = data["title"]
    page.intro = data["intro"]
    page.body = data["body"]
    page.save_revision().publish()
    return page


def upsert_privacy_page(parent):
    page = PrivacyPage.objects.child_of(parent).first()
    if page is None:
        # Demo databases seeded before the page had its own type held a plain page at this address.
        StandardPage.objects.child_of(parent).filter(slug=PRIVACY_PAGE["slug"]).delete()
        page = parent.add_child(instance=PrivacyPage(title=PRIVACY_PAGE["title"], slug=PRIVACY_PAGE["slug"]))
    page.title = PRIVACY_PAGE["title"]
    page.intro = PRIVACY_PAGE["intro"]
    page.body = PRIVACY_PAGE["body"]
    page.save_revision().publish()
    return page


def seed(ctx):
    seed_places()
    home, site = set_home(ctx)
    ctx["home"] = home
    pages = {data["slug"]: upsert_standard_page(home, data) for data in STANDARD_PAGES}
    pages[PRIVACY_PAGE["slug"]] = upsert_privacy_page(home)
    ctx["standard_pages"] = pages
    structure = ctx.get("structure")
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "name": structure.name if structure else "Maison du Plateau (démo)",
            "address": structure.address if structure else "",
            "phone": structure.phone if structure else "",
            "email": structure.email if structure else "",
            "opening_hours": "du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h",
            "accessibility_page": pages["accessibilite"],
            "privacy_page": pages["donnees-personnelles"],
            "legal_page": pages["mentions-legales"],
        },
    )
