from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja_web import access
from kinerja_web.formfields import IdChoiceField
from kinerja_web.programs.models import Enterprise


class AuditFilterForm(forms.Form):
    enterprise = IdChoiceField(queryset=Enterprise.objects.none(), required=False, label=_("Enterprise"))
    action = forms.CharField(required=False, label=_("Action"), max_length=100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = access.visible_enterprises(user).filter(
            cluster__in=access.managed_clusters(user)
        )
