"""The one exception family the core raises.

Every entry point turns raw input into validated values once; what is wrong is reported as
an :class:`InputError` that names the place (``matrix[1][0]``, ``indicators[3].target``,
``row 118, column "Tanggal"``) and the problem, so the command, a form or the API can show
it to the user as it is.

Beside its English ``problem`` every error carries a stable ``code`` (``"ahp.outside_scale"``)
and the ``params`` its message is made of (``{"value": "10"}``), so that a page can say the
same thing in the user's language from one table of messages (``kinerja_web.core_messages``)
instead of repeating the core's rules to word them. A code names one kind of problem, not one
raise site: the same code may be raised in several places with the same params.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class InputError(ValueError):
    """Bad input: ``where`` names the place, ``problem`` says what is wrong with it in English,
    ``code`` and ``params`` say the same for a translation."""

    def __init__(
        self, where: str, problem: str, *, code: str = "", params: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem
        self.code = code
        self.params: dict[str, Any] = dict(params or {})

    def at(self, where: str) -> InputError:
        """The same error (class, problem, code, params) at another place, for a caller that
        knows the place better (``experts[2].`` before a matrix's ``judgments[0]``)."""
        return type(self)(where, self.problem, code=self.code, params=self.params)

    def as_dict(self) -> dict[str, str]:
        """The error as the API and JSON consumers show it."""
        return {"where": self.where, "problem": self.problem, "code": self.code}


class MatrixError(InputError):
    """A pairwise-comparison matrix or judgment list that cannot be used."""


class IndicatorError(InputError):
    """An indicator of a scorecard that cannot be scored."""


class CompetencyError(InputError):
    """A competency assessment (items, people, ratings, levers, rules) that cannot be analysed."""
