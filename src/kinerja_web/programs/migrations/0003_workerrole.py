"""Worker roles become a chosen value of the program (competency: required levels per role).

The free-text roles typed so far become the program's roles (one per distinct text), and each
worker points at its own; the program's default roles are added beside them.
"""

from django.db import migrations, models
from django.db.models import deletion
from django.utils.text import slugify

DEFAULTS = (
    ("owner-manager", "pemilik-pengelola"),
    ("production", "produksi"),
    ("sales", "penjualan"),
    ("administration", "administrasi"),
)


def roles_from_text(apps, schema_editor):
    Worker = apps.get_model("programs", "Worker")
    WorkerRole = apps.get_model("programs", "WorkerRole")
    Program = apps.get_model("programs", "Program")
    for program in Program.objects.all():
        taken_codes = set()
        for position, (code, name) in enumerate(DEFAULTS):
            WorkerRole.objects.create(program=program, code=code, name=name, position=position)
            taken_codes.add(code)
    for worker in Worker.objects.exclude(role_text="").select_related("enterprise__cluster"):
        program_id = worker.enterprise.cluster.program_id
        text = worker.role_text.strip()
        role = WorkerRole.objects.filter(program_id=program_id, name__iexact=text).first()
        if role is None:
            base = slugify(text)[:40] or "role"
            code, n = base, 1
            while WorkerRole.objects.filter(program_id=program_id, code=code).exists():
                n += 1
                code = f"{base}-{n}"
            position = WorkerRole.objects.filter(program_id=program_id).count()
            role = WorkerRole.objects.create(program_id=program_id, code=code, name=text[:100], position=position)
        worker.role_new = role
        worker.save(update_fields=["role_new"])


def text_from_roles(apps, schema_editor):
    Worker = apps.get_model("programs", "Worker")
    for worker in Worker.objects.exclude(role_new=None).select_related("role_new"):
        worker.role_text = worker.role_new.name
        worker.save(update_fields=["role_text"])


class Migration(migrations.Migration):
    dependencies = [("programs", "0002_program_rating_bands")]

    operations = [
        migrations.CreateModel(
            name="WorkerRole",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=50, verbose_name="code")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                (
                    "program",
                    models.ForeignKey(
                        on_delete=deletion.CASCADE,
                        related_name="worker_roles",
                        to="programs.program",
                        verbose_name="program",
                    ),
                ),
            ],
            options={
                "verbose_name": "worker role",
                "verbose_name_plural": "worker roles",
                "ordering": ("program", "position", "name"),
                "constraints": [
                    models.UniqueConstraint(fields=("program", "code"), name="worker_role_code_unique_in_program"),
                    models.UniqueConstraint(fields=("program", "name"), name="worker_role_name_unique_in_program"),
                ],
            },
        ),
        migrations.RenameField("worker", "role", "role_text"),
        migrations.AddField(
            model_name="worker",
            name="role_new",
            field=models.ForeignKey(
                null=True, blank=True, on_delete=deletion.PROTECT, related_name="+", to="programs.workerrole"
            ),
        ),
        migrations.RunPython(roles_from_text, text_from_roles),
        migrations.RemoveField("worker", "role_text"),
        migrations.RenameField("worker", "role_new", "role"),
        migrations.AlterField(
            model_name="worker",
            name="role",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=deletion.PROTECT,
                related_name="workers",
                to="programs.workerrole",
                verbose_name="role",
            ),
        ),
    ]
