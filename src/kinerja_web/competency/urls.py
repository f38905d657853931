"""Addresses of the competency pages under ``/competency/`` (namespace ``competency``).

One module of patterns per part of the app, so each part owns its own addresses.
"""

from kinerja_web.competency.urls_framework import urlpatterns as framework_urls
from kinerja_web.competency.urls_gaps import urlpatterns as gap_urls
from kinerja_web.competency.urls_rounds import urlpatterns as round_urls
from kinerja_web.competency.urls_strategy import urlpatterns as strategy_urls

app_name = "competency"

urlpatterns = [*framework_urls, *round_urls, *gap_urls, *strategy_urls]
