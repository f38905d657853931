"""The one exception family the core raises.

Every entry point turns raw input into validated values once; what is wrong is reported as
an :class:`InputError` that names the place (``matrix[1][0]``, ``indicators[3].target``,
``row 118, column "Tanggal"``) and the problem, so the command, a form or the API can show
it to the user as it is.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: ``where`` names the place, ``problem`` says what is wrong with it."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem

    def as_dict(self) -> dict[str, str]:
        """The error as the API and JSON consumers show it."""
        return {"where": self.where, "problem": self.problem}


class MatrixError(InputError):
    """A pairwise-comparison matrix or judgment list that cannot be used."""


class IndicatorError(InputError):
    """An indicator of a scorecard that cannot be scored."""


class CompetencyError(InputError):
    """A competency assessment (items, people, ratings, levers, rules) that cannot be analysed."""
