"""Signals other apps listen to. assessments never imports learning: learning subscribes to these."""

from django.dispatch import Signal

# Sent once per attempt, after the transaction that submitted it commits. Arguments: attempt, quiz.
attempt_submitted = Signal()
