"""CachedPageMixin: what a page class adds to be served whole from the cache."""

from cms.page_cache.restrictions import ViewRestrictionShortcutMixin


class CachedPageMixin(ViewRestrictionShortcutMixin):
    """The page's own address, on a plain GET, is kept whole as HTML (cms.page_cache.serve).

    One entry per address, kind of visitor (anonymous, resident, agent: the menu differs) and whatever
    `page_cache_variant` returns; the visitor's own parts (CSRF token, name, idle time left) are markers filled in
    for each response (cms.page_cache.markers). Sub-routes (a form's action, a printed version) are never kept.
    The page's templates must read nothing else of the person than what the key names: see
    tests/learning/test_tutorial_personal_parts.py for the check a page adds when it opts in.
    """

    def page_cache_variant(self, request):
        """What, besides the kind of visitor, makes the page differ between visitors: a tuple of plain values
        (a tutorial: the steps done); None when the page must be rendered for this request and not kept."""
        return ()
