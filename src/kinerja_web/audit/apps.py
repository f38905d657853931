from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kinerja_web.audit"
    label = "audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        from kinerja_web import nav

        nav.register_menu(_("Audit trail"), "audit:entry_list", roles={"admin", "facilitator"}, order=80)
