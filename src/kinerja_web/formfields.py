"""Form fields that read numbers as the user wrote them in their language, or say clearly why not.

Indonesian writes ``1.234.567,5`` (dot groups thousands, comma marks decimals); English
``1,234,567.5``. Django's ``localize=True`` fields drop thousand separators wherever they stand,
so ``1,5`` typed in English would silently become 15. These fields accept only:

- plain digits with an optional decimal mark of the active language: ``1234567``, ``1234567,5`` (id);
- digits grouped by threes with the active language's separator: ``1.234.567`` (id), ``1,234,567`` (en);
- a whole number grouped with the *other* language's separator in two or more places
  (``1,234,567`` typed while Indonesian is active): it cannot be read any other way;
- in Indonesian, one dot followed by one or two digits (``8.5`` or ``8.25`` hours, as a phone's
  number pad offers only the dot): a thousands separator is always followed by three digits,
  so this cannot be a thousand; ``8.500`` stays eight thousand five hundred. English keeps
  refusing ``1,5`` (which could be 15 or 1.5).

Anything else (``1.23.4``, letters; for whole Rupiah also ``1,5`` and the ambiguous ``1,000``
typed in Indonesian) is a field error that shows the expected form; ``1.234.567,00`` is fine.
A leading ``Rp``/``Rp.`` and spaces are ignored.

Limits every form applies, in one place (the README's "Limits" lists them):

- digits are 0-9 only: Arabic-Indic, full-width and other Unicode digits are refused with a
  message rather than read (``int()`` and ``Decimal()`` would accept them);
- dates from ``DATE_MIN`` (1 January 2000) to ``DATE_MAX`` (31 December 2100): records, periods
  and the day/week addresses; a worker's first and last day from ``HISTORY_MIN`` (1 January 1900);
- whole Rupiah up to ``RUPIAH_MAX`` (Rp 999.999.999.999.999, just under a thousand trillion),
  other numbers up to ``NUMBER_MAX`` in size, counts of things up to ``QUANTITY_MAX``;
- ids typed into an address or a form (``?period=``, a cluster's checkbox) are read by
  ``parse_id``: digits 0-9 up to ``ID_MAX``, else ignored (a database would refuse them with an error).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

#: The first and last day any form, day or week address accepts.
DATE_MIN = datetime.date(2000, 1, 1)
DATE_MAX = datetime.date(2100, 12, 31)
#: The first day of a worker's employment (people may have joined long before the records start).
HISTORY_MIN = datetime.date(1900, 1, 1)
#: The largest whole-Rupiah amount a form accepts (fits a 64-bit integer with room for sums).
RUPIAH_MAX = 999_999_999_999_999
#: The largest size of any other number a form accepts (hours, kg, targets).
NUMBER_MAX = Decimal(999_999_999_999_999)
#: The largest count of things (pieces of equipment): a database's 32-bit integer holds it.
QUANTITY_MAX = 1_000_000
#: The largest id read from an address or a form: a signed 64-bit integer.
ID_MAX = 2**63 - 1

_ID = re.compile(r"^[0-9]{1,19}$")


def parse_id(value: Any) -> int | None:
    """``value`` (a query parameter, a posted field) as an object id, or ``None`` if it cannot be one.

    Only digits 0-9 and at most ``ID_MAX``: ``int()`` alone reads ``"١"`` or a 30-digit number,
    which a database then refuses with an error instead of finding nothing.
    """
    text = str(value).strip() if value is not None else ""
    if not _ID.match(text):
        return None
    number = int(text)
    return number if 0 < number <= ID_MAX else None


def has_other_digits(text: str) -> bool:
    """Whether ``text`` holds a digit other than 0-9 (Arabic-Indic ``٣``, full-width ``３``...)."""
    return any(
        char not in "0123456789" and (char.isdigit() or unicodedata.category(char) == "Nd") for char in text
    )


OTHER_DIGITS_MESSAGE = _("Type the digits 0-9 only.")


def _refuse_other_digits(value: Any) -> None:
    if isinstance(value, str) and has_other_digits(value):
        raise ValidationError(OTHER_DIGITS_MESSAGE, code="digits")


def _date_text(day: datetime.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


_SEPARATORS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal mark)
_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)


def _separators(language: str | None) -> tuple[str, str]:
    code = (language or "id").split("-")[0].lower()
    return _SEPARATORS.get(code, _SEPARATORS["en"])


def _pattern(group: str, mark: str) -> re.Pattern[str]:
    g, m = re.escape(group), re.escape(mark)
    return re.compile(
        rf"^(?P<sign>-?)(?P<whole>[0-9]+|[0-9]{{1,3}}(?:{g}[0-9]{{3}})+)(?:{m}(?P<fraction>[0-9]+))?$"
    )


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
        # The other convention, only when it cannot be misread: a whole number grouped at least twice
        # (1,234,567 in Indonesian), or in Indonesian one dot followed by one or two digits (8.5 or
        # 8.25 hours: a phone's number pad often has only the dot), which cannot be a thousands
        # separator (always followed by three digits). English keeps refusing 1,5 (Django would read 15).
        other = re.compile(rf"^(?P<sign>-?)(?P<whole>[0-9]{{1,3}}(?:{re.escape(mark)}[0-9]{{3}}){{2,}})$")
        decimal = re.compile(r"^(?P<sign>-?)(?P<whole>[0-9]+)\.(?P<fraction>[0-9]{1,2})$")
        match = other.match(cleaned)
        if match is not None:
            group = mark
        else:
            match = decimal.match(cleaned) if group == "." else None
            if match is None:
                raise ValueError(text)
    digits = match["whole"].replace(group, "")
    fraction = match.groupdict().get("fraction") or ""
    try:
        return Decimal(f"{match['sign']}{digits}{'.' + fraction if fraction else ''}"), fraction
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        raise ValueError(text) from None


def _example(language: str | None, *, fraction: bool) -> str:
    group, mark = _separators(language or get_language())
    return f"1{group}234{group}567" + (f"{mark}5" if fraction else "")


def grouped(number: Any) -> str:
    """A limit for a message, grouped in the user's language: ``9.223.372.036.854.775.807``."""
    return formats.number_format(number, use_l10n=True, force_grouping=True)


class _LimitsInWords:
    """Min and max said with the field's label and the limit grouped ("Jumlah: paling banyak
    1.000.000."), instead of Django's "Ensure this value is less than or equal to 1000000."."""

    label: Any
    validators: list[Any]

    def _limits_in_words(self) -> None:
        self.validators = [
            v for v in self.validators if not isinstance(v, MinValueValidator | MaxValueValidator)
        ]

    def _check_limits(self, value: Any, low: Any, high: Any) -> None:
        if value is None or (isinstance(value, Decimal) and not value.is_finite()):
            return
        field = self.label or _("The number")
        if high is not None and value > high:
            raise ValidationError(
                _("%(field)s: at most %(limit)s."),
                code="max_value",
                params={"field": field, "limit": grouped(high)},
            )
        if low is not None and value < low:
            raise ValidationError(
                _("%(field)s: at least %(limit)s."),
                code="min_value",
                params={"field": field, "limit": grouped(low)},
            )


class LocalizedDecimalField(_LimitsInWords, forms.DecimalField):
    """A decimal number typed in the user's language (``1.234,5`` in Indonesian)."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("localize", None)
        super().__init__(**kwargs)
        self._limits_in_words()

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and value.is_finite() and abs(value) > NUMBER_MAX:
            raise ValidationError(
                _("Enter a number of at most %(limit)s."),
                code="max_value",
                params={"limit": grouped(NUMBER_MAX)},
            )
        self._check_limits(value, self.min_value, self.max_value)

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
        _refuse_other_digits(value)
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

    def __init__(
        self, *, min_value: int | None = 0, max_value: int | None = RUPIAH_MAX, **kwargs: Any
    ) -> None:
        self.min_value = min_value
        self.max_value = RUPIAH_MAX if max_value is None else min(max_value, RUPIAH_MAX)
        super().__init__(**kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and value > self.max_value:
            raise ValidationError(
                _("Enter at most Rp %(limit)s."), code="max_value", params={"limit": grouped(self.max_value)}
            )
        if value is not None and self.min_value is not None and value < self.min_value:
            raise ValidationError(
                _("%(field)s: at least Rp %(limit)s."),
                code="min_value",
                params={"field": self.label or _("The amount"), "limit": grouped(self.min_value)},
            )

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        return attrs

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        _refuse_other_digits(value)
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


class WholeNumberField(_LimitsInWords, forms.IntegerField):
    """A whole number typed with the digits 0-9 (``int()`` alone would read other scripts' digits).

    At most ``ID_MAX`` (a database's 64-bit integer) when no smaller ``max_value`` is given.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)
        self._limits_in_words()

    def validate(self, value: Any) -> None:
        super().validate(value)
        self._check_limits(value, self.min_value, ID_MAX if self.max_value is None else self.max_value)

    def to_python(self, value: Any) -> int | None:
        _refuse_other_digits(value)
        return super().to_python(value)


class DateField(forms.DateField):
    """A date typed day-first or ISO, from ``min_date`` (``DATE_MIN``) to ``max_date`` (``DATE_MAX``).

    A date past the range is refused naming the range: a period ending in 9999 would otherwise be
    stored and break every page that counts its days.
    """

    def __init__(
        self, *, min_date: datetime.date = DATE_MIN, max_date: datetime.date = DATE_MAX, **kwargs: Any
    ) -> None:
        self.min_date, self.max_date = min_date, max_date
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        _refuse_other_digits(value)
        return super().to_python(value)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not self.min_date <= value <= self.max_date:
            raise ValidationError(
                _("Enter a date between %(first)s and %(last)s."),
                code="date_range",
                params={"first": _date_text(self.min_date), "last": _date_text(self.max_date)},
            )


class HistoryDateField(DateField):
    """A date from ``HISTORY_MIN`` (1900) to ``DATE_MAX``: a worker's first day may predate the records."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_date", HISTORY_MIN)
        super().__init__(**kwargs)


def in_date_range(day: datetime.date) -> bool:
    """Whether ``day`` is within ``DATE_MIN``..``DATE_MAX`` (the day and week addresses' range)."""
    return DATE_MIN <= day <= DATE_MAX


def _check_ids(field: forms.Field, values: Any) -> None:
    """Refuse a choice that cannot be an id before it reaches the database (30 digits, ``١``)."""
    if field.to_field_name is not None:
        return
    for value in values:
        if value not in field.empty_values and not isinstance(value, int) and parse_id(value) is None:
            raise ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": str(value)[:20]},
            )


class IdChoiceField(forms.ModelChoiceField):
    """``ModelChoiceField`` that answers a field error, not a database error, for a posted non-id."""

    def to_python(self, value: Any) -> Any:
        if not isinstance(value, self.queryset.model):
            _check_ids(self, [value])
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """``ModelMultipleChoiceField`` that answers a field error for a posted non-id (see ``IdChoiceField``)."""

    def _check_values(self, value: Any) -> Any:
        try:
            values = frozenset(value)
        except TypeError:
            values = frozenset()
        for one in values:
            if parse_id(one) is None and self.to_field_name is None and not isinstance(one, int):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(one)[:20]},
                )
        return super()._check_values(value)
