"""Fill the database with load data for the scale benchmark: `manage.py generate_load_data --residents 100000`.

Needs the published catalogue of `seed_demo`. Refuses when load data already exists, unless `--reset` replaces it.
See learning/loaddata.py for what is created, and docs/benchmarks.md for how `make bench` uses it.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import loaddata

MAX_RESIDENTS = 2_000_000


class Command(BaseCommand):
    help = (
        "Crée des données de charge (structures, agents, personnes accompagnées, ateliers, progression, quiz, "
        "« Faire le point ») pour mesurer les performances. Nécessite le contenu de démonstration (seed_demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--residents", type=int, required=True, help="Nombre de personnes accompagnées.")
        parser.add_argument(
            "--per-structure",
            type=int,
            default=loaddata.RESIDENTS_PER_STRUCTURE,
            help=f"Personnes par structure (défaut : {loaddata.RESIDENTS_PER_STRUCTURE}).",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Graine du tirage aléatoire (défaut : 2026).")
        parser.add_argument("--reset", action="store_true", help="Supprime d'abord les données de charge existantes.")
        parser.add_argument(
            "--password",
            default="",
            help="Mot de passe commun à tous les comptes générés (par défaut : aucun, connexion impossible).",
        )

    def handle(self, *args, residents, per_structure, seed, reset, password, **options):
        if not settings.DEBUG:
            raise CommandError(
                "generate_load_data crée des milliers de comptes fictifs : il refuse de tourner quand DEBUG est "
                "désactivé. Lancez-le sur une base de mesure (make bench) avec DJANGO_DEBUG=true."
            )
        if not 1 <= residents <= MAX_RESIDENTS:
            raise CommandError(f"--residents doit être compris entre 1 et {MAX_RESIDENTS:,} (reçu : {residents}).")
        if not 10 <= per_structure <= 100_000:
            raise CommandError(f"--per-structure doit être compris entre 10 et 100 000 (reçu : {per_structure}).")
        existing = loaddata.existing_counts()
        if existing["residents"] or existing["structures"]:
            if not reset:
                raise CommandError(
                    f"Des données de charge existent déjà ({existing['residents']} personnes, "
                    f"{existing['structures']} structures « {loaddata.STRUCTURE_PREFIX.strip()} … »). "
                    "Relancez avec --reset pour les remplacer."
                )
            self.stdout.write("Suppression des données de charge existantes…")
            loaddata.reset(log=self.stdout.write)
        started = time.monotonic()
        self.stdout.write(f"Génération de {residents} personnes accompagnées ({per_structure} par structure)…")
        try:
            counts = loaddata.generate(
                residents=residents,
                per_structure=per_structure,
                seed=seed,
                password=password or None,
                log=self.stdout.write,
            )
        except loaddata.LoadDataError as error:
            raise CommandError(str(error)) from None
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Données de charge créées en {elapsed:.1f} s :"))
        for name, count in counts.items():
            self.stdout.write(f"  {name:<20} {count:>9}")
