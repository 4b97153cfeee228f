"""Places (« Trouver un lieu »): the national standard's rules, the import command, the demo and the public page."""

import csv
import io

from django.core.management import CommandError, call_command

import pytest

from cms import places
from cms.models import Place
from demo.places import DEMO_PLACES, seed_places

pytestmark = pytest.mark.django_db

# The page's URLs come first, then the project's: the tests pass whether or not config/urls.py includes them yet.

EXAMPLE = places.EXAMPLE_PATH


def example_row():
    with EXAMPLE.open(encoding="utf-8", newline="") as file:
        return next(csv.DictReader(file))


def row(**changes):
    """A valid row of the standard: the example file's, with some columns changed."""
    return {**example_row(), **changes}


def write_csv(tmp_path, rows, *, name="lieux.csv", columns=None, encoding="utf-8", delimiter=","):
    columns = columns or places.COLUMNS
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    target = tmp_path / name
    target.write_bytes(buffer.getvalue().encode(encoding))
    return target


def run_import(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_places", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


# The schema ---------------------------------------------------------------------------------------------------


def test_the_repository_keeps_the_standard_and_its_licence():
    readme = (places.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "Licence Ouverte 2.0" in readme
    assert places.SCHEMA["licenses"][0]["name"] == "etalab-2.0"
    assert places.SCHEMA["primaryKey"] == "id"


def test_required_columns_come_from_the_schema():
    assert places.REQUIRED_COLUMNS == ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"]


def test_only_the_columns_the_schema_declares_as_lists_are_split():
    assert places.FREE_LIST_COLUMNS == ("typologie", "courriels", "site_web")
    for column in ("courriels", "site_web"):
        assert "`|`" in places.FIELDS[column]["description"]
    assert "plusieurs" in places.FIELDS["typologie"]["description"]
    assert set(places.ENUMS) == {
        "itinerance",
        "services",
        "publics_specifiquement_adresses",
        "prise_en_charge_specifique",
        "frais_a_charge",
        "dispositif_programmes_nationaux",
        "formations_labels",
        "modalites_acces",
        "modalites_accompagnement",
    }
    for column in ("horaires", "presentation_resume", "presentation_detail", "adresse", "autres_formations_labels"):
        assert column not in places.LIST_COLUMNS


def test_enums_are_read_from_the_patterns():
    assert places.ENUMS["frais_a_charge"] == ["Gratuit", "Gratuit sous condition", "Payant"]
    assert "Langues étrangères (anglais)" in places.ENUMS["prise_en_charge_specifique"]
    assert "Formé à « DUPLEX » (illettrisme)" in places.ENUMS["formations_labels"]
    assert len(places.ENUMS["services"]) == 9


def test_every_service_of_the_standard_has_a_plain_french_label_and_a_key():
    assert set(places.SERVICE_LABELS) == set(places.ENUMS["services"])
    assert len(set(places.SERVICE_KEYS.values())) == 9
    assert set(places.ACCOMPANIMENT_LABELS) == set(places.ENUMS["modalites_accompagnement"])
    assert set(places.ACCESS_LABELS) == set(places.ENUMS["modalites_acces"])
    assert set(places.COST_LABELS) == set(places.ENUMS["frais_a_charge"])


# Lists --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jeunes|Femmes", ["Jeunes", "Femmes"]),
        ("Jeunes; Femmes", ["Jeunes", "Femmes"]),
        ("Jeunes, Femmes", ["Jeunes", "Femmes"]),
        (" Jeunes |Femmes;Seniors , Étudiants ", ["Jeunes", "Femmes", "Seniors", "Étudiants"]),
        ("Jeunes||Jeunes|", ["Jeunes"]),
        ("", []),
    ],
)
def test_split_list_accepts_the_three_separators(value, expected):
    assert places.split_list(value) == expected


def test_web_addresses_keep_their_own_commas():
    value = "https://fr.wikipedia.org/wiki/Rouen,_ville|https://a.example/; https://b.example/, www.c.example"
    assert places.split_list(value, urls=True) == [
        "https://fr.wikipedia.org/wiki/Rouen,_ville",
        "https://a.example/",
        "https://b.example/",
        "www.c.example",
    ]


def test_the_example_file_is_valid_and_only_its_list_columns_are_split():
    raw = example_row()
    values, errors = places.clean_row(raw)
    assert errors == []
    assert values["services"] == [
        "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique",
        "Loisirs et créations numériques",
    ]
    assert values["emails"] == ["contact@laquincaillerie.tl", "responsable@laquincaillerie.tl"]
    assert values["websites"] == [
        "https://www.laquincaillerie.tl/",
        "https://m.facebook.com/laquincaillerienumerique/",
    ]
    assert values["typologies"] == ["TIERS_LIEUX", "ASSO"]
    assert values["accompaniment_modes"] == [
        "Dans un atelier collectif",
        "À distance",
        "En autonomie",
        "Accompagnement individuel",
    ]
    # The example's commas and semicolons outside list columns stay where they are.
    assert values["opening_hours"] == "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"
    assert values["description"] == raw["presentation_detail"]
    assert "," in values["description"]
    assert values["latitude"] == 43.52609
    assert values["updated_on"].isoformat() == "2024-04-02"
    assert values["source_id"] == "structure-1"


def test_a_row_mixing_the_separators_gives_the_same_lists():
    values, errors = places.clean_row(
        row(
            services="Aide aux démarches administratives; Accès internet et matériel informatique, "
            "Loisirs et créations numériques",
            courriels="a@exemple.fr; b@exemple.fr, c@exemple.fr",
            frais_a_charge="Gratuit,Payant",
        )
    )
    assert errors == []
    assert values["services"] == [
        "Aide aux démarches administratives",
        "Accès internet et matériel informatique",
        "Loisirs et créations numériques",
    ]
    assert values["emails"] == ["a@exemple.fr", "b@exemple.fr", "c@exemple.fr"]
    assert values["costs"] == ["Gratuit", "Payant"]


# Patterns and enums -------------------------------------------------------------------------------------------


def errors_for(**changes):
    values, errors = places.clean_row(row(**changes))
    return {error.column: error.message for error in errors}


@pytest.mark.parametrize("postcode", ["76000", "97400", "01000"])
def test_valid_postcodes(postcode):
    assert errors_for(code_postal=postcode) == {}


@pytest.mark.parametrize("postcode", ["7600", "760000", "76 000", "2A004", "ABCDE"])
def test_postcode_must_be_five_digits(postcode):
    assert "5 chiffres" in errors_for(code_postal=postcode)["code_postal"]


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("+33180059880", "+33180059880"),
        ("02 35 12 34 56", "+33235123456"),
        ("02.35.12.34.56", "+33235123456"),
        ("0033 2 35 12 34 56", "+33235123456"),
        ("0262 12 34 56", "+262262123456"),
        ("+590590123456", "+590590123456"),
    ],
)
def test_telephone_follows_the_schema_and_french_numbers_are_converted(written, stored):
    values, errors = places.clean_row(row(telephone=written))
    assert errors == []
    assert values["phone"] == stored


@pytest.mark.parametrize("phone", ["12345", "+3312", "+44 20 7946 0958", "02 35 12 34", "appeler la mairie"])
def test_telephone_outside_the_schema_is_refused(phone):
    assert "+33" in errors_for(telephone=phone)["telephone"]


def test_display_phone_is_written_as_people_dial_it():
    assert places.display_phone("+33235123456") == "02 35 12 34 56"
    assert places.display_phone("+262262123456") == "02 62 12 34 56"
    assert places.display_phone("+687123456") == "+687123456"


def test_insee_code_and_pivot_patterns():
    assert errors_for(code_insee="2A004") == {}
    assert "code_insee" in errors_for(code_insee="20004")
    assert errors_for(pivot="W123456789") == {}
    assert places.clean_row(row(pivot="434 933 123 00029"))[0]["pivot"] == "43493312300029"
    assert "SIRET" in errors_for(pivot="1234")["pivot"]


def test_enum_values_tolerate_case_accents_and_the_long_forms_of_the_descriptions():
    values, errors = places.clean_row(
        row(
            services="aide aux demarches administratives|Comprehension du monde numérique",
            modalites_accompagnement="À distance (par téléphone ou en visioconférence)|Dans un atelier collectif : "
            "j'apprends collectivement à utiliser le numérique",
            formations_labels="Étapes numériques (La Poste)",
        )
    )
    assert errors == []
    assert values["services"] == ["Aide aux démarches administratives", "Compréhension du monde numérique"]
    assert values["accompaniment_modes"] == ["À distance", "Dans un atelier collectif"]
    assert values["labels"] == ["Étapes numériques(La Poste)"]


def test_unknown_enum_values_are_named_with_the_accepted_ones():
    message = errors_for(frais_a_charge="Gratuit|Prix libre")["frais_a_charge"]
    assert "« Prix libre »" in message
    assert "Gratuit sous condition" in message
    assert "itinerance" in errors_for(itinerance="Parfois")


def test_required_columns_types_and_lengths():
    errors = errors_for(
        nom="", commune=" ", date_maj="02/04/2024", latitude="nord", longitude="200", presentation_resume="x" * 281
    )
    assert errors["nom"] == "obligatoire, mais vide"
    assert errors["commune"] == "obligatoire, mais vide"
    assert "AAAA-MM-JJ" in errors["date_maj"]
    assert "nombre" in errors["latitude"]
    assert "limites" in errors["longitude"]
    assert "280" in errors["presentation_resume"]


def test_addresses_must_be_real_web_and_email_addresses():
    errors = errors_for(courriels="contact(at)exemple.fr", prise_rdv="javascript:alert(1)", site_web="pas un site")
    assert set(errors) == {"courriels", "prise_rdv", "site_web"}
    values, _errors = places.clean_row(row(site_web="www.exemple.fr"))
    assert values["websites"] == ["https://www.exemple.fr"]


def test_empty_optional_columns_and_missing_columns_are_empty_values():
    minimal = {column: example_row()[column] for column in places.REQUIRED_COLUMNS}
    values, errors = places.clean_row(minimal)
    assert errors == []
    assert values["services"] == []
    assert values["latitude"] is None
    assert values["phone"] == ""


# Opening hours ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("osm", "french"),
    [
        (
            "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
            "du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30 ; le samedi de 8 h 30 à 12 h",
        ),
        (
            "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off",
            "du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30 ; le samedi de 8 h 30 à 12 h ; "
            "fermé les jours fériés",
        ),
        ("Sa,Su 10:00-12:00", "le samedi et le dimanche de 10 h à 12 h"),
        ("Mo,We,Fr 14:00-17:00", "le lundi, le mercredi et le vendredi de 14 h à 17 h"),
        ("Mo-We,Fr 09:00-12:00", "du lundi au mercredi et le vendredi de 9 h à 12 h"),
        ("Sa-Su 10:00-12:00", "le samedi et le dimanche de 10 h à 12 h"),
        (
            "Tu 09:00-10:00,11:00-12:00,14:00-16:00",
            "le mardi de 9 h à 10 h, de 11 h à 12 h et de 14 h à 16 h",
        ),
        ("Mo-Su 09:00-18:00", "tous les jours de 9 h à 18 h"),
        ("09:00-18:00", "tous les jours de 9 h à 18 h"),
        ("24/7", "tous les jours, 24 h sur 24"),
        ("off", "fermé"),
        ("Su off", "fermé le dimanche"),
        ("Mo-Fr 20:00-24:00", "du lundi au vendredi de 20 h à minuit"),
        ("Mo-Fr 08:00-12:00, Sa 09:00-12:00", "du lundi au vendredi de 8 h à 12 h ; le samedi de 9 h à 12 h"),
        ('Th 14:00-17:00 "sur rendez-vous"', "le jeudi de 14 h à 17 h (sur rendez-vous)"),
        ("Mo-Fr 9:00 - 12:00 ;Sa 9:05-12:00;", "du lundi au vendredi de 9 h à 12 h ; le samedi de 9 h 05 à 12 h"),
    ],
)
def test_opening_hours_in_french(osm, french):
    assert places.opening_hours_fr(osm) == french


@pytest.mark.parametrize(
    "osm",
    [
        "Jan-Jun Mo-Fr 09:00-12:00",  # months
        "Mo-Fr",  # days alone mean « open around the clock »: rarely meant
        "Mo 25:00-26:00",
        "Mo-Fr 08:00-18:00 || PH off",
        "week 1-53/2 Fr 09:00-12:00",
        "SH off; Mo-Fr 10:00-12:00",
        "sunrise-sunset",
        "Ouvert le matin",
    ],
)
def test_unparseable_opening_hours_are_shown_as_written(osm):
    assert places.opening_hours_fr(osm) == osm


def test_times_are_kept_on_one_line():
    text = places.keep_times_together("de 9 h à 17 h 30 ; tous les jours, 24 h sur 24")
    assert text == "de 9\u00a0h à 17\u00a0h\u00a030 ; tous les jours, 24\u00a0h sur 24"


def test_no_opening_hours_gives_nothing():
    assert places.opening_hours_fr("") == ""
    assert places.opening_hours_fr(None) == ""


# The import command -------------------------------------------------------------------------------------------


def test_the_example_file_is_imported_and_a_second_run_updates_it():
    out, err = run_import(EXAMPLE)
    assert "1 lieu importé ou mis à jour, 0 ligne refusée." in out
    assert err == ""
    place = Place.objects.get()
    assert (place.source_id, place.name, place.city, place.postcode) == ("structure-1", "Anonymal", "Reims", "51100")
    assert place.services == [
        "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique",
        "Loisirs et créations numériques",
    ]
    assert place.service_keys == "|outils|emploi|loisirs|"
    assert place.other_labels == "Label et la bête"
    assert place.booking_url == "https://www.rdv-solidarites.fr/"

    out, _err = run_import(EXAMPLE)
    assert Place.objects.count() == 1
    assert "Nouveaux lieux : 0 ; lieux déjà connus, mis à jour : 1." in out


def test_every_valid_row_of_a_larger_file_is_imported_once(tmp_path):
    rows = [row(id=f"lieu-{n}", nom=f"Lieu {n}") for n in range(25)]
    target = write_csv(tmp_path, rows)
    out, _err = run_import(target)
    assert "25 lieux importés ou mis à jour, 0 ligne refusée." in out
    run_import(target)
    assert Place.objects.count() == 25

    rows[3]["nom"] = "Lieu trois, renommé"
    run_import(write_csv(tmp_path, rows, name="modifie.csv"))
    assert Place.objects.count() == 25
    assert Place.objects.get(source_id="lieu-3").name == "Lieu trois, renommé"


def test_invalid_rows_are_reported_with_their_line_and_columns_and_valid_rows_are_kept(tmp_path):
    rows = [
        row(id="bon-1"),  # line 2
        row(id="mauvais-1", code_postal="7600", telephone="12345"),  # line 3
        row(id="bon-2", presentation_detail="Sur deux\nlignes."),  # lines 4 and 5
        row(id="mauvais-2", nom=""),  # line 6
        row(id="bon-1", nom="Doublon"),  # line 7
        row(id="mauvais-3", services="Aide aux démarches administratives|Cours de cuisine"),  # line 8
    ]
    out, err = run_import(write_csv(tmp_path, rows))
    lines = err.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("Ligne 3 refusée (code_postal, telephone) : code_postal : « 7600 »")
    assert "telephone : « 12345 »" in lines[0]
    assert lines[1] == "Ligne 6 refusée (nom) : nom : obligatoire, mais vide"
    assert lines[2] == "Ligne 7 refusée (id) : id : « bon-1 » est déjà celui de la ligne 2"
    assert lines[3].startswith("Ligne 8 refusée (services) : services : valeur non prévue par le standard : « Cours")
    assert "2 lieux importés ou mis à jour, 4 lignes refusées." in out
    assert sorted(Place.objects.values_list("source_id", flat=True)) == ["bon-1", "bon-2"]
    assert Place.objects.get(source_id="bon-1").name == "Anonymal"


def test_a_row_with_the_wrong_number_of_cells_is_refused(tmp_path):
    target = tmp_path / "court.csv"
    target.write_text(EXAMPLE.read_text(encoding="utf-8").rstrip("\r\n") + '\n"trop-court","123"\n', encoding="utf-8")
    out, err = run_import(target)
    assert "Ligne 3 refusée (colonnes) : colonnes : 2 valeurs au lieu de 32" in err
    assert "1 lieu importé ou mis à jour, 1 ligne refusée." in out


def test_a_latin_1_file_is_refused_and_nothing_is_written(tmp_path):
    target = write_csv(tmp_path, [row(id="a"), row(id="b")], encoding="latin-1")
    with pytest.raises(CommandError) as refused:
        run_import(target)
    message = str(refused.value)
    assert "n'est pas encodé en UTF-8" in message
    assert "ligne 2" in message
    assert "Aucun lieu n'a été importé" in message
    assert Place.objects.count() == 0


def test_a_byte_order_mark_is_accepted(tmp_path):
    target = write_csv(tmp_path, [row()], encoding="utf-8-sig")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    out, _err = run_import(target)
    assert "1 lieu importé" in out


def test_a_file_with_the_wrong_columns_is_refused_and_nothing_is_written(tmp_path):
    columns = [column for column in places.COLUMNS if column not in ("code_postal", "date_maj")]
    target = write_csv(tmp_path, [row()], columns=columns)
    with pytest.raises(CommandError) as refused:
        run_import(target)
    message = str(refused.value)
    assert "colonnes obligatoires absentes : code_postal, date_maj" in message
    assert "Aucun lieu n'a été importé" in message
    assert Place.objects.count() == 0


def test_a_file_that_is_not_of_the_standard_is_refused(tmp_path):
    target = tmp_path / "autre.csv"
    target.write_text("Nom;Ville;Téléphone\nMédiathèque;Rouen;0235000000\n", encoding="utf-8")
    with pytest.raises(CommandError, match="colonnes obligatoires absentes : id, pivot, commune, code_postal"):
        run_import(target)
    assert Place.objects.count() == 0


def test_empty_and_missing_files_are_refused(tmp_path):
    empty = tmp_path / "vide.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="vide"):
        run_import(empty)
    with pytest.raises(CommandError, match="introuvable"):
        run_import(tmp_path / "absent.csv")


def test_semicolon_files_from_spreadsheets_and_unknown_columns(tmp_path):
    rows = [{**row(), "remarque": "à revoir"}]
    target = write_csv(tmp_path, rows, columns=[*places.COLUMNS, "remarque"], delimiter=";")
    out, err = run_import(target)
    assert "1 lieu importé" in out
    assert "Colonnes inconnues du standard, ignorées : remarque." in err
    assert Place.objects.get().opening_hours == "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"


def test_dry_run_writes_nothing(tmp_path):
    target = write_csv(tmp_path, [row(id="a"), row(id="b", code_postal="x")])
    out, err = run_import(target, "--dry-run")
    assert "Essai à blanc : 1 lieu valable, 1 ligne refusée. Rien n'a été enregistré." in out
    assert "Ligne 3 refusée (code_postal)" in err
    assert Place.objects.count() == 0


# Demo ---------------------------------------------------------------------------------------------------------


def test_demo_places_around_rouen_follow_the_standard_and_seed_once():
    seeded = seed_places()
    assert len(seeded) == len(DEMO_PLACES) >= 10
    seed_places()
    assert Place.objects.count() == len(DEMO_PLACES)
    cities = set(Place.objects.values_list("city", flat=True))
    assert {"Rouen", "Sotteville-lès-Rouen", "Le Petit-Quevilly", "Mont-Saint-Aignan", "Darnétal"} <= cities
    assert all(place.postcode.startswith("76") for place in seeded)
    offered = {value for place in seeded for value in place.services}
    assert offered == set(places.ENUMS["services"])
    for place in seeded:
        assert place.opening_hours_text != place.opening_hours, place.opening_hours
        assert place.phone.startswith("+332619"), place.phone  # ARCEP's numbers for fiction


# The page -----------------------------------------------------------------------------------------------------


@pytest.fixture
def directory(home_page):
    seed_places()
    return Place.objects.all()


def test_the_page_lists_places_in_plain_french(client, directory):
    response = client.get("/trouver-un-lieu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Trouver un lieu</h1>" in html
    assert "France Services de Rouen rive gauche" in html
    hours = (
        "Du lundi au vendredi de 9 h à 12 h 30 et de 13 h 30 à 17 h ; le samedi de 9 h à 12 h ; fermé les jours fériés"
    )
    assert places.keep_times_together(hours) in html  # « 12 h 30 » never breaks across two lines
    assert '<a href="tel:+33261910010">02 61 91 00 10</a>' in html
    assert "<li>Aide pour les démarches en ligne</li>" in html
    assert "Tarif :</span> gratuit sous conditions, payant" in html
    assert "Accompagnement :</span> seul à seul avec un aidant, en atelier, en petit groupe" in html
    assert "Maîtrise des outils numériques du quotidien" not in html  # the standard's words stay backstage
    assert "<script" not in html.split("</main>")[0]  # the list needs no script
    assert "tile.openstreetmap" not in html


def test_filter_by_service_offers_only_the_services_present(client, home_page):
    for source_id, services in [("a", "Aide aux démarches administratives"), ("b", "Loisirs et créations numériques")]:
        Place.upsert(places.clean_row(row(id=source_id, nom=f"Lieu {source_id.upper()}", services=services))[0])
    html = client.get("/trouver-un-lieu/").content.decode()
    assert '<option value="demarches">Aide pour les démarches en ligne</option>' in html
    assert '<option value="loisirs">' in html
    assert 'value="materiel"' not in html

    html = client.get("/trouver-un-lieu/", {"service": "demarches"}).content.decode()
    assert "Lieu A" in html
    assert "Lieu B" not in html
    assert '<option value="demarches" selected>' in html
    assert "1 lieu pour « Aide pour les démarches en ligne »" in html


def test_filter_by_city(client, directory):
    response = client.get("/trouver-un-lieu/", {"commune": "Darnétal"})
    html = response.content.decode()
    assert "CCAS de Darnétal" in html
    assert "Médiathèque des Tilleuls" not in html
    assert '<option value="Darnétal" selected>Darnétal</option>' in html
    assert '<label class="field__label" for="filtre-commune">Commune</label>' in html

    both = client.get("/trouver-un-lieu/", {"commune": "Rouen", "service": "materiel"}).content.decode()
    assert "Point Connexion Solidaire" in both
    assert "France Services de Rouen" not in both


def test_no_result_says_so_and_offers_every_place(client, directory):
    html = client.get("/trouver-un-lieu/", {"commune": "Maromme", "service": "materiel"}).content.decode()
    assert "Aucun lieu pour « Acheter un ordinateur ou un téléphone à petit prix » à Maromme" in html
    assert "Aucun lieu ne correspond à votre recherche." in html
    assert 'href="/trouver-un-lieu/">affichez tous les lieux</a>' in html


def test_an_empty_directory_and_unknown_filters(client, home_page):
    html = client.get("/trouver-un-lieu/", {"commune": "<b>Atlantide</b>", "service": "inconnu"}).content.decode()
    assert "Aucun lieu n'est encore enregistré." in html
    assert "Atlantide" not in html


def test_twenty_places_per_page_and_the_filters_follow_the_pages(client, home_page):
    for n in range(45):
        Place.upsert(places.clean_row(row(id=f"lieu-{n:02d}", nom=f"Lieu {n:02d}", commune="Rouen"))[0])
    first = client.get("/trouver-un-lieu/", {"commune": "Rouen"}).content.decode()
    assert first.count('class="place-card"') == 20
    assert "45 lieux à Rouen" in first
    assert "?commune=Rouen&amp;page=2" in first
    last = client.get("/trouver-un-lieu/", {"commune": "Rouen", "page": 3}).content.decode()
    assert last.count('class="place-card"') == 5
    assert client.get("/trouver-un-lieu/", {"page": "99"}).status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_query_budget_does_not_grow_with_the_number_of_places(client, home_page, django_assert_max_num_queries, count):
    for n in range(count):
        Place.upsert(
            places.clean_row(row(id=f"lieu-{n:02d}", nom=f"Lieu {n:02d}", commune=["Rouen", "Canteleu"][n % 2]))[0]
        )
    client.get("/trouver-un-lieu/")  # warm the footer's cache, as on a live site
    with django_assert_max_num_queries(10):
        assert client.get("/trouver-un-lieu/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/trouver-un-lieu/", {"service": "outils", "commune": "Rouen", "page": 2}).status_code == 200


# Admin --------------------------------------------------------------------------------------------------------


def test_places_are_edited_in_the_admin_with_the_standards_checks(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/snippets/cms/place/add/").status_code == 200
    data = {
        "name": "Médiathèque de test",
        "source_id": "admin-1",
        "pivot": "99900000100014",
        "typologies": "BIB",
        "address": "1 rue du Test",
        "address_complement": "",
        "postcode": "76000",
        "city": "Rouen",
        "insee_code": "76540",
        "latitude": "",
        "longitude": "",
        "phone": "02 61 91 00 00",
        "emails": "accueil@test.example\nautre@test.example",
        "websites": "",
        "booking_url": "",
        "opening_hours": "Mo-Fr 10:00-12:00",
        "summary": "",
        "description": "",
        "services": ["Accès internet et matériel informatique"],
        "costs": ["Gratuit"],
        "accompaniment_modes": ["En autonomie"],
        "other_labels": "",
        "source": "",
        "updated_on": "2026-09-01",
        "accessibility_sheet_url": "",
    }
    response = client.post("/admin/snippets/cms/place/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    place = Place.objects.get(source_id="admin-1")
    assert place.phone == "+33261910000"
    assert place.emails == ["accueil@test.example", "autre@test.example"]
    assert place.services == ["Accès internet et matériel informatique"]
    assert place.service_keys == "|acces|"
    assert place.typologies == ["BIB"]

    edit = client.get(f"/admin/snippets/cms/place/edit/{place.pk}/").content.decode()
    assert 'value="Accès internet et matériel informatique"' in edit
    assert "accueil@test.example\nautre@test.example" in edit

    response = client.post(
        "/admin/snippets/cms/place/add/", {**data, "source_id": "admin-2", "postcode": "760", "phone": "123"}
    )
    assert response.status_code == 200
    assert "5 chiffres" in response.content.decode()
    assert not Place.objects.filter(source_id="admin-2").exists()
