"""Errors a user can act on. The CLI prints them on one line and exits with their status.

Exit statuses (documented in the README):
  1  the run failed for another reason (e.g. an output could not be written)
  2  bad input: an unreadable article, a bad option, a corrupt or truncated data file
  3  the gazetteer database is missing, corrupt or from an incompatible build
  130, 143  interrupted (Ctrl-C), terminated (SIGTERM): set by geo.cli.main, not by an error class
"""
from __future__ import annotations


class GeoError(Exception):
    """An error with a one-line message meant for the user."""

    exit_code = 1


class InputError(GeoError):
    """An input file or option the run cannot use."""

    exit_code = 2


class DataError(InputError):
    """An upstream data file (GeoNames, Natural Earth) that is missing, corrupt or malformed."""


class GazetteerError(GeoError):
    """The gazetteer database cannot be opened or is not a complete build."""

    exit_code = 3
