"""Language: Indonesian unless the user switched (issue item 8), whatever the browser asks for.

Django's ``LocaleMiddleware`` would follow the browser's ``Accept-Language`` and show English
to the many Indonesian phones set to English. Here the language comes from the cookie that
``/i18n/setlang/`` sets, else ``LANGUAGE_CODE`` (``id``).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class SwitchedLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
