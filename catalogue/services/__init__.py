"""Writes that touch several models: loading the catalogue, the editorial workflow."""

from catalogue.services.editorial import (
    WorkflowError,
    feedback_submit,
    practice_archive,
    practice_publish,
    practice_restore,
    practice_return_to_draft,
    practice_submit_for_review,
    practice_transition,
)
from catalogue.services.loading import CatalogueDataError, LoadReport, catalogue_load
from catalogue.services.practice import (
    ConflictError,
    practice_previews_withdraw,
    practice_save,
    practice_texts,
    practice_track_translations,
)

__all__ = [
    "CatalogueDataError",
    "ConflictError",
    "LoadReport",
    "WorkflowError",
    "catalogue_load",
    "feedback_submit",
    "practice_archive",
    "practice_previews_withdraw",
    "practice_publish",
    "practice_restore",
    "practice_return_to_draft",
    "practice_save",
    "practice_submit_for_review",
    "practice_texts",
    "practice_track_translations",
    "practice_transition",
]
