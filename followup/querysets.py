"""The follow-up's queries: residents with their status for a structure, assignments still in force."""

import datetime

from django.apps import apps
from django.db import connections, models
from django.db.models import CharField, DateTimeField, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from accounts import perms
from accounts.models import UserQuerySet
from assessments.models import QuizAttempt
from followup.enums import FollowUpStatus
from learning.enums import ProgressStatus
from learning.models import ModuleProgress

INACTIVITY_DAYS = 14
WRONG_ANSWERS_FOR_HELP = 4

STATUS_ORDER = [
    FollowUpStatus.OVERDUE,
    FollowUpStatus.NEEDS_HELP,
    FollowUpStatus.IN_PROGRESS,
    FollowUpStatus.NOT_STARTED,
    FollowUpStatus.COMPLETED,
]


class AssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed_at__isnull=True)


class ResidentQuerySet(UserQuerySet):
    def visible_to(self, agent):
        return perms.residents_visible_to(agent, self)

    def search(self, query):
        query = (query or "").strip()[:100]
        if not query:
            return self
        return self.filter(
            Q(display_name__icontains=query)
            | Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )

    def with_follow_up(self, *, structures, today=None, value=True):
        """Annotate residents with `status_rank` (see STATUS_ORDER), `last_activity` and `follow_up` (a FollowUpStatus
        value; with `value=False` it is left out and `status_of_rank` gives it back for the rows shown), in SQL.

        Only the assignments of `structures` (the agent's) count: another structure's due dates never make a resident
        late in this structure's list.

        The rank is one CASE on three probes per resident, each through an index by resident: the resident's active
        assignments of these structures, each with its module's progress (overdue, quiet or still open, or every one
        done, as one number), a quiz failed lately with many wrong answers, and any module started. The value shown is
        a CASE on the rank (evaluated once). Nothing groups the residents, and the last activity is read from the
        (user, -last_activity_at) index: the cost follows the agent's residents, not the database.

        The SQL is written by hand (follow_up_sql) and given to the ORM as RawSQL: built from expressions, the two
        queries of a page of the list (the count and the rows) took 15 ms of CPU to build and compile. It names the
        residents' table: keep these annotations on a top-level query (not inside a `pk__in=` subquery).
        """
        sql = follow_up_sql(
            connections[self.db], self.model._meta.db_table, structures=structures, today=today or timezone.localdate()
        )
        residents = self.annotate(
            status_rank=RawSQL(*sql["rank"], output_field=IntegerField()),
            last_activity=RawSQL(*sql["last_activity"], output_field=DateTimeField()),
        )
        if value:
            residents = residents.annotate(follow_up=RawSQL(*sql["value"], output_field=CharField()))
        return residents


def follow_up_sql(connection, residents_table, *, structures, today):
    """{"rank", "value", "last_activity": (sql, params)}: the expressions of with_follow_up, for PostgreSQL and SQLite.

    Table and column names come from the models; the values are parameters, adapted as the ORM adapts them.
    """
    Assignment = apps.get_model("followup", "Assignment")
    quote = connection.ops.quote_name
    quiet_since = connection.ops.adapt_datetimefield_value(timezone.now() - datetime.timedelta(days=INACTIVITY_DAYS))
    structure_ids = [getattr(structure, "pk", structure) for structure in structures] or [None]

    def columns(model, alias):
        return lambda name: f"{alias}.{quote(model._meta.get_field(name).column)}"

    a, mp, q = columns(Assignment, "a"), columns(ModuleProgress, "mp"), columns(QuizAttempt, "q")
    resident = f"{quote(residents_table)}.{quote('id')}"
    assignment, progress = quote(Assignment._meta.db_table), quote(ModuleProgress._meta.db_table)
    attempt = quote(QuizAttempt._meta.db_table)
    # Per active assignment of the structures, with its module's progress: 0 overdue, 1 quiet (open, given
    # INACTIVITY_DAYS ago or more, nothing done in its module since), 2 open, 5 done. The lowest wins; NULL: none.
    assignments = (
        f"(SELECT MIN(CASE WHEN {mp('status')} = %s THEN 5 WHEN {a('due_date')} < %s THEN 0 "
        f"WHEN {a('created_at')} < %s AND ({mp('last_activity_at')} IS NULL OR {mp('last_activity_at')} < %s) "
        f"THEN 1 ELSE 2 END) FROM {assignment} a LEFT JOIN {progress} mp "
        f"ON {mp('user')} = {a('resident')} AND {mp('module')} = {a('module')} "
        f"WHERE {a('resident')} = {resident} AND {a('removed_at')} IS NULL "
        f"AND {a('structure')} IN ({', '.join(['%s'] * len(structure_ids))}))",
        [ProgressStatus.COMPLETED.value, connection.ops.adapt_datefield_value(today), quiet_since, quiet_since]
        + structure_ids,
    )
    # Scalar subqueries rather than EXISTS: PostgreSQL may hash a whole table for an EXISTS (a « hashed SubPlan »),
    # which costs as much as the table is large (0.3 s per page with 100,000 residents instead of a few ms).
    struggling = (
        f"(SELECT 1 FROM {attempt} q WHERE {q('user')} = {resident} AND {q('submitted_at')} IS NOT NULL "
        f"AND {q('passed')} = %s AND {q('wrong_count')} >= %s AND {q('submitted_at')} >= %s LIMIT 1) IS NOT NULL",
        [False, WRONG_ANSWERS_FOR_HELP, quiet_since],
    )
    started = (
        f"(SELECT 1 FROM {progress} mp WHERE {mp('user')} = {resident} AND {mp('status')} <> %s LIMIT 1) IS NOT NULL",
        [ProgressStatus.NOT_STARTED.value],
    )
    rank = {status: str(STATUS_ORDER.index(status)) for status in STATUS_ORDER}
    overdue, needs_help = rank[FollowUpStatus.OVERDUE], rank[FollowUpStatus.NEEDS_HELP]
    in_progress, not_started = rank[FollowUpStatus.IN_PROGRESS], rank[FollowUpStatus.NOT_STARTED]
    completed = rank[FollowUpStatus.COMPLETED]
    # A simple CASE evaluates its subject once, and only the branch taken: each probe runs when it decides.
    rank_sql = (
        f"(CASE {assignments[0]} WHEN 0 THEN {overdue} WHEN 1 THEN {needs_help} "
        f"WHEN 5 THEN (CASE WHEN {struggling[0]} THEN {needs_help} ELSE {completed} END) "
        f"ELSE (CASE WHEN {struggling[0]} THEN {needs_help} WHEN {started[0]} THEN {in_progress} "
        f"ELSE {not_started} END) END)"
    )
    rank_params = [*assignments[1], *struggling[1], *struggling[1], *started[1]]
    value_sql = f"(CASE {rank_sql} {' '.join(f'WHEN {index} THEN %s' for index in range(len(STATUS_ORDER)))} END)"
    last_activity = (
        f"(SELECT {mp('last_activity_at')} FROM {progress} mp WHERE {mp('user')} = {resident} "
        f"AND {mp('last_activity_at')} IS NOT NULL ORDER BY {mp('last_activity_at')} DESC LIMIT 1)"
    )
    return {
        "rank": (rank_sql, rank_params),
        "value": (value_sql, [*rank_params, *(status.value for status in STATUS_ORDER)]),
        "last_activity": (last_activity, []),
    }


def status_rank_of(status):
    return STATUS_ORDER.index(FollowUpStatus(status))


def status_of_rank(rank):
    return STATUS_ORDER[rank].value
