"""What renews the content version: pages, images, sites and their settings, view restrictions."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from cms.page_cache import restrictions
from cms.page_cache.entries import bump_content_version


def content_changed(sender, instance, signal, **kwargs):
    """Pages (saved, published, moved, deleted), images, sites and their settings, view restrictions changed."""
    if isinstance(instance, PageViewRestriction):
        restrictions.forget()
    elif signal is post_save and sender._meta.model_name.endswith("rendition"):
        return  # a rendition is made while a page renders; removed renditions (their files go) do count
    bump_content_version()


def connect_signals():
    """Called once the apps are ready. Only these models: a receiver for every model would cost every other
    deletion its fast path (Django loads rows one by one to send them the signal)."""
    image_model = get_image_model()
    watched = [model for model in apps.get_models() if issubclass(model, Page)]
    watched += [image_model, image_model.get_rendition_model(), Site, PageViewRestriction]
    watched += [apps.get_model("cms", "SiteSettings")]
    for model in watched:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page_cache_save_{model._meta.label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache_delete_{model._meta.label}")
