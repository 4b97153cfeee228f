"""manage.py import_places FILE.csv [--dry-run]: places from a CSV file of the national standard for
digital-mediation places (LaMednum). See cms/places.py for the rules and cms/data/lamednum/ for the standard."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from cms import places as place_standard
from cms.models import Place


def plural(count, singular, plural_form):
    return f"{count} {singular if count < 2 else plural_form}"


class Command(BaseCommand):
    help = (
        "Importe des lieux (« Trouver un lieu ») depuis un fichier CSV au standard des lieux de médiation "
        "numérique. Un lieu déjà importé (même « id ») est mis à jour."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Fichier CSV, encodé en UTF-8")
        parser.add_argument("--dry-run", action="store_true", help="Vérifie le fichier sans rien enregistrer")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}. Aucun lieu n'a été importé.")
        try:
            parsed = place_standard.parse_csv(place_standard.decode(path.read_bytes()))
        except place_standard.FileRefused as error:
            raise CommandError(f"{path} : {error} Aucun lieu n'a été importé.") from None

        if parsed.ignored_columns:
            self.stderr.write(f"Colonnes inconnues du standard, ignorées : {', '.join(parsed.ignored_columns)}.")
        for line, errors in parsed.refused:
            columns = ", ".join(dict.fromkeys(error.column for error in errors))
            details = " — ".join(str(error) for error in errors)
            self.stderr.write(f"Ligne {line} refusée ({columns}) : {details}")

        valid, refused = len(parsed.valid), len(parsed.refused)
        refused_text = plural(refused, "ligne refusée", "lignes refusées")
        if options["dry_run"]:
            self.stdout.write(
                f"Essai à blanc : {plural(valid, 'lieu valable', 'lieux valables')}, {refused_text}. "
                "Rien n'a été enregistré."
            )
            return

        created = 0
        try:
            with transaction.atomic():
                for _line, values in parsed.valid:
                    _place, is_new = Place.upsert(values)
                    created += is_new
        except DatabaseError as error:
            raise CommandError(f"{path} : échec de l'enregistrement ({error}). Aucun lieu n'a été importé.") from None
        summary = f"{plural(valid, 'lieu importé', 'lieux importés')} ou mis à jour, {refused_text}"
        self.stdout.write(self.style.SUCCESS(f"{summary}."))
        self.stdout.write(f"Nouveaux lieux : {created} ; lieux déjà connus, mis à jour : {valid - created}.")
