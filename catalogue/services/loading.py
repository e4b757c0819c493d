"""Writes that touch several models: loading the catalogue from its fixture files."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import reversion
import yaml
from django.core.management.color import no_style
from django.db import connection, models, transaction
from reversion.models import Version

from catalogue.models import (
    CheckStatus,
    Language,
    Page,
    PartnerOrganisation,
    Practice,
    PracticeKind,
    Status,
    TargetGroup,
    Theme,
)
from catalogue.search.index import index_practice
from catalogue.services.practice import TEXT_FIELDS, practice_save
from common.i18n import language_codes
from common.slugs import slug_changes_record
from municipalities.models import CooperationArea, Municipality, Region

# Every version the loader records says so; the admin's versions name their user instead.
LOAD_COMMENT_PREFIX = "Loaded from "
FRESHNESS_COMMENT = "Translation checks recomputed after loading"


class CatalogueDataError(ValueError):
    """The fixture files contradict themselves or the schema; the message says where."""


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    kept: Counter = field(default_factory=Counter)
    # "practice 12 Title" of each row changed in the admin: kept, or overwritten by --force.
    kept_rows: list[str] = field(default_factory=list)
    overwritten_rows: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def summary(self) -> str:
        names = sorted(set(self.created) | set(self.updated) | set(self.unchanged) | set(self.kept))
        lines = [
            f"{name}: {self.created[name]} created, {self.updated[name]} updated, "
            f"{self.unchanged[name]} unchanged, {self.kept[name]} kept"
            for name in names
        ]
        if self.kept_rows:
            lines.append("Kept, changed in the admin since the last load (--force overwrites):")
            lines += [f"  {row}" for row in self.kept_rows]
        if self.overwritten_rows:
            lines.append("Overwritten, although changed in the admin since the last load:")
            lines += [f"  {row}" for row in self.overwritten_rows]
        return "\n".join(lines)


def _read_yaml(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueDataError(f"{path}: {error}") from error


def _translated(record: dict, key: str, *, where: str, required: bool = True) -> dict[str, object]:
    values = record.get(key) or {}
    if not isinstance(values, dict):
        raise CatalogueDataError(f"{where}: {key} must map fi/sv/en to text")
    result = {}
    for code in language_codes():
        value = values.get(code)
        value = value.strip() if isinstance(value, str) else value
        if required and not value:
            raise CatalogueDataError(f"{where}: {key}.{code} is missing")
        empty = None if key == "slug" else ""
        result[f"{key}_{code}"] = value or empty
    return result


def _label(model) -> str:
    return str(model._meta.verbose_name_plural)


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list):
        return sorted(v.pk if isinstance(v, models.Model) else v for v in value)
    return value


def _changed_in_admin_since_load(instance, names: list[str]) -> bool:
    """Whether staff changed any of the fields `names` since the loader last wrote the row.

    Read from the row's history: the loader's versions carry no user, the admin's do.
    """
    versions = Version.objects.get_for_object(instance).select_related("revision")
    loaded = versions.filter(
        revision__user__isnull=True, revision__comment__startswith=LOAD_COMMENT_PREFIX
    ).first()
    later = versions.filter(revision__user__isnull=False)
    if loaded is not None:
        later = later.filter(pk__gt=loaded.pk)
    later = list(later)
    if not later:
        return False
    if loaded is None:
        return True
    attnames = [instance._meta.get_field(name).attname for name in names]
    base = loaded.field_dict
    return any(
        _comparable(version.field_dict.get(attname)) != _comparable(base.get(attname))
        for version in later
        for attname in attnames
    )


def _describe(model, instance) -> str:
    return f"{model._meta.verbose_name} {instance.pk} {instance}"


def _upsert(
    model,
    report: LoadReport,
    lookup: dict,
    values: dict,
    *,
    links=None,
    on_create=None,
    force: bool = False,
    comment: str,
):
    """Create or update one row, saving only when something differs (so timestamps hold still).

    `links` maps many-to-many field names to the full list of targets; a changed link is an
    update of the row. `on_create` holds values set only when the row is new: editorial
    state (published, archived, checked) belongs to the editors once a row exists. A row
    that staff changed in the admin since the last load is kept unless `force`. Each row
    written is one version of its own.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = _write(model, model(**lookup, **(on_create or {})), values, links, comment)
        report.created[_label(model)] += 1
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    changed += [
        name
        for name, targets in (links or {}).items()
        if {obj.pk for obj in getattr(instance, name).all()} != {obj.pk for obj in targets}
    ]
    if not changed:
        report.unchanged[_label(model)] += 1
        return instance
    if _changed_in_admin_since_load(instance, [*values, *(links or {})]):
        if not force:
            report.kept[_label(model)] += 1
            report.kept_rows.append(_describe(model, instance))
            return instance
        report.overwritten_rows.append(_describe(model, instance))
    instance = _write(
        model,
        instance,
        {name: values[name] for name in changed if name in values},
        {name: links[name] for name in changed if name in (links or {})},
        comment,
    )
    report.updated[_label(model)] += 1
    return instance


def _write(model, instance, values: dict, links: dict | None, comment: str):
    if model is Practice:
        return practice_save(
            practice=instance, user=None, changes={**values, **(links or {})}, comment=comment
        )
    with reversion.create_revision():
        reversion.set_comment(comment)
        new = instance.pk is None
        old_slugs = {c: getattr(instance, f"slug_{c}", None) for c in language_codes()}
        for name, value in values.items():
            setattr(instance, name, value)
        if not new and hasattr(instance, "lock_version"):
            instance.lock_version += 1  # a form opened before the load cannot overwrite it
        instance.save()
        for name, targets in (links or {}).items():
            getattr(instance, name).set(targets)
        if not new and any(name.startswith("slug_") for name in values):
            slug_changes_record(instance=instance, old_slugs=old_slugs)
    return instance


def _lookup(model, key: str, values, *, where: str) -> list:
    values = list(values or [])
    found = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": values})}
    missing = [value for value in values if value not in found]
    if missing:
        raise CatalogueDataError(
            f"{where}: unknown {model._meta.verbose_name} {', '.join(map(str, missing))}"
        )
    return [found[value] for value in values]


def _load_terms(model, records, report: LoadReport, *, where: str, **options):
    for position, record in enumerate(records or []):
        here = f"{where} {record.get('slug') or record.get('code')}"
        values = _translated(record, "name", where=here)
        if model in (TargetGroup, Theme):
            values.update(_translated(record, "description", where=here, required=False))
            values["position"] = position
        if model is PartnerOrganisation:
            values.update(_translated(record, "changes_since_source", where=here, required=False))
        if model is Language:
            values["autonym"] = record["autonym"]
            values["position"] = position
            _upsert(model, report, {"code": record["code"]}, values, **options)
        else:
            _upsert(model, report, {"slug": record["slug"]}, values, **options)


FIRST_REVIEW_DUE = date(2018, 2, 28)


@transaction.atomic
def catalogue_load(*, directory: Path, force: bool = False) -> LoadReport:
    """Load the catalogue fixture files in `directory` idempotently.

    Rows are matched on their natural keys (codes, slugs, practice ids) and only saved when
    something differs, so a second run changes nothing. A row that staff changed in the
    admin since the last load is kept (and reported) unless `force`. Each row written is a
    version of its own. Any inconsistency aborts the whole load with a CatalogueDataError
    that names the file and the record.
    """
    directory = Path(directory)
    report = LoadReport()
    options = {"force": force, "comment": f"{LOAD_COMMENT_PREFIX}{directory.name}"}

    for record in _read_yaml(directory / "regions.yaml"):
        values = _translated(record, "name", where=f"regions.yaml {record.get('code')}")
        _upsert(Region, report, {"code": record["code"]}, values, **options)

    regions = {region.code: region for region in Region.objects.all()}
    for record in _read_yaml(directory / "municipalities.yaml"):
        where = f"municipalities.yaml {record.get('code')}"
        if record.get("region") not in regions:
            raise CatalogueDataError(f"{where}: unknown region {record.get('region')}")
        values = {
            **_translated(record, "name", where=where),
            **_translated(record, "slug", where=where),
            "region": regions[record["region"]],
            "website": record.get("website", ""),
        }
        _upsert(Municipality, report, {"code": record["code"]}, values, **options)

    for record in _read_yaml(directory / "areas.yaml"):
        where = f"areas.yaml {record.get('slug')}"
        _upsert(
            CooperationArea,
            report,
            {"slug": record["slug"]},
            _translated(record, "name", where=where),
            links={"members": _lookup(Municipality, "code", record.get("members"), where=where)},
            **options,
        )

    taxonomies = _read_yaml(directory / "taxonomies.yaml")
    _load_terms(
        TargetGroup, taxonomies.get("target_groups"), report, where="target group", **options
    )
    _load_terms(Theme, taxonomies.get("themes"), report, where="theme", **options)
    _load_terms(Language, taxonomies.get("languages"), report, where="language", **options)
    _load_terms(
        PartnerOrganisation,
        _read_yaml(directory / "partners.yaml"),
        report,
        where="partner",
        **options,
    )

    pages = _read_yaml(directory / "pages.yaml") or []
    for record in pages:
        where = f"pages.yaml {record.get('key')}"
        values = {
            **_translated(record, "title", where=where),
            **_translated(record, "body", where=where),
        }
        _upsert(Page, report, {"key": record["key"]}, values, **options)

    seen_ids: set[int] = set()
    for path in sorted((directory / "practices").glob("*.yaml")):
        for record in _read_yaml(path) or []:
            practice = _load_practice(
                record, report, where=f"{path.name} practice {record.get('id')}", **options
            )
            index_practice(practice)
            if record["id"] in seen_ids:
                raise CatalogueDataError(f"{path.name}: practice id {record['id']} repeats")
            seen_ids.add(record["id"])

    # Explicit primary keys leave PostgreSQL's sequence behind; the next practice an editor
    # adds in the admin would otherwise collide with a loaded one.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Practice]):
            cursor.execute(sql)
    return report


def _load_practice(record: dict, report: LoadReport, *, where: str, **options) -> Practice:
    if not isinstance(record.get("id"), int):
        raise CatalogueDataError(f"{where}: id must be a whole number")
    values = {
        **_translated(record, "title", where=where),
        **_translated(record, "slug", where=where),
        **_translated(record, "summary", where=where),
        **_translated(record, "description", where=where),
        "original_language": record.get("original_language", "fi"),
        "source_page": record.get("source_page"),
        "kind": record.get("kind", PracticeKind.SERVICE),
    }
    if values["kind"] not in PracticeKind.values:
        raise CatalogueDataError(f"{where}: kind must be one of {', '.join(PracticeKind.values)}")
    lead_code = record.get("lead_municipality")
    municipalities = _lookup(Municipality, "code", record.get("municipalities"), where=where)
    lead = None
    if lead_code is not None:
        lead = _lookup(Municipality, "code", [lead_code], where=where)[0]
        if lead not in municipalities:
            raise CatalogueDataError(f"{where}: the lead municipality is not among municipalities")
    values["lead_municipality"] = lead

    links = {
        "municipalities": municipalities,
        "areas": _lookup(CooperationArea, "slug", record.get("areas"), where=where),
        "target_groups": _lookup(TargetGroup, "slug", record.get("target_groups"), where=where),
        "themes": _lookup(Theme, "slug", record.get("themes"), where=where),
        "service_languages": _lookup(
            Language, "code", record.get("service_languages"), where=where
        ),
        "partners": _lookup(PartnerOrganisation, "slug", record.get("partners"), where=where),
    }
    on_create = {"status": Status.PUBLISHED}
    if record.get("source_page"):
        # Described in the 2017 publication and not checked since: due for a check since a
        # year after the publication.
        on_create.update(check_status=CheckStatus.UNCHECKED, next_review_due=FIRST_REVIEW_DUE)
    practice = _upsert(
        Practice, report, {"id": record["id"]}, values, links=links, on_create=on_create, **options
    )
    _recompute_freshness(practice, values)
    return practice


def _recompute_freshness(practice: Practice, values: dict) -> None:
    """Clear the out-of-date mark of each translation that matches the fixture again.

    The fixture's languages are translations of each other: a language whose texts equal
    the fixture's, while the original does too, is as fresh as the fixture.
    """

    def matches(code):
        return all(
            (getattr(practice, f"{name}_{code}") or "") == (values[f"{name}_{code}"] or "")
            for name in TEXT_FIELDS
        )

    if not matches(practice.original_language):
        return
    fresh = {
        f"outdated_{code}": False
        for code in language_codes()
        if getattr(practice, f"outdated_{code}") and matches(code)
    }
    if fresh:
        practice_save(practice=practice, user=None, changes=fresh, comment=FRESHNESS_COMMENT)
