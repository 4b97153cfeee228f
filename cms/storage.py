"""The default storage of uploads on the server's disk (STORAGES["default"]).

Kept apart from cms/uploads.py: Django loads the storage while the models are still being imported, before Wagtail's
forms can be.
"""

import contextlib
import os
import posixpath
import uuid

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    """FileSystemStorage that never leaves a truncated file: the content goes to a hidden name of its own
    (« .partial-<uuid> » beside the target), removed if anything fails, and is linked to its real name once
    complete. Django's storage leaves whatever it had written when the disk fills up mid-file."""

    def _save(self, name, content):
        partial = posixpath.join(posixpath.dirname(name), f".partial-{uuid.uuid4().hex}")
        try:
            super()._save(partial, content)  # a fresh name: never renamed by Django's retry on an existing file
            while True:
                if self._allow_overwrite:
                    os.replace(self.path(partial), self.path(name))
                    break
                try:
                    os.link(self.path(partial), self.path(name))  # fails on an existing file, unlike a rename
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.path(partial))
        return str(name).replace("\\", "/")
