"""The login lockout (django-axes): whose address a request comes from, and which accounts are locked.

django-axes counts wrong passwords per username *and* client address together
(``AXES_LOCKOUT_PARAMETERS``), so someone who only knows a username locks it from their own
address, and its owner still logs in from theirs; the lock ends after
``AXES_COOLOFF_TIME`` (``KINERJA_LOCKOUT_MINUTES``, 15 minutes by default).

The client's address is ``REMOTE_ADDR`` unless the request comes from one of
``KINERJA_TRUSTED_PROXIES``: then it is the right-most address of ``X-Forwarded-For`` that is
not itself a trusted proxy (each proxy appends the address it received from, so addresses to
the left of it could be typed by the client). Without a trusted proxy the header is ignored:
any client could send it and pick an address per attempt.
"""

from __future__ import annotations

import datetime
import ipaddress
from dataclasses import dataclass
from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _networks() -> list[Network]:
    networks = []
    for item in getattr(settings, "KINERJA_TRUSTED_PROXIES", []):
        networks.append(ipaddress.ip_network(item.strip(), strict=False))
    return networks


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None, networks: list[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(request: HttpRequest) -> str | None:
    """The address the request comes from, as django-axes should count it (module docstring)."""
    remote = request.META.get("REMOTE_ADDR")
    networks = _networks()
    if not networks or not _trusted(_address(remote or ""), networks):
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for part in reversed(forwarded):
        address = _address(part)
        if address is None:
            return remote  # a malformed chain: count the proxy itself rather than a guess
        if not _trusted(address, networks):
            return str(address)
    return remote


@dataclass(frozen=True)
class Lock:
    """One username locked from one address until ``until``."""

    username: str
    address: str | None
    failures: int
    until: datetime.datetime


def _cooloff() -> datetime.timedelta:
    value: Any = settings.AXES_COOLOFF_TIME
    if isinstance(value, datetime.timedelta):
        return value
    return datetime.timedelta(hours=float(value))


def locks(usernames: QuerySet | list[str]) -> list[Lock]:
    """The current locks of ``usernames`` (a queryset of usernames or a list), longest first."""
    since = timezone.now() - _cooloff()
    attempts = AccessAttempt.objects.filter(
        username__in=usernames,
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=since,
    ).order_by("username", "-attempt_time")
    return [
        Lock(
            username=attempt.username,
            address=attempt.ip_address,
            failures=attempt.failures_since_start,
            until=attempt.attempt_time + _cooloff(),
        )
        for attempt in attempts
    ]


def clear(username: str) -> int:
    """Forget every failed attempt of ``username`` (from any address): how many were removed."""
    _total, by_model = AccessAttempt.objects.filter(username=username).delete()
    return by_model.get(AccessAttempt._meta.label, 0)
