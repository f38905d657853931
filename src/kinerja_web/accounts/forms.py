"""Forms about people. Django's own (login, password change, set password) serve as they are;
``PersonForm`` and ``PersonCreateForm`` give a program's people their roles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import SetPasswordForm, UsernameField
from django.utils.translation import gettext_lazy as _

from kinerja_web.accounts.models import Role
from kinerja_web.formfields import IdMultipleChoiceField
from kinerja_web.programs.models import Cluster, Enterprise, Program

__all__ = ["PersonCreateForm", "PersonForm", "SetPasswordForm"]


class EnterpriseChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, obj: Enterprise) -> str:
        if obj.owner_id is None:
            return obj.name
        return _("%(enterprise)s (owner now: %(owner)s)") % {
            "enterprise": obj.name,
            "owner": obj.owner.get_username(),
        }


class PersonForm(forms.Form):
    """A person's role in one program, their clusters (facilitator) or enterprises (owner)."""

    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=[("", "---------"), *Role.choices])
    clusters = IdMultipleChoiceField(
        label=_("Clusters"),
        queryset=Cluster.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a facilitator: the clusters they look after."),
    )
    enterprises = EnterpriseChoiceField(
        label=_("Enterprises"),
        queryset=Enterprise.objects.none(),
        required=False,
        help_text=_("For an owner: their enterprise(s). Choosing one with an owner replaces that owner."),
    )

    def __init__(self, *args: Any, program: Program, account_editable: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.program = program
        self.fields["clusters"].queryset = program.clusters.order_by("name")
        self.fields["enterprises"].queryset = (
            Enterprise.objects.filter(cluster__program=program).select_related("owner").order_by("name")
        )
        if not account_editable:
            for name in ("name", "email"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "This person also takes part in a program you do not administer: "
                    "their account is changed there or by a site administrator."
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        role = data.get("role")
        clusters, enterprises = data.get("clusters"), data.get("enterprises")
        if role == Role.FACILITATOR and not clusters:
            self.add_error("clusters", _("Choose at least one cluster for a facilitator."))
        if role != Role.FACILITATOR and clusters:
            self.add_error("clusters", _("Only a facilitator has clusters: clear them or choose that role."))
        if role == Role.OWNER and not enterprises:
            self.add_error("enterprises", _("Choose at least one enterprise for an owner."))
        if role != Role.OWNER and enterprises:
            self.add_error("enterprises", _("Only an owner has enterprises: clear them or choose that role."))
        return data


class PersonCreateForm(PersonForm):
    """A new person: an account, their role, and a first password (set here or generated)."""

    username = UsernameField(
        label=_("Username"),
        max_length=150,
        help_text=_("Letters, digits and @/./+/-/_ only; used to log in."),
        validators=[get_user_model().username_validator],
    )
    password1 = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Leave both empty to generate one: it is shown once, after saving."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ("username", "name", "email", "role", "clusters", "enterprises", "password1", "password2")

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("A user with that username already exists."))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 or password2:
            if password1 != password2:
                self.add_error("password2", _("The two passwords differ."))
            else:
                candidate = get_user_model()(
                    username=data.get("username", ""),
                    first_name=data.get("name", ""),
                    email=data.get("email", ""),
                )
                try:
                    password_validation.validate_password(password1, candidate)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return data
