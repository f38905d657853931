"""Indonesian formats: ``1.234.567,5`` and day-first dates (``03/04/2025`` is 3 April).

Only what differs from Django's own ``id`` formats is set here; Django falls back to its
module for the rest. Input formats are day-first or ISO: a month-first reading is never tried.
"""

DATE_FORMAT = "j N Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j N Y, H.i"
SHORT_DATETIME_FORMAT = "d/m/Y H.i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H.%M",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H.%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
