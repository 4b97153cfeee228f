from django.core.management.base import BaseCommand
from django.utils import timezone

from privacy.tasks import DAILY_TASKS, book_next_run


class Command(BaseCommand):
    help = (
        "Programme les tâches quotidiennes (conservation des données) auprès du moteur de tâches. "
        "À lancer à chaque déploiement : une tâche déjà programmée ne l'est pas deux fois."
    )

    def handle(self, *args, **options):
        for daily_task in DAILY_TASKS:
            when = book_next_run(daily_task)
            name = daily_task.name
            if when is None:
                self.stdout.write(
                    f"{name} : rien à programmer (déjà en attente, ou moteur de tâches immédiat : utilisez cron)."
                )
            else:
                self.stdout.write(f"{name} : prochaine exécution le {timezone.localtime(when):%d/%m/%Y à %H:%M}.")
