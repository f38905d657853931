"""Forms about people: Django's own (login, password change, set password) serve as they are."""

from django.contrib.auth.forms import SetPasswordForm

__all__ = ["SetPasswordForm"]
