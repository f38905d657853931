"""The menus, filled by each app: nothing is reachable only by typing an address.

An app adds its pages in its ``AppConfig.ready()``::

    from kinerja_web import nav
    nav.register_menu(_("Frameworks"), "frameworks:list", roles={"admin", "facilitator"}, order=30)
    nav.register_enterprise_link(_("Records"), "records:enterprise", order=20)

- ``register_menu``: an entry of the main menu (every page), shown to users holding one of
  ``roles`` (``None``: every signed-in user). The URL name takes no arguments. A user who is
  only an owner sees a short menu in an owner's words: the entries registered for owners
  alone (``roles={"owner"}``) and those with an ``owner_label`` (shown with that label); the
  other pages stay reachable from their enterprise's page.
- ``register_enterprise_link``: a link on every enterprise's page, to a URL name that takes the
  enterprise's ``pk`` as its one argument; pages of one enterprise (records, scorecards...)
  are reached from there. ``roles`` filters as above.

The template context gets ``menu`` (a list of ``MenuItem`` with ``url``), and enterprise pages
call ``enterprise_links(user, enterprise)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavEntry:
    label: Any  # a lazy translation
    url_name: str
    roles: frozenset[str] | None
    order: int
    owner_label: Any = None


@dataclass(frozen=True)
class MenuItem:
    label: Any
    url: str
    url_name: str


_MENU: dict[str, NavEntry] = {}
_ENTERPRISE_LINKS: dict[str, NavEntry] = {}


def register_menu(
    label: Any, url_name: str, *, roles: set[str] | None = None, order: int = 50, owner_label: Any = None
) -> None:
    """Add (or replace, by ``url_name``) a main-menu entry; ``owner_label``: shown to owners, so named."""
    _MENU[url_name] = NavEntry(label, url_name, frozenset(roles) if roles else None, order, owner_label)


def register_enterprise_link(
    label: Any, url_name: str, *, roles: set[str] | None = None, order: int = 50
) -> None:
    """Add (or replace) a link shown on every enterprise page; ``url_name`` takes the enterprise pk."""
    _ENTERPRISE_LINKS[url_name] = NavEntry(label, url_name, frozenset(roles) if roles else None, order)


def _allowed(entry: NavEntry, roles: set[str]) -> bool:
    return entry.roles is None or bool(entry.roles & roles)


def menu_for(user: Any) -> list[MenuItem]:
    """The main menu for ``user``: the entries of their roles, in order."""
    from kinerja_web.access import roles_of

    if not user.is_authenticated:
        return []
    roles = roles_of(user)
    owner_only = roles == {"owner"} and not user.is_superuser
    items = []
    for entry in sorted(_MENU.values(), key=lambda e: (e.order, e.url_name)):
        if owner_only:
            if entry.owner_label is None and entry.roles != frozenset({"owner"}):
                continue
            label = entry.owner_label or entry.label
        elif _allowed(entry, roles):
            label = entry.label
        else:
            continue
        try:
            items.append(MenuItem(label, reverse(entry.url_name), entry.url_name))
        except NoReverseMatch:
            continue
    return items


def enterprise_links(user: Any, enterprise: Any) -> list[MenuItem]:
    """Links to the pages of one enterprise that other apps registered."""
    from kinerja_web.access import roles_of

    roles = roles_of(user)
    items = []
    for entry in sorted(_ENTERPRISE_LINKS.values(), key=lambda e: (e.order, e.url_name)):
        if _allowed(entry, roles) or user.is_superuser:
            try:
                items.append(
                    MenuItem(entry.label, reverse(entry.url_name, args=[enterprise.pk]), entry.url_name)
                )
            except NoReverseMatch:
                continue
    return items


def menu(request: Any) -> dict[str, Any]:
    """Template context processor: ``menu`` for the signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    return {"menu": menu_for(user)}
