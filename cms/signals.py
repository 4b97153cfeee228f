from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms import glossary
from cms.models import GlossaryTerm


@receiver([post_save, post_delete], sender=GlossaryTerm)
def glossary_changed(sender, **kwargs):
    glossary.bump_version()
