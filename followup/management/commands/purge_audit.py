from django.core.management.base import BaseCommand

from followup import audit


class Command(BaseCommand):
    help = "Efface les entrées du journal des actions plus anciennes que la durée de conservation (12 mois)."

    def handle(self, *args, **options):
        deleted = audit.purge()
        self.stdout.write(f"{deleted} entrée(s) du journal effacée(s).")
