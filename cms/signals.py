from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from cms import glossary
from cms.models import GlossaryTerm, SiteSettings, forget_footer


@receiver([post_save, post_delete], sender=GlossaryTerm)
def glossary_changed(sender, **kwargs):
    glossary.bump_version()


@receiver(post_save, sender=SiteSettings)
@receiver(page_published)
@receiver(page_unpublished)
def footer_changed(sender, **kwargs):
    forget_footer()
