"""The error the formulas raise on inputs they cannot use.

:mod:`analysis` imports no Qt, so it cannot translate: an :class:`AnalysisError` carries a
``code`` naming the problem and the values involved as ``fields``; its text (``str()``) is an
English message for logs and tests. The jobs (:mod:`jobs.messages`) turn the code and the fields
into the translated message users read.
"""

from __future__ import annotations


class AnalysisError(ValueError):
    """Inputs a formula cannot use: ``code`` (e.g. ``"unknown_campaigns"``), ``fields`` (the
    values a message names), and an English message."""

    def __init__(self, code: str, message: str, **fields):
        super().__init__(message)
        self.code = code
        self.fields = fields


class Notice(str):
    """A warning or note of a formula: the English text (it is a ``str``), with a ``code`` and
    the ``fields`` it names, for the jobs to translate like an :class:`AnalysisError`."""

    code: str
    fields: dict

    def __new__(cls, code: str, message: str, **fields):
        notice = super().__new__(cls, message)
        notice.code = code
        notice.fields = fields
        return notice
