"""The admin speaks the staff's language: ours, Django's and the admin libraries' texts.

Every admin page staff use is visited in Finnish and in Swedish, and none of the English
texts that used to leak (from django-reversion, django-reversion-compare, django-axes,
django-modeltranslation and our own history comments) may appear.
"""

import html
import re

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.urls import reverse
from reversion.models import Version

from catalogue.models import Feedback, Page, Practice
from tests.admin_forms import post_practice_form
from tests.staff import make_user

# Jakobstad's unit: written in Swedish, loaded from the catalogue, then edited.
PRACTICE_ID = 14
DELETED_PRACTICE_ID = 15

# Each was seen in the Finnish or Swedish admin before; none may come back.
ENGLISH = [
    "Recover deleted",
    "Loaded from",
    "Reverted to previous version",
    "Catalogue",
    "Revert to this version",
    "Press the save button below",
    "False",
    "True",
    "changed to",
    "Model name",
    "Add link",
    "Change or view list link",
    "Axes",
    "Access attempts",
    "Access failures",
    "Access logs",
    "Choose a date from the list below",
    "Go back to history list",
    "Edit comment",
    "Initial version",
    "Submitted for review",
    "Title [en]",
    "Cooperation areas",
    "Compare ",
    "Date/time",
    "There are no",
    "Field didn't exist",
    "Revert ",
    "Recover ",
    "Too many failed logins",
]

# What each language shows instead, so that the test cannot pass on an empty page.
EXPECTED = {
    "fi": {
        "recover_list": ["Palauta poistettuja: käytännöt"],
        "history": [
            "Ladattu tiedostoista: catalogue",
            "Palautettu aiempaan versioon, tallennettu 1.1.2026 klo 12.00",
            "Lähetetty tarkistettavaksi",
            (
                "Muutettu otsikko (englanti), Ruotsinkielinen teksti voi olla vanhentunut, "
                "yhteistyöalueet ja seuraava tarkistus viimeistään."
            ),
        ],
        "compare": [
            "Otsikko (englanti)",
            "ei, muutettu: kyllä",
            "Palauta tämä versio",
            "Takaisin muutoshistoriaan",
        ],
        "page_history": ["Ladattu tiedostoista: catalogue"],
        "revision": ["Palauta tämä versio painamalla alla olevaa tallennuspainiketta."],
        "recover": ["Palauta tämä versio poistetuista painamalla alla olevaa tallennuspainiketta."],
        "index": ["kirjautumissuojaus", "Kirjautumisyritykset"],
        "lockout": ["Liian monta epäonnistunutta kirjautumista"],
    },
    "sv": {
        "recover_list": ["Återskapa borttagna verksamheter"],
        "history": [
            "Inläst från filerna: catalogue",
            "Återställd till en tidigare version, sparad 1.1.2026 klo 12.00",
            "Skickad för granskning",
            (
                "Ändrade rubrik (engelska), Den svenska texten kan vara inaktuell, "
                "samarbetsområden och nästa granskning senast."
            ),
        ],
        "compare": [
            "Rubrik (engelska)",
            "nej, ändrat till ja",
            "Återställ den här versionen",
            "Tillbaka till ändringshistoriken",
        ],
        "page_history": ["Inläst från filerna: catalogue"],
        "revision": ["Tryck på spara nedan för att återställa den här versionen."],
        "recover": ["Tryck på spara nedan för att återskapa den här versionen."],
        "index": ["inloggningsskydd", "Inloggningsförsök"],
        "lockout": ["För många misslyckade inloggningar"],
    },
}


def visible_text(page: str) -> str:
    """What a reader sees or hears: the text, and the labels and values of controls."""
    page = re.sub(r"(?s)<script.*?</script>|<style.*?</style>|<svg.*?</svg>", " ", page)
    attributes = re.findall(r'(?:aria-label|title|value|placeholder|alt)="([^"]*)"', page)
    page = re.sub(r"</?(?:del|ins|strong|em|span|sup|b|i)\b[^>]*>", "", page)
    text = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(" ".join([text, *attributes])).split())


@pytest.fixture
def history(catalogue, django_user_model):
    """A practice loaded, edited, sent to review and reverted; another one deleted."""
    superuser = django_user_model.objects.create_superuser("root", "root@example.com", "x")
    practice = Practice.objects.get(pk=PRACTICE_ID)
    with reversion.create_revision():
        practice.save()
        reversion.set_comment("Reverted to previous version, saved on 1.1.2026 klo 12.00")
    with reversion.create_revision():
        practice.save()
        reversion.set_comment("Submitted for review")
    from django.test import Client

    client = Client()
    client.force_login(superuser)
    post_practice_form(client, practice, title_en="A unit for every immigrant", outdated_sv="on")
    client.post(
        reverse("admin:catalogue_practice_delete", args=[DELETED_PRACTICE_ID]), {"post": "yes"}
    )
    Feedback.objects.create(practice=practice, page_url="/fi/", language="fi", message="x")
    versions = list(Version.objects.get_for_object(practice).order_by("pk"))
    first, last = versions[0], versions[-1]
    compare = reverse("admin:catalogue_practice_compare", args=[PRACTICE_ID])
    return {
        "superuser": superuser,
        "pages": {
            "index": "/admin/",
            "changelist": "/admin/catalogue/practice/",
            "change": f"/admin/catalogue/practice/{PRACTICE_ID}/change/",
            "history": f"/admin/catalogue/practice/{PRACTICE_ID}/history/",
            "compare": f"{compare}?version_id1={first.pk}&version_id2={last.pk}",
            "revision": reverse("admin:catalogue_practice_revision", args=[PRACTICE_ID, first.pk]),
            "recover_list": reverse("admin:catalogue_practice_recoverlist"),
            "recover": reverse(
                "admin:catalogue_practice_recover",
                args=[Version.objects.get_deleted(Practice).get().pk],
            ),
            "feedback": "/admin/catalogue/feedback/",
            "axes": "/admin/axes/accessattempt/",
            # django-reversion's own history page (pages have no comparison).
            "page_history": f"/admin/catalogue/page/{Page.objects.get(key='about').pk}/history/",
        },
    }


def leaks(text: str) -> list[str]:
    return [english for english in ENGLISH if english in text]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_admin_pages_show_no_english_to_staff(client, history, language):
    client.force_login(history["superuser"])
    found = {}
    for name, url in history["pages"].items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        assert f'lang="{language}"' in response.content.decode(), url
        if leaks(text):
            found[name] = leaks(text)
        for expected in EXPECTED[language].get(name, []):
            assert expected in text, f"{name}: {expected!r} missing from {text[-1500:]}"
    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("group", ["Editors", "Publishers"])
def test_editors_and_publishers_read_their_pages_in_their_language(
    client, history, language, group
):
    client.force_login(make_user(group.lower(), group))
    for name in ("index", "changelist", "change", "history", "compare", "feedback"):
        response = client.get(history["pages"][name], HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, name
        assert leaks(visible_text(response.content.decode())) == [], name


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_login_and_lockout_pages_show_no_english(client, settings, language):
    get_user_model().objects.create_user("someone", "s@example.com", "right", is_staff=True)
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language)
    assert leaks(visible_text(login.content.decode())) == []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "someone", "password": "wrong"},
            HTTP_ACCEPT_LANGUAGE=language,
        )
    locked = client.post(
        "/admin/login/", {"username": "someone", "password": "right"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert locked.status_code == 429
    text = visible_text(locked.content.decode())
    assert leaks(text) == []
    assert EXPECTED[language]["lockout"][0] in text
