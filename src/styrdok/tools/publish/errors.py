"""The failures of publishing, shared by the build and the manifest."""

from __future__ import annotations


class PublishError(Exception):
    """A failure with a Swedish message for the user; the published site is untouched."""


class UsageError(PublishError):
    """Wrong arguments or environment (exit status 2)."""
