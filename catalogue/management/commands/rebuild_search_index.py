"""Rebuild the search index of every published practice."""

import time

from django.core.management.base import BaseCommand

from catalogue.models import Practice, SearchDocument
from catalogue.search.index import index_rebuild


class Command(BaseCommand):
    help = (
        "Analyse every published practice again and rebuild the search index and the "
        "vocabulary of typo correction: after an analyser (Voikko, hunspell-sv) was installed "
        "or updated, after renaming municipalities or taxonomies, and after upgrading."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only when published practices exist but nothing is indexed (start-up).",
        )

    def handle(self, *args, if_empty: bool, verbosity: int, **options):
        if if_empty and (
            SearchDocument.objects.exists() or not Practice.objects.published().exists()
        ):
            return
        started = time.perf_counter()
        count = index_rebuild()
        if verbosity:
            self.stdout.write(
                f"Indexed {count} practices in {time.perf_counter() - started:.1f} s."
            )
