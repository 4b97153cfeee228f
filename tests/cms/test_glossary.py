import re

from django.template import Context, Template
from django.utils.html import escape

from cms.blocks import CalloutBlock
from cms.glossary import Entry, Linker, Matcher, current_matcher
from cms.text import fold
from demo.content.glossary import GLOSSARY
from demo.learning import upsert_glossary
from tests.learning.factories import GlossaryTermFactory, TutorialPageFactory, step


def matcher(*terms):
    return Matcher(
        [(Entry(slug, term, f"Définition de {term}.", ""), [term, *variants]) for slug, term, *variants in terms]
    )


NIR = ("nir", "NIR", "numéro de sécurité sociale")
FISCAL = ("numero-fiscal", "numéro fiscal", "numéros fiscaux")
AVIS = ("avis-d-imposition", "avis d'imposition", "avis d'impôt")


def test_fold_keeps_length_and_removes_accents_and_case():
    assert fold("Égalité À l’ÉTÉ") == "egalite a l'ete"
    assert len(fold("Numéro")) == len("Numéro")


def test_first_occurrence_only_across_the_page():
    linker = Linker(matcher(FISCAL))
    first = linker.link("<p>Votre numéro fiscal est sur l'avis. Le numéro fiscal a 13 chiffres.</p>")
    assert first.count('class="glossary-term"') == 1
    second = linker.link("<p>Recopiez le numéro fiscal.</p>")
    assert "glossary-term" not in second
    assert [entry.slug for entry in linker.definitions()] == ["numero-fiscal"]


def test_matching_ignores_case_and_accents_and_keeps_the_original_text():
    html = Linker(matcher(FISCAL)).link("<p>Le NUMERO FISCAL figure en haut.</p>")
    assert (
        '<a class="glossary-term" data-term="numero-fiscal" href="/glossaire/#numero-fiscal">NUMERO FISCAL</a>' in html
    )


def test_variants_and_typographic_apostrophes_match():
    linker = Linker(matcher(AVIS, FISCAL))
    html = linker.link("<p>Gardez votre avis d’impôt et vos numéros fiscaux.</p>")
    assert ">avis d’impôt</a>" in html
    assert ">numéros fiscaux</a>" in html


def test_whole_words_only():
    html = Linker(matcher(NIR)).link("<p>Il faut fournir un NIR.</p><p>Le menu NIRVANA.</p>")
    assert html.count("glossary-term") == 1
    assert "NIRVANA" in html and ">NIRVANA<" not in html


def test_never_inside_a_web_address():
    ants = ("ants", "ANTS")
    html = Linker(matcher(ants)).link("<p>Allez sur ants.gouv.fr ou www.ants.fr.</p><p>L'ANTS répond.</p>")
    assert "ants.gouv.fr" in html and "www.ants.fr" in html
    assert html.count("glossary-term") == 1 and ">ANTS</a>" in html


def test_never_inside_links_or_headings():
    linker = Linker(matcher(FISCAL))
    html = linker.link('<h3>Le numéro fiscal</h3><p><a href="/x">numéro fiscal</a> puis numéro fiscal.</p>')
    assert "<h3>Le numéro fiscal</h3>" in html
    assert '<a href="/x">numéro fiscal</a>' in html
    assert html.count("glossary-term") == 1
    link = '<a class="glossary-term" data-term="numero-fiscal" href="/glossaire/#numero-fiscal">numéro fiscal</a>'
    assert html.endswith(f"puis {link}.</p>")


def test_longest_form_wins():
    html = Linker(matcher(("numero", "numéro"), FISCAL)).link("<p>Le numéro fiscal.</p>")
    assert 'data-term="numero-fiscal"' in html
    assert 'data-term="numero"' not in html


def test_text_that_looks_like_markup_stays_escaped():
    html = Linker(matcher(("code", "code"))).link("<p>&lt;script&gt; code</p>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_empty_glossary_leaves_html_untouched():
    html = "<p>Bonjour</p>"
    assert Linker(Matcher([])).link(html) == html


# Plain text, headings' words and blocks other than the step text (issue 12, item 16) ---------------------------

RIB = ("rib", "RIB", "relevé d'identité bancaire")
BOX = ("box", "box", "box internet")


def test_plain_text_is_escaped_then_linked():
    html = Linker(matcher(RIB)).link_text("Le RIB <b>sert</b> à quoi ?")
    assert "<b>" not in html and "&lt;b&gt;sert&lt;/b&gt;" in html
    assert ">RIB</a>" in html


def test_never_inside_labels_or_summaries():
    html = Linker(matcher(RIB)).link("<label>Mon RIB</label><details><summary>Le RIB</summary><p>RIB</p></details>")
    assert "<label>Mon RIB</label>" in html and "<summary>Le RIB</summary>" in html
    assert html.count("glossary-term") == 1


def test_a_title_term_missing_from_its_body_is_explained_under_the_title():
    linker = Linker(matcher(RIB, BOX))
    line = linker.explained_words("Trouver le RIB et la box", "<p>Ouvrez votre espace.</p>")
    assert line.startswith('<p class="glossary-words">Mots expliqués : ')
    assert 'data-term="rib" href="/glossaire/#rib">RIB</a>' in line and ">box</a>" in line
    assert "glossary-term" not in linker.link("<p>Votre RIB.</p>"), "already linked on this page"


def test_a_title_term_in_its_body_or_already_linked_is_left_to_the_text():
    linker = Linker(matcher(RIB, BOX))
    assert linker.explained_words("Le RIB", "<p>Téléchargez le RIB.</p>") == ""
    linker.link("<p>La box.</p>")
    assert linker.explained_words("Redémarrer la box", "<p>Débranchez-la.</p>") == ""
    assert Linker(matcher(RIB)).explained_words("", "") == ""
    assert Linker(Matcher([])).explained_words("Le RIB") == ""


# In a tutorial page, as a resident reads it ------------------------------------------------------------------


def _tutorial_with_blocks(module):
    GlossaryTermFactory(term="RIB", definition="Le relevé de votre compte.")
    GlossaryTermFactory(term="box", variants="box internet", definition="Le boîtier d'internet.")
    GlossaryTermFactory(term="carte Vitale", definition="La carte verte.")
    GlossaryTermFactory(term="paramètres", definition="Le menu des réglages.")
    callout = {"kind": "tip", "title": "Astuce", "text": "<p>Gardez votre RIB près de vous. Un RIB suffit.</p>"}
    check = {
        "check_question": "Où est écrite la clé de la box ?",
        "check_options": [{"text": "Sous la box", "correct": True}, {"text": "Sur la carte Vitale", "correct": False}],
        "check_explanation": "Retournez la box.",
    }
    return TutorialPageFactory(
        parent=module,
        steps=[
            {"type": "step", "value": step("Ouvrir les paramètres", "<p>Touchez l'icône.</p>"), "id": "s1"},
            {"type": "step", "value": step("Préparer", "<p>Asseyez-vous.</p>", callouts=[callout]), "id": "s2"},
            {"type": "step", "value": step("Vérifier", "<p>Regardez.</p>", **check), "id": "s3"},
            {"type": "step", "value": step("Recommencer", "<p>La box, le RIB, les paramètres.</p>"), "id": "s4"},
        ],
    )


def _links(html):
    return re.findall(r'<a class="glossary-term" data-term="([^"]+)"', html)


def test_terms_in_callouts_checks_and_titles_are_linked_once_per_page(client, module):
    tutorial = _tutorial_with_blocks(module)
    content = client.get(tutorial.url).content.decode()
    # In page order: the title's word under the title, the callout, the « Je vérifie » question; the last step
    # repeats all three words and links none of them again.
    assert _links(content) == ["parametres", "rib", "box"]
    callout = content[content.index('<aside class="callout') : content.index("</aside>")]
    assert '<a class="glossary-term" data-term="rib" href="/glossaire/#rib">RIB</a>' in callout
    assert callout.count("glossary-term") == 1
    legend = content[content.index('<legend class="check__legend">') : content.index("</legend>")]
    assert 'data-term="box"' in legend
    labels = re.findall(r"<label[^>]*>(.*?)</label>", content, re.S)
    assert "Sur la carte Vitale" in " ".join(labels)
    assert not any("glossary-term" in label for label in labels), "never inside an answer's label"
    title = content[content.index('<h3 class="step__title"') :]
    assert "glossary-term" not in title[: title.index("</h3>")], "the heading itself stays unlinked"
    assert '<p class="glossary-words">Mot expliqué : <a class="glossary-term" data-term="parametres"' in content
    assert '"parametres": {"term": "param' in content, "the definitions travel with the page for the script"


def test_a_callout_block_in_a_page_body_is_linked(module):
    GlossaryTermFactory(term="SMS", definition="Un message écrit.")

    block = CalloutBlock()
    value = block.to_python({"kind": "scam", "title": "", "text": "<p>Un faux SMS.</p>"})
    linker = Linker(current_matcher())
    html = Template("{% load wagtailcore_tags %}{% include_block value %}").render(
        Context({"value": block.bind(value), "glossary": linker})
    )
    assert '<a class="glossary-term" data-term="sms" href="/glossaire/#sms">SMS</a>' in html
    assert block.render(value) and "glossary-term" not in block.render(value), "no page linker, no link"


# The seed's everyday words -------------------------------------------------------------------------------------

EVERYDAY_WORDS = [
    "paramètres", "réseau", "box", "fichier", "SMS", "RIB", "IBAN", "carte Vitale", "pièce jointe", "application",
    "navigateur", "mot de passe", "identifiant", "code de confirmation", "lien", "télécharger", "wifi",
    "données mobiles", "capture d'écran", "notification", "compte", "espace personnel", "FranceConnect",
    "allocataire", "attestation", "justificatif", "numéro fiscal", "numéro de sécurité sociale",
]  # fmt: skip


def test_the_seed_explains_everyday_words_plainly():
    by_term = {entry["term"]: entry for entry in GLOSSARY}
    assert set(EVERYDAY_WORDS) <= set(by_term)
    for word in EVERYDAY_WORDS:
        definition = by_term[word]["definition"]
        assert 20 <= len(definition) <= 300 and len(re.findall(r"[.!?…](?=\s|$)", definition)) <= 3, word
    forms = [fold(form) for entry in GLOSSARY for form in [entry["term"], *entry["variants"]]]
    assert len(forms) == len(set(forms)), "a written form points to two terms"


def test_everyday_words_do_not_steal_longer_terms():
    seeded = Matcher(
        [(Entry(fold(e["term"]), e["term"], e["definition"], ""), [e["term"], *e["variants"]]) for e in GLOSSARY]
    )
    found = [
        entry.term for _s, _e, entry in seeded.find("Le fichier joint, votre compte bancaire et les réseaux sociaux.")
    ]
    assert found == ["pièce jointe", "compte bancaire", "réseaux sociaux"]
    found = [entry.term for _s, _e, entry in seeded.find("Votre numéro d'allocataire et l'attestation de droits.")]
    assert found == ["numéro d'allocataire", "attestation de droits"]


def test_the_glossary_page_lists_the_seeded_everyday_words(client, db):
    upsert_glossary()
    content = client.get("/glossaire/").content.decode()
    for word in EVERYDAY_WORDS:
        assert f">{escape(word)}</dt>" in content, word


def test_a_plain_text_that_is_only_an_address_is_linked_without_a_warning():
    # BeautifulSoup warns that such a text "looks like a URL"; the suite turns warnings into errors, as a 500 did.
    assert Linker(matcher(FISCAL)).link_text("https://www.impots.gouv.fr/") == "https://www.impots.gouv.fr/"
