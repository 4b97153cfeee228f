"""Build the demo site: page tree, structure, users and content, through the real models and services.

The demo package has one module per app with a `seed(ctx)` function; they run in the apps' layer order (accounts,
cms, assessments, learning with the follow-up), so a later one can use what an earlier one created. Running the
command twice gives the same result.
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

STEPS = ["demo.accounts", "demo.cms", "demo.assessments", "demo.learning"]


class SeedContext(dict):
    """What the apps' seed steps share: created objects, and the logins to print at the end."""

    def __init__(self, stdout):
        super().__init__()
        self.stdout = stdout
        self.logins = []

    def add_login(self, role, username, password, note=""):
        self.logins.append((role, username, password, note))


class Command(BaseCommand):
    help = "Crée (ou remet à jour) le contenu et les comptes de démonstration."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo crée des comptes aux mots de passe connus : il refuse de tourner quand DEBUG est "
                "désactivé. Lancez-le sur une installation de démonstration (make demo)."
            )
        ctx = SeedContext(self.stdout)
        with transaction.atomic():
            for step in STEPS:
                importlib.import_module(step).seed(ctx)
        self.stdout.write(self.style.SUCCESS("Démonstration prête."))
        self.print_logins(ctx.logins)

    def print_logins(self, logins):
        if not logins:
            return
        self.stdout.write("\nComptes de démonstration (mot de passe identique pour tous) :")
        width = max(len(username) for _role, username, _password, _note in logins)
        for role, username, password, note in logins:
            suffix = f"  ({note})" if note else ""
            self.stdout.write(f"  {username.ljust(width)}  {password}  — {role}{suffix}")
