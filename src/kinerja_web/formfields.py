"""Form fields that read numbers as the user wrote them in their language, or say clearly why not.

Indonesian writes ``1.234.567,5`` (dot groups thousands, comma marks decimals); English
``1,234,567.5``. Django's ``localize=True`` fields drop thousand separators wherever they stand,
so ``1,5`` typed in English would silently become 15. These fields accept only:

- plain digits with an optional decimal mark of the active language: ``1234567``, ``1234567,5`` (id);
- digits grouped by threes with the active language's separator: ``1.234.567`` (id), ``1,234,567`` (en);
- a whole number grouped with the *other* language's separator in two or more places
  (``1,234,567`` typed while Indonesian is active): it cannot be read any other way.

Anything else (``1.23.4``, letters; for whole Rupiah also ``1,5`` and the ambiguous ``1,000``
typed in Indonesian) is a field error that shows the expected form; ``1.234.567,00`` is fine.
A leading ``Rp``/``Rp.`` and spaces are ignored.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

_SEPARATORS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal mark)
_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)


def _separators(language: str | None) -> tuple[str, str]:
    code = (language or "id").split("-")[0].lower()
    return _SEPARATORS.get(code, _SEPARATORS["en"])


def _pattern(group: str, mark: str) -> re.Pattern[str]:
    g, m = re.escape(group), re.escape(mark)
    return re.compile(rf"^(?P<sign>-?)(?P<whole>\d+|\d{{1,3}}(?:{g}\d{{3}})+)(?:{m}(?P<fraction>\d+))?$")


def parse_localized_number(text: str, language: str | None = None) -> Decimal:
    """``text`` as a number written in ``language`` (default: the active one), or ``ValueError``.

    >>> parse_localized_number("1.234.567,5", "id")
    Decimal('1234567.5')
    >>> parse_localized_number("1,234,567", "id")  # grouped twice: a whole number in any language
    Decimal('1234567')
    """
    return _parse(text, language)[0]


def _parse(text: str, language: str | None) -> tuple[Decimal, str]:
    """The number and the digits written after its decimal mark (``""`` when none)."""
    cleaned = _RP.sub("", text.strip()).replace("\u00a0", " ").replace("\u202f", " ").replace(" ", "")
    group, mark = _separators(language or get_language())
    match = _pattern(group, mark).match(cleaned)
    if match is None:
        # The other convention, only when it cannot be misread: a whole number grouped at least twice.
        other = re.compile(rf"^(?P<sign>-?)(?P<whole>\d{{1,3}}(?:{re.escape(mark)}\d{{3}}){{2,}})$")
        match = other.match(cleaned)
        if match is None:
            raise ValueError(text)
        group = mark
    digits = match["whole"].replace(group, "")
    fraction = match.groupdict().get("fraction") or ""
    try:
        return Decimal(f"{match['sign']}{digits}{'.' + fraction if fraction else ''}"), fraction
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        raise ValueError(text) from None


def _example(language: str | None, *, fraction: bool) -> str:
    group, mark = _separators(language or get_language())
    return f"1{group}234{group}567" + (f"{mark}5" if fraction else "")


class LocalizedDecimalField(forms.DecimalField):
    """A decimal number typed in the user's language (``1.234,5`` in Indonesian)."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("localize", None)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs["inputmode"] = "decimal"
        return attrs

    def to_python(self, value: Any) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, (int, Decimal)):
            return Decimal(value)
        try:
            return parse_localized_number(str(value))
        except ValueError:
            raise ValidationError(
                _("Enter a number such as %(example)s."),
                code="invalid",
                params={"example": _example(None, fraction=True)},
            ) from None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return formats.number_format(value, use_l10n=True, force_grouping=True)
        return value


class RupiahField(forms.Field):
    """Whole Rupiah typed in the user's language: ``1.234.567`` (id), ``1,234,567`` (en) or ``1234567``.

    Cleans to an ``int``. ``min_value`` defaults to 0.
    """

    widget = forms.TextInput
    default_error_messages: ClassVar[dict[str, Any]] = {
        "invalid": _("Enter whole Rupiah, such as %(example)s."),
        "fraction": _("Rupiah here are whole: leave out the part after the decimal mark."),
    }

    def __init__(self, *, min_value: int | None = 0, max_value: int | None = None, **kwargs: Any) -> None:
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)
        if min_value is not None:
            self.validators.append(MinValueValidator(min_value))
        if max_value is not None:
            from django.core.validators import MaxValueValidator

            self.validators.append(MaxValueValidator(max_value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        return attrs

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        invalid = ValidationError(
            self.error_messages["invalid"],
            code="invalid",
            params={"example": "Rp " + _example(None, fraction=False)},
        )
        try:
            number, fraction = _parse(str(value), None)
        except ValueError:
            raise invalid from None
        if fraction.strip("0"):
            raise ValidationError(self.error_messages["fraction"], code="fraction")
        if len(fraction) > 2:
            # "1,000" in Indonesian: one rupiah with three decimals, or an English thousand? Ask.
            raise invalid
        return int(number)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return formats.number_format(value, use_l10n=True, force_grouping=True)
        return value
