"""The interface languages: tiny on purpose, because it is read before the tray icon shows."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("system", "nl", "en")  # the `language` setting: follow the desktop, or one of ours
DEFAULT_LANGUAGE = "system"


def parse_language(value: Any) -> str:
    """The `language` setting's value; ValueError with a readable reason otherwise."""
    if not isinstance(value, str) or value.lower() not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}; choose one of {', '.join(LANGUAGES)}")
    return value.lower()
