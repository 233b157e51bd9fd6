"""WCAG 2 contrast between colours measured in the browser, for the tests
that hold text to a contrast ratio (tests/browser/test_outputs_look.py,
tests/browser/test_notebook_pages.py)."""

from __future__ import annotations

import re


def channels(css: str) -> list[float]:
    """The red, green and blue (0-255) of a computed `rgb()`/`rgba()` colour."""
    return [float(value) for value in re.findall(r'[\d.]+', css)[:3]]


def luminance(rgb: list[float]) -> float:
    """WCAG relative luminance of an sRGB colour (0-255 channels)."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: list[float], b: list[float]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
