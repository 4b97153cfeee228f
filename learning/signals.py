from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from assessments.signals import attempt_submitted
from learning import services
from learning.models import ModuleIndexPage, TutorialPage

CATALOGUE_URL_KEY = "nav:catalogue-url"


@receiver(user_logged_in)
def merge_anonymous_progress(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        services.merge_session_progress(user=user, session=request.session)


@receiver(page_published, sender=TutorialPage)
@receiver(page_unpublished, sender=TutorialPage)
def tutorial_edited(sender, instance, **kwargs):
    services.refresh_after_edit(instance)


@receiver(page_published, sender=ModuleIndexPage)
@receiver(page_unpublished, sender=ModuleIndexPage)
def catalogue_moved(sender, instance, **kwargs):
    cache.delete(CATALOGUE_URL_KEY)


@receiver(attempt_submitted)
def quiz_submitted(sender, attempt, quiz, **kwargs):
    """A passed quiz counts as done in its module's progress."""
    if attempt.passed:
        services.record_page_completed(user=attempt.user, page=quiz)
