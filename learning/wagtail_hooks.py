"""Hooks through which learning adds to pages of the apps below it."""

from wagtail import hooks

from learning.services import path_overview


@hooks.register("home_page_welcome")
def home_page_welcome(user):
    """A signed-in person's welcome on the home page: « Reprendre » and up to three modules to do."""
    overview = path_overview(user)
    return {
        "resume": overview["resume"],
        "assignments": overview["assignments"][:3],
        "more_assignments": max(0, len(overview["assignments"]) - 3),
    }
