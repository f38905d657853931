"""Menu entries and enterprise links of the competency pages, registered once at start-up.

Each part of the app (framework, rounds, gaps, strategy, studies) adds its entries in its own
function below, so that helpers working on different parts do not edit the same lines.
"""

from __future__ import annotations


def register() -> None:
    for part in (_framework, _rounds, _gaps, _strategy, _studies):
        part()


def _framework() -> None:
    from django.utils.translation import gettext_lazy as _

    from kinerja_web import nav

    nav.register_menu(_("Competency"), "competency:framework_list", roles={"admin", "facilitator"}, order=60)


def _rounds() -> None:
    from django.utils.translation import gettext_lazy as _

    from kinerja_web import nav

    nav.register_menu(_("Assessment rounds"), "competency:round_list", order=61)
    nav.register_enterprise_link(_("Competency assessment"), "competency:enterprise_rounds", order=40)


def _gaps() -> None:
    from django.utils.translation import gettext_lazy as _

    from kinerja_web import nav

    nav.register_menu(_("Competency gaps"), "competency:gaps_index", order=62)
    nav.register_enterprise_link(_("Competency gaps"), "competency:gaps_enterprise_rounds", order=41)


def _strategy() -> None:
    from django.utils.translation import gettext_lazy as _

    from kinerja_web import nav

    nav.register_menu(
        _("Development strategy"), "competency:strategy_index", roles={"admin", "facilitator"}, order=63
    )
    nav.register_menu(_("Development plans"), "competency:plan_list", order=64)
    nav.register_menu(_("Cohort plans"), "competency:cohort_index", roles={"admin", "facilitator"}, order=65)
    nav.register_menu(_("Monitoring and evaluation"), "competency:monitoring_index", order=67)
    nav.register_enterprise_link(_("Development plans"), "competency:enterprise_plans", order=42)
    nav.register_enterprise_link(_("Monitoring and evaluation"), "competency:monitoring_enterprise", order=43)


def _studies() -> None:
    from django.utils.translation import gettext_lazy as _

    from kinerja_web import nav

    nav.register_menu(_("Studies"), "competency:study_list", roles={"admin", "facilitator"}, order=66)
