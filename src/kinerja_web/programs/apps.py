from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "kinerja_web.programs"
    label = "programs"
    verbose_name = _("Programs")

    def ready(self) -> None:
        from kinerja_web import nav

        nav.register_menu(_("Programs"), "programs:program_list", order=10)
        nav.register_menu(
            _("Enterprises"), "programs:enterprise_list", order=20, owner_label=_("My business")
        )
