"""Plain French over the demo seed data: short sentences, one idea each, explained words, quizzes that explain.

Reads the data modules directly (what `seed_demo` writes), so every module registered in
demo/content/__init__.py is measured, including modules added later.

The rules, precisely:
- A sentence ends with « . », « ! », « ? » or « … » followed by a space or the end of its paragraph; every
  paragraph, list item, title, option and feedback is measured on its own. A word is a run of letters or digits
  (« l'adresse », « ameli.fr », « 33700 » are one word each). No sentence has more than 20 words.
- A « : » may introduce a list or an example, never a second idea. It is allowed only when
  (a) it ends its paragraph or list item (a list or a field follows), or
  (b) what follows it is an enumeration: at least two items separated by commas, « ou » or « et », each of at most
      4 words, or
  (c) what follows it is one example: a quotation « … », or a single word (an address, a number, a code), or
  (d) it ends the label of a list item (at most 4 words before it: « Pris en charge : La Poste a reçu le colis »).
  Text inside « … » is a quotation and is not checked for colons. « https: », times and ratios are not colons.
- A packed list is a sentence with more than 3 commas: it must become a real list.
- Every administrative word of ADMIN_WORDS used in the text has a glossary entry (term or variant).
- Every quiz question has an explanation; every option of a single or multiple choice, every accepted short
  answer and both sides of a true/false have a feedback. Every « Je vérifie » has an explanation and 3 options.
"""

import html
import re

import pytest

from assessments import gift
from cms.text import fold
from demo import assessments as diagnostic_demo
from demo import quizzes as demo_quizzes
from demo.content import GLOSSARY, MODULES, OPERATORS, PROCEDURES

MAX_WORDS = 20
MAX_COMMAS = 3
MAX_ITEM_WORDS = 4

# Words of administrative French that a beginner stops on. Each form is matched as a whole word, ignoring case and
# accents; the form itself must be a term or a variant of the glossary.
ADMIN_WORDS = [
    "allocataire",
    "allocataires",
    "attestation",
    "attestations",
    "RIB",
    "IBAN",
    "ressources",
    "pension",
    "pensions",
    "identifiant",
    "identifiants",
    "justificatif",
    "justificatifs",
    "prestation",
    "prestations",
    "avis d'impôt",
    "avis d'imposition",
    "numéro fiscal",
    "numéro de sécurité sociale",
    "NIR",
    "pré-demande",
    "timbre fiscal",
    "revenu fiscal de référence",
    "quittance",
    "bailleur",
    "mutuelle",
    "complémentaire santé",
    "actualisation",
    "demandeur d'emploi",
    "FranceConnect",
    "FranceConnect+",
    "France Titres",
    "carte grise",
    "relevé de carrière",
    "montant net social",
    "titre de séjour",
    "prélèvement à la source",
    "déclaration trimestrielle",
    "espace personnel",
    "plainte",
    "RSA",
    "prime d'activité",
    "chèque énergie",
    "logement social",
    "aide au logement",
    "complémentaire santé solidaire",
]

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"[\w@]+(?:['’.\-+][\w@]+)*")
QUOTATION = re.compile(r"«[^«»]*»")
COLON = re.compile(r"(?<!https)(?<!http)(?<!\d):(?!\d)")
ITEM_SEPARATOR = re.compile(r",|\bou\b|\bet\b|;")
ITEM = "\N{BULLET} "


def chunks(value):
    """The paragraphs, list items and plain strings of a piece of text (HTML or plain); list items start with ITEM."""
    if not value:
        return []
    text = re.sub(r"<li\b[^>]*>", "\n" + ITEM, value)
    text = re.sub(r"<(p|ul|ol|br)\b[^>]*>|</(p|li|ul|ol)>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return [line.strip() for line in text.split("\n") if line.strip(ITEM + " ")]


def sentences(chunk):
    """The sentences of a chunk; a quotation « … » is never cut."""
    found, start = [], 0
    for match in SENTENCE_END.finditer(chunk):
        if chunk.count("«", 0, match.start()) == chunk.count("»", 0, match.start()):
            found.append(chunk[start : match.start()])
            start = match.end()
    found.append(chunk[start:])
    return [sentence for sentence in found if sentence.strip(ITEM + " ")]


def words(text):
    return WORD.findall(text)


def colon_joins_two_ideas(sentence):
    """True when a « : » in the sentence joins two ideas (see the module docstring for the rule)."""
    text = QUOTATION.sub("«»", sentence)
    for match in COLON.finditer(text):
        if text.startswith(ITEM) and len(words(text[: match.start()])) <= MAX_ITEM_WORDS:
            continue  # (d) the label of a list item
        after = text[match.end() :].strip()
        after = re.split(r"(?<=[.!?…])\s", after)[0].rstrip(" .!?…;")
        if not after:
            continue  # (a) introduces a list or a field
        if re.fullmatch(r"«»|\S+", after):
            continue  # (c) one example
        items = [item.strip() for item in ITEM_SEPARATOR.split(after) if item.strip()]
        if len(items) >= 2 and all(len(words(item)) <= MAX_ITEM_WORDS for item in items):
            continue  # (b) an enumeration
        return True
    return False


# Collecting the texts ----------------------------------------------------------------------------------------------


def module_texts(module):
    place = f"module {module['slug']}"
    yield place, module["summary"]
    for text in [*module["objectives"], *module["equipment"]]:
        yield place, text
    for tutorial in module["tutorials"]:
        place = f"tutoriel {tutorial['slug']}"
        yield place, tutorial["title"]
        yield place, tutorial["intro"]
        for _kind, text in tutorial["checklist"]:
            yield place, text
        for number, step in enumerate(tutorial["steps"], start=1):
            here = f"{place}, étape {number}"
            yield here, step["title"]
            yield here, step["instruction"]
            yield here, step["image_alt"]
            for callout in step["callouts"]:
                yield here, callout["title"]
                yield here, callout["text"]
            yield here, step["check_question"]
            for option in step["check_options"]:
                yield here, option["text"]
            yield here, step["check_explanation"]


def gift_questions():
    return gift.parse(demo_quizzes.GIFT_FILE.read_text(encoding="utf-8")).questions


def quiz_questions():
    """(place, question) of every demo quiz, the GIFT one included."""
    for quiz in demo_quizzes.QUIZZES:
        for number, question in enumerate(quiz["questions"], start=1):
            yield f"{quiz['slug']} n° {number}", question
    for number, question in enumerate(gift_questions(), start=1):
        yield f"{demo_quizzes.GIFT_QUIZ['slug']} n° {number}", question


def diagnostic_questions():
    for code, questions in diagnostic_demo.COMPETENCES.items():
        for number, question in enumerate(questions, start=1):
            yield f"diagnostic {code} n° {number}", question


def question_texts(place, question):
    yield place, question["stem"]
    yield place, question.get("explanation", "")
    for option in question.get("options", []):
        yield place, option["text"]
        yield place, option.get("feedback", "")
    for answer in question.get("answers", []):
        yield place, answer.get("feedback", "")
    yield place, question.get("feedback_true", "")
    yield place, question.get("feedback_false", "")
    for pair in question.get("pairs", []):
        yield place, pair["left"]
        yield place, pair["right"]
    for item in question.get("items", []):
        yield place, item


def all_texts():
    for module in MODULES:
        yield from module_texts(module)
    for quiz in demo_quizzes.QUIZZES:
        yield quiz["slug"], quiz["intro"]
    for place, question in [*quiz_questions(), *diagnostic_questions()]:
        yield from question_texts(place, question)
    for entry in GLOSSARY:
        yield f"glossaire {entry['term']}", entry["definition"]
        yield f"glossaire {entry['term']}", entry["example"]
    for operator in OPERATORS:
        yield f"organisme {operator['slug']}", operator["description"]
    for procedure in PROCEDURES:
        yield f"démarche {procedure['slug']}", procedure["title"]


def all_sentences():
    for place, text in all_texts():
        for chunk in chunks(text):
            for sentence in sentences(chunk):
                yield place, sentence


def glossary_forms():
    return {fold(form) for entry in GLOSSARY for form in [entry["term"], *entry["variants"]]}


# The rules, on small examples ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Vous y trouverez :",
        "Exemples : Chrome, Firefox, Edge ou Safari.",
        "Le signe se lit : arobase.",
        "Le message dit : « Votre colis est bloqué : payez 1,99 € ».",
        "Tapez https://www.ameli.fr dans la barre.",
        "Il faut un justificatif : facture d'électricité, quittance de loyer ou avis d'impôt.",
        ITEM + "Pris en charge : La Poste a reçu le colis ;",
    ],
)
def test_a_colon_may_introduce_a_list_or_an_example(sentence):
    assert not colon_joins_two_ideas(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tournez-la vers vous : la page descend.",
        "Non : le 17 sert à appeler la police en urgence.",
        "Pris en charge : La Poste a reçu le colis.",
        "Sur un clavier français : gardez le doigt sur la touche Alt Gr, puis appuyez sur à.",
    ],
)
def test_a_colon_may_not_join_two_ideas(sentence):
    assert colon_joins_two_ideas(sentence)


def test_sentences_and_words_are_counted_per_paragraph_and_item():
    text = (
        "<p>Une phrase. Il dit « Stop. Payez. » puis part !</p><ul><li>un élément</li><li>l'adresse ameli.fr</li></ul>"
    )
    found = [sentence for chunk in chunks(text) for sentence in sentences(chunk)]
    assert found == [
        "Une phrase.",
        "Il dit « Stop. Payez. » puis part !",
        ITEM + "un élément",
        ITEM + "l'adresse ameli.fr",
    ]
    assert len(words("l'adresse ameli.fr, au 33700")) == 4


# The seed -----------------------------------------------------------------------------------------------------------


def test_every_registered_module_is_measured():
    places = {place for place, _text in all_texts()}
    for module in MODULES:
        assert f"module {module['slug']}" in places
        for tutorial in module["tutorials"]:
            assert f"tutoriel {tutorial['slug']}" in places


def test_no_sentence_is_over_twenty_words():
    long = [f"{place}: {sentence}" for place, sentence in all_sentences() if len(words(sentence)) > MAX_WORDS]
    assert long == []


def test_no_colon_joins_two_ideas():
    joined = [f"{place}: {sentence}" for place, sentence in all_sentences() if colon_joins_two_ideas(sentence)]
    assert joined == []


def test_lists_are_not_packed_into_sentences():
    packed = [
        f"{place}: {sentence}"
        for place, sentence in all_sentences()
        if QUOTATION.sub("", sentence).count(",") > MAX_COMMAS
    ]
    assert packed == []


def test_every_administrative_word_used_is_in_the_glossary():
    text = fold(" ".join(sentence for _place, sentence in all_sentences()))
    forms = glossary_forms()
    missing = [
        word
        for word in ADMIN_WORDS
        if re.search(r"(?<![\w-])" + re.escape(fold(word)) + r"(?![\w+-])", text) and fold(word) not in forms
    ]
    assert missing == []


def test_every_quiz_question_explains_and_every_option_has_feedback():
    problems = []
    for place, question in quiz_questions():
        if not html.unescape(re.sub(r"<[^>]+>", "", question.get("explanation") or "")).strip():
            problems.append(f"{place}: pas d'explication")
        for option in question.get("options", []):
            if not (option.get("feedback") or "").strip():
                problems.append(f"{place}: option « {option['text']} » sans retour")
        for answer in question.get("answers", []):
            if not (answer.get("feedback") or "").strip():
                problems.append(f"{place}: réponse « {answer['text']} » sans retour")
        if question["kind"] == "true_false" and not (question["feedback_true"] and question["feedback_false"]):
            problems.append(f"{place}: vrai/faux sans retour des deux côtés")
    assert problems == []


def test_every_check_explains_and_offers_three_options():
    problems = []
    for module in MODULES:
        for tutorial in module["tutorials"]:
            for number, step in enumerate(tutorial["steps"], start=1):
                if not step["check_question"]:
                    continue
                place = f"{tutorial['slug']}, étape {number}"
                if len(step["check_options"]) < 3:
                    problems.append(f"{place}: {len(step['check_options'])} options")
                if not step["check_explanation"].strip():
                    problems.append(f"{place}: pas d'explication")
    assert problems == []


def test_the_content_is_right_for_late_2026():
    text = " ".join(sentence for _place, sentence in all_sentences())
    # France Titres since 2024: « ANTS » only as the former name (« anciennement ANTS », « avant l'ANTS »).
    assert all(re.search(r"ancien|avant", text[max(0, m.start() - 30) : m.start()]) for m in re.finditer("ANTS", text))
    for service in ["17cyber.gouv.fr", "Perceval", "THESEE", "FranceConnect+"]:
        assert service in text, service
    # Chrome stopped showing the padlock in 2023: no right answer of the diagnostic relies on it.
    for place, question in diagnostic_questions():
        right = [option["text"] for option in question.get("options", []) if option["weight"] > 0]
        statement = [question["stem"]] if question["kind"] == "true_false" and question["answer"] else []
        assert not any("cadenas" in text for text in [*right, *statement]), place
    nir = next(entry for entry in GLOSSARY if entry["term"] == "numéro de sécurité sociale")
    assert "ne change jamais" not in nir["definition"]
    slugs = {operator["slug"] for operator in OPERATORS}
    assert {"anah", "cheque-energie"} <= slugs
