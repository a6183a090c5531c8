"""Copying the inquiry text, through pyperclip: the Win32 clipboard API on Windows (Unicode, so
Hangul arrives intact whatever the console code page), pbcopy on macOS, wl-copy, xclip or xsel
on Linux."""

from __future__ import annotations

import os
import sys


def copy(text: str) -> str | None:
    """None when copied; otherwise why not, as an i18n key (`clipboard.no_display`, …)."""
    import pyperclip

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return "clipboard.no_display"
    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        return "clipboard.no_tool"
    except Exception:  # a clipboard tool that crashed or hung up: the text is still on screen
        return "clipboard.failed"
    return None
