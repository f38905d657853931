"""CSV downloads of a scorecard (Table 1 layout) and of a comparison (Table 2 layout).

Written by ``kinerja_web.downloads`` (UTF-8 with a byte-order mark; text that a spreadsheet
would run as a formula is neutralised): numbers unrounded with a dot as decimal mark
(machine-readable, for spreadsheets and publication); headers and labels in the active language.
"""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja_web.downloads import CsvWriter
from kinerja_web.performance.comparison import Comparison
from kinerja_web.performance.evaluate import Evaluation


def scorecard_csv(evaluation: Evaluation) -> str:
    writer = CsvWriter()
    scorecard = evaluation.scorecard
    writer.writerow([_("Enterprise"), scorecard.enterprise.name])
    writer.writerow(
        [
            _("Period"),
            scorecard.period.name,
            scorecard.period.start.isoformat(),
            scorecard.period.end.isoformat(),
        ]
    )
    writer.writerow([_("Framework"), str(scorecard.framework)])
    writer.writerow([])
    writer.writerow(
        [
            _("No."),
            _("Perspective"),
            _("Indicator"),
            _("Weight (%)"),
            _("Target"),
            _("Unit"),
            _("Actual"),
            _("Realization (%)"),
            _("Realization before cap (%)"),
            _("Score"),
            _("Problem"),
        ]
    )
    for block in evaluation.perspectives():
        for line in block.lines:
            writer.writerow(
                [
                    line.number,
                    line.perspective,
                    line.name,
                    line.weight,
                    line.target,
                    line.unit,
                    line.actual,
                    line.realization,
                    line.realization_uncapped,
                    line.score,
                    line.problem or (_("not applicable in this period") if line.not_applicable else ""),
                ]
            )
        writer.writerow(["", block.name, _("Subtotal"), block.weight, "", "", "", "", "", block.score, ""])
    if evaluation.result is not None:
        language = get_language() or "id"
        rating = evaluation.result.rating.label("id" if language.startswith("id") else "en")
        writer.writerow(
            [
                "",
                "",
                _("Total"),
                evaluation.result.weight_sum,
                "",
                "",
                "",
                "",
                "",
                evaluation.total,
                "",
            ]
        )
        writer.writerow(["", "", _("Rating"), rating])
    else:
        for problem in evaluation.all_problems():
            writer.writerow(["", "", _("Not scored yet"), problem])
    return writer.getvalue()


def comparison_csv(comparison: Comparison) -> str:
    writer = CsvWriter()
    periods = comparison.periods
    steps = comparison.steps
    writer.writerow([_("Enterprise"), comparison.enterprise.name])
    # The same explanations as the comparison page, in the active language.
    writer.writerow(
        [
            _("Growth (vs previous period)"),
            _("(new − old) / old × 100: the usual growth, relative to the earlier period."),
        ]
    )
    writer.writerow(
        [
            _("Change relative to the later value (the paper's convention)"),
            _(
                "(new − old) / new × 100: how the KPI paper reports its changes (turnover Rp 96.309.500 → "
                "Rp 147.396.600 is 34,66 %% there, 53,04 %% as growth)."
            )
            % {},  # the template's message, whose percent signs are escaped
        ]
    )
    writer.writerow([])
    # Scores change in points (their percent columns stay empty), outputs in percent.
    header = [_("Series"), _("Unit")] + [p.name for p in periods]
    for old, new in steps:
        names = {"old": old.name, "new": new.name}
        header.append(_("Change in points %(old)s → %(new)s") % names)
        header.append(_("Growth vs previous %(old)s → %(new)s (%%)") % names)
        header.append(_("Relative to later %(old)s → %(new)s (%%)") % names)
    header += [
        _("Mean change per step (points)"),
        _("Mean of the steps, growth vs previous (%)"),
        _("Mean of the steps, relative to later (%)"),
        _("Compound per step, growth vs previous (%)"),
        _("Compound per step, relative to later (%)"),
    ]
    writer.writerow(header)
    series = [*comparison.scores]
    if comparison.total is not None:
        series.append(comparison.total)
    series += comparison.outputs
    for item in series:
        row = [item.label if item.kind != "score" else f"{item.perspective}: {item.label}", item.unit]
        row += [v for v in item.values]
        for points, change in zip(item.points, item.changes, strict=True):
            row += [points, None, None] if item.is_score else [None, change.previous, change.later]
        if item.is_score:
            row += [item.mean_points, None, None, None, None]
        else:
            average, compound = item.average, item.compound
            row += [
                None,
                average.previous if average else None,
                average.later if average else None,
                compound.previous if compound else None,
                compound.later if compound else None,
            ]
        writer.writerow(row)
    for note in comparison.notes:
        writer.writerow([])
        writer.writerow([_("Where the source contradicts itself"), note])
    return writer.getvalue()
