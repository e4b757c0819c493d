"""What the admin's practice change form posts, for tests that edit like an editor does."""

from django.urls import reverse

# The inlines of web links and service points, as the form sends them when they are empty.
EMPTY_INLINES = {
    f"{prefix}-{key}": 0
    for prefix in ("links", "service_points")
    for key in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def practice_form_data(practice, **changes) -> dict:
    """The change form as it stands for `practice`, with `changes` applied.

    The edit version is the stored one, as in a form opened just now; pass `edit_version`
    to post from an older form.
    """
    data = {
        "original_language": practice.original_language,
        "lead_municipality": practice.lead_municipality_id or "",
        "municipalities": [m.pk for m in practice.municipalities.all()],
        "target_groups": [t.pk for t in practice.target_groups.all()],
        "themes": [t.pk for t in practice.themes.all()],
        "service_languages": [lang.pk for lang in practice.service_languages.all()],
        "partners": [p.pk for p in practice.partners.all()],
        "source_page": practice.source_page or "",
        "check_status": practice.check_status,
        "last_checked": "",
        "next_review_due": "",
        "kind": practice.kind,
        "cost": practice.cost,
        "email": practice.email,
        "phone": str(practice.phone or ""),
        **EMPTY_INLINES,
    }
    for field in ("title", "slug", "summary", "description"):
        for code in ("fi", "sv", "en"):
            data[f"{field}_{code}"] = getattr(practice, f"{field}_{code}") or ""
    for code in ("fi", "sv", "en"):
        if getattr(practice, f"outdated_{code}"):
            data[f"outdated_{code}"] = "on"
    if "edit_version" not in changes:
        data["edit_version"] = type(practice).objects.get(pk=practice.pk).lock_version
    data.update(changes)
    return data


def post_practice_form(client, practice, **changes):
    url = reverse("admin:catalogue_practice_change", args=[practice.pk])
    return client.post(url, practice_form_data(practice, **changes))


def version_form_data(version) -> dict:
    """What the revert or recover form of a practice's old version posts unchanged."""
    fields = version.field_dict
    data = {
        "original_language": fields["original_language"],
        "lead_municipality": fields["lead_municipality_id"] or "",
        "source_page": fields["source_page"] or "",
        "check_status": fields["check_status"],
        "last_checked": fields["last_checked"] or "",
        "next_review_due": fields["next_review_due"] or "",
        "kind": fields.get("kind") or "service",
        **EMPTY_INLINES,
    }
    for name in ("municipalities", "areas", "target_groups", "themes", "service_languages"):
        data[name] = list(fields.get(name) or [])
    data["partners"] = list(fields.get("partners") or [])
    for field in ("title", "slug", "summary", "description"):
        for code in ("fi", "sv", "en"):
            data[f"{field}_{code}"] = fields[f"{field}_{code}"] or ""
    for code in ("fi", "sv", "en"):
        if fields[f"outdated_{code}"]:
            data[f"outdated_{code}"] = "on"
    return data


def municipality_form_data(municipality, **changes):
    data = {
        "code": municipality.code,
        "region": municipality.region_id,
        "edit_version": municipality.lock_version,
        **{
            f"{name}_{code}": getattr(municipality, f"{name}_{code}")
            for name in ("name", "slug")
            for code in ("fi", "sv", "en")
        },
    }
    return {**data, **changes}
