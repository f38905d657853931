"""Rating bands for the tests: a strict program's, and the band page's form data."""

from __future__ import annotations

from kinerja.scoring import Band

#: A strict program: "excellent" from 95 (so Table 1's 94.78 is only "good").
STRICT = (
    Band(95, "excellent", "Excellent", "Istimewa"),
    Band(80, "good", "Good", "Baik"),
    Band(0, "weak", "Weak", "Lemah"),
)


def formset_data(rows) -> dict[str, str]:
    """POST data of the bands page: ``rows`` of Bands or (min, code, label_id, label_en)."""
    data = {"bands-TOTAL_FORMS": str(len(rows)), "bands-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        if isinstance(row, Band):
            row = (row.min, row.code, row.label_id, row.label_en)
        for name, value in zip(("min", "code", "label_id", "label_en"), row, strict=True):
            data[f"bands-{index}-{name}"] = str(value)
    return data
