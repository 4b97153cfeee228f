"""The bulk restore of the initial contents (tests/fast_restore.py) puts back exactly what Django's own would."""

import json

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def canonical(data):
    return sorted(json.dumps(item, sort_keys=True) for item in json.loads(data))


def test_the_restored_database_holds_the_initial_contents_again():
    initial = connection._test_serialized_contents
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    assert not Group.objects.exists()
    connection.creation.deserialize_db_from_string(initial)
    assert canonical(connection.creation.serialize_db_to_string()) == canonical(initial)
    assert Group.objects.get(name="Formateurs").permissions.exists()
