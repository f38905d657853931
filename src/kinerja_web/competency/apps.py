from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencyConfig(AppConfig):
    name = "kinerja_web.competency"
    label = "competency"
    verbose_name = _("Competency")

    def ready(self) -> None:
        # Each part of the app registers its own menu entries and enterprise links.
        from kinerja_web.competency import menus

        menus.register()
