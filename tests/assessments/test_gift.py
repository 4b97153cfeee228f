"""The GIFT parser and writer: Moodle's own examples, a French quiz, syntax errors, round trips and properties."""

import collections
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments import gift
from assessments.gift import NBSP, GiftFileError, GiftSyntaxError, Issue, decode, dumps, normalize, parse, write

FIXTURES = Path(__file__).parent / "fixtures"
DEMO = Path(gift.__file__).parent / "data" / "demo-securite.gift.txt"
NUMERICAL = f"Question numérique («{NBSP}{{#…}}{NBSP}»){NBSP}: ce type de question n'est pas pris en charge."


def question(kind, stem, name="", explanation="", **specific):
    return {
        "kind": kind,
        "name": name,
        "stem": stem,
        "explanation": explanation,
        "competence": None,
        "level": None,
        **specific,
    }


def option(text, weight=0.0, feedback=""):
    return {"text": text, "weight": weight, "feedback": feedback}


def only(text):
    """The single question parsed from `text`."""
    result = parse(text)
    assert len(result.questions) == 1, result
    return result.questions[0]


# Moodle's examples ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def moodle():
    return parse((FIXTURES / "moodle-examples.gift.txt").read_text(encoding="utf-8"))


def test_moodle_examples_are_all_imported_or_listed(moodle):
    text = (FIXTURES / "moodle-examples.gift.txt").read_text(encoding="utf-8")
    blocks = [
        [line for line in block.splitlines() if not line.strip().startswith("//")] for block in text.split("\n\n")
    ]
    assert sum(1 for block in blocks if "".join(block).strip()) == 43
    assert len(moodle.questions) == 33
    assert len(moodle.unsupported) == 10
    assert moodle.warnings == []
    assert collections.Counter(q["kind"] for q in moodle.questions) == {
        "single": 16,
        "short_answer": 7,
        "true_false": 5,
        "matching": 3,
        "multiple": 2,
    }


def test_moodle_unsupported_questions_are_listed_with_line_and_name(moodle):
    assert [(issue.line, issue.name) for issue in moodle.unsupported] == [
        (16, "When was Ulysses S. Grant born?"),
        (70, "When was Ulysses S. Grant born?"),
        (72, "What is the value of pi (to 3…"),
        (74, "What is the value of pi (to 3…"),
        (76, "When was Ulysses S. Grant born?"),
        (85, "What's 2 plus 2?"),
        (123, "Jesus' hometown"),
        (175, "When was Ulysses S. Grant born?"),
        (195, "Jesus' hometown (Short answer ex.)"),
        (202, "Numerical example"),
    ]
    assert moodle.unsupported[0].message == NUMERICAL
    assert moodle.unsupported[6].message == (
        f"Réponse courte avec crédit partiel (75{NBSP}%){NBSP}: non prise en charge, "
        "seules les réponses entièrement justes sont possibles."
    )


def test_moodle_single_choice(moodle):
    assert moodle.questions[0] == question(
        "single",
        "<p>Who's buried in Grant's tomb?</p>",
        options=[option("Grant"), option("Jefferson"), option("no one", 1.0)],
    )


def test_moodle_missing_word_keeps_a_visible_blank(moodle):
    assert moodle.questions[1] == question(
        "single",
        "<p>Grant is _____ in Grant's tomb.</p>",
        options=[option("buried"), option("entombed", 1.0), option("living")],
    )
    thanksgiving = next(q for q in moodle.questions if q["name"] == "Thanksgiving Date")
    assert thanksgiving["stem"] == (
        "<p>The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.</p>"
    )


def test_moodle_single_choice_with_partial_credit_and_feedback(moodle):
    hometown = next(q for q in moodle.questions if q["name"] == "Jesus' hometown")
    assert hometown == question(
        "single",
        "<p>Jesus Christ was from _____.</p>",
        name="Jesus' hometown",
        options=[
            option("Jerusalem", 0.0, "This was an important city, but the wrong answer."),
            option("Bethlehem", 0.25, "He was born here, but not raised here."),
            option("Galilee", 0.5, "You need to be more specific."),
            option("Nazareth", 1.0, "Yes! That's right!"),
        ],
    )


def test_moodle_multiple_choice_with_negative_weights(moodle):
    first, second = [q for q in moodle.questions if q["kind"] == "multiple"]
    assert first["options"] == [
        option("No one"),
        option("Grant", 0.5),
        option("Grant's wife", 0.5),
        option("Grant's father"),
    ]
    assert second == question(
        "multiple",
        "<p>What two people are entombed in Grant's tomb?</p>",
        options=[
            option("No one", -0.5),
            option("Grant", 0.5),
            option("Grant's wife", 0.5),
            option("Grant's father", -0.5),
        ],
    )


def test_moodle_true_false(moodle):
    true_false = [q for q in moodle.questions if q["kind"] == "true_false"]
    assert [q["answer"] for q in true_false] == [False, False, True, False, False]
    assert true_false[3] == question(
        "true_false",
        "<p>Grant is buried in Grant's tomb.</p>",
        answer=False,
        feedback_true="No one is buried in Grant's tomb.",  # shown to whoever wrongly picks TRUE
        feedback_false="",
    )


def test_moodle_short_answer_and_markdown(moodle):
    assert moodle.questions[3] == question(
        "short_answer",
        "<p>Who's buried in Grant's tomb?</p>",
        answers=[{"text": "no one", "feedback": ""}, {"text": "nobody", "feedback": ""}],
    )
    markdown = next(q for q in moodle.questions if "<strong>" in q["stem"])
    assert markdown == question(
        "short_answer",
        "<p>Who's buried in <strong>Grant's tomb</strong>?</p>",
        answers=[
            {"text": "no one", "feedback": "excellent answer!"},
            {"text": "nobody", "feedback": "excellent answer!"},
        ],
    )
    kanji = next(q for q in moodle.questions if q["name"] == "Kanji Origins")
    assert kanji["stem"] == "<p>Japanese characters originally came from what country?</p>"  # lines joined
    assert kanji["answers"] == [{"text": "China", "feedback": ""}]


def test_moodle_matching(moodle):
    matching = [q for q in moodle.questions if q["kind"] == "matching"]
    assert matching[1] == question(
        "matching",
        "<p>Match the following countries with their corresponding capitals.</p>",
        pairs=[
            {"left": "Canada", "right": "Ottawa"},
            {"left": "Italy", "right": "Rome"},
            {"left": "Japan", "right": "Tokyo"},
            {"left": "India", "right": "New Delhi"},
        ],
    )
    assert matching[2]["pairs"][0] == {"left": "Canada", "right": "Ottawa"}  # written "=Canada->Ottawa"


def test_moodle_escapes(moodle):
    equals = next(q for q in moodle.questions if q["stem"] == "<p>Which answer equals 5?</p>")
    assert [o["text"] for o in equals["options"]] == ["= 2 + 2", "= 2 + 3", "= 2 + 4"]
    control = next(q for q in moodle.questions if q["name"] == "GIFT Control Characters")
    assert [o["text"] for o in control["options"]] == ["~", "=", "#", "{", "}", "\\"]
    assert control["options"][0]["feedback"] == "~ is a control character."
    assert control["options"][5] == option(
        "\\",
        1.0,
        "Correct! \\ (backslash) is not a control character. BUT, it is used to escape the control characters. "
        "So, to specify a literal backslash, you must escape it with a backslash (as shown in this example).",
    )


def test_moodle_examples_survive_a_round_trip(moodle):
    assert parse(dumps(moodle.questions)).questions == moodle.questions


# A French quiz ---------------------------------------------------------------------------------------------------


def test_french_examples():
    result = parse((FIXTURES / "exemples-fr.gift.txt").read_text(encoding="utf-8"))
    courriel = {"category": "Premiers pas/Courriel"}
    smartphone = {"category": "Premiers pas/Smartphone"}
    assert result.questions == [
        question(
            "single",
            "<p>Quelle adresse de courriel est bien écrite ?</p>",
            name="Adresse de courriel",
            explanation="Une adresse de courriel s’écrit sans espace, avec une seule arobase.",
            options=[
                option("marie.dupont@exemple.fr", 1.0, "Oui : un nom, l’arobase « @ », puis le domaine."),
                option("marie.dupont.exemple.fr", 0.0, "Il manque l’arobase « @ »."),
                option("marie dupont@exemple.fr", 0.0, "Une adresse ne contient jamais d’espace."),
            ],
            **courriel,
        ),
        question(
            "single",
            "<p>Pour envoyer une photo avec un courriel, on l’ajoute en _____ avant de cliquer sur « Envoyer ».</p>",
            name="Pièce jointe",
            options=[option("signature"), option("pièce jointe", 1.0), option("objet")],
            **courriel,
        ),
        question(
            "multiple",
            "<p>Quels mots de passe sont solides ?</p>",
            name="Mots de passe solides",
            explanation="Un bon mot de passe est long (12 caractères ou plus) et ne sert que pour un seul site.",
            options=[
                option("azerty", -0.5, "C’est l’un des mots de passe les plus utilisés au monde."),
                option("Cheval-Nuage-Tartine-42", 0.5, "Une phrase de passe longue : très bien."),
                option("J’aime1Lapin!Violet", 0.5, "Long et varié : très bien."),
                option("123456", -0.5, "Trop court et trop courant."),
            ],
            **courriel,
        ),
        question(
            "true_false",
            "<p>Votre banque peut vous demander votre code secret par courriel.</p>",
            name="Code de la banque",
            answer=False,
            feedback_true="Non ! Votre banque ne vous le demande jamais.",
            feedback_false="Bravo, c’est exact.",
            **courriel,
        ),
        question(
            "true_false",
            "<p>Un code de verrouillage protège votre téléphone si vous le perdez.</p>",
            name="Verrouillage",
            answer=True,
            feedback_true="",
            feedback_false="Si : sans le code, un inconnu ne peut pas l’ouvrir.",
            **smartphone,
        ),
        question(
            "short_answer",
            "<p>Comment s’appelle le réseau sans fil de la maison ?</p>",
            name="Réseau sans fil",
            answers=[
                {"text": "wifi", "feedback": "Oui !"},
                {"text": "wi-fi", "feedback": ""},
                {"text": "Wi-Fi", "feedback": ""},
            ],
            **smartphone,
        ),
        question(
            "matching",
            "<p>Associez chaque icône à son rôle.</p>",
            name="Icônes",
            explanation="Les icônes changent un peu d’un téléphone à l’autre.",
            pairs=[
                {"left": "Enveloppe", "right": "Lire ses courriels"},
                {"left": "Appareil photo", "right": "Prendre une photo"},
                {"left": "Engrenage", "right": "Régler le téléphone"},
            ],
            **smartphone,
        ),
        question(
            "short_answer",
            "<p>Dans un tableur, une formule commence par le signe = et l’heure s’écrit 14:30.<br>"
            "Que donne la formule =2+3 ?</p>",
            name="Tableur",
            answers=[{"text": "5", "feedback": "Oui, 2 + 3 = 5."}],
            **smartphone,
        ),
        question(
            "single",
            "<p>Avant de cliquer sur un lien, je regarde <strong>l’adresse du site</strong>.<br>"
            "Que faire si elle semble <em>bizarre</em> ?</p>",
            name="Lien douteux",
            options=[option("Je ne clique pas", 1.0), option("Je clique pour voir")],
            **smartphone,
        ),
        question(
            "single",
            "<p>Où garder une <b>copie</b> de vos photos ?</p>",
            name="Sauvegarde",
            options=[
                option("Sur une clé USB ou un espace en ligne", 1.0),
                option("Nulle part", 0.0, "Si le téléphone casse, les photos sont perdues."),
                option("Dans la corbeille"),
            ],
            **smartphone,
        ),
    ]
    assert result.unsupported == [Issue(58, "Âge", NUMERICAL)]
    assert result.warnings == []
    assert parse(dumps(result.questions)).questions == result.questions


def test_demo_quiz():
    result = parse(DEMO.read_text(encoding="utf-8"))
    assert result.unsupported == [] and result.warnings == []
    assert [q["kind"] for q in result.questions] == [
        "single",
        "multiple",
        "true_false",
        "short_answer",
        "matching",
        "single",
        "single",
        "single",
        "single",
    ]
    assert all(q["name"] and q["explanation"] for q in result.questions)
    assert [o["weight"] for o in result.questions[1]["options"]] == [0.25, 0.25, 0.25, 0.25, -0.5, -0.5]
    assert result.questions[3]["answers"][2]["text"] == "https://www.ameli.fr"
    assert "_____" in result.questions[5]["stem"]
    assert parse(dumps(result.questions)).questions == result.questions


# Details of the format -------------------------------------------------------------------------------------------


def test_true_false_feedbacks_first_for_the_wrong_pick_then_for_the_right_one():
    assert only("Le ciel est bleu.{TRUE#Mauvais choix.#Bon choix.}") == question(
        "true_false",
        "<p>Le ciel est bleu.</p>",
        answer=True,
        feedback_true="Bon choix.",
        feedback_false="Mauvais choix.",
    )
    no_wrong_feedback = only("L’eau est sèche.{F##Bien vu.####L’eau mouille.}")
    assert no_wrong_feedback["feedback_false"] == "Bien vu."
    assert no_wrong_feedback["feedback_true"] == ""
    assert no_wrong_feedback["explanation"] == "L’eau mouille."
    assert only("Vrai ?{true}")["answer"] is True


def test_several_right_answers_among_wrong_ones_share_the_credit():
    assert only("Lesquels ?{=a ~b =c =d}")["options"] == [
        option("a", 0.3333333),
        option("b"),
        option("c", 0.3333333),
        option("d", 0.3333333),
    ]


def test_weights_close_to_100_percent_are_rescaled_with_a_warning():
    result = parse("Lesquels ?{~%33.3%a ~%33.3%b ~%33.3%c ~d}")
    assert [o["weight"] for o in result.questions[0]["options"]] == [0.3333333, 0.3333333, 0.3333333, 0.0]
    assert result.warnings == [
        Issue(1, "Lesquels ?", f"Les pourcentages des bonnes réponses ont été ajustés pour totaliser 100{NBSP}%.")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Un texte seul, sans accolades.", "Texte sans réponses (description)"),
        ("Racontez vos vacances.{}", "Question ouverte"),
        ("Racontez vos vacances.{####Merci.}", "Question ouverte"),
        ("Combien ?{#4:1}", "Question numérique"),
        ("Lesquels ?{~%50%a ~%20%b ~c}", f"totalisent 70{NBSP}%"),
        ("Lesquels ?{~a ~b}", "Aucune bonne réponse"),
        ("Lequel ?{=a ~%100%b}", "Choix unique sans réponse à 100"),
        ("Ville ?{=Paris =%50%Lutèce}", "crédit partiel (50"),
        ("Associez.{=a -> b = -> c =d -> e}", "distracteur"),
    ],
)
def test_unsupported_questions_are_listed_and_the_rest_imported(text, message):
    result = parse(f"Premier ?{{T}}\n\n::Nom::{text}\n\nDernier ?{{F}}")
    assert [q["stem"] for q in result.questions] == ["<p>Premier ?</p>", "<p>Dernier ?</p>"]
    [issue] = result.unsupported
    assert (issue.line, issue.name) == (3, "Nom")
    assert message in issue.message


def test_comments_categories_and_blank_lines():
    result = parse(
        "\ufeff// En-tête\n$CATEGORY: $course$/Sécurité\n\n// commentaire\n::A::Un ?{T}\n\n\n"
        "   // commentaire indenté\n\n$CATEGORY:\n::B::Deux ?\n// au milieu\n{F}\n"
    )
    assert [(q["name"], q.get("category")) for q in result.questions] == [("A", "$course$/Sécurité"), ("B", None)]
    assert "category" not in result.questions[1]


def test_windows_line_endings():
    assert only("::A::Un\r\nou deux ?{\r\n=un\r\n~deux\r\n}\r\n")["stem"] == "<p>Un ou deux ?</p>"


def test_formats():
    assert only("[plain]Le <b>gras</b> ?{T}")["stem"] == "<p>Le &lt;b&gt;gras&lt;/b&gt; ?</p>"
    assert only("[html]<p>Le <b>gras</b></p>\n<ul><li>un</li></ul>{T}")["stem"] == (
        "<p>Le <b>gras</b></p>\n<ul><li>un</li></ul>"
    )
    assert only("Deux lignes\\nUne autre\\n\\nUn paragraphe{T}")["stem"] == (
        "<p>Deux lignes<br>Une autre</p><p>Un paragraphe</p>"
    )
    assert only("[markdown]Du **gras** et de l’*italique*, 2 * 3 = 6 ?{T}")["stem"] == (
        "<p>Du <strong>gras</strong> et de l’<em>italique</em>, 2 * 3 = 6 ?</p>"
    )
    # Answers follow the question's format, or their own marker; they are plain text.
    assert only("[html]<p>Lequel ?</p>{=<b>A</b> &amp; B ~[plain]<i>C</i> ~[markdown]**D**}")["options"] == [
        option("A & B", 1.0),
        option("<i>C</i>"),
        option("D"),
    ]


def test_warnings_about_html():
    result = parse("Le <b>gras</b> ?{T}\n\n[html]<p>Lequel ?</p>{=<b>A</b> ~B ~b}")
    assert [issue.line for issue in result.warnings] == [1, 3, 3]
    assert "balises HTML, qui seront affichées telles quelles" in result.warnings[0].message
    assert "mise en forme HTML des réponses et commentaires a été retirée" in result.warnings[1].message
    assert result.warnings[2].message == "Deux réponses ont le même texte."


# Syntax errors ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "name", "reason"),
    [
        (
            "// Quiz\n\n::Capitale de la France::Quelle est la capitale ?{\n=Paris\n~Lyon\n",
            3,
            "Capitale de la France",
            f"accolade fermante «{NBSP}}}{NBSP}» manquante",
        ),
        ("Q1 ?{T}\n\n::Mélange::Associez.{\n=Paris -> France\n~Rome -> Italie\n}", 4, "Mélange", "réservé aux"),
        ("::Une paire::Associez.{\n=Paris -> France\n}", 2, "Une paire", "au moins deux paires"),
        ("Associez.{=a -> b =c}", 1, "Associez.", "=élément -> correspondance"),
        ("Associez.{=a -> b#bien =c -> d}", 1, "Associez.", "pas de commentaire"),
        ("Associez.{=%50%a -> b =c -> d}", 1, "Associez.", "pas de pourcentage"),
        ("Associez.{=a -> =c -> d}", 1, "Associez.", "correspondance vide"),
        ("::Vide::Oui ou non ?{\n=Oui\n~\n~Non\n}", 3, "Vide", f"réponse vide après «{NBSP}~{NBSP}»"),
        ("::Vide::Ville ?{=#Bravo}", 1, "Vide", "réponse vide"),
        ("::Sans signe::Capitale ?{Paris}", 1, "Sans signe", f"réponse sans «{NBSP}={NBSP}»"),
        ("Capitale ?{Paris =Lyon ~Rome}", 1, "Capitale ?", "avant la première réponse"),
        ("Capitale ?{~Paris}", 1, "Capitale ?", "au moins deux réponses"),
        ("Capitale ?{~%150%Paris =Lyon}", 1, "Capitale ?", f"pourcentage «{NBSP}%150%{NBSP}» invalide"),
        ("Un } tout seul {T}", 1, "Un } tout seul", "sans accolade ouvrante"),
        ("Question {=a\n{~b}", 2, "Question", f"accolade ouvrante «{NBSP}{{{NBSP}» en trop"),
        ("Un ?{T}\nDeux ?{F}", 2, "Un ?", "ligne vide entre deux questions"),
        ("::Sans fin Quelle ville ?{=Paris ~Lyon}", 1, "Sans fin Quelle ville ?", "titre non terminé"),
        ("::::{=a ~b}", 1, "", "l'énoncé de la question est vide"),
    ],
)
def test_syntax_errors(text, line, name, reason):
    with pytest.raises(GiftSyntaxError) as caught:
        parse(text)
    error = caught.value
    assert (error.line, error.question) == (line, name)
    assert reason in error.reason
    where = f"Ligne {line}, question «{NBSP}{name}{NBSP}»" if name else f"Ligne {line}"
    assert str(error) == f"{where}{NBSP}: {error.reason}"
    assert isinstance(error, ValueError)


def test_syntax_error_message():
    with pytest.raises(GiftSyntaxError) as caught:
        parse("Q1 ?{T}\n\n\n::Capitale de la France::Quelle est la capitale ?{=Paris ~Lyon")
    assert str(caught.value) == (
        f"Ligne 4, question «{NBSP}Capitale de la France{NBSP}»{NBSP}: "
        f"accolade fermante «{NBSP}}}{NBSP}» manquante après les réponses."
    )


# Writing ---------------------------------------------------------------------------------------------------------

SINGLE = question(
    "single",
    "<p>Quel site est officiel ?</p>",
    name="Site officiel",
    explanation="Regardez la fin de l’adresse.",
    options=[option("ameli.fr", 1.0, "Oui !"), option("ameli-remboursement.info", 0.0, "Non : c’est un faux.")],
)


def test_written_gift_is_readable():
    assert dumps([SINGLE]) == (
        "::Site officiel::Quel site est officiel ?{\n"
        "    =ameli.fr#Oui !\n"
        "    ~ameli-remboursement.info#Non \\: c’est un faux.\n"
        "    ####Regardez la fin de l’adresse.\n"
        "}\n"
    )
    true_false = question("true_false", "<p>Vrai ?</p>", answer=False, feedback_true="Non.", feedback_false="")
    assert dumps([true_false]) == "Vrai ?{FALSE#Non.}\n"


def test_missing_word_braces_go_where_the_blank_is():
    missing = question("single", "<p>Un _____ de passe.</p>", options=[option("mot", 1.0), option("code")])
    assert dumps([missing]) == "Un {\n    =mot\n    ~code\n} de passe.\n"
    assert only(dumps([missing])) == missing


ESCAPES = "Les signes ~ = # { } \\ : et \\n, l’apostrophe, « guillemets », éàçœ"

ROUND_TRIPS = [
    SINGLE,
    question(
        "single",
        f"<p>{ESCAPES} ?</p>",
        name="Nom : avec :: deux-points {}",
        options=[option(ESCAPES, 1.0, ESCAPES), option("%50% pas un poids", 0.5), option("[html] pas un format")],
    ),
    question(
        "multiple",
        "<p>Lesquels ?</p>",
        explanation=ESCAPES,
        options=[option("a", 0.3333333), option("b", 0.3333333), option("c", 0.3333334), option("d", -1.0)],
    ),
    question(
        "true_false",
        "<p>Vrai ?</p>",
        answer=True,
        feedback_true="",
        feedback_false=ESCAPES,
        explanation="Réglages -> Sécurité",
    ),
    question("true_false", "<p>Faux ?</p>", answer=False, feedback_true="Non #1", feedback_false="Oui\n\nBien."),
    question(
        "short_answer",
        "<p>L’adresse ?</p>",
        answers=[{"text": "https://ameli.fr", "feedback": "Oui"}, {"text": "a -> b & <c>", "feedback": ""}],
    ),
    question(
        "matching",
        "<p>Associez.</p>",
        pairs=[{"left": "a -> b", "right": "c -> d"}, {"left": "Élément = 1", "right": "<b>2</b> ~ # :"}],
    ),
    question(
        "single",
        '<p class="x">HTML <b>gras</b></p>\n<ul><li>{accolades}</li></ul>',
        options=[option("<b>vu comme texte</b>", 1.0), option("&amp;")],
        category="Catégorie/Sous-catégorie",
    ),
    *(
        question("short_answer", stem, answers=[{"text": "x", "feedback": ""}])
        for stem in [
            "<p>Première ligne<br>Deuxième &lt;ligne&gt;</p>",
            "<p>// pas un commentaire</p>",
            "<p>_____ au début</p>",
            "<p>À la fin _____</p>",
            "<p>\ufeffUn BOM au début</p>",
        ]
    ),
]


@pytest.mark.parametrize("original", ROUND_TRIPS, ids=lambda q: f"{q['kind']}-{q['stem'][:20]}")
def test_round_trip(original):
    result = write([original])
    assert result.skipped == []
    assert parse(result.text).questions == [original]
    assert normalize(original) == original


def test_round_trip_of_a_whole_list_with_categories():
    questions = [
        {**ROUND_TRIPS[0], "category": "A"},
        {**ROUND_TRIPS[1], "category": "A"},
        ROUND_TRIPS[2],
        {**ROUND_TRIPS[3], "category": "B"},
    ]
    text = dumps(questions)
    assert text.count("$CATEGORY:") == 3
    assert parse(text).questions == questions


def test_normalize_cleans_texts_and_weights():
    messy = {
        "kind": "multiple",
        "name": "  Deux\n mots ",
        "stem": "\r\n<p>x</p>  ",
        "explanation": "  a \t b \n\n\n\n c  ",
        "competence": "4.1",
        "level": 2,
        "options": [{"text": " a ", "weight": 0.333}, {"text": "b", "weight": 0.333}, {"text": "c", "weight": 0.333}],
        "answers": "ignored",
    }
    assert normalize(messy) == question(
        "multiple",
        "<p>x</p>",
        name="Deux mots",
        explanation="a b\n\nc",
        competence="4.1",
        level=2,
        options=[option("a", 0.3333333), option("b", 0.3333333), option("c", 0.3333333)],
    )


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"kind": "ordering", "stem": "<p>Ordre</p>", "items": ["a", "b"]}, "Remettre dans l'ordre"),
        (question("single", "<p>Q</p>", options=[option("a", 1.0)]), "au moins deux réponses"),
        (question("single", "<p>Q</p>", options=[option("a", 1.0), option("b", 1.0)]), "exactement une"),
        (question("single", "<p>Q</p>", options=[option("a", 1.0), option(" ")]), "Une réponse est vide"),
        (question("multiple", "<p>Q</p>", options=[option("a", 0.5), option("b", 0.2)]), "ne totalisent pas"),
        (question("multiple", "<p>Q</p>", options=[option("a", 2.0), option("b", -1.0)]), "intervalle"),
        (question("true_false", "", answer=True), "L'énoncé est vide"),
        (question("true_false", "<p>Q</p>", answer="oui"), "mal formée"),
        (question("short_answer", "<p>Q</p>", answers=[]), "au moins une réponse"),
        (question("matching", "<p>Q</p>", pairs=[{"left": "a", "right": "b"}]), "deux paires"),
        ({"kind": "essay", "stem": "<p>Q</p>"}, "Type de question inconnu"),
        ({"stem": "<p>Sans type</p>"}, "mal formée"),
    ],
)
def test_what_gift_cannot_express_is_skipped(bad, message):
    result = write([SINGLE, bad, SINGLE])
    [skipped] = result.skipped
    assert skipped.line == 2
    assert message in skipped.message
    assert len(parse(result.text).questions) == 2


def test_skipped_question_is_named():
    ordering = {"kind": "ordering", "name": "Étapes", "stem": "<p>Dans l’ordre</p>", "items": ["a", "b"]}
    nameless = {**ordering, "name": ""}
    assert [issue.name for issue in write([ordering, nameless]).skipped] == ["Étapes", "Dans l’ordre"]
    assert dumps([]) == ""


# Properties ------------------------------------------------------------------------------------------------------

FRAGMENTS = [
    *"aZé’'«»?!.,;:-_/*%[]<>&~=#{}\\ \t\n",
    "\xa0",
    "->",
    "\\n",
    "\\",
    "####",
    "_____",
    "//",
    "::",
    "[html]",
    "[markdown]",
    "%50%",
    "%-50%",
    "%abc%",
    "&amp;",
    "<b>",
    "</p><p>",
    "<br>",
    "**",
    "T",
    "FALSE",
    "\n\n",
    "$CATEGORY:",
    "{#",
    "\r",
    "\ufeff",
    "\ud800",
]
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fragments(max_size=12):
    return st.lists(st.sampled_from(FRAGMENTS), max_size=max_size).map("".join)


def filled():
    """A text with at least one letter somewhere."""
    return st.tuples(fragments(6), st.sampled_from("aBéÇ1"), fragments(6)).map("".join)


WORDS = ["mot", "Été", "l’arobase", "\\~", "\\=", "\\#", "\\{", "\\}", "\\:", "\\\\", "\\n", "<b>", "&amp;", "%", ":"]
MARKERS = ["=", "~", "~%50%", "~%-50%", "~%25%", "=%100%", "=%50%", "~%33.3%", "="]


def words(min_size=1):
    return st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=5).map(" ".join)


def feedback():
    return st.one_of(st.just(""), words(0).map(lambda text: "#" + text))


def answer_section():
    """The inside of the braces, shaped as one kind of question or as a mix of them."""
    choice = st.tuples(st.sampled_from(MARKERS), words(), feedback()).map("".join)
    short = st.tuples(st.sampled_from(["=", "=%100%", "=%50%"]), words(), feedback()).map("".join)
    pair = st.tuples(words(), st.sampled_from([" -> ", "->"]), words()).map(lambda parts: "=" + "".join(parts))
    mixed = st.one_of(choice, short, pair)
    return st.one_of(
        *(st.lists(shape, min_size=1, max_size=5).map("\n".join) for shape in (choice, short, pair, mixed)),
        st.sampled_from(["T", "F", "TRUE#non", "FALSE#oui#non", "#12", ""]),
    )


def gift_question():
    """Mostly valid GIFT questions: name, format, stem, answers (with weights, feedback, arrows), general feedback."""
    return st.tuples(
        st.sampled_from(["", "::Nom::", "::Titre \\: x::"]),
        st.sampled_from(["", "[html]", "[markdown]", "[plain]"]),
        words(),
        answer_section(),
        st.one_of(st.just(""), words().map(lambda text: "####" + text)),
        st.sampled_from(["", ".", " suite"]),
    ).map(lambda p: f"{p[0]}{p[1]}{p[2]}{{{p[3]}{p[4]}}}{p[5]}")


QUIZZES = st.lists(st.one_of(gift_question(), st.just("$CATEGORY: A"), st.just("// note")), max_size=4).map(
    "\n\n".join
)
SYNTAX = ["=", "~", "{", "}", "#", "->", "\n", "\n\n", "::", "####", "%25%", "~%-50%", "{T}", "{=a ~b", "::n::"]
GIFTISH = st.lists(st.one_of(st.sampled_from(SYNTAX), fragments(4)), max_size=40).map("".join)


@PROPERTY
@given(st.one_of(st.text(), GIFTISH, QUIZZES))
def test_parse_raises_nothing_but_syntax_errors(text):
    try:
        result = parse(text)
    except GiftSyntaxError as error:
        assert error.line >= 1
        return
    # Whatever was read is written back and read again unchanged.
    assert parse(dumps(result.questions)).questions == result.questions


def stems():
    return st.one_of(filled().map(gift.plain_to_html), filled(), filled().map(lambda text: f"<p><b>{text}</b></p>"))


@st.composite
def questions(draw):
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "short_answer", "matching"]))
    base = {
        "kind": kind,
        "name": draw(fragments()),
        "stem": draw(stems()),
        "explanation": draw(fragments()),
        "competence": draw(st.sampled_from([None, "4.2", "6.1", "12"])),
        "level": draw(st.one_of(st.none(), st.integers(1, 8))),
    }
    if draw(st.booleans()):
        base["category"] = draw(filled())
    if kind == "single":
        count = draw(st.integers(2, 5))
        right = draw(st.integers(0, count - 1))
        weights = [
            1.0 if index == right else draw(st.sampled_from([0.0, 0.0, 0.5, 0.25, -0.5, 0.9999999]))
            for index in range(count)
        ]
        base["options"] = [{"text": draw(filled()), "weight": w, "feedback": draw(fragments())} for w in weights]
    elif kind == "multiple":
        count = draw(st.integers(2, 6))
        right = draw(st.sets(st.integers(0, count - 1), min_size=1))
        weights = [
            1 / len(right) if index in right else draw(st.sampled_from([0.0, -0.5, -1.0, -0.3333333]))
            for index in range(count)
        ]
        base["options"] = [{"text": draw(filled()), "weight": w, "feedback": draw(fragments())} for w in weights]
    elif kind == "true_false":
        base["answer"] = draw(st.booleans())
        base["feedback_true"], base["feedback_false"] = draw(fragments()), draw(fragments())
    elif kind == "short_answer":
        answers = draw(st.lists(st.tuples(filled(), fragments()), min_size=1, max_size=3))
        base["answers"] = [{"text": text, "feedback": feedback} for text, feedback in answers]
    else:
        pairs = draw(st.lists(st.tuples(filled(), filled()), min_size=2, max_size=4))
        base["pairs"] = [{"left": left, "right": right} for left, right in pairs]
    return base


@PROPERTY
@given(questions())
def test_round_trip_of_generated_questions(generated):
    result = write([generated])
    assert result.skipped == []
    canonical = normalize(generated)
    assert parse(result.text).questions == [canonical]
    assert normalize(canonical) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "Q " + "<" * 990_000 + "{T}",
        "[markdown]" + "**a " * 240_000 + "{T}",
        "[html]Q{=" + "</p><p " * 140_000 + " ~b}",
        "Q{" + "~a " * 300_000 + "=b}",
        "Q ?{T}\n\n" * 120_000,
    ],
    ids=["angle-brackets", "asterisks", "paragraphs", "answers", "questions"],
)
def test_pathological_files_up_to_the_size_limit_are_read(text):
    """Worst cases the parser once took quadratic time on; how fast it reads them is measured by `make bench`."""
    assert len(text.encode()) <= gift.MAX_BYTES
    parse(text)


# Decoding uploaded bytes -----------------------------------------------------------------------------------------


def test_decode_accepts_utf8_with_or_without_bom():
    assert decode("Où ?{T}".encode()) == "Où ?{T}"
    assert decode("\ufeffOù ?{T}".encode()) == "Où ?{T}"
    assert decode(b"a" * gift.MAX_BYTES) == "a" * gift.MAX_BYTES


def test_decode_refuses_other_encodings():
    with pytest.raises(GiftFileError, match="n'est pas enregistré en UTF-8") as caught:
        decode("Première ligne\nCafé ?{T}".encode("latin-1"))
    assert "ligne 1" in str(caught.value)
    with pytest.raises(GiftFileError, match="ligne 2"):
        decode(b"ok\n\xff\xfe")


def test_decode_refuses_big_files():
    with pytest.raises(GiftFileError, match="trop volumineux") as caught:
        decode(b"a" * (gift.MAX_BYTES + 1))
    assert f"1{NBSP}Mo" in str(caught.value)
    assert not isinstance(caught.value, GiftSyntaxError)
