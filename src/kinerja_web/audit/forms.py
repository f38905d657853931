from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja_web import access
from kinerja_web.audit.presenter import action_choices
from kinerja_web.formfields import IdChoiceField
from kinerja_web.programs.models import Enterprise


class AuditFilterForm(forms.Form):
    enterprise = IdChoiceField(queryset=Enterprise.objects.none(), required=False, label=_("Enterprise"))
    action = forms.ChoiceField(required=False, label=_("Action"))

    def __init__(self, *args: Any, user: Any, actions: Iterable[str] = (), **kwargs: Any) -> None:
        """``actions``: the action codes of the entries the user may read (listed in their language)."""
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *action_choices(actions)]
        self.fields["enterprise"].queryset = access.visible_enterprises(user).filter(
            cluster__in=access.managed_clusters(user)
        )
