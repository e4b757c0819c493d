"""The workflow on the practice change form, addresses that always exist and the staff's work."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from catalogue import services
from catalogue.models import Feedback, FeedbackState, Practice, Status
from catalogue.preview import preview_url
from tests.admin_forms import EMPTY_INLINES
from tests.factories import MunicipalityFactory, PracticeFactory
from tests.staff import make_user


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def publisher(db):
    return make_user("publisher", "Publishers")


def change_url(practice):
    return reverse("admin:catalogue_practice_change", args=[practice.pk])


def step_url(practice, action):
    return reverse("admin:catalogue_practice_transition", args=[practice.pk, action])


def offered_steps(html) -> list[str]:
    return re.findall(r'<button type="submit" class="button" name="step" value="(\w+)"', html)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# Buttons for the steps this user may take ------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "editor_steps", "publisher_steps"),
    [
        (Status.DRAFT, ["submit"], ["submit", "publish", "archive"]),
        (Status.IN_REVIEW, ["return_to_draft"], ["publish", "return_to_draft", "archive"]),
        (Status.PUBLISHED, [], ["archive"]),
        (Status.ARCHIVED, [], ["restore"]),
    ],
)
def test_change_form_offers_exactly_the_steps_the_user_may_take(
    client, editor, publisher, state, editor_steps, publisher_steps
):
    practice = PracticeFactory(status=state)
    client.force_login(editor)
    assert offered_steps(client.get(change_url(practice)).content.decode()) == editor_steps
    client.force_login(publisher)
    assert offered_steps(client.get(change_url(practice)).content.decode()) == publisher_steps


@pytest.mark.django_db
def test_each_step_says_what_the_public_will_then_see(client, publisher):
    client.force_login(publisher)
    html = client.get(change_url(PracticeFactory(status=Status.IN_REVIEW))).content.decode()
    assert (
        "Käytäntö tulee näkyviin julkiseen palveluun suomeksi, ruotsiksi ja englanniksi sekä "
        "hakuun, rajapintaan ja syötteisiin."
    ) in html
    assert (
        "Yleisö ei vieläkään näe mitään; toimittajat voivat jatkaa käytännön työstämistä." in html
    )
    assert "Käytäntö poistuu julkisesta palvelusta, hausta, rajapinnasta ja syötteistä" in html


@pytest.mark.django_db
def test_editor_sends_a_draft_to_review_with_one_click(client, editor):
    practice = PracticeFactory(status=Status.DRAFT, title_fi="Kielikahvila")
    client.force_login(editor)
    response = client.post(step_url(practice, "submit"), follow=True)
    assert response.redirect_chain == [(change_url(practice), 302)]
    assert messages_of(response) == ["”Kielikahvila” lähetettiin tarkistettavaksi."]
    practice.refresh_from_db()
    assert practice.status == Status.IN_REVIEW


@pytest.mark.django_db
def test_editor_cannot_publish_through_the_step_view(client, editor):
    practice = PracticeFactory(status=Status.IN_REVIEW)
    client.force_login(editor)
    response = client.post(step_url(practice, "publish"), follow=True)
    assert messages_of(response) == ["Vain julkaisijat voivat tehdä tämän."]
    practice.refresh_from_db()
    assert practice.status == Status.IN_REVIEW
    assert client.get(practice.get_absolute_url("fi")).status_code == 404


@pytest.mark.django_db
def test_publisher_publishes_from_the_form_and_the_public_sees_the_practice(client, publisher):
    practice = PracticeFactory(status=Status.IN_REVIEW)
    assert client.get(practice.get_absolute_url("sv")).status_code == 404
    client.force_login(publisher)
    response = client.post(step_url(practice, "publish"), follow=True)
    assert messages_of(response) == [f"”{practice.title_fi}” julkaistiin."]
    client.logout()
    assert client.get(practice.get_absolute_url("sv")).status_code == 200


@pytest.mark.django_db
def test_step_view_takes_only_posts_of_known_steps(client, publisher):
    practice = PracticeFactory(status=Status.DRAFT)
    client.force_login(publisher)
    assert client.get(step_url(practice, "publish")).status_code == 405
    assert client.post(step_url(practice, "delete")).status_code == 404
    missing = reverse("admin:catalogue_practice_transition", args=["999999", "publish"])
    assert client.post(missing).status_code == 404
    practice.refresh_from_db()
    assert practice.status == Status.DRAFT


@pytest.mark.django_db
def test_step_view_is_closed_to_anonymous_visitors(client):
    practice = PracticeFactory(status=Status.DRAFT)
    response = client.post(step_url(practice, "publish"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    practice.refresh_from_db()
    assert practice.status == Status.DRAFT


@pytest.mark.django_db
def test_changelist_actions_still_change_states(client, publisher):
    practice = PracticeFactory(status=Status.IN_REVIEW)
    client.force_login(publisher)
    client.post(
        "/admin/catalogue/practice/", {"action": "publish", "_selected_action": [practice.pk]}
    )
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED


# Complete in every language before review or publishing -------------------------------------


@pytest.mark.django_db
def test_incomplete_practice_cannot_be_sent_to_review_and_the_error_names_what_is_missing(
    editor,
):
    practice = PracticeFactory(status=Status.DRAFT, title_sv="", summary_sv="", slug_en=None)
    with translation.override("en"), pytest.raises(services.WorkflowError) as error:
        services.practice_transition(practice=practice, user=editor, action="submit")
    assert str(error.value) == (
        f"“{practice.title_en}” is not complete in every language yet. "
        "Missing: Swedish: title, summary; English: slug."
    )
    practice.refresh_from_db()
    assert practice.status == Status.DRAFT


@pytest.mark.django_db
def test_publisher_cannot_publish_an_incomplete_practice_and_the_form_says_why(client, publisher):
    practice = PracticeFactory(status=Status.IN_REVIEW, description_en="", slug_sv=None)
    client.force_login(publisher)
    html = client.get(change_url(practice)).content.decode()
    assert (
        "Ennen kuin käytännön voi lähettää tarkistettavaksi tai julkaista, täytä: "
        "ruotsi: osoitteen tunniste; englanti: kuvaus."
    ) in html
    assert re.search(r'value="publish" disabled>', html)
    response = client.post(step_url(practice, "publish"), follow=True)
    assert messages_of(response) == [
        f"”{practice.title_fi}” ei ole vielä valmis kaikilla kielillä. "
        "Puuttuu: ruotsi: osoitteen tunniste; englanti: kuvaus."
    ]
    practice.refresh_from_db()
    assert practice.status == Status.IN_REVIEW


@pytest.mark.django_db
def test_blank_text_counts_as_missing(editor):
    practice = PracticeFactory(status=Status.DRAFT, summary_en="   ")
    with (
        translation.override("en"),
        pytest.raises(services.WorkflowError, match="English: summary"),
    ):
        services.practice_transition(practice=practice, user=editor, action="submit")


# Addresses ------------------------------------------------------------------------------


def add_form(**changes):
    municipality = MunicipalityFactory()
    data = {
        "title_fi": "Äitien kielikahvila",
        "title_sv": "Språkcafé för mödrar på åländska",
        "title_en": "Language café for mothers",
        "summary_fi": "Tiivistelmä.",
        "summary_sv": "Sammanfattning.",
        "summary_en": "Summary.",
        "description_fi": "Kuvaus.",
        "description_sv": "Beskrivning.",
        "description_en": "Description.",
        "slug_fi": "",
        "slug_sv": "",
        "slug_en": "",
        "original_language": "fi",
        "lead_municipality": municipality.pk,
        "municipalities": [municipality.pk],
        "source_page": "",
        "check_status": "unknown",
    }
    # The how-to-take-part inlines, empty, and what kind of practice it is.
    data.update(EMPTY_INLINES, kind="service")
    data.update(changes)
    return data


@pytest.mark.django_db
def test_practice_added_without_slugs_gets_them_from_its_titles(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:catalogue_practice_add"), add_form())
    assert response.status_code == 302
    practice = Practice.objects.get(title_fi="Äitien kielikahvila")
    assert (practice.slug_fi, practice.slug_sv, practice.slug_en) == (
        "aitien-kielikahvila",
        "sprakcafe-for-modrar-pa-alandska",
        "language-cafe-for-mothers",
    )


@pytest.mark.django_db
def test_a_filled_slug_never_takes_another_practices_address(client, editor):
    PracticeFactory(slug_en="language-cafe-for-mothers")
    client.force_login(editor)
    client.post(reverse("admin:catalogue_practice_add"), add_form(slug_fi="oma-osoite"))
    practice = Practice.objects.get(title_fi="Äitien kielikahvila")
    assert practice.slug_fi == "oma-osoite"  # written by hand: kept
    assert practice.slug_en == "language-cafe-for-mothers-2"


@pytest.mark.django_db
def test_added_practice_published_has_working_addresses_everywhere(client, editor, publisher):
    client.force_login(editor)
    client.post(reverse("admin:catalogue_practice_add"), add_form())
    practice = Practice.objects.get(title_fi="Äitien kielikahvila")
    client.post(step_url(practice, "submit"))
    client.force_login(publisher)
    client.post(step_url(practice, "publish"))
    client.logout()
    permalink = client.get(f"/p/{practice.pk}/", HTTP_ACCEPT_LANGUAGE="sv")
    assert permalink.status_code == 302
    assert permalink["Location"] == "/sv/verksamheter/sprakcafe-for-modrar-pa-alandska/"
    assert client.get(permalink["Location"]).status_code == 200
    listing = client.get("/fi/kaytannot/").content.decode()
    assert '<a href="/fi/kaytannot/aitien-kielikahvila/">Äitien kielikahvila</a>' in listing


@pytest.mark.django_db
def test_card_of_a_practice_without_an_address_in_the_language_uses_the_permalink(client):
    practice = PracticeFactory(slug_sv=None, title_fi="Ilman ruotsinkielistä osoitetta")
    html = client.get("/sv/verksamheter/").content.decode()
    assert 'href="None"' not in html
    assert f'<a href="/p/{practice.pk}/">{practice.title_sv}</a>' in html


@pytest.mark.django_db
def test_view_on_site_of_a_published_practice_is_its_public_page(client, editor):
    practice = PracticeFactory(status=Status.PUBLISHED)
    client.force_login(editor)
    html = client.get(change_url(practice)).content.decode()
    assert f'<a href="{practice.get_absolute_url("fi")}" class="viewsitelink">' in html


@pytest.mark.django_db
@pytest.mark.parametrize("state", [Status.DRAFT, Status.IN_REVIEW])
def test_view_on_site_of_an_unpublished_practice_is_its_signed_preview(client, publisher, state):
    practice = PracticeFactory(status=state, slug_fi=None, title_fi="Esikatseltava")
    client.force_login(publisher)
    html = client.get(change_url(practice)).content.decode()
    assert 'href="None"' not in html
    link = re.search(r'<a href="([^"]+)" class="viewsitelink">', html).group(1)
    assert link.startswith("/fi/esikatselu/")
    client.logout()
    preview = client.get(link)
    assert preview.status_code == 200
    assert "<h1>Esikatseltava</h1>" in preview.content.decode()


@pytest.mark.django_db
def test_an_archived_practice_offers_no_view_on_site(client, publisher):
    practice = PracticeFactory(status=Status.ARCHIVED)
    client.force_login(publisher)
    html = client.get(change_url(practice)).content.decode()
    assert 'class="viewsitelink"' not in html
    assert client.get(preview_url(practice)).status_code == 404


# The staff's work on the admin index ---------------------------------------------------------


def work_links(html) -> list[tuple[str, str, int]]:
    found = re.findall(
        r'<li><a href="([^"]+)"><span class="staff-work-count">(\d+)</span> ([^<]+)</a></li>',
        html,
    )
    return [(label, url.replace("&amp;", "&"), int(count)) for url, count, label in found]


@pytest.fixture
def work(db):
    today = timezone.localdate()
    PracticeFactory.create_batch(2, status=Status.IN_REVIEW)
    PracticeFactory(status=Status.DRAFT, outdated_sv=True)
    PracticeFactory(next_review_due=today - timedelta(days=1))
    PracticeFactory(title_en="")
    Feedback.objects.create(page_url="/a/", language="fi", message="a")
    Feedback.objects.create(
        page_url="/b/", language="fi", message="b", state=FeedbackState.IN_PROGRESS
    )
    Feedback.objects.create(page_url="/c/", language="fi", message="c", state=FeedbackState.DONE)


PRACTICES = "/admin/catalogue/practice/"
FEEDBACK = "/admin/catalogue/feedback/"


@pytest.mark.django_db
def test_admin_index_shows_a_publisher_the_practices_in_review_first(client, publisher, work):
    client.force_login(publisher)
    assert work_links(client.get("/admin/").content.decode()) == [
        ("Tarkistettavana olevat käytännöt", f"{PRACTICES}?status__exact=in_review", 2),
        ("Myöhässä olevat tarkistukset", f"{PRACTICES}?review=overdue", 1),
        ("Mahdollisesti vanhentuneet käännökset", f"{PRACTICES}?translations=outdated", 1),
        ("Käytännöt, joilta puuttuu käännöksiä", f"{PRACTICES}?translations=missing", 1),
        ("Uudet palautteet", f"{FEEDBACK}?state=new", 1),
        ("Käsittelyssä olevat palautteet", f"{FEEDBACK}?state=in_progress", 1),
        ("Luonnokset", f"{PRACTICES}?status__exact=draft", 1),
    ]


@pytest.mark.django_db
def test_admin_index_shows_an_editor_the_drafts_first_and_its_links_list_those(
    client, editor, work
):
    client.force_login(editor)
    links = work_links(client.get("/admin/").content.decode())
    assert links[0] == ("Luonnokset", f"{PRACTICES}?status__exact=draft", 1)
    assert links[-1] == (
        "Tarkistettavana olevat käytännöt",
        f"{PRACTICES}?status__exact=in_review",
        2,
    )
    for _label, url, count in links:
        response = client.get(url)
        assert response.status_code == 200, url
        rows = response.content.decode().split("<tbody>")[1].split("</tbody>")[0].count("<tr")
        assert rows == count, url
