from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from catalogue.models import Practice
from catalogue.services import CatalogueDataError, catalogue_load


class Command(BaseCommand):
    help = (
        "Load the catalogue (regions, municipalities, taxonomies, practices, pages) from the "
        "fixture files. Idempotent: a second run changes nothing. What staff changed in the "
        "admin since the last load is kept unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=settings.CATALOGUE_FIXTURES_DIR,
            help="Folder of the fixture files (default: fixtures/catalogue).",
        )
        parser.add_argument(
            "--only-if-empty",
            action="store_true",
            help=(
                "Load only into a database without practices. Production start-up uses this, "
                "so that a restart never overwrites what editors have changed in the admin."
            ),
        )

        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite also what staff changed in the admin since the last load.",
        )

    def handle(
        self, *args, directory: Path, verbosity: int, only_if_empty: bool, force: bool, **options
    ):
        if only_if_empty and Practice.objects.exists():
            if verbosity:
                self.stdout.write("The catalogue already has practices; nothing was loaded.")
            return
        try:
            with translation.override("en"):
                report = catalogue_load(directory=directory, force=force)
        except CatalogueDataError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        if verbosity:
            self.stdout.write(report.summary())
            self.stdout.write(
                self.style.SUCCESS("Catalogue loaded." if report.changed else "Already up to date.")
            )
