"""Messages in the user's language: core errors by their code, Django's wording, numbers, compression.

The core says what is wrong (``kinerja.errors.InputError.code`` and ``params``); the pages say
it in Indonesian through ``kinerja_web.core_messages``, never in the core's English.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja.ahp import parse_comparison
from kinerja.errors import InputError, MatrixError
from kinerja_web.core_messages import FALLBACK, MESSAGES, core_message
from kinerja_web.formfields import LocalizedDecimalField, WholeNumberField
from kinerja_web.frameworks.tests.factories import three_indicators
from kinerja_web.tests import factories as f


def _matrix_error(document: dict) -> MatrixError:
    with pytest.raises(MatrixError) as caught:
        parse_comparison(document)
    return caught.value


def test_every_worded_code_has_an_indonesian_sentence():
    with translation.override("en"):
        english = {code: str(text) for code, text in MESSAGES.items()}
    with translation.override("id"):
        untranslated = [code for code, text in MESSAGES.items() if str(text) == english[code]]
    assert not untranslated


def test_core_errors_are_said_in_indonesian_with_numbers_in_its_format():
    scale = _matrix_error({"criteria": ["A", "B"], "judgments": [["A", "B", "12"]]})
    reciprocal = _matrix_error({"criteria": ["A", "B"], "matrix": [[1, 3], [3, 1]]})
    apart = _matrix_error({"criteria": ["A", "B", "C", "D"], "judgments": [["A", "B", 3], ["C", "D", 2]]})
    with translation.override("id"):
        assert core_message(scale) == "“12” di luar skala Saaty, 1/9 sampai 9."
        assert "seharusnya sekitar 0,3333" in core_message(reciprocal)
        assert core_message(apart).startswith(
            "Ada kriteria yang tidak pernah dibandingkan dengan yang lain: {A, B} | {C, D}."
        )
    with translation.override("en"):
        assert core_message(scale) == "“12” is outside Saaty's scale, 1/9 to 9."


def test_a_code_without_a_sentence_is_never_said_in_english():
    error = InputError("input", "must be an object with criteria and experts", code="ahp.group_not_object")
    with translation.override("id"):
        message = core_message(error)
    assert message == str(FALLBACK) % {"code": "ahp.group_not_object"} or "ahp.group_not_object" in message
    assert "must be an object" not in message


@pytest.mark.django_db
def test_the_matrix_page_says_nothing_wrong_before_anything_is_typed(client):
    cluster = f.ClusterFactory()
    client.force_login(f.facilitator(cluster, "pendamping"))
    _framework, sdm, _children = three_indicators(cluster.program)
    page = client.get(reverse("frameworks:judgments_new", args=[sdm.pk]) + "?mode=matrix").content.decode()
    assert "never compared" not in page and "separate groups" not in page
    assert "tidak pernah dibandingkan" not in page


@pytest.mark.django_db
def test_a_judgment_off_the_scale_is_refused_on_its_pair_in_indonesian(client):
    cluster = f.ClusterFactory()
    client.force_login(f.facilitator(cluster, "pendamping"))
    _framework, sdm, children = three_indicators(cluster.program)
    a, b, c = children
    data = {"mode": "matrix", "expert_name": "Ahli", "expert_weight": "1"}
    data |= {f"pair_{a.pk}_{b.pk}": "12", f"pair_{a.pk}_{c.pk}": "3", f"pair_{b.pk}_{c.pk}": "2"}
    page = client.post(reverse("frameworks:judgments_new", args=[sdm.pk]), data).content.decode()
    assert f"{a.name} vs {b.name}: “12” di luar skala Saaty, 1/9 sampai 9." in page
    assert "outside Saaty" not in page


@pytest.mark.django_db
def test_a_wrong_password_is_said_once_and_in_one_form_of_address(client):
    get_user_model().objects.create_user("budi", password="benar-sekali-123")
    page = client.post(reverse("login"), {"username": "budi", "password": "salah"}).content.decode()
    assert "Masukkan nama pengguna dan kata sandi yang benar." in page
    assert "nama pengguna nama pengguna" not in page


def test_django_password_messages_say_anda_and_kata_sandi():
    from django.contrib.auth.password_validation import CommonPasswordValidator, NumericPasswordValidator

    with translation.override("id"):
        assert str(CommonPasswordValidator().get_help_text()) == (
            "Kata sandi Anda tidak boleh kata sandi yang umum dipakai."
        )
        with pytest.raises(ValidationError) as caught:
            NumericPasswordValidator().validate("12345678")
    assert caught.value.messages == ["Kata sandi ini hanya berisi angka."]


def test_hours_typed_with_a_dot_are_read_as_decimals_in_indonesian():
    field = LocalizedDecimalField(label="Jam operasi", min_value=Decimal(0), max_value=Decimal(24))
    with translation.override("id"):
        assert field.clean("8.5") == Decimal("8.5")
        assert field.clean("8.25") == Decimal("8.25")
        assert field.clean("7,5") == Decimal("7.5")
        with pytest.raises(ValidationError) as caught:
            field.clean("8.500")  # three digits after the dot: eight thousand five hundred
    assert caught.value.messages == ["Jam operasi: paling banyak 24."]


def test_number_limits_are_grouped_and_name_the_field():
    with translation.override("id"):
        with pytest.raises(ValidationError) as caught:
            WholeNumberField(label="Jumlah", max_value=1_000_000).clean("2000000")
        assert caught.value.messages == ["Jumlah: paling banyak 1.000.000."]
        with pytest.raises(ValidationError) as caught:
            WholeNumberField(label="Tahun").clean("99999999999999999999")
        assert caught.value.messages == ["Tahun: paling banyak 9.223.372.036.854.775.807."]


@pytest.mark.django_db
def test_pages_are_sent_gzipped_to_a_browser_that_accepts_it(client):
    cluster = f.ClusterFactory()
    client.force_login(f.facilitator(cluster, "pendamping"))
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    plain = client.get("/")
    assert compressed.status_code == 200 and compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert not plain.has_header("Content-Encoding")
    assert len(compressed.content) < len(plain.content) / 2
