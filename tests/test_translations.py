"""Every interface text exists in Finnish, Swedish and English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = {
    code: Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"
    for code in ("fi", "sv", "en")
}


@pytest.mark.parametrize("language", list(CATALOGUES))
def test_catalogue_has_no_untranslated_or_fuzzy_text(language):
    catalogue = polib.pofile(str(CATALOGUES[language]))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.obsolete_entries() == []


def test_the_three_catalogues_hold_the_same_texts():
    msgids = {code: {e.msgid for e in polib.pofile(str(path))} for code, path in CATALOGUES.items()}
    assert msgids["fi"] == msgids["sv"] == msgids["en"]


def test_placeholders_survive_translation():
    import re

    for path in CATALOGUES.values():
        for entry in polib.pofile(str(path)):
            wanted = sorted(re.findall(r"%\(\w+\)s", entry.msgid))
            translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
            for text in translations:
                assert sorted(re.findall(r"%\(\w+\)s", text)) == wanted, (path, entry.msgid)


def test_url_paths_are_translated(client, db):
    assert client.get("/fi/kaytannot/").status_code == 200
    assert client.get("/sv/verksamheter/").status_code == 200
    assert client.get("/en/practices/").status_code == 200
