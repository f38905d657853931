"""``{% load undo %}{% undo_offers %}``: the Undo button after a delete, on the next page shown."""

from __future__ import annotations

from typing import Any

from django import template

from kinerja_web.audit import undo

register = template.Library()


@register.inclusion_tag("audit/undo_offers.html", takes_context=True)
def undo_offers(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    offers = undo.take_offers(request) if request is not None else []
    return {
        "offers": [(offer, undo.done_sentence(offer)) for offer in offers],
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
    }
