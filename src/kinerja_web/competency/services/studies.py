"""Writes of studies: saving a purposive sample with its criteria, funnel and enterprises.

One function per action, keyword-only, one transaction, permission checked, audited
(``audit.services.record``). The criteria's shape is described in ``selectors.studies``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja import sizing
from kinerja_web import access
from kinerja_web.audit.services import record
from kinerja_web.competency.models import LEVEL_MAX, LEVEL_MIN, Study
from kinerja_web.competency.selectors import studies as selectors
from kinerja_web.competency.selectors.gaps import area_names, visible_rounds
from kinerja_web.programs.models import Program

#: Bounds of the numeric criteria (years in business, number of workers).
YEARS_MAX = 200
WORKERS_MAX = 1_000_000


def _range(criterion: dict, field: str, maximum: int, errors: dict[str, list[str]]) -> dict:
    low, high = criterion.get("min"), criterion.get("max")
    for name, value in (("min", low), ("max", high)):
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= maximum
        ):
            errors.setdefault(f"{field}_{name}", []).append(
                _("Enter a whole number from 0 to %(max)d.") % {"max": maximum}
            )
    if low is None and high is None:
        errors.setdefault(f"{field}_min", []).append(_("Enter a lowest or a highest number (or both)."))
    elif (
        low is not None and high is not None and isinstance(low, int) and isinstance(high, int) and low > high
    ):
        errors.setdefault(f"{field}_max", []).append(_("The highest number is below the lowest."))
    return {"kind": criterion["kind"], "min": low, "max": high}


def clean_criteria(*, user: Any, program: Program, criteria: Sequence[dict]) -> list[dict]:
    """The criteria checked and normalised, or ``ValidationError`` with a message per form field
    (``clusters``, ``commodity``, ``size_classes``, ``years_min`` ..., ``gap_area``)."""
    errors: dict[str, list[str]] = {}
    cleaned: list[dict] = []
    seen: set[str] = set()
    allowed_clusters = set(selectors.study_clusters(user, program).values_list("pk", flat=True))
    for criterion in criteria:
        kind = criterion.get("kind")
        if kind not in selectors.KINDS:
            errors.setdefault("__all__", []).append(_("Unknown criterion: %(kind)s.") % {"kind": kind})
            continue
        if kind in seen:
            errors.setdefault("__all__", []).append(_("Each kind of criterion may be given once."))
            continue
        seen.add(kind)
        if kind == "cluster":
            clusters = [int(pk) for pk in criterion.get("clusters", [])]
            if not clusters:
                errors.setdefault("clusters", []).append(_("Choose at least one cluster."))
            elif not set(clusters) <= allowed_clusters:
                errors.setdefault("clusters", []).append(
                    _("Choose only clusters you manage in this program.")
                )
            cleaned.append({"kind": kind, "clusters": sorted(set(clusters))})
        elif kind == "commodity":
            commodity = str(criterion.get("commodity", "")).strip()
            if not commodity:
                errors.setdefault("commodity", []).append(_("Choose a commodity."))
            cleaned.append({"kind": kind, "commodity": commodity})
        elif kind == "size":
            law, classes = criterion.get("law"), list(criterion.get("classes", []))
            if law not in sizing.LAWS:
                errors.setdefault("size_law", []).append(_("Choose the law the size class is read under."))
            if not classes or not set(classes) <= set(sizing.CLASSES):
                errors.setdefault("size_classes", []).append(_("Choose at least one size class."))
            cleaned.append({"kind": kind, "law": law, "classes": [c for c in sizing.CLASSES if c in classes]})
        elif kind == "years":
            cleaned.append(_range(criterion, "years", YEARS_MAX, errors))
        elif kind == "workers":
            cleaned.append(_range(criterion, "workers", WORKERS_MAX, errors))
        elif kind == "gap":
            cleaned.append(_gap(user, program, criterion, errors))
    if not access.can_administer_program(user, program) and not any(c["kind"] == "cluster" for c in cleaned):
        errors.setdefault("clusters", []).append(
            _("Choose the clusters the study draws from (a facilitator's study names its clusters).")
        )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _gap(user: Any, program: Program, criterion: dict, errors: dict[str, list[str]]) -> dict:
    rnd = visible_rounds(user).filter(program=program, pk=criterion.get("round")).first()
    area = str(criterion.get("area", "")).strip()
    if rnd is None:
        errors.setdefault("gap_round", []).append(_("Choose the assessment round whose gaps count."))
    elif area not in area_names(rnd):
        errors.setdefault("gap_area", []).append(
            _("Choose an area of the round's framework (%(areas)s).") % {"areas": ", ".join(area_names(rnd))}
        )
    try:
        above = Decimal(str(criterion.get("above")))
    except (InvalidOperation, ValueError):
        above = None
    if above is None or not above.is_finite() or not 0 <= above < LEVEL_MAX - LEVEL_MIN:
        errors.setdefault("gap_above", []).append(
            _("Enter a gap level from 0 to below %(max)d.") % {"max": LEVEL_MAX - LEVEL_MIN}
        )
        above = Decimal(0)
    return {"kind": "gap", "round": rnd.pk if rnd else None, "area": area, "above": str(above)}


@transaction.atomic
def study_create(
    *, actor: Any, program: Program, name: str, description: str = "", criteria: Sequence[dict]
) -> Study:
    """Run ``criteria`` in order over what ``actor`` may draw from and save the study with its
    funnel and enterprises (as found now: a later change of an enterprise does not change it)."""
    if not selectors.can_create_study(actor, program):
        raise PermissionDenied
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("Give the study a name.")]})
    cleaned = clean_criteria(user=actor, program=program, criteria=criteria)
    sample = selectors.run_criteria(actor, program, cleaned)
    study = Study.objects.create(
        program=program,
        name=name[:200],
        description=description or "",
        criteria=cleaned,
        funnel=list(sample.funnel),
        created_by=actor,
    )
    study.enterprises.set(sample.enterprises)
    record(
        actor=actor,
        action="study.create",
        obj=study,
        changes={
            "criteria": cleaned,
            "funnel": list(sample.funnel),
            "enterprises": [e.pk for e in sample.enterprises],
        },
        program=program,
    )
    return study
