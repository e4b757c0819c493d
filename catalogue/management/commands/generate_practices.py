"""Synthetic practices for measuring search and listing at scale (benchmarks only)."""

import functools
import random
import re

from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.text import slugify

from catalogue.models import (
    Language,
    PartnerOrganisation,
    Practice,
    SearchDocument,
    Status,
    TargetGroup,
    Theme,
)
from catalogue.search.analysis import LANGUAGES, index_text
from catalogue.search.index import linked_names
from municipalities.models import Municipality

SENTENCE = re.compile(r"(?<=[.!?])\s+")


@functools.lru_cache(maxsize=50_000)
def _analysed(text: str, language: str) -> str:
    return index_text(text, language)


class Command(BaseCommand):
    help = (
        "Add N synthetic practices across the real municipalities and taxonomies, with texts "
        "recombined from the real catalogue's sentences. For benchmarks: never run it on a "
        "production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=2017)
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, count, seed, batch_size, verbosity, **options):
        if count < 1:
            raise CommandError("count must be 1 or more")
        real = list(Practice.objects.filter(source_page__isnull=False))
        municipalities = list(Municipality.objects.all())
        if not real or not municipalities:
            raise CommandError("Load the catalogue first (load_catalogue).")
        rng = random.Random(seed)
        pools = {
            code: {
                "title": [getattr(p, f"title_{code}") for p in real],
                "sentences": [
                    s for p in real for s in SENTENCE.split(getattr(p, f"description_{code}")) if s
                ],
            }
            for code in ("fi", "sv", "en")
        }
        links = {
            "target_groups": list(TargetGroup.objects.all()),
            "themes": list(Theme.objects.all()),
            "service_languages": list(Language.objects.all()),
            "partners": list(PartnerOrganisation.objects.all()),
        }
        start = (Practice.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        created = 0
        while created < count:
            size = min(batch_size, count - created)
            with transaction.atomic():
                self._batch(rng, start + created, size, pools, municipalities, links)
            created += size
            if verbosity:
                self.stdout.write(f"{created} / {count}")
        # Explicit ids leave PostgreSQL's sequence behind.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Practice]):
                cursor.execute(sql)

    def _batch(self, rng, first_id, size, pools, municipalities, links):
        practices = []
        texts = {}
        for number in range(first_id, first_id + size):
            values = {
                "id": number,
                "original_language": "fi",
                "source_page": None,
                "status": Status.PUBLISHED,
            }
            for code, pool in pools.items():
                base = rng.choice(pool["title"])
                sentences = rng.sample(pool["sentences"], k=min(6, len(pool["sentences"])))
                texts.setdefault(number, {})[code] = (base, number, sentences)
                values[f"title_{code}"] = f"{base} {number}"
                values[f"slug_{code}"] = f"{slugify(base)[:70].strip('-')}-{number}"
                values[f"summary_{code}"] = sentences[0]
                values[f"description_{code}"] = " ".join(sentences)
            lead = rng.choice(municipalities)
            values["lead_municipality"] = lead
            practices.append(Practice(**values))
        Practice.objects.bulk_create(practices)
        through_rows = {name: [] for name in ("municipalities", *links)}
        for practice in practices:
            members = {practice.lead_municipality, *rng.sample(municipalities, k=rng.randint(0, 2))}
            for municipality in members:
                through_rows["municipalities"].append(
                    Practice.municipalities.through(practice=practice, municipality=municipality)
                )
            for name, options in links.items():
                field = Practice._meta.get_field(name)
                target = field.remote_field.model._meta.model_name
                for obj in rng.sample(options, k=min(len(options), rng.randint(1, 3))):
                    row = field.remote_field.through(practice=practice, **{target: obj})
                    through_rows[name].append(row)
        for rows in through_rows.values():
            if rows:
                type(rows[0]).objects.bulk_create(rows)
        self._index(practices, through_rows, texts)

    def _index(self, practices, through_rows, texts):
        """Index the batch in bulk, as index_practice would one at a time: the texts are
        recombined sentences, so each sentence and name is analysed once per run."""
        linked = {
            practice.pk: {"municipalities": [], "terms": [], "languages": []}
            for practice in practices
        }
        for row in through_rows["municipalities"]:
            linked[row.practice_id]["municipalities"].append(row.municipality)
        for name in ("target_groups", "themes"):
            for row in through_rows[name]:
                linked[row.practice_id]["terms"].append(
                    row.targetgroup if name == "target_groups" else row.theme
                )
        for row in through_rows["service_languages"]:
            linked[row.practice_id]["languages"].append(row.language)
        documents = []
        for practice in practices:
            for code in LANGUAGES:
                base, number, sentences = texts[practice.pk][code]
                documents.append(
                    SearchDocument(
                        practice=practice,
                        language=code,
                        title=f"{_analysed(base, code)} {number}",
                        summary=_analysed(sentences[0], code),
                        description=" ".join(_analysed(s, code) for s in sentences),
                        names=_analysed(linked_names(code, **linked[practice.pk]), code),
                    )
                )
        SearchDocument.objects.bulk_create(documents)
