from django.db import transaction

import pytest

from tests.security import sweep


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """sweep.build_world(), built once per module inside a transaction rolled back after the module's tests.

    Each test runs in its own savepoint inside it (pytest-django's `db`), and the sweeps undo every request too.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield sweep.build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
