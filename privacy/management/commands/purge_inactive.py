from django.conf import settings
from django.core.management.base import BaseCommand

from privacy import retention


class Command(BaseCommand):
    help = (
        "Rend anonymes les comptes d'habitants sans connexion depuis RESIDENT_INACTIVITY_MONTHS mois, après un "
        "avertissement par courriel RESIDENT_INACTIVITY_WARNING_DAYS jours avant quand une adresse existe."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Compter seulement : n'envoyer aucun courriel, ne rien modifier."
        )

    def handle(self, *args, dry_run=False, **options):
        outcome = retention.run(dry_run=dry_run)
        prefix = "Simulation : " if dry_run else ""
        self.stdout.write(
            f"{prefix}{outcome.warned} avertissement(s) envoyé(s), {outcome.anonymised} compte(s) rendu(s) anonyme(s) "
            f"(limite : {settings.RESIDENT_INACTIVITY_MONTHS} mois sans connexion)."
        )
        if outcome.warning_failed:
            self.stderr.write(
                f"{outcome.warning_failed} avertissement(s) n'ont pas pu partir (serveur de courriel) : "
                "ils seront retentés demain."
            )
