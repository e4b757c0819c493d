from django import template

from catalogue.history_words import comment_in_words

register = template.Library()


@register.filter
def revision_comment(version_or_revision, model=None):
    """The comment of a version's (or a revision's) in the reader's language."""
    if version_or_revision is None:
        return ""
    if hasattr(version_or_revision, "revision"):
        model = version_or_revision.content_type.model_class()
        version_or_revision = version_or_revision.revision
    return comment_in_words(version_or_revision.comment, model)
