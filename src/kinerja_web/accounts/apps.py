from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kinerja_web.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from kinerja_web import nav

        nav.register_menu(_("People"), "accounts:users", roles={"admin"}, order=90)
