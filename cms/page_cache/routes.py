"""Wagtail's routing and site lookup, kept as column values.

Routing a tutorial costs a query for the site and one or two per level of the page tree. The routed page and the
parents routing met (cms.models.TypedChildRoutingMixin) are kept under the page's address as rows: the content type
and the value of each concrete field, which Django's `Model.from_db` turns back into the pages without a query. The
site is kept the same way, per host. Rows, not pickled objects: nothing of an instance's state but its columns comes
back, and every key names the code's version (entries.code_version), so a release that changes a model never reads
rows written for the last one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS
from django.http import Http404

from wagtail.fields import StreamField
from wagtail.models import Page, Site

from cms.page_cache import entries


def to_row(instance):
    """(content type id, values of the concrete fields): what `from_row` needs to rebuild it."""
    values = []
    for field in instance._meta.concrete_fields:
        value = field.value_from_object(instance)
        if isinstance(field, StreamField):
            value = field.get_prep_value(value)  # the raw blocks, as stored
        values.append(value)
    return ContentType.objects.get_for_model(instance).pk, tuple(values)


def from_row(row):
    content_type_id, values = row
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or len(values) != len(model._meta.concrete_fields):
        return None
    return model.from_db(DEFAULT_DB_ALIAS, [field.attname for field in model._meta.concrete_fields], values)


def route_key(request, components):
    return "cms:route:" + entries.digest(request.get_host(), "/".join(components))


def site_key(request):
    return "cms:site:" + entries.digest(request.get_host(), request.get_port())


def _lengths(components):
    """The addresses a path may be routed from, longest first: the site's root only for the root itself."""
    return range(len(components), 0, -1) if components else [0]


def route_keys(request, components):
    """The keys of every address the path starts with, longest first."""
    return [route_key(request, components[:length]) for length in _lengths(components)]


def is_address_of(page, site, components):
    """Whether these components are the page's own address on the site."""
    if not components:
        return page.pk == site.root_page_id
    return page.url_path.endswith("/" + "/".join(components) + "/")


def kept_route(request, components, kept):
    """(page, remaining components, site) from the longest kept address the path starts with, or None."""
    for length in _lengths(components):
        entry = kept.get(route_key(request, components[:length]))
        if entry is None:
            continue
        site_row, chain = entry
        pages = [from_row(row) for row in chain]
        site = from_row(site_row)
        if site is None or any(page is None for page in pages):
            return None
        for parent, child in zip(pages, pages[1:], strict=False):
            child._cached_parent_obj = parent  # treebeard's get_parent() then needs no query
        return pages[-1], components[length:], site
    return None


def keep_route(request, components, page, site, kept, stamp):
    """After Wagtail routed the request: keep the page and the parents it met under the page's own address."""
    for length in _lengths(components):
        if is_address_of(page, site, components[:length]):
            key = route_key(request, components[:length])
            if key in kept:
                return
            chain = [page]
            while getattr(chain[0], "_cached_parent_obj", None) is not None:
                chain.insert(0, chain[0]._cached_parent_obj)
            entries.store(key, stamp, (to_row(site), [to_row(item) for item in chain]), entries.ROUTE_TIMEOUT)
            return


def route(request, path, kept_entries, stamp):
    """(page, args, kwargs, own_address, site): from the kept rows, else from Wagtail; the page is then kept under
    its own address (routing from a kept parent counts: the catalogue routes to a tutorial not kept yet).

    `own_address`: the path is the page's own address, not one of its sub-routes (RoutablePageMixin)."""
    components = [component for component in path.split("/") if component]
    found = kept_route(request, components, kept_entries)
    if found is not None:
        base, remaining, site = found
        try:
            page, args, kwargs = base.route(request, remaining)
        except Http404:
            found = None  # Wagtail routes it again, and answers the same
    if found is None:
        result = Page.route_for_request(request, path)
        if result is None:
            raise Http404
        page, args, kwargs = result
        site = Site.find_for_request(request)
    if site is None:
        return page, args, kwargs, False, None
    keep_route(request, components, page, site, kept_entries, stamp)
    return page, args, kwargs, is_address_of(page, site, components), site


def site_for_request(request):
    """Wagtail's Site.find_for_request, kept per host: the site lookup is otherwise a query on every page."""
    if hasattr(request, "_wagtail_site"):  # found already for this request (serve, or Wagtail itself)
        return request._wagtail_site
    entry, stamp = entries.fetch(site_key(request))
    site = from_row(entry) if entry is not None else None
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            entries.store(site_key(request), stamp, to_row(site), entries.ROUTE_TIMEOUT)
    request._wagtail_site = site
    return site
