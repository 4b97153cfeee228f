from django.core.management.base import BaseCommand

from accounts import mail


class Command(BaseCommand):
    help = "Envoie les courriels en attente (après une panne du serveur de messagerie) ; à lancer toutes les minutes."

    def handle(self, *args, **options):
        sent, waiting = mail.send_pending()
        self.stdout.write(f"{sent} courriel(s) envoyé(s), {waiting} encore en attente.")
