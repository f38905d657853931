"""Evidence of a round: PDF, JPEG, PNG or WebP by the file's first bytes, a size limit, stored
under MEDIA_ROOT, served only through the access-checked view, removed only by its uploader while
the round is open."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja_web.competency.models import Evidence
from kinerja_web.competency.services import rounds as services
from kinerja_web.competency.tests.test_rounds import make_site

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 30
HTML = b"<html><script>alert(1)</script></html>"


@pytest.fixture
def site(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_site()


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


def _upload_url(site) -> str:
    return reverse("competency:evidence_upload", args=[site.round.pk, site.enterprise.pk])


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("rapor.pdf", PDF, "application/pdf"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("foto.png", PNG, "image/png"),
        ("foto.webp", WEBP, "image/webp"),
        ("named-wrong.pdf", PNG, "image/png"),  # the content decides, not the name
    ],
)
def test_allowed_types_are_recognised_by_their_first_bytes(en, site, tmp_path, name, content, kind):
    en.force_login(site.owner)
    response = en.post(
        _upload_url(site),
        {"file": SimpleUploadedFile(name, content), "description": "bukti", "worker": site.worker.pk},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.content_type == kind and evidence.original_name == name and evidence.worker == site.worker
    stored = tmp_path / evidence.file.name
    assert stored.read_bytes() == content and name not in evidence.file.name  # a random name
    assert evidence.file.name.startswith(f"competency/{site.enterprise.pk}/{site.round.pk}/")


@pytest.mark.parametrize(("name", "content"), [("foto.jpg", HTML), ("x.pdf", b"MZ\x90\x00"), ("a.png", b"")])
def test_other_content_is_refused_whatever_its_name(en, site, tmp_path, name, content):
    en.force_login(site.owner)
    response = en.post(_upload_url(site), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert not Evidence.objects.exists() and not any(tmp_path.rglob("*.*"))


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(en, site, settings, tmp_path):
    settings.COMPETENCY_EVIDENCE_MAX_BYTES = 1024 * 1024
    en.force_login(site.owner)
    big = PDF + b"0" * (1024 * 1024)
    response = en.post(_upload_url(site), {"file": SimpleUploadedFile("besar.pdf", big)})
    assert response.status_code == 200 and "at most 1 MB" in response.content.decode()
    assert not Evidence.objects.exists() and not any(tmp_path.rglob("*.pdf"))


def _evidence(site, content=PDF, name="rapor.pdf", actor=None):
    return services.evidence_upload(
        actor=actor or site.owner,
        round=site.round,
        enterprise=site.enterprise,
        upload=SimpleUploadedFile(name, content),
    )


def test_served_only_to_those_who_may_see_the_enterprise(en, client, site):
    document, photo = _evidence(site), _evidence(site, PNG, "foto.png")
    for user in (site.owner, site.facilitator, site.admin):
        en.force_login(user)
        response = en.get(reverse("competency:evidence_file", args=[document.pk]))
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment")
        assert (
            response["X-Content-Type-Options"] == "nosniff" and response["Content-Type"] == "application/pdf"
        )
        image = en.get(reverse("competency:evidence_file", args=[photo.pk]))
        assert image.status_code == 200 and not image["Content-Disposition"].startswith("attachment")
        assert image["Content-Type"] == "image/png" and image["X-Content-Type-Options"] == "nosniff"
    for intruder in (site.neighbour_owner, site.other_facilitator, site.far_owner):
        en.force_login(intruder)
        assert en.get(reverse("competency:evidence_file", args=[document.pk])).status_code == 404
    en.logout()
    response = en.get(reverse("competency:evidence_file", args=[document.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_never_served_from_media_url(client, site):
    evidence = _evidence(site)
    assert client.get(f"/media/{evidence.file.name}").status_code == 404


def test_removed_only_by_its_uploader_while_the_round_is_open(
    en, site, tmp_path, django_capture_on_commit_callbacks
):
    evidence = _evidence(site)
    stored = tmp_path / evidence.file.name
    delete = reverse("competency:evidence_delete", args=[evidence.pk])
    en.force_login(site.facilitator)
    assert en.post(delete).status_code == 403
    en.force_login(site.owner)
    page = en.get(
        reverse("competency:round_enterprise", args=[site.round.pk, site.enterprise.pk])
    ).content.decode()
    assert delete in page and "rapor.pdf" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert en.post(delete).status_code == 302
    assert not Evidence.objects.exists() and not stored.exists()
    kept = _evidence(site)
    services.round_close(actor=site.facilitator, round=site.round)
    response = en.post(reverse("competency:evidence_delete", args=[kept.pk]), follow=True)
    assert "closed" in response.content.decode() and Evidence.objects.filter(pk=kept.pk).exists()
