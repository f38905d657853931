from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "kinerja_web.frameworks"
    label = "frameworks"
    verbose_name = _("KPI frameworks")

    def ready(self) -> None:
        from kinerja_web import nav

        # Owners see the frameworks their scorecards use (read-only).
        nav.register_menu(
            _("KPI frameworks"), "frameworks:list", roles={"admin", "facilitator", "owner"}, order=30
        )
