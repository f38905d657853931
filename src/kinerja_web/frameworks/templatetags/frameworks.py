"""``{% load frameworks %}``: weights (fractions) as percentages, consistency ratios, judgment values.

Rounding happens here, for display only (through ``kinerja.formatting``).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from kinerja.formatting import format_number, format_percent
from kinerja_web.frameworks.judgments import saaty_text
from kinerja_web.frameworks.models import Method, RiTable
from kinerja_web.programs.templatetags.kinerja import _locale

register = template.Library()


@register.filter
def share(value: Any, places: int = 2) -> str:
    """A weight 0..1 as a percentage: ``0.15`` -> ``15,00 %``."""
    if value is None or value == "":
        return "–"
    return format_percent(float(value) * 100.0, int(places), _locale())


@register.filter
def ratio(value: Any, places: int = 3) -> str:
    """A CR, lambda_max or S*: ``0.0795`` -> ``0,080``."""
    if value is None or value == "":
        return "–"
    return format_number(float(value), int(places), _locale())


@register.filter
def judgment(value: Any) -> str:
    """A judgment value as Saaty writes it: ``0.5`` -> ``1/2``."""
    if value is None:
        return "–"
    return saaty_text(float(value))


@register.filter
def bar(value: Any) -> str:
    """A weight 0..1 as a CSS width (``37.5%``), unlocalized."""
    try:
        return f"{max(0.0, min(1.0, float(value))) * 100:.2f}%"
    except (TypeError, ValueError):
        return "0%"


#: How a result's method choices are named on the pages (codes of ``kinerja.ahp``).
AHP_LABELS: dict[str, Any] = {
    "fixed": _("one limit for every size"),
    "saaty-n": _("Saaty's limits by size (0.05 at n = 3, 0.08 at n = 4, 0.10 above)"),
    "eigenvalue": _("the principal eigenvalue"),
    "mean-ratio": _("mean of (Aw)ᵢ / wᵢ"),
    "column-sums": _("sum of column sums × weights"),
    "harker": _("Harker's method (missing judgments estimated from the others)"),
    "llsm": _("log least squares (missing judgments left out)"),
    **dict(Method.choices),
    **{key: label for key, label in RiTable.choices if key != RiTable.CUSTOM},
    RiTable.CUSTOM.value: _("the framework's own table"),
}


@register.filter
def ahp_label(code: Any) -> str:
    """A priority method, RI table, threshold rule, lambda_max formula or gap method in words."""
    return str(AHP_LABELS.get(str(code), code))
