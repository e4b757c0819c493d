from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalogue.services import CatalogueDataError, catalogue_load


class Command(BaseCommand):
    help = (
        "Load the catalogue (regions, municipalities, taxonomies, practices, pages) from the "
        "fixture files. Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=settings.CATALOGUE_FIXTURES_DIR,
            help="Folder of the fixture files (default: fixtures/catalogue).",
        )

    def handle(self, *args, directory: Path, verbosity: int, **options):
        try:
            report = catalogue_load(directory=directory)
        except CatalogueDataError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        if verbosity:
            self.stdout.write(report.summary())
            self.stdout.write(
                self.style.SUCCESS("Catalogue loaded." if report.changed else "Already up to date.")
            )
