"""Settings of the Kinerja web platform, read from the environment (WEB-CONTRACT.md).

| variable | default | meaning |
|---|---|---|
| ``DEBUG`` | ``true`` | a developer's local run; set ``false`` in production |
| ``SECRET_KEY`` | a fixed development key, only while ``DEBUG`` is on | required when ``DEBUG`` is off |
| ``DATABASE_URL`` | ``sqlite:///kinerja.sqlite3`` in the working directory | ``postgres://user:pw@host/db`` |
| ``ALLOWED_HOSTS`` | ``localhost,127.0.0.1,[::1]`` | comma-separated |
| ``CSRF_TRUSTED_ORIGINS`` | none | comma-separated, e.g. ``https://kinerja.example`` |
| ``STATIC_ROOT`` / ``MEDIA_ROOT`` | ``staticfiles`` / ``media`` in the working directory | |
| ``KINERJA_EVIDENCE_MAX_BYTES`` | ``5242880`` (5 MB) | the largest competency evidence file accepted |
| ``KINERJA_HTTPS`` | ``true`` when ``DEBUG`` is off | SSL redirect, secure cookies, HSTS (and the |
| | | proxy's ``X-Forwarded-Proto`` when a trusted proxy is set); ``false`` serves plain HTTP |
| ``KINERJA_TRUSTED_PROXIES`` | none | comma-separated addresses or networks of the reverse proxies |
| | | in front (``10.0.0.0/8,127.0.0.1``): only then are ``X-Forwarded-For`` (the client's address, |
| | | for the login lockout) and ``X-Forwarded-Proto`` believed; otherwise ``REMOTE_ADDR`` |
| ``KINERJA_LOCKOUT_MINUTES`` | ``15`` | how long a username is locked from one address after |
| | | ``AXES_FAILURE_LIMIT`` (``5``) wrong passwords from there |
| ``KINERJA_UNDO_MINUTES`` | ``10`` | how long a delete (an order, an expert's judgments, a worker, |
| | | an account deactivated) can be undone by whoever did it or the program's administrator |

``DEBUG`` defaults to on because the README's first command is a local ``runserver`` and
that is what its users expect; every deployment sets ``DEBUG=false`` and gets the safe
defaults of the rest (``kinerja-web check --deploy`` reports nothing).
"""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
WORK_DIR = Path.cwd()

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """``true``/``false`` (also 1/0, yes/no, on/off) from the environment, else ``default``."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: use true or false")


def env_list(name: str, default: str) -> list[str]:
    """A comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "django-insecure-kinerja-local-development-key-never-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # Kinerja's apps, one per area of the domain (README.md beside this file).
    "kinerja_web.accounts",
    "kinerja_web.programs",
    "kinerja_web.audit",
    "kinerja_web.frameworks",
    "kinerja_web.records",
    "kinerja_web.performance",
    "kinerja_web.competency",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, precompressed (gzip, Brotli)
    # Pages gzipped for slow connections (Django masks the CSRF token and pads the gzip header
    # against BREACH); before everything else that writes the body.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja_web.middleware.SwitchedLanguageMiddleware",  # Indonesian unless switched
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
    "kinerja_web.middleware.PrivateCacheMiddleware",  # signed-in answers: private, no-store
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kinerja_web.urls"
WSGI_APPLICATION = "kinerja_web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinerja_web.nav.menu",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{WORK_DIR / 'kinerja.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several people saving at once: a write transaction takes SQLite's write lock when it
    # begins (IMMEDIATE), not halfway when its first write needs it (a lock it then could not
    # wait for: "database is locked"); a writer waits up to ``SQLITE_TIMEOUT`` seconds for the
    # lock; WAL lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
        }
    )
    # Tests on a file, one per test process (not Django's shared in-memory database): a live
    # server's threads then have connections of their own and lock as a deployment does.
    DATABASES["default"].setdefault("TEST", {}).setdefault(
        "NAME", str(Path(tempfile.gettempdir()) / f"kinerja-test-{os.getpid()}.sqlite3")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes first: it counts failed logins and refuses a locked-out username/address.
# Tests log in with ``client.force_login(user)`` (``client.login`` has no request for axes).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A username is locked only from the address that failed (the owner elsewhere still logs in),
# for minutes, not hours; the address is the proxy's X-Forwarded-For only behind a trusted proxy.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("KINERJA_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "kinerja_web.accounts.lockout.client_address"
KINERJA_TRUSTED_PROXIES = env_list("KINERJA_TRUSTED_PROXIES", "")
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# Language and formats: Indonesian by default, English by switch (issue item 8).
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True  # Django 5 always localizes formats (USE_L10N is gone)
FORMAT_MODULE_PATH = ["kinerja_web.formats"]
# Numbers shown in templates are grouped (1.234.567): print ids and years with ``|unlocalize``
# or ``{% url %}``, never ``{{ obj.pk }}`` in a link.
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", WORK_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", WORK_DIR / "media"))
# Competency evidence (documents and photos of an assessment round): the largest file accepted.
COMPETENCY_EVIDENCE_MAX_BYTES = int(os.environ.get("KINERJA_EVIDENCE_MAX_BYTES", str(5 * 1024 * 1024)))
# How long a delete can be undone (audit.undo): the Undo button after deleting works this long.
UNDO_SECONDS = 60 * int(os.environ.get("KINERJA_UNDO_MINUTES", "10"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached for a year) and gzip/Brotli copies once ``collectstatic`` has run with
    # DEBUG off; plain names before it (tests, a fresh checkout): see kinerja_web/staticstorage.py.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if DEBUG
        else "kinerja_web.staticstorage.CollectedManifestStorage"
    },
}

# Background work (exports, recomputations) through Django's Tasks API, stored in the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
SPECTACULAR_SETTINGS = {"TITLE": "Kinerja API", "VERSION": "0.1.0"}

# HTTPS-only items of Django's deployment checklist (KINERJA_HTTPS).
KINERJA_HTTPS = env_bool("KINERJA_HTTPS", not DEBUG)
if KINERJA_HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if KINERJA_TRUSTED_PROXIES:
        # Behind a trusted proxy that terminates TLS: believe its X-Forwarded-Proto (a client
        # talking to Django directly could otherwise claim HTTPS with that header).
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only;
# no inline script, no inline style attribute, no eval (JavaScript lives in static files,
# charts are inline SVG with presentation attributes). src/kinerja_web/README.md: "CSP".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"level": "WARNING"},
    },
}
