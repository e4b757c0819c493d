"""System checks of what search needs from the operating system."""

from django.core import checks

from catalogue.search import analysis

HINT = (
    "Install the Debian packages libvoikko1, voikko-fi and hunspell-sv (make install and "
    ".ci/run do), then run `manage.py rebuild_search_index`. Until then these languages are "
    "searched by plain stemming: inflected forms and compound parts are found less often."
)


@checks.register(checks.Tags.compatibility)
def search_analysers(app_configs, **kwargs):
    """Warn when an analyser is missing; search still works on plain stemming."""
    return [
        checks.Warning(f"Search analyser missing: {name}.", hint=HINT, id="catalogue.W001")
        for name in analysis.missing_analysers()
    ]


@checks.register(checks.Tags.compatibility, deploy=True)
def search_analysers_deployed(app_configs, **kwargs):
    """In production a missing analyser is an error: search quality drops without it."""
    return [
        checks.Error(f"Search analyser missing: {name}.", hint=HINT, id="catalogue.E001")
        for name in analysis.missing_analysers()
    ]
