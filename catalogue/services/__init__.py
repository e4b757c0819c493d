"""Writes that touch several models: loading the catalogue, the editorial workflow."""

from catalogue.services.editorial import (
    WorkflowError,
    feedback_submit,
    practice_archive,
    practice_publish,
    practice_restore,
    practice_return_to_draft,
    practice_submit_for_review,
    practice_texts,
    practice_track_translations,
    practice_transition,
)
from catalogue.services.loading import (
    CatalogueDataError,
    LoadReport,
    catalogue_load,
    current_slugs,
    slug_changes_record,
)

__all__ = [
    "CatalogueDataError",
    "LoadReport",
    "WorkflowError",
    "catalogue_load",
    "current_slugs",
    "feedback_submit",
    "practice_archive",
    "practice_publish",
    "practice_restore",
    "practice_return_to_draft",
    "practice_submit_for_review",
    "practice_texts",
    "practice_track_translations",
    "practice_transition",
    "slug_changes_record",
]
