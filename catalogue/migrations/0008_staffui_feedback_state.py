"""Readers' reports get a state and an internal note instead of a "handled" tick."""

from django.db import migrations, models


def handled_to_state(apps, schema_editor):
    Feedback = apps.get_model("catalogue", "Feedback")
    Feedback.objects.filter(handled=True).update(state="done")
    Feedback.objects.filter(handled=False).update(state="new")


def state_to_handled(apps, schema_editor):
    Feedback = apps.get_model("catalogue", "Feedback")
    Feedback.objects.filter(state__in=["done", "rejected"]).update(handled=True)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0007_public_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="state",
            field=models.CharField(
                choices=[
                    ("new", "new"),
                    ("in_progress", "in progress"),
                    ("done", "done"),
                    ("rejected", "rejected"),
                ],
                default="new",
                max_length=12,
                verbose_name="state",
            ),
        ),
        migrations.AddField(
            model_name="feedback",
            name="note",
            field=models.TextField(
                blank=True,
                help_text="Seen by staff only: what was done, or why the report was rejected.",
                verbose_name="internal note",
            ),
        ),
        migrations.RunPython(handled_to_state, state_to_handled),
        migrations.AlterModelOptions(
            name="feedback",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "feedback",
                "verbose_name_plural": "feedback",
            },
        ),
        migrations.RemoveField(model_name="feedback", name="handled"),
        migrations.AddIndex(
            model_name="feedback",
            index=models.Index(fields=["state", "-created_at"], name="feedback_state_received"),
        ),
        migrations.AddConstraint(
            model_name="feedback",
            constraint=models.CheckConstraint(
                condition=models.Q(state__in=["new", "in_progress", "done", "rejected"]),
                name="feedback_state_valid",
            ),
        ),
    ]
