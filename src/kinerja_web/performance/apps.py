from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    name = "kinerja_web.performance"
    label = "performance"
    verbose_name = _("Performance")

    def ready(self) -> None:
        from kinerja_web import nav

        nav.register_menu(_("Periods"), "performance:period_list", order=50, owner_label=_("My scores"))
        nav.register_menu(_("Dashboard"), "dashboards:index", roles={"admin", "facilitator"}, order=55)
        nav.register_enterprise_link(_("Scorecard"), "performance:enterprise_scorecards", order=30)
        nav.register_enterprise_link(_("Comparison"), "performance:comparison", order=31)
