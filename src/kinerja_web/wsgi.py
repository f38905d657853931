"""WSGI entry point: ``gunicorn kinerja_web.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja_web.settings")
application = get_wsgi_application()
