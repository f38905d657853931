"""factory_boy factories shared by every app's tests: ``from kinerja_web.tests.factories import ...``."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from kinerja_web.accounts.models import FacilitatorAssignment, Membership, Role
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker, WorkerRole

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    password = factory.django.Password(PASSWORD)


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    name = factory.Sequence(lambda n: f"Program {n}")
    funder = "Universitas Jember"


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Cluster {n}")
    kind = Cluster.Kind.SUB_DISTRICT
    sub_district = "Wuluhan"
    regency = "Jember"


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    cluster = factory.SubFactory(ClusterFactory)
    name = factory.Sequence(lambda n: f"UD Gula Kelapa {n}")
    nib = factory.Sequence(lambda n: f"{8120000000000 + n:013d}")
    commodity = "gula kelapa"
    village = "Lojejer"
    year_founded = 2015
    net_assets = 40_000_000
    business_capital = None
    annual_sales = 250_000_000
    owner = None


class WorkerRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkerRole
        django_get_or_create = ("program", "code")

    program = factory.SubFactory(ProgramFactory)
    code = "production"
    name = "produksi"


class WorkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Worker

    enterprise = factory.SubFactory(EnterpriseFactory)
    name = factory.Sequence(lambda n: f"Pekerja {n}")
    is_permanent = True
    # The program's "production" role; none for a worker built without saving.
    role = factory.LazyAttribute(
        lambda worker: (
            WorkerRoleFactory(program=worker.enterprise.cluster.program) if worker.enterprise.pk else None
        )
    )
    start_date = datetime.date(2021, 1, 4)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    program = factory.SubFactory(ProgramFactory)
    role = Role.ADMIN


class FacilitatorAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FacilitatorAssignment

    user = factory.SubFactory(UserFactory)
    cluster = factory.SubFactory(ClusterFactory)


def program_admin(program: Program, username: str | None = None):
    """A user who administers ``program``."""
    user = UserFactory(**({"username": username} if username else {}))
    MembershipFactory(user=user, program=program, role=Role.ADMIN)
    return user


def facilitator(cluster: Cluster, username: str | None = None):
    """A user who facilitates ``cluster``."""
    user = UserFactory(**({"username": username} if username else {}))
    MembershipFactory(user=user, program=cluster.program, role=Role.FACILITATOR)
    FacilitatorAssignmentFactory(user=user, cluster=cluster)
    return user


def owner(enterprise: Enterprise, username: str | None = None):
    """A user who owns ``enterprise``."""
    user = UserFactory(**({"username": username} if username else {}))
    enterprise.owner = user
    enterprise.save(update_fields=["owner"])
    return user
