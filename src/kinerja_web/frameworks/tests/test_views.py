"""The framework pages: forms, the live CR partial, permissions and the locked-version flow."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from kinerja_web.frameworks import demo, paper
from kinerja_web.frameworks.models import ExpertJudgment, Framework
from kinerja_web.frameworks.tests.factories import (
    close_period_with,
    micro_framework,
    paper_framework,
    three_indicators,
)
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    return f.ClusterFactory()


@pytest.fixture
def facilitator_client(client, cluster):
    client.force_login(f.facilitator(cluster, "pendamping"))
    return client


def in_english(client):
    """The user chose English (the language switch's cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _verbal(children, values):
    """POST data of the verbal form: ``values`` for the pairs in order (a before b)."""
    data = {"mode": "verbal", "expert_name": "Ahli", "expert_weight": "1"}
    pairs = [(a, b) for i, a in enumerate(children) for b in children[i + 1 :]]
    for (a, b), value in zip(pairs, values, strict=True):
        data[f"pair_{a.pk}_{b.pk}"] = value
    return data


def test_facilitator_reads_the_tree_global_weights_and_sensitivity(facilitator_client, cluster):
    in_english(facilitator_client)
    framework = paper_framework(cluster.program)

    detail = facilitator_client.get(reverse("frameworks:detail", args=[framework.pk]))
    weights = facilitator_client.get(reverse("frameworks:weights", args=[framework.pk]))
    sensitivity = facilitator_client.get(reverse("frameworks:sensitivity", args=[framework.pk]))
    listing = facilitator_client.get(reverse("frameworks:list"))

    assert detail.status_code == weights.status_code == sensitivity.status_code == listing.status_code == 200
    assert "Rotasi kerja" in detail.content.decode()
    assert "23.260 %" in weights.content.decode() and "100.000 %" in weights.content.decode()
    assert paper.SDM in sensitivity.content.decode()
    assert framework.name in listing.content.decode()


def test_the_verbal_scale_is_indonesian_by_default(facilitator_client, cluster):
    _framework, sdm, _ = three_indicators(cluster.program)

    page = facilitator_client.get(reverse("frameworks:judgments_new", args=[sdm.pk])).content.decode()

    assert "Kehadiran mutlak lebih penting daripada Waktu produksi (9)" in page
    assert "Kehadiran dan Waktu produksi sama penting (1)" in page
    assert "Rotasi kerja sedikit lebih penting daripada Waktu produksi (3)" in page


def test_live_preview_returns_weights_cr_and_suggestions_without_saving(facilitator_client, cluster):
    in_english(facilitator_client)
    _framework, sdm, children = three_indicators(cluster.program)
    url = reverse("frameworks:judgments_preview", args=[sdm.pk])

    response = facilitator_client.post(url, _verbal(children, ["3", "1/2", "2"]), HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page  # a partial
    assert 'id="cr-value"' in page and "inconsistent" in page
    assert "data-apply-field=" in page and "Change ‘Kehadiran vs" in page
    assert not ExpertJudgment.objects.exists()


def test_saving_judgments_on_the_verbal_scale_stores_them(facilitator_client, cluster):
    _framework, sdm, children = three_indicators(cluster.program)

    response = facilitator_client.post(
        reverse("frameworks:judgments_new", args=[sdm.pk]), _verbal(children, ["3", "5", "2"])
    )

    assert response.status_code == 302 and response["Location"] == reverse("frameworks:ahp", args=[sdm.pk])
    stored = ExpertJudgment.objects.get()
    a, b, c = (child.pk for child in children)
    assert stored.judgments == [[a, b, "3"], [a, c, "5"], [b, c, "2"]]


def test_matrix_entry_accepts_fractions_and_decimals_and_names_a_bad_pair(facilitator_client, cluster):
    in_english(facilitator_client)
    _framework, sdm, children = three_indicators(cluster.program)
    a, b, c = (child.pk for child in children)
    url = reverse("frameworks:judgments_new", args=[sdm.pk])
    data = {"mode": "matrix", "expert_name": "Ahli", "expert_weight": "1"}

    bad = facilitator_client.post(
        url, {**data, f"pair_{a}_{b}": "3", f"pair_{a}_{c}": "0", f"pair_{b}_{c}": "2"}
    )
    good = facilitator_client.post(
        url, {**data, f"pair_{a}_{b}": "1/3", f"pair_{a}_{c}": "0.333", f"pair_{b}_{c}": "1"}
    )

    assert bad.status_code == 200
    assert "Kehadiran vs Rotasi kerja: “0” is not positive" in bad.content.decode()
    assert good.status_code == 302
    assert ExpertJudgment.objects.get().judgments[1] == [a, c, "0.333"]


def test_a_suggestion_is_applied_to_the_form_unsaved_without_javascript(facilitator_client, cluster):
    _framework, sdm, children = three_indicators(cluster.program)
    a, _b, c = (child.pk for child in children)
    data = _verbal(children, ["3", "1/2", "2"])

    response = facilitator_client.post(
        reverse("frameworks:judgments_new", args=[sdm.pk]), {**data, "apply": f"pair_{a}_{c}=6"}
    )

    assert response.status_code == 200
    assert response.context["form"][f"pair_{a}_{c}"].value() == "6"
    assert response.context["analysis"].result.cr < 0.1
    assert not ExpertJudgment.objects.exists()


def test_the_ahp_page_shows_experts_consensus_and_cr(facilitator_client, cluster):
    in_english(facilitator_client)
    framework = micro_framework(cluster.program)
    sdm = framework.nodes.get(name=paper.SDM)

    page = facilitator_client.get(reverse("frameworks:ahp", args=[sdm.pk])).content.decode()

    assert demo.FIELD_FACILITATOR in page and demo.RESEARCHER in page
    assert "Consensus S*" in page
    assert "0.117 ⚠" in page


def test_owner_reads_the_framework_of_their_scorecard_but_cannot_change_it(client, cluster):
    enterprise = f.EnterpriseFactory(cluster=cluster)
    framework = micro_framework(cluster.program)
    close_period_with(framework, enterprise, closed=False)
    sdm = framework.nodes.get(name=paper.SDM)
    client.force_login(f.owner(enterprise))

    assert client.get(reverse("frameworks:detail", args=[framework.pk])).status_code == 200
    assert (
        client.get(reverse("frameworks:judgments_edit", args=[sdm.judgment_sets.first().pk])).status_code
        == 200
    )
    assert client.get(reverse("frameworks:edit", args=[framework.pk])).status_code == 403
    assert client.post(reverse("frameworks:node_rename", args=[sdm.pk]), {"name": "X"}).status_code == 403
    assert client.post(reverse("frameworks:new_version", args=[framework.pk])).status_code == 403
    assert Framework.objects.count() == 1


def test_owner_does_not_see_frameworks_their_scorecards_do_not_use(client, cluster):
    enterprise = f.EnterpriseFactory(cluster=cluster)
    framework = micro_framework(cluster.program)
    client.force_login(f.owner(enterprise))

    assert client.get(reverse("frameworks:detail", args=[framework.pk])).status_code == 404


def test_facilitator_of_another_program_gets_404(client, cluster):
    framework = micro_framework(cluster.program)
    client.force_login(f.facilitator(f.ClusterFactory()))

    assert client.get(reverse("frameworks:detail", args=[framework.pk])).status_code == 404
    assert client.get(reverse("frameworks:ahp", args=[framework.nodes.first().pk])).status_code == 404


def test_editing_a_locked_framework_offers_a_new_version_that_opens_the_same_page_of_the_copy(
    facilitator_client, cluster
):
    in_english(facilitator_client)
    framework = micro_framework(cluster.program)
    close_period_with(framework, f.EnterpriseFactory(cluster=cluster))
    sdm = framework.nodes.get(name=paper.SDM)

    refused = facilitator_client.post(reverse("frameworks:node_rename", args=[sdm.pk]), {"name": "SDM"})
    assert refused.status_code == 409
    assert "Make a new version" in refused.content.decode()
    assert framework.nodes.filter(name=paper.SDM).exists()

    made = facilitator_client.post(
        reverse("frameworks:new_version", args=[framework.pk]), {"node": sdm.pk, "next": "frameworks:ahp"}
    )

    copy = Framework.objects.get(version=2)
    copied_sdm = copy.nodes.get(name=paper.SDM)
    assert made.status_code == 302 and made["Location"] == reverse("frameworks:ahp", args=[copied_sdm.pk])
    renamed = facilitator_client.post(
        reverse("frameworks:node_rename", args=[copied_sdm.pk]), {"name": "SDM"}
    )
    assert renamed.status_code == 302
    detail = facilitator_client.get(reverse("frameworks:detail", args=[framework.pk])).content.decode()
    assert "locked: used by a closed period" in detail


def test_creating_a_framework_from_the_default_template(facilitator_client, cluster):
    form = facilitator_client.get(reverse("frameworks:create")).context["form"]
    assert form["template"].initial == "paper-medium"

    response = facilitator_client.post(
        reverse("frameworks:create"),
        {
            "program": cluster.program.pk,
            "template": "paper-medium",
            "name": "KPI 2025",
            "size_class": "medium",
        },
    )

    framework = Framework.objects.get(name="KPI 2025")
    assert response.status_code == 302 and response["Location"] == framework.get_absolute_url()
    assert framework.nodes.count() == 13


def test_node_editor_adds_renames_moves_and_removes(facilitator_client, cluster):
    _framework, sdm, children = three_indicators(cluster.program)

    facilitator_client.post(
        reverse("frameworks:node_add", args=[sdm.pk]),
        {
            "name": "Disiplin",
            "kind": "indicator",
            "unit": "hari",
            "direction": "lower",
            "actual_source": "manual",
        },
    )
    added = sdm.children.get(name="Disiplin")
    facilitator_client.post(reverse("frameworks:node_move", args=[added.pk]), {"direction": "up"})
    facilitator_client.post(
        reverse("frameworks:indicator", args=[added.pk]),
        {"unit": "kali", "direction": "lower", "actual_source": "attendance_days", "source_product": ""},
    )
    duplicate = facilitator_client.post(
        reverse("frameworks:node_add", args=[sdm.pk]),
        {"name": "Kehadiran", "kind": "indicator", "direction": "higher", "actual_source": "manual"},
    )
    refused = facilitator_client.post(reverse("frameworks:node_delete", args=[children[0].pk]))
    facilitator_client.post(reverse("frameworks:node_delete", args=[children[1].pk]), {"confirm": "1"})

    added.refresh_from_db()
    assert (added.position, added.unit, added.actual_source) == (1, "kali", "attendance_days")
    assert duplicate.status_code == 400 and "Kehadiran" in duplicate.content.decode()
    assert refused.status_code == 302 and sdm.children.filter(pk=children[0].pk).exists()
    assert list(sdm.children.order_by("position").values_list("name", flat=True)) == [
        "Kehadiran",
        "Disiplin",
        "Rotasi kerja",
    ]


def test_moving_a_node_says_it_moved(facilitator_client, cluster):
    _framework, _sdm, children = three_indicators(cluster.program)
    move = reverse("frameworks:node_move", args=[children[1].pk])
    response = facilitator_client.post(move, {"direction": "up"}, follow=True)
    assert "Dipindahkan." in response.content.decode()


def _ids_and_label_targets(html: str) -> tuple[list[str], list[str]]:
    return re.findall(r'\bid="([^"]+)"', html), re.findall(r'<label[^>]*\bfor="([^"]+)"', html)


def test_every_label_on_a_node_page_points_at_its_own_input(facilitator_client, cluster):
    _framework, sdm, children = three_indicators(cluster.program)
    add_refused = facilitator_client.post(reverse("frameworks:node_add", args=[sdm.pk]), {"name": ""})
    for response in (
        facilitator_client.get(reverse("frameworks:node", args=[sdm.pk])),  # add and rename forms
        facilitator_client.get(reverse("frameworks:node", args=[children[0].pk])),  # indicator and rename
        add_refused,  # the page again, with errors
    ):
        ids, targets = _ids_and_label_targets(response.content.decode())
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
        assert targets and set(targets) <= set(ids)
    assert add_refused.status_code == 400 and 'id="add_name"' in add_refused.content.decode()


def test_adopted_weights_are_entered_in_percent(facilitator_client, cluster):
    in_english(facilitator_client)
    _framework, sdm, children = three_indicators(cluster.program)
    url = reverse("frameworks:adopted", args=[sdm.pk])

    wrong = facilitator_client.post(
        url, {f"weight_{c.pk}": v for c, v in zip(children, ["50", "30", "10"], strict=True)}
    )
    right = facilitator_client.post(
        url, {f"weight_{c.pk}": v for c, v in zip(children, ["50", "30.5", "19.5"], strict=True)}
    )

    assert wrong.status_code == 200 and "these sum to 90 %" in wrong.content.decode()
    assert right.status_code == 302
    children[1].refresh_from_db()
    assert children[1].adopted_weight == pytest.approx(0.305)


def test_adopted_weights_off_100_are_refused_in_indonesian_and_in_percent(facilitator_client, cluster):
    _framework, sdm, children = three_indicators(cluster.program)
    url = reverse("frameworks:adopted", args=[sdm.pk])

    wrong = facilitator_client.post(
        url, {f"weight_{c.pk}": v for c, v in zip(children, ["60,5", "30", "10"], strict=True)}
    )

    html = wrong.content.decode()
    assert wrong.status_code == 200
    assert "Bobot harus berjumlah 100 %; jumlahnya sekarang 100,5 %." in html
    assert "sum to" not in html and "1.005" not in html  # not the core's English fraction
    assert all(child.adopted_weight is None for child in sdm.children.all())


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("dua", "Kehadiran vs Rotasi kerja: “dua” bukan angka atau pecahan seperti 1/3."),
        ("0", "Kehadiran vs Rotasi kerja: “0” tidak positif"),
        ("12", "Kehadiran vs Rotasi kerja: “12” di luar skala Saaty, 1/9 sampai 9."),
    ],
)
def test_a_bad_matrix_judgment_is_named_in_indonesian_on_its_pair(
    facilitator_client, cluster, typed, message
):
    _framework, sdm, children = three_indicators(cluster.program)
    a, b, c = (child.pk for child in children)
    data = {"mode": "matrix", "expert_name": "Ahli", "expert_weight": "1"}
    data |= {f"pair_{a}_{b}": "3", f"pair_{a}_{c}": typed, f"pair_{b}_{c}": "1,5"}

    page = facilitator_client.post(reverse("frameworks:judgments_new", args=[sdm.pk]), data)
    preview = facilitator_client.post(reverse("frameworks:judgments_preview", args=[sdm.pk]), data)

    assert page.status_code == 200 and message in page.content.decode()
    assert "is not" not in page.content.decode() and "outside" not in page.content.decode()
    assert preview.status_code == 200 and message in preview.content.decode()
    assert not ExpertJudgment.objects.exists()


def test_matrix_judgments_that_leave_a_child_uncompared_say_which_in_indonesian(facilitator_client, cluster):
    _framework, sdm, children = three_indicators(cluster.program)
    _a, b, c = (child.pk for child in children)
    data = {"mode": "matrix", "expert_name": "Ahli", "expert_weight": "1", f"pair_{b}_{c}": "2"}

    page = facilitator_client.post(reverse("frameworks:judgments_new", args=[sdm.pk]), data)

    html = page.content.decode()
    assert page.status_code == 200
    assert "tidak pernah dibandingkan" in html and "{Kehadiran} | {Waktu produksi, Rotasi kerja}" in html
    assert "separate groups" not in html
    assert not ExpertJudgment.objects.exists()


def test_an_unweighted_node_says_not_yet_weighted_once(facilitator_client, cluster):
    in_english(facilitator_client)
    framework, sdm, _children = three_indicators(cluster.program)

    ahp = facilitator_client.get(reverse("frameworks:ahp", args=[sdm.pk])).content.decode()
    detail = facilitator_client.get(reverse("frameworks:detail", args=[framework.pk])).content.decode()

    assert "Not yet weighted:</strong> no judgments yet" in ahp
    assert "SDM</a>: no judgments yet" in detail
    assert "not yet weighted: not yet weighted" not in ahp.lower()
