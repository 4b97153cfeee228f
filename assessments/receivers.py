from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from assessments.diagnostic import attach_pending_results


@receiver(user_logged_in)
def keep_diagnostic_results(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        attach_pending_results(user=user, session=request.session)
