"""Wagtail admin hooks of the cms app."""

from django.contrib import messages
from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.shortcuts import redirect

from wagtail import hooks


@hooks.register("before_delete_snippet")
def refuse_deleting_what_is_still_used(request, instances):
    """Wagtail blocks a deletion only for the uses its reference index knows; the database knows them all (the
    competences of a domain loaded by a migration, a procedure in agents' autonomy records). Without this check,
    confirming such a deletion ends in a server error: the confirmation page comes back with a message instead."""
    if request.method != "POST" or not instances:
        return None
    collector = Collector(using=router.db_for_write(type(instances[0])))
    try:
        collector.collect(list(instances))
    except (ProtectedError, RestrictedError):
        if len(instances) == 1:
            message = f"« {instances[0]} » est encore utilisé ailleurs : il ne peut pas être supprimé."
        else:
            message = "Certains de ces éléments sont encore utilisés ailleurs : rien n'a été supprimé."
        messages.error(request, message)
        return redirect(request.get_full_path())
    return None
