"""Answers every app's views share."""

from django.shortcuts import render


def bad_request(request, message):
    """The 400 page, saying in plain French what was wrong with what was sent."""
    return render(request, "400.html", {"message": message}, status=400)
