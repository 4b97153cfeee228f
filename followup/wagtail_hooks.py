"""Hooks through which the follow-up adds to pages of the apps below it."""

from wagtail import hooks

from followup.services import path


@hooks.register("home_page_welcome")
def home_page_welcome(user):
    """A signed-in person's welcome on the home page: « Reprendre » and up to three modules to do."""
    overview = path.overview(user)
    return {
        "resume": overview["resume"],
        "assignments": overview["assignments"][:3],
        "more_assignments": max(0, len(overview["assignments"]) - 3),
    }
