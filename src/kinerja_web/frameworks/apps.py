from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "kinerja_web.frameworks"
    label = "frameworks"
    verbose_name = _("KPI frameworks")
