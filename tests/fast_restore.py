"""A faster « serialized rollback » for the transactional tests (browser journeys, real concurrency).

After each such test Django empties every table, then puts back the database's initial contents (what the
migrations wrote: content types, permissions, groups, workflows, the CRCN competences, the root page…) by saving
the ~500 objects one by one, two queries each. Here the same objects go back with one INSERT per model
(`bulk_create`), and the many-to-many rows likewise; models inherited from another table (Wagtail's tasks, for
instance) are still saved one by one, since `bulk_create` cannot write them. Same contents, same primary keys, the
same constraint check at the end, in a few dozen queries instead of a thousand.
"""

from io import StringIO

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection
from django.db.backends.base.creation import BaseDatabaseCreation
from django.db.transaction import atomic


def _bulk_deserialize(self, data):
    alias = self.connection.alias
    by_model, one_by_one, relations, table_names = {}, [], [], set()
    with atomic(using=alias):
        with self.connection.constraint_checks_disabled():
            for deserialized in serializers.deserialize("json", StringIO(data), using=alias):
                instance = deserialized.object
                model = type(instance)
                table_names.add(model._meta.db_table)
                if model._meta.parents or deserialized.deferred_fields:
                    one_by_one.append(deserialized)
                    continue
                by_model.setdefault(model, []).append(deserialized)
            for model, group in by_model.items():
                manager = model._base_manager.using(alias)
                # Before the first test nothing was emptied yet: rows already there are updated, as Django does.
                present = set(manager.filter(pk__in=[item.object.pk for item in group]).values_list("pk", flat=True))
                one_by_one.extend(item for item in group if item.object.pk in present)
                missing = [item for item in group if item.object.pk not in present]
                manager.bulk_create([item.object for item in missing])
                relations.extend((item.object, item.m2m_data) for item in missing if item.m2m_data)
            for deserialized in one_by_one:
                deserialized.save()
            _add_relations(alias, relations, table_names)
        self.connection.check_constraints(table_names=table_names)


def _add_relations(alias, relations, table_names):
    rows = {}
    for instance, m2m_data in relations:
        for name, targets in m2m_data.items():
            field = instance._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_column_name(), field.m2m_reverse_name()
            rows.setdefault(through, []).extend(through(**{source: instance.pk, target: pk}) for pk in targets)
    for through, objects in rows.items():
        table_names.add(through._meta.db_table)
        through._base_manager.using(alias).bulk_create(objects)


def install():
    BaseDatabaseCreation.deserialize_db_from_string = _bulk_deserialize


_demo = {}


def demo_snapshot(*, seed):
    """Inside the caller's transaction: the demo's rows, seeded by `seed()` the first time in this process and kept
    as a snapshot, put back (every table emptied, then the snapshot loaded) the next times.

    Content types, permissions, pages, revisions, search and reference index rows all come back with their primary
    keys; the sequences then move past them (PostgreSQL), so what a test creates gets new keys. The demo's image
    files stay where the first seed wrote them (the default MEDIA_ROOT of the test settings).
    """
    snapshot = _demo.get(connection.alias)
    if snapshot is None:
        seed()
        _demo[connection.alias] = connection.creation.serialize_db_to_string()
        return
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(sql)
    connection.creation.deserialize_db_from_string(snapshot)
    models = [model for model in _models() if model._meta.managed and not model._meta.proxy]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def _models():
    return apps.get_models(include_auto_created=True)
