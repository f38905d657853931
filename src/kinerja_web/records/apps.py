"""Daily records of an enterprise: attendance, operating hours, production, sales."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "kinerja_web.records"
    label = "records"
    verbose_name = _("Records")

    def ready(self) -> None:
        from kinerja_web import nav

        nav.register_menu(_("Record today"), "records:today", roles={"owner"}, order=15)
        nav.register_enterprise_link(_("Record a day"), "records:day_today", order=20)
        nav.register_enterprise_link(_("Daily records (week)"), "records:enterprise", order=21)
        nav.register_enterprise_link(_("Orders"), "records:orders", order=22)
        nav.register_enterprise_link(_("Equipment and raw materials added"), "records:equipment", order=23)
        nav.register_enterprise_link(_("Innovation log"), "records:innovations", order=24)
