"""Who sees and edits which framework, and whether a closed period has locked it."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Case, Q, QuerySet, Value, When

from kinerja_web import access
from kinerja_web.frameworks.models import ExpertJudgment, Framework, Node
from kinerja_web.programs.models import Program


def editable_programs(user: Any) -> QuerySet[Program]:
    """Programs whose frameworks ``user`` may change: administrators and the clusters' facilitators."""
    return Program.objects.filter(
        Q(pk__in=access.administered_programs(user).values("pk"))
        | Q(pk__in=access.managed_clusters(user).values("program"))
    )


def _scorecards_relation() -> bool:
    """True once ``performance`` has a scorecard with a foreign key to Framework named ``scorecards``."""
    if not apps.is_installed("kinerja_web.performance"):
        return False
    return any(rel.get_accessor_name() == "scorecards" for rel in Framework._meta.related_objects)


def visible_frameworks(user: Any) -> QuerySet[Framework]:
    """The program's frameworks for its administrators and facilitators; for an owner, the ones
    their enterprise's scorecards use (read-only)."""
    if access.is_anonymous(user):
        return Framework.objects.none()
    condition = Q(program__in=editable_programs(user))
    if _scorecards_relation():
        used = Framework.objects.filter(scorecards__enterprise__in=access.visible_enterprises(user))
        condition |= Q(pk__in=used.values("pk"))
    return Framework.objects.filter(condition).select_related("program")


def get_framework_for(user: Any, pk: Any) -> Framework:
    return access.get_or_404(visible_frameworks(user), pk)


def get_node_for(user: Any, pk: Any) -> Node:
    nodes = Node.objects.filter(framework__in=visible_frameworks(user)).select_related(
        "framework__program", "parent"
    )
    return access.get_or_404(nodes, pk)


def get_judgment_set_for(user: Any, pk: Any) -> ExpertJudgment:
    sets = ExpertJudgment.objects.filter(node__framework__in=visible_frameworks(user)).select_related(
        "node__framework__program"
    )
    return access.get_or_404(sets, pk)


def can_edit_framework(user: Any, framework: Framework) -> bool:
    """Administrators and facilitators of the program; templates only its administrators."""
    if framework.is_template:
        return access.can_administer_program(user, framework.program)
    return editable_programs(user).filter(pk=framework.program_id).exists()


def framework_is_locked(framework: Framework) -> bool:
    """Used by a scorecard of a closed period: never changed again (an edit makes a new version)."""
    if framework.pk is None or not _scorecards_relation():
        return False
    return framework.scorecards.filter(period__closed_at__isnull=False).exists()


def framework_in_use(framework: Framework) -> bool:
    """Used by any scorecard (open or closed period)."""
    return framework.pk is not None and _scorecards_relation() and framework.scorecards.exists()


#: Smallest businesses first, frameworks for any size last.
SIZE_ORDER = Case(
    When(size_class="micro", then=Value(1)),
    When(size_class="small", then=Value(2)),
    When(size_class="medium", then=Value(3)),
    default=Value(4),
)


def framework_list(user: Any, program: Program | None = None) -> QuerySet[Framework]:
    frameworks = visible_frameworks(user)
    if program is not None:
        frameworks = frameworks.filter(program=program)
    return frameworks.order_by("program__name", "-is_template", SIZE_ORDER, "name", "-version")


def framework_versions(framework: Framework) -> QuerySet[Framework]:
    """Every version of the framework's lineage, newest first."""
    return Framework.objects.filter(lineage=framework.lineage).order_by("-version")


def latest_version(framework: Framework) -> Framework:
    return framework_versions(framework).first() or framework


def framework_for_size_class(program: Program, size_class: str) -> Framework | None:
    """The program's most recently made (non-template) framework for ``size_class``, else for any size.

    A new version is made after the one it copies, so this is the newest version of the
    framework made last; programs that keep several pick theirs explicitly.
    """
    for wanted in (size_class, ""):
        found = (
            Framework.objects.filter(program=program, is_template=False, size_class=wanted)
            .order_by("-created_at", "-pk")
            .first()
        )
        if found is not None:
            return found
    return None


def templates_for(program: Program) -> QuerySet[Framework]:
    """The program's stored templates (every version)."""
    return Framework.objects.filter(program=program, is_template=True).order_by(
        "size_class", "name", "-version"
    )
