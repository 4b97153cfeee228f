from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments import gift_import
from assessments.gift_import import MAX_BYTES


class Command(BaseCommand):
    help = "Importe un fichier GIFT (format texte de Moodle) dans un nouveau quiz en brouillon, sous un module."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Fichier .gift (UTF-8, 1 Mo au plus)")
        parser.add_argument("--module", required=True, help="Slug ou numéro du module qui recevra le quiz")
        parser.add_argument("--title", default="", help="Titre du quiz (par défaut : le nom du fichier)")
        parser.add_argument("--dry-run", action="store_true", help="Analyse le fichier sans rien créer")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path} dépasse 1 Mo : découpez-le en plusieurs fichiers.")
        title = options["title"] or path.stem.replace("-", " ").replace(".gift", "").capitalize()
        try:
            module = gift_import.find_module(options["module"])
            parsed = gift_import.preview(path.read_bytes(), title=title)
        except gift_import.ImportRefused as error:
            raise CommandError(f"{path} : {error}") from None
        for issue in parsed.warnings:
            self.stderr.write(f"Attention, ligne {issue.line} ({issue.name}) : {issue.message}")
        for issue in parsed.unsupported:
            self.stderr.write(f"Non importée, ligne {issue.line} ({issue.name}) : {issue.message}")
        summary = f"{len(parsed.questions)} question(s) lisible(s), {len(parsed.unsupported)} non prise(s) en charge."
        if options["dry_run"]:
            self.stdout.write(f"Essai à blanc : {summary} Rien n'a été créé.")
            return
        quiz = gift_import.create_draft_quiz(module=module, parsed=parsed)
        self.stdout.write(self.style.SUCCESS(f"Quiz « {quiz.title} » créé en brouillon (n° {quiz.pk}) : {summary}"))
