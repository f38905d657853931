"""Language: Indonesian unless the user switched (issue item 8), whatever the browser asks for.

Django's ``LocaleMiddleware`` would follow the browser's ``Accept-Language`` and show English
to the many Indonesian phones set to English. Here the language comes from the cookie that
``/i18n/setlang/`` sets, else ``LANGUAGE_CODE`` (``id``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control


class SwitchedLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class PrivateCacheMiddleware:
    """``Cache-Control: private, no-store`` on every answer to a signed-in user (pages, downloads).

    A signed-in page or download holds one tenant's data: no shared cache (a proxy) may keep it,
    and the browser may not store it on disk for the next person at a shared computer. Static
    files are served by WhiteNoise before this runs and keep their long-lived caching.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)  # drops a "public"
        return response
