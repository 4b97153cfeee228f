from cms.glossary import Entry, Linker, Matcher
from cms.text import fold


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
