"""The search index: one SearchDocument per published practice and language.

`index_practice(practice)` is called by every write path (admin, workflow transitions,
revert, the loader, generate_practices) after the practice and its links are saved;
`index_rebuild()` (manage.py rebuild_search_index) redoes every practice, for instance after
an analyser was installed or a municipality renamed. Only published practices are indexed:
the index holds what the public may find.
"""

from collections.abc import Iterable

from django.db import transaction

from catalogue import caching
from catalogue.models import Practice, SearchDocument, SearchTerm, Status
from catalogue.search.analysis import LANGUAGES, WORD, index_text

FIELDS = ("title", "summary", "description")
MAX_TERM = SearchTerm._meta.get_field("term").max_length
# Shorter words are too short to correct a typo towards.
MIN_WORD = 4


def names_text(practice: Practice, language: str) -> str:
    """The names a resident may search a practice by, besides its text.

    Municipalities in Finnish and Swedish (Karleby finds Kokkola on any page); target
    groups and themes in `language`; service languages in `language` and in themselves.
    """
    return linked_names(
        language,
        municipalities=practice.municipalities.all(),
        terms=[*practice.target_groups.all(), *practice.themes.all()],
        languages=practice.service_languages.all(),
    )


def linked_names(language: str, *, municipalities, terms, languages) -> str:
    """The names of linked objects as names_text() gives them (for bulk indexing too)."""
    names = []
    for municipality in municipalities:
        names.extend(dict.fromkeys(filter(None, (municipality.name_fi, municipality.name_sv))))
    for term in terms:
        names.append(getattr(term, f"name_{language}") or term.name)
    for service_language in languages:
        names.extend([getattr(service_language, f"name_{language}"), service_language.autonym])
    return " ".join(filter(None, names))


def documents(practice: Practice) -> list[SearchDocument]:
    """The practice's documents, one per language that has a title."""
    result = []
    for language in LANGUAGES:
        values = {field: getattr(practice, f"{field}_{language}") or "" for field in FIELDS}
        if not values["title"]:
            continue
        result.append(
            SearchDocument(
                practice=practice,
                language=language,
                names=index_text(names_text(practice, language), language),
                **{field: index_text(text, language) for field, text in values.items()},
            )
        )
    return result


def index_practice(practice: Practice) -> None:
    """Make search find `practice` as it is now saved (or not at all, when not published)."""
    with transaction.atomic():
        SearchDocument.objects.filter(practice_id=practice.pk).delete()
        if practice.status != Status.PUBLISHED:
            return
        SearchDocument.objects.bulk_create(documents(practice))
        vocabulary_add([practice])


def vocabulary_add(practices: Iterable[Practice]) -> None:
    """Add the words the practices' texts are written with to the vocabulary that typos
    are corrected against (written words, not stems, because the page shows them)."""
    found = set()
    for practice in practices:
        for language in LANGUAGES:
            for field in FIELDS:
                text = getattr(practice, f"{field}_{language}") or ""
                found.update(WORD.findall(text.casefold()))
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(term=word)
            for word in sorted(found)
            if MIN_WORD <= len(word) <= MAX_TERM and not word.isdigit()
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


def index_rebuild(*, batch_size: int = 200) -> int:
    """Rebuild every practice's documents and the vocabulary; returns how many practices."""
    published = (
        Practice.objects.published()
        .order_by("pk")
        .prefetch_related("municipalities", "target_groups", "themes", "service_languages")
    )
    count = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        batch = []
        for practice in published.iterator(chunk_size=batch_size):
            batch.append(practice)
            count += 1
            if len(batch) >= batch_size:
                _index_batch(batch)
                batch = []
        _index_batch(batch)
    # Search answers change without any practice being saved: drop cached pages (after the
    # transaction, so no request caches the old answers again).
    caching.catalogue_changed()
    return count


def _index_batch(practices: list[Practice]) -> None:
    SearchDocument.objects.bulk_create([d for p in practices for d in documents(p)])
    vocabulary_add(practices)
