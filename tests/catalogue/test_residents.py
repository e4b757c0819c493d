"""What a resident needs from the public pages: how to take part, honest freshness, plain
words, reachable filters, a home page that leads somewhere, cards that say enough."""

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape

from catalogue.models import CheckStatus, Practice, PracticeKind, PracticeLink
from municipalities.models import Municipality
from tests.admin_forms import post_practice_form
from tests.factories import (
    CooperationAreaFactory,
    LanguageFactory,
    MunicipalityFactory,
    PracticeFactory,
    ReachablePracticeFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher_client(client, django_user_model):
    """A superuser: may change published practices."""
    client.force_login(django_user_model.objects.create_superuser("chief", "c@example.com", "x"))
    return client


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def take_part_block(html: str) -> str:
    return re.search(r'<section class="take-part".*?</section>', html, re.S)[0]


def jsonld(html: str) -> dict:
    return json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S)[1])


# 1. How to take part ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "opening", "town"),
    [
        ("fi", "Näin osallistut", "ma–pe 9–15", "00100 Helsinki"),
        ("sv", "Så här deltar du", "mån–fre 9–15", "00100 Helsingfors"),
        ("en", "How to take part", "Mon–Fri 9–15", "00100 Helsinki"),
    ],
)
def test_practice_page_tells_how_to_take_part_in_each_language(
    client, language, heading, opening, town
):
    practice = ReachablePracticeFactory()
    block = take_part_block(html_of(client, practice.get_absolute_url(language)))
    assert f'<h2 id="take-part-heading">{heading}</h2>' in block
    assert practice.organiser_partner.name in block
    assert opening in block
    assert town in block
    assert getattr(practice, f"how_to_take_part_{language}") in block
    assert getattr(practice, f"place_accessibility_{language}") in block
    assert getattr(practice, f"cost_details_{language}") in block
    link = practice.links.get()
    title = escape(getattr(link, f"title_{language}"))
    assert f'<a href="{getattr(link, f"url_{language}")}">{title}</a>' in block
    assert '<a href="mailto:neuvonta@example.fi">neuvonta@example.fi</a>' in block


def test_phone_number_is_shown_as_finns_write_it_and_dialled_in_e164(client):
    practice = ReachablePracticeFactory(phone="+358401234567")
    block = take_part_block(html_of(client, practice.get_absolute_url("en")))
    assert '<a href="tel:+358401234567">040 1234567</a>' in block


def test_phone_number_typed_as_dialled_in_the_admin_is_stored_in_e164(publisher_client):
    practice = PracticeFactory()
    response = post_practice_form(publisher_client, practice, phone="09 310 12345")
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.phone.as_e164 == "+358931012345"
    stored = Practice.objects.filter(pk=practice.pk).values_list("phone", flat=True).get()
    assert stored == "+358931012345"


def test_admin_refuses_a_phone_number_that_cannot_exist(publisher_client):
    practice = PracticeFactory()
    response = post_practice_form(publisher_client, practice, phone="12")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["phone"]
    practice.refresh_from_db()
    assert not practice.phone


def test_admin_refuses_a_javascript_address_for_a_web_link(publisher_client):
    practice = PracticeFactory()
    response = post_practice_form(
        publisher_client,
        practice,
        **{
            "links-TOTAL_FORMS": 1,
            "links-0-title_fi": "Sivu",
            "links-0-url_fi": "javascript:alert(1)",
            "links-0-position": 0,
        },
    )
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["url_fi"]
    assert not PracticeLink.objects.exists()


def test_database_refuses_a_web_link_that_is_not_http():
    practice = PracticeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeLink.objects.create(practice=practice, title_fi="x", url_fi="javascript:alert(1)")


def test_database_refuses_two_organisers_at_once():
    practice = ReachablePracticeFactory()
    practice.organiser_municipality = practice.lead_municipality
    with pytest.raises(IntegrityError), transaction.atomic():
        practice.save()


def test_practice_without_contact_details_says_so_and_links_the_municipality_website(client):
    espoo = MunicipalityFactory(name_fi="Espoo", website="https://www.espoo.fi")
    practice = PracticeFactory(lead_municipality=espoo)
    block = take_part_block(html_of(client, practice.get_absolute_url("fi")))
    assert "Vuoden 2017 julkaisussa ei ole tämän käytännön yhteystietoja" in block
    assert '<a class="button" href="https://www.espoo.fi">Espoo: virallinen verkkosivusto</a>' in (
        block
    )
    assert "<dl" not in block


def test_practice_without_contact_and_without_a_known_website_invents_no_link(client):
    practice = PracticeFactory(lead_municipality=MunicipalityFactory(website=""))
    block = take_part_block(html_of(client, practice.get_absolute_url("en")))
    assert "The 2017 publication gives no contact details" in block
    assert "<a " not in block


def test_web_addresses_in_the_text_become_links_and_markup_stays_text(client):
    practice = PracticeFactory(
        description_fi='Katso www.infopankki.fi. <script>alert(1)</script> "javascript:alert(2)"'
    )
    html = html_of(client, practice.get_absolute_url("fi"))
    description = re.search(r'<div class="description">(.*?)</div>', html, re.S)[1]
    assert '<a href="http://www.infopankki.fi" rel="nofollow">www.infopankki.fi</a>.' in description
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in description
    assert 'href="javascript' not in description


def test_api_record_carries_how_to_take_part(client):
    practice = ReachablePracticeFactory()
    record = client.get(f"/api/v1/practices/{practice.pk}/").json()
    assert record["organiser"] == {
        "type": "organisation",
        "key": practice.organiser_partner.slug,
        "name": {
            "fi": practice.organiser_partner.name_fi,
            "sv": practice.organiser_partner.name_sv,
            "en": practice.organiser_partner.name_en,
        },
    }
    assert record["phone"] == "+358931012345"
    assert record["email"] == "neuvonta@example.fi"
    assert record["cost"] == "free"
    assert record["opening_times"]["sv"] == "mån–fre 9–15"
    assert record["links"] == [
        {
            "title": {
                "fi": "Neuvontapisteen sivu",
                "sv": "Rådgivningspunktens sida",
                "en": "The advice point's page",
            },
            "url": {
                "fi": "https://www.example.fi/neuvonta",
                "sv": "https://www.example.fi/sv/radgivning",
                "en": "https://www.example.fi/en/advice",
            },
        }
    ]
    assert record["service_points"][0]["postcode"] == "00100"
    assert record["service_points"][0]["town"]["sv"] == "Helsingfors"
    assert record["kind"] == "service"


def test_api_record_names_the_lead_municipality_as_organiser_when_none_is_given(client):
    practice = PracticeFactory()
    record = client.get(f"/api/v1/practices/{practice.pk}/").json()
    assert record["organiser"]["type"] == "municipality"
    assert record["organiser"]["key"] == practice.lead_municipality.code
    assert record["links"] == [] and record["service_points"] == [] and record["phone"] == ""


def test_practices_csv_carries_how_to_take_part(client):
    practice = ReachablePracticeFactory()
    text = client.get("/api/v1/practices.csv").content.decode("utf-8")[1:]
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["organiser"] == f"organisation:{practice.organiser_partner.slug}"
    # A leading + is neutralised like any formula character (OWASP CSV injection).
    assert row["phone"] == "'+358931012345"
    assert row["email"] == "neuvonta@example.fi"
    assert row["opening_times_en"] == "Mon–Fri 9–15"
    assert row["links"] == "https://www.example.fi/neuvonta"
    assert row["service_points"] == "Neuvontapiste Kamppi, Kalevankatu 1, 00100 Helsinki"
    assert row["kind"] == "service"


def test_json_ld_carries_the_contact_channel(client):
    practice = ReachablePracticeFactory()
    # The page's JSON-LD is a WebPage whose main entity is the service.
    data = jsonld(html_of(client, practice.get_absolute_url("sv")))["mainEntity"]
    assert data["provider"] == {"@type": "Organization", "name": practice.organiser_partner.name_sv}
    channel = data["availableChannel"]
    assert channel["serviceUrl"] == "https://www.example.fi/sv/radgivning"
    assert channel["servicePhone"] == {
        "@type": "ContactPoint",
        "telephone": "+358931012345",
        "email": "neuvonta@example.fi",
    }
    assert channel["serviceLocation"][0]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Kalevagatan 1",
        "postalCode": "00100",
        "addressLocality": "Helsingfors",
        "addressCountry": "FI",
    }


def test_json_ld_of_a_practice_without_contact_details_has_no_channel(client):
    data = jsonld(html_of(client, PracticeFactory().get_absolute_url("fi")))["mainEntity"]
    assert "availableChannel" not in data


def test_api_page_documents_the_hsds_counterparts_of_how_to_take_part(client):
    html = html_of(client, reverse("catalogue:api_docs"))
    for hsds in (
        "service.application_process",
        "phone.number",
        "schedule.description",
        "cost_option.option",
        "accessibility.description",
        "service.assured_date",
    ):
        assert f"<code>{hsds}</code>" in html


def test_catalogue_records_official_websites_only_where_certain(catalogue):
    assert Municipality.objects.get(code="091").website == "https://www.hel.fi"
    assert Municipality.objects.get(code="049").website == "https://www.espoo.fi"
    # Not every municipality's address is on record: empty, never guessed.
    assert Municipality.objects.filter(website="").count() == 25


# 2. Honest freshness ------------------------------------------------------------------


def test_unchecked_2017_practice_shows_no_review_date_and_no_technical_update(client):
    practice = PracticeFactory(
        check_status=CheckStatus.UNCHECKED, next_review_due=date(2018, 2, 28)
    )
    html = html_of(client, practice.get_absolute_url("fi"))
    assert "Kuvattu vuonna 2017, ei tarkistettu sen jälkeen." in html
    assert "28.2.2018" not in html
    assert "2018-02-28" not in html
    body = html.split("<body>")[1]
    with translation.override("fi"):
        assert date_format(practice.updated_at, "DATE_FORMAT") not in body
    assert "Päivitetty" not in body


def test_practice_checked_by_an_editor_shows_when(client):
    practice = PracticeFactory(check_status=CheckStatus.RUNNING, last_checked=date(2026, 5, 4))
    html = html_of(client, practice.get_absolute_url("en"))
    assert "Last checked by the editors on 4 May 2026: running." in html
    assert "Not checked since 2017" not in html
    assert "4.5.2026" in html_of(client, practice.get_absolute_url("fi"))
    assert "4 maj 2026" in html_of(client, practice.get_absolute_url("sv"))


def test_english_dates_are_written_day_month_year_not_american(client):
    """'5/4/2026' or 'May 4, 2026' reads as the fifth of April to many in Finland."""
    practice = PracticeFactory(check_status=CheckStatus.RUNNING, last_checked=date(2026, 5, 4))
    html = html_of(client, "/en/practices/")
    assert "Running, checked 4 May 2026" in html
    assert "May 4, 2026" not in html_of(client, practice.get_absolute_url("en"))


@pytest.mark.parametrize(
    ("status", "badge"),
    [
        (
            CheckStatus.UNCHECKED,
            '<span class="badge badge-unchecked">Not checked since 2017</span>',
        ),
        (CheckStatus.ENDED, '<span class="badge badge-ended">Ended</span>'),
    ],
)
def test_cards_carry_a_badge_for_unchecked_and_ended_practices(client, status, badge):
    PracticeFactory(check_status=status)
    assert badge in html_of(client, "/en/practices/")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("fi", "vuoden 2017 jälkeen: TE-toimisto.</strong> TE-toimistot lakkautettiin 1.1.2025."),
        ("sv", "Ändrat sedan 2017: TE-byrån.</strong> TE-byråerna lades ned den 1 januari 2025."),
        ("en", "since 2017: TE Office.</strong> The TE Offices were closed on 1 January 2025."),
    ],
)
def test_practice_naming_a_closed_organisation_tells_what_changed_since_2017(
    client, catalogue, language, said
):
    """The 2017 texts send residents to TE offices, which closed in 2025."""
    practice = Practice.objects.get(pk=3)  # Espoo's recruitment model names the TE office
    assert said in html_of(client, practice.get_absolute_url(language))


def test_practice_naming_no_closed_organisation_has_no_change_note(client, catalogue):
    practice = Practice.objects.exclude(
        partners__slug__in=["te-toimisto", "uudenmaan-te-toimisto", "raha-automaattiyhdistys"]
    ).first()
    assert "changed-since" not in html_of(client, practice.get_absolute_url("en"))


def test_list_can_be_limited_to_practices_checked_in_the_last_two_years(client):
    recent = PracticeFactory(
        check_status=CheckStatus.RUNNING, last_checked=date.today() - timedelta(days=300)
    )
    old = PracticeFactory(
        check_status=CheckStatus.RUNNING, last_checked=date.today() - timedelta(days=800)
    )
    never = PracticeFactory(check_status=CheckStatus.UNCHECKED)
    html = html_of(client, "/en/practices/?checked=recent")
    assert recent.title_en in html
    assert old.title_en not in html and never.title_en not in html
    assert "1 practice found" in html
    assert "Checked in the last two years" in html  # the chip that removes the filter
    api = client.get("/api/v1/practices/?checked=recent").json()
    assert [r["id"] for r in api["results"]] == [recent.pk]


def test_unknown_value_of_a_yes_no_filter_is_explained_on_the_page_and_refused_by_the_api(
    client,
):
    PracticeFactory()
    html = html_of(client, "/en/practices/?checked=yesterday")
    assert "“yesterday” is not a known choice" in html
    assert "1 practice found" in html
    assert client.get("/api/v1/practices/?checked=yesterday").status_code == 400


# 3. Filters within reach ---------------------------------------------------------------


def test_filters_are_a_disclosure_counting_the_chosen_filters_and_apply_at_top_and_bottom(
    client,
):
    PracticeFactory(service_languages=[LanguageFactory()])
    html = html_of(client, "/en/practices/?language=ar&kind=service")
    panel = re.search(r'<details class="filters" id="filters">(.*?)</details>', html, re.S)[1]
    assert '<summary><span class="summary-label">Filters (2)</span></summary>' in panel
    form = re.search(r"<form.*?</form>", panel, re.S)[0]
    assert form.startswith('<form method="get" action="/en/practices/#results"')
    buttons = re.findall(r'<button type="submit" class="apply">Show results</button>', form)
    assert len(buttons) == 2
    # The first control of the form is an apply button, and so is the last one.
    controls = re.findall(r"<(button|input type=\"checkbox\")", form)
    assert controls[0] == controls[-1] == "button"


def test_filters_come_before_the_results_and_the_results_heading_says_how_many(client):
    PracticeFactory.create_batch(3)
    html = html_of(client, "/fi/kaytannot/")
    assert html.index('id="filters"') < html.index('id="results"') < html.index('class="card"')
    assert '<h2 id="results" class="result-count">3 käytäntöä löytyi</h2>' in html
    assert re.search(r'<form class="search" method="get" action="/fi/kaytannot/#results"', html)


def test_no_filter_list_scrolls_inside_the_page():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert "overflow-y: auto" not in css and "overflow: auto" not in css
    assert "max-height" not in css


# 6. Plain words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "organised_by"), [("fi", "Järjestäjä"), ("sv", "Arrangör"), ("en", "Organised by")]
)
def test_practice_page_says_who_organises_it_in_plain_words(client, language, organised_by):
    practice = PracticeFactory()
    html = html_of(client, practice.get_absolute_url(language))
    organiser = practice.lead_municipality
    assert f"<dt>{organised_by}</dt>" in html
    assert f">{getattr(organiser, f'name_{language}')}</a></dd>" in html
    assert "vastuukunta" not in html and "(lead)" not in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_municipality_codes_are_not_shown_to_residents(client, language):
    municipality = MunicipalityFactory(code="049")
    PracticeFactory(lead_municipality=municipality)
    for url in (
        municipality.get_absolute_url(language),
        reverse("catalogue:practice_list"),
        municipality.practices.get().get_absolute_url(language),
    ):
        body = html_of(client, url).split("<body>")[1]
        # The embed code for officers carries the code in its address; it is not prose.
        body = re.sub(r"<textarea.*?</textarea>", " ", body, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", body)
        assert "049" not in text, url
    html = html_of(client, municipality.get_absolute_url("fi"))
    assert "Kuntanumero" not in html and "Maakunta" not in html


def test_cooperation_area_links_to_its_explanation_with_its_members(client):
    members = [MunicipalityFactory(name_en="Iisalmi"), MunicipalityFactory(name_en="Vieremä")]
    area = CooperationAreaFactory(name_en="Upper Savo")
    area.members.set(members)
    practice = PracticeFactory(lead_municipality=members[0], areas=[area])
    html = html_of(client, practice.get_absolute_url("en"))
    assert f'<a href="/en/municipalities/#area-{area.slug}">Upper Savo</a>' in html
    listing = html_of(client, "/en/municipalities/")
    entry = re.search(rf'<dt id="area-{area.slug}">Upper Savo</dt>\s*<dd>(.*?)</dd>', listing, re.S)
    assert ">Iisalmi</a>" in entry[1] and ">Vieremä</a>" in entry[1]


def test_arrangement_between_authorities_is_marked_and_the_services_filter_leaves_it_out(client):
    council = PracticeFactory(kind=PracticeKind.ARRANGEMENT, title_en="Immigrant council")
    service = PracticeFactory(title_en="Finnish course")
    html = html_of(client, council.get_absolute_url("en"))
    assert '<span class="badge badge-arrangement">Between authorities</span>' in html
    assert "residents do not sign up for it" in html
    listed = html_of(client, "/en/practices/?kind=service")
    assert service.title_en in listed and council.title_en not in listed
    everything = html_of(client, "/en/practices/")
    assert service.title_en in everything and council.title_en in everything


def test_catalogue_marks_councils_and_agreements_as_arrangements(catalogue):
    arrangements = set(
        Practice.objects.filter(kind=PracticeKind.ARRANGEMENT).values_list("pk", flat=True)
    )
    assert arrangements == {11, 12, 15, 20, 40}


# 7. Home -------------------------------------------------------------------------------


def test_home_language_chips_show_counts_sorted_by_count(client):
    arabic = LanguageFactory()
    somali = LanguageFactory(code="so", autonym="Soomaali", name_en="Somali", name_fi="somali")
    PracticeFactory(service_languages=[arabic])
    PracticeFactory.create_batch(2, service_languages=[somali, arabic])
    PracticeFactory(service_languages=[somali])
    html = html_of(client, "/en/")
    section = re.search(r'id="by-language".*?</section>', html, re.S)[0]
    chips = re.findall(r'\?language=([a-z]+)#results">.*?\((\d+)\)</span></a>', section)
    # A tie keeps the catalogue's own order of languages (position, then code).
    assert chips == [("ar", "3"), ("so", "3")]
    PracticeFactory(service_languages=[somali])
    html = html_of(client, "/en/")
    section = re.search(r'id="by-language".*?</section>', html, re.S)[0]
    chips = re.findall(r'\?language=([a-z]+)#results">.*?\((\d+)\)</span></a>', section)
    assert chips == [("so", "4"), ("ar", "3")]


def test_home_municipality_picker_starts_with_a_prompt_and_preselects_nothing(client):
    PracticeFactory()
    html = html_of(client, "/sv/")
    select = re.search(r'<select id="municipality-picker".*?</select>', html, re.S)[0]
    options = re.findall(r"<option[^>]*>", select)
    assert options[0] == '<option value="" selected>'
    assert "Välj din kommun" in select
    assert sum(" selected" in option for option in options) == 1


def test_home_lists_practices_not_run_by_one_municipality_for_everyone_else(client):
    national = PracticeFactory(lead_municipality=None, title_en="Infopankki")
    council = PracticeFactory(
        lead_municipality=None, kind=PracticeKind.ARRANGEMENT, title_en="Councils"
    )
    local = PracticeFactory(title_en="Local advice")
    html = html_of(client, "/en/")
    section = html[html.index('id="not-listed"') :]
    section = section[: section.index("</section>")]
    assert national.title_en in section
    assert council.title_en not in section and local.title_en not in section


def test_every_page_has_an_svg_favicon(client):
    html = html_of(client, "/fi/")
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    svg = (settings.BASE_DIR / "static" / "favicon.svg").read_text()
    assert svg.startswith("<svg") and 'viewBox="0 0 32 32"' in svg


# 8. Cards ------------------------------------------------------------------------------


def test_cards_show_whom_a_practice_is_for_its_languages_and_its_status(client):
    PracticeFactory(
        target_groups=[TargetGroupFactory(name_en="Women")],
        service_languages=[LanguageFactory()],
        check_status=CheckStatus.RUNNING,
        last_checked=date(2026, 3, 2),
    )
    html = html_of(client, "/en/practices/")
    card = re.search(r'<li class="card">.*?</li>', html, re.S)[0]
    assert "<dt>For whom</dt><dd>Women</dd>" in card
    assert "<dt>Languages</dt><dd>Arabic</dd>" in card
    with translation.override("en"):
        checked = date_format(date(2026, 3, 2), "SHORT_DATE_FORMAT")
    assert f'<span class="badge badge-running">Running, checked {checked}</span>' in card


# 9. Print sheet -------------------------------------------------------------------------


def test_print_sheet_has_the_site_name_a_full_address_and_a_qr_code_of_the_permalink(client):
    practice = PracticeFactory()
    html = html_of(client, practice.get_absolute_url("fi"))
    permalink = f"{settings.SITE_URL}/p/{practice.pk}/"
    assert (
        '<p class="print-only site-name">Kotouttamisen käytäntöjä Suomen kunnissa – '
        f"{settings.SITE_URL}/fi/</p>"
    ) in html
    sheet = re.search(r'<div class="print-only print-link">(.*?)</div>', html, re.S)[1]
    assert sheet.startswith('<svg aria-hidden="true" focusable="false" width=')
    assert f'<span class="url">{permalink}</span>' in sheet
    organiser = practice.lead_municipality
    assert f'data-print="{settings.SITE_URL}{organiser.get_absolute_url("fi")}"' in html
    assert " style=" not in html


def test_qr_code_encodes_the_permanent_link():
    import segno

    from catalogue.templatetags.catalogue_tags import qr_svg

    url = "https://kotouttaminen.fi/p/12/"
    expected = segno.make(url, error="m", micro=False)
    svg = qr_svg(url)
    assert f'width="{expected.symbol_size(scale=3, border=2)[0]}"' in svg
    assert expected.svg_inline(scale=3, svgclass="qr", lineclass=None, border=2)[4:] in svg
