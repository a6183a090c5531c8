"""The `data` group: `data check` and `data update` / `data status`, each in its own module."""

from smartstore_help.cli import datacheck, dataupdate

__all__ = ["datacheck", "dataupdate"]
