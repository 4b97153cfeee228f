"""Daily maintenance as background tasks: retention of inactive residents and of the audit journal.

They use Django's built-in task framework on the "maintenance" backend (config/settings/base.py says why). Each task,
when it runs, first books its own next run (the next MAINTENANCE_HOUR, local time) with the task backend, so that one
`manage.py schedule_maintenance` at deployment keeps them going for as long as `manage.py db_worker --backend
maintenance` runs.
Backends that cannot defer a task (the immediate backend of development and tests) schedule nothing: there, run the
commands `purge_inactive` and `purge_audit` from cron instead (docs/deploy.md).
"""

import datetime
import logging

from django.conf import settings
from django.tasks import TaskResultStatus, task, task_backends
from django.utils import timezone

from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from followup import audit
from privacy import retention

logger = logging.getLogger(__name__)

BACKEND = "maintenance"  # see TASKS in config/settings/base.py


def next_run(now, *, hour=None):
    """The next time it is `hour` o'clock (local time) strictly after `now`."""
    hour = settings.MAINTENANCE_HOUR if hour is None else hour
    local = timezone.localtime(now)
    candidate = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if candidate <= local:
        candidate = timezone.make_aware(
            datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time(hour))
        )
    return candidate


def _is_booked(daily_task, backend):
    """A run of this task is already waiting (only the database backend can tell)."""
    if not isinstance(backend, DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        task_path=daily_task.module_path, status=TaskResultStatus.READY, backend_name=backend.alias
    ).exists()


def book_next_run(daily_task, *, now=None):
    """Enqueue the task's next daily run unless one is waiting; returns the time booked, or None."""
    backend = task_backends[daily_task.backend]
    if not backend.supports_defer or _is_booked(daily_task, backend):
        return None
    when = next_run(now or timezone.now())
    daily_task.using(run_after=when).enqueue()
    return when


@task(backend=BACKEND)
def purge_inactive_residents():
    book_next_run(purge_inactive_residents)
    outcome = retention.run()
    logger.info(
        "Retention: %s warned, %s warnings failed, %s anonymised.",
        outcome.warned,
        outcome.warning_failed,
        outcome.anonymised,
    )
    return {"warned": outcome.warned, "warning_failed": outcome.warning_failed, "anonymised": outcome.anonymised}


@task(backend=BACKEND)
def purge_audit_journal():
    book_next_run(purge_audit_journal)
    return {"deleted": audit.purge()}


DAILY_TASKS = [purge_inactive_residents, purge_audit_journal]
