import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from catalogue.models import Practice, SlugRedirect
from tests.admin_forms import post_practice_form
from tests.factories import MunicipalityFactory, PracticeFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "e@example.com", "x")
    client.force_login(user)
    return client


def admin_post_practice(staff_client, practice, **changes):
    response = post_practice_form(staff_client, practice, **changes)
    assert response.status_code == 302, response.content.decode()[:3000]


# Permalinks ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_old_slug_answers_301_after_an_editor_changes_it(staff_client, practice):
    old_url = practice.get_absolute_url("sv")
    admin_post_practice(staff_client, practice, slug_sv="ny-adress")
    practice.refresh_from_db()
    response = staff_client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/sv/verksamheter/ny-adress/"


@pytest.mark.django_db
def test_every_old_slug_keeps_redirecting_after_several_changes(staff_client, practice):
    first = practice.get_absolute_url("en")
    admin_post_practice(staff_client, practice, slug_en="second")
    practice.refresh_from_db()
    admin_post_practice(staff_client, practice, slug_en="third")
    for old in (first, "/en/practices/second/"):
        response = staff_client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/en/practices/third/"


@pytest.mark.django_db
def test_an_old_slug_of_one_language_redirects_in_another(staff_client, practice):
    old_sv_slug = practice.slug_sv
    admin_post_practice(staff_client, practice, slug_sv="ny-adress")
    response = staff_client.get(f"/fi/kaytannot/{old_sv_slug}/")
    assert response.status_code == 301
    assert response["Location"] == practice.get_absolute_url("fi")


@pytest.mark.django_db
def test_changing_a_slug_back_makes_it_current_again(staff_client, practice):
    original = practice.slug_fi
    admin_post_practice(staff_client, practice, slug_fi="valiaikainen")
    practice.refresh_from_db()
    admin_post_practice(staff_client, practice, slug_fi=original)
    assert staff_client.get(f"/fi/kaytannot/{original}/").status_code == 200
    assert staff_client.get("/fi/kaytannot/valiaikainen/").status_code == 301


@pytest.mark.django_db
def test_loader_keeps_old_slugs_when_fixtures_rename_a_page(catalogue, settings, tmp_path):
    import shutil

    from django.core.management import call_command

    directory = tmp_path / "catalogue"
    shutil.copytree(settings.CATALOGUE_FIXTURES_DIR, directory)
    path = directory / "practices" / "01-espoo-helsinki.yaml"
    old_slug = Practice.objects.get(pk=1).slug_en
    path.write_text(
        path.read_text(encoding="utf-8").replace(f'en: "{old_slug}"', 'en: "renamed-page"'),
        encoding="utf-8",
    )
    call_command("load_catalogue", directory=directory, verbosity=0)
    assert SlugRedirect.objects.filter(slug=old_slug, language="en", object_id=1).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "language"), [("sv-FI,sv;q=0.9", "sv"), ("en-GB,en", "en"), ("de", "fi")]
)
def test_short_permalink_redirects_to_the_visitors_language(client, practice, accept, language):
    response = client.get(f"/p/{practice.pk}/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url(language)


@pytest.mark.django_db
def test_short_permalink_falls_back_to_a_language_the_practice_has(client, db):
    practice = PracticeFactory(slug_en=None)
    response = client.get(f"/p/{practice.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == practice.get_absolute_url("fi")


@pytest.mark.django_db
def test_short_permalink_of_an_unknown_practice_is_404(client):
    assert client.get("/p/987654/").status_code == 404


# Page metadata ------------------------------------------------------------------------


@pytest.mark.django_db
def test_practice_page_has_canonical_and_hreflang_links(client, practice):
    html = client.get(practice.get_absolute_url("sv")).content.decode()
    base = "http://testserver"
    assert f'<link rel="canonical" href="{base}{practice.get_absolute_url("sv")}">' in html
    for code in ("fi", "sv", "en"):
        assert f'hreflang="{code}" href="{base}{practice.get_absolute_url(code)}"' in html
    assert f'hreflang="x-default" href="{base}{practice.get_absolute_url("fi")}"' in html


@pytest.mark.django_db
def test_hreflang_lists_only_the_languages_a_practice_has(client, db):
    practice = PracticeFactory(slug_en=None)
    html = client.get(practice.get_absolute_url("fi")).content.decode()
    assert 'hreflang="sv"' in html
    assert 'hreflang="en"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/fi/", "/sv/verksamheter/", "/en/municipalities/", "/fi/tietoa/"]
)
def test_every_page_has_canonical_feed_and_alternates(client, db, path):
    from catalogue.models import Page

    Page.objects.create(
        key="about", title_fi="T", title_sv="T", title_en="T", body_fi="B", body_sv="B", body_en="B"
    )
    html = client.get(path).content.decode()
    assert '<link rel="canonical"' in html
    assert 'hreflang="x-default"' in html
    assert 'type="application/atom+xml"' in html


@pytest.mark.django_db
def test_practice_page_has_open_graph_and_description_in_its_language(client, practice):
    html = client.get(practice.get_absolute_url("en")).content.decode()
    assert f'<meta name="description" content="{practice.summary_en}">' in html
    assert f'<meta property="og:title" content="{practice.title_en}">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert '<meta property="og:type" content="article">' in html


@pytest.mark.django_db
def test_practice_page_has_schema_org_json_ld(client, practice):
    html = client.get(practice.get_absolute_url("fi")).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    data = json.loads(block)
    assert data["@type"] == "WebPage"
    assert data["inLanguage"] == "fi"
    service = data["mainEntity"]
    assert service["@type"] == "GovernmentService"
    assert service["name"] == practice.title_fi
    assert service["areaServed"][0]["identifier"] == practice.lead_municipality.code
    assert service["provider"]["name"] == practice.lead_municipality.name_fi
    assert data["isBasedOn"]["publisher"]["name"] == "Suomen Kuntaliitto"


@pytest.mark.django_db
def test_json_ld_cannot_break_out_of_its_script_element(client, db):
    practice = PracticeFactory(title_fi="</script><script>alert(1)</script>")
    html = client.get(practice.get_absolute_url("fi")).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert json.loads(block)["mainEntity"]["name"] == practice.title_fi
    assert "<script>alert(1)" not in html


@pytest.mark.django_db
def test_cite_and_share_box_offers_the_permalink_and_a_citation(client, practice):
    html = client.get(practice.get_absolute_url("en")).content.decode()
    assert f'value="http://testserver/p/{practice.pk}/"' in html
    assert "Suomen Kuntaliitto 2017, p. 5." in html


def test_print_stylesheet_hides_navigation_and_prints_link_targets():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    printed = css[css.index("@media print") :]
    assert ".site-header" in printed and ".site-footer" in printed
    assert 'content: " (" attr(href) ")"' in printed


# Sitemap, robots, feed ----------------------------------------------------------------


def sitemap_entries(client) -> list:
    """Every <url> of every page of every section the sitemap index lists."""
    index = client.get("/sitemap.xml")
    assert index["Content-Type"] == "application/xml"
    entries = []
    for loc in ElementTree.fromstring(index.content).iter(f"{SITEMAP}loc"):
        assert loc.text.startswith("http://testserver/sitemap-")
        response = client.get(loc.text.removeprefix("http://testserver"))
        assert response.status_code == 200
        entries += ElementTree.fromstring(response.content).iter(f"{SITEMAP}url")
    return entries


@pytest.mark.django_db
def test_sitemap_lists_exactly_the_practice_and_municipality_pages(client, practice):
    no_english = PracticeFactory(slug_en=None)
    locations = {url.find(f"{SITEMAP}loc").text for url in sitemap_entries(client)}
    expected = set()
    items = [practice, no_english, *practice.municipalities.all(), *no_english.municipalities.all()]
    for item in items:
        for code in ("fi", "sv", "en"):
            if item.get_absolute_url(code):
                expected.add(f"http://testserver{item.get_absolute_url(code)}")
    for path in ("/fi/", "/sv/", "/en/", "/fi/kaytannot/", "/en/about/", "/sv/kommuner/"):
        expected.add(f"http://testserver{path}")
    assert expected <= locations
    object_pages = {
        loc
        for loc in locations
        if re.search(
            r"/(kaytannot|verksamheter|practices|kunnat|kommuner|municipalities)/[^/]+/$", loc
        )
    }
    assert object_pages == {
        e
        for e in expected
        if re.search(
            r"/(kaytannot|verksamheter|practices|kunnat|kommuner|municipalities)/[^/]+/$", e
        )
    }


@pytest.mark.django_db
def test_sitemap_entries_carry_hreflang_alternates(client, practice):
    for url in sitemap_entries(client):
        if url.find(f"{SITEMAP}loc").text.endswith(practice.get_absolute_url("fi")):
            links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            assert links["sv"] == f"http://testserver{practice.get_absolute_url('sv')}"
            assert links["x-default"] == f"http://testserver{practice.get_absolute_url('fi')}"
            return
    pytest.fail("the practice is not in the sitemap")


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


HREFLANG = re.compile(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">')


@pytest.mark.django_db
def test_sitemap_x_default_is_the_pages_own_and_every_address_answers_200(client, catalogue):
    entries = sitemap_entries(client)
    assert len(entries) > 300
    for url in entries:
        location = url.find(f"{SITEMAP}loc").text
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        response = client.get(location.removeprefix("http://testserver"))
        assert response.status_code == 200, location
        on_page = dict(HREFLANG.findall(response.content.decode()))
        assert on_page == links, location
        assert client.get(links["x-default"].removeprefix("http://testserver")).status_code == 200


@pytest.mark.django_db
def test_a_practice_without_finnish_points_x_default_at_its_swedish_page(client, db):
    practice = PracticeFactory(slug_fi=None, title_fi="", original_language="sv")
    html = client.get(practice.get_absolute_url("sv")).content.decode()
    expected = f"http://testserver{practice.get_absolute_url('sv')}"
    assert dict(HREFLANG.findall(html))["x-default"] == expected


@pytest.mark.django_db
def test_sitemap_lists_every_public_page_in_every_language(client, db):
    locations = {url.find(f"{SITEMAP}loc").text for url in sitemap_entries(client)}
    for path in (
        "/fi/saavutettavuus/",
        "/sv/tillganglighet/",
        "/en/accessibility/",
        "/fi/tietoa/",
        "/en/api/",
        "/sv/verksamheter/",
        "/en/municipalities/",
    ):
        assert f"http://testserver{path}" in locations


@pytest.mark.django_db
def test_sitemap_index_pages_a_section_past_its_limit(client, db, monkeypatch):
    from catalogue.links import PracticeSitemap

    monkeypatch.setattr(PracticeSitemap, "limit", 4)
    practices = PracticeFactory.create_batch(5)  # 15 addresses: 4 pages of at most 4
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = [loc.text for loc in index.iter(f"{SITEMAP}loc") if "sitemap-practices" in loc.text]
    assert pages == [
        "http://testserver/sitemap-practices.xml",
        "http://testserver/sitemap-practices.xml?p=2",
        "http://testserver/sitemap-practices.xml?p=3",
        "http://testserver/sitemap-practices.xml?p=4",
    ]
    locations = []
    for page in pages:
        root = ElementTree.fromstring(client.get(page.removeprefix("http://testserver")).content)
        found = [url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")]
        assert len(found) <= 4
        locations += found
    assert len(locations) == len(set(locations)) == 15
    assert {f"http://testserver{p.get_absolute_url('sv')}" for p in practices} <= set(locations)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language"), [("/fi/syote/", "fi"), ("/sv/flode/", "sv"), ("/en/feed/", "en")]
)
def test_atom_feed_lists_practices_in_the_pages_language(client, practice, path, language):
    response = client.get(path)
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == [getattr(practice, f"title_{language}")]


@pytest.mark.django_db
def test_atom_feed_puts_the_latest_change_first(client, db):
    older = PracticeFactory()
    newer = PracticeFactory()
    Practice.objects.filter(pk=older.pk).update(updated_at=timezone.now() - timedelta(days=3))
    root = ElementTree.fromstring(client.get("/en/feed/").content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == [newer.title_en, older.title_en]


# Open data ----------------------------------------------------------------------------


def parse_csv(response, separator=","):
    """The plain CSV: RFC 4180 in UTF-8 without a byte order mark."""
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text), delimiter=separator))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("param", "separator"), [("comma", ","), ("semicolon", ";"), ("tab", "\t")]
)
def test_practices_csv_parsed_back_equals_the_api(client, practice, param, separator):
    response = client.get(f"/api/v1/practices.csv?separator={param}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = parse_csv(response, separator)
    api = client.get("/api/v1/practices/").json()["results"]
    assert len(rows) == len(api) == 1
    row, record = rows[0], api[0]
    assert int(row["id"]) == record["id"]
    for field in ("title", "summary", "description", "slug", "url"):
        for code in ("fi", "sv", "en"):
            assert row[f"{field}_{code}"] == record[field][code], (field, code)
    assert row["municipalities"].split("|") == [m["code"] for m in record["municipalities"]]
    assert row["service_languages"].split("|") == [
        lang["code"] for lang in record["service_languages"]
    ]
    assert row["themes"].split("|") == [t["slug"] for t in record["themes"]]
    assert row["updated_at"] == record["updated_at"]
    assert int(row["source_page"]) == record["source"]["page"]
    assert row["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "Kuntaliitto" in row["attribution"]


@pytest.mark.django_db
def test_practices_csv_keeps_every_practice_of_the_real_catalogue(client, catalogue):
    rows = parse_csv(client.get("/api/v1/practices.csv"))
    assert len(rows) == 52
    assert {row["title_sv"] for row in rows} >= {"Närsamhället stöder integrationen"}


@pytest.mark.django_db
def test_csv_refuses_an_unknown_separator_with_a_400(client):
    response = client.get("/api/v1/practices.csv?separator=pipe")
    assert response.status_code == 400
    assert response.json()["parameters"] == ["separator"]


@pytest.mark.django_db
def test_catalogue_json_holds_everything_with_licence(client, catalogue):
    response = client.get("/api/v1/catalogue.json")
    assert 'rel="license"' in response["Link"]
    data = response.json()
    assert data["licence"]["name"] == "CC BY 4.0"
    assert "Kuntaliitto" in data["attribution"]
    assert len(data["practices"]) == 52
    assert len(data["municipalities"]) == 43
    assert {area["slug"] for area in data["cooperation_areas"]} >= {"k5", "ylivieskan-seutu"}
    first = client.get("/api/v1/practices/1/").json()
    assert data["practices"][0] == first


@pytest.mark.django_db
def test_api_modified_after_returns_only_later_changes(client, db):
    old = PracticeFactory()
    new = PracticeFactory()
    Practice.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=10))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    data = client.get("/api/v1/practices/", {"modified_after": since}).json()
    assert [r["id"] for r in data["results"]] == [new.pk]


@pytest.mark.django_db
def test_api_modified_after_must_be_a_time(client):
    response = client.get("/api/v1/practices/?modified_after=yesterday")
    assert response.status_code == 400
    assert response.json()["parameters"] == ["modified_after"]


@pytest.mark.django_db
def test_api_page_documents_the_hsds_counterparts(client):
    html = client.get("/en/api/").content.decode()
    assert "service.name" in html and "service.last_modified" in html
    assert "/api/v1/practices.csv" in html
    assert "CC BY 4.0" in html


@pytest.mark.django_db
def test_about_page_states_the_licence_and_the_source(client):
    from catalogue.models import Page

    Page.objects.create(
        key="about", title_fi="T", title_sv="T", title_en="T", body_fi="B", body_sv="B", body_en="B"
    )
    html = client.get("/sv/om/").content.decode()
    assert 'rel="license"' in html and "CC BY 4.0" in html
    assert "Kunnat kotouttavat" in html


# Exports for officers and spreadsheets ------------------------------------------------


@pytest.mark.django_db
def test_practices_csv_applies_the_lists_filters(client, db):
    espoo = MunicipalityFactory(code="049")
    ours = PracticeFactory(lead_municipality=espoo)
    PracticeFactory()
    rows = parse_csv(client.get("/api/v1/practices.csv", {"municipality": "049"}))
    assert [int(row["id"]) for row in rows] == [ours.pk]


@pytest.mark.django_db
def test_practices_csv_refuses_a_filter_it_cannot_apply(client, db):
    response = client.get("/api/v1/practices.csv", {"municipality": "999"})
    assert response.status_code == 400
    assert response.json()["parameters"] == ["municipality"]


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "name"), [("fi", "Kruunupyy"), ("sv", "Kronoby")])
def test_practices_csv_has_names_beside_codes_in_the_asked_language(client, db, lang, name):
    kronoby = MunicipalityFactory(code="288", name_fi="Kruunupyy", name_sv="Kronoby")
    PracticeFactory(lead_municipality=kronoby)
    [row] = parse_csv(client.get("/api/v1/practices.csv", {"lang": lang}))
    assert row["municipalities"] == "288"
    assert row["municipality_names"] == name


@pytest.mark.django_db
def test_excel_download_is_semicolon_separated_utf8_with_a_byte_order_mark(client, practice):
    response = client.get("/api/v1/practices.csv", {"format": "excel"})
    assert response["Content-Disposition"] == 'attachment; filename="practices-excel.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffid;title_fi;title_sv;title_en;")
    [row] = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert row["title_sv"] == practice.title_sv


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "parameter"), [("format=xlsx", "format"), ("lang=de", "lang")])
def test_exports_refuse_an_unknown_format_or_language(client, query, parameter):
    for path in ("/api/v1/practices.csv", "/api/v1/municipalities.csv"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400
        assert response.json()["parameters"] == [parameter]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "title", ["=HYPERLINK(1)", "+358 40", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_begin_with_an_apostrophe(
    client, db, title
):
    PracticeFactory(title_fi=title)
    for query in ("", "format=excel"):
        text = client.get(f"/api/v1/practices.csv?{query}").content.decode("utf-8-sig")
        [row] = list(csv.DictReader(io.StringIO(text), delimiter=";" if query else ","))
        assert row["title_fi"] == "'" + title


@pytest.mark.django_db
def test_csv_leaves_ordinary_cells_alone(client, db):
    PracticeFactory(title_fi="Kerho 2017 – uusi")
    [row] = parse_csv(client.get("/api/v1/practices.csv"))
    assert row["title_fi"] == "Kerho 2017 – uusi"
    assert row["source_year"] == "2017"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/api/v1/practices.csv", "/api/v1/municipalities.csv", "/api/v1/catalogue.json"]
)
def test_exports_speak_the_asked_language_not_the_browsers(client, practice, path):
    # The Swedish browser asks first; the shared page cache must not hand its Swedish
    # attribution to the next reader, who asked for nothing (Finnish).
    swedish = client.get(path, headers={"Accept-Language": "sv"})
    plain = client.get(path, headers={"Accept-Language": "en"})
    asked = client.get(path, {"lang": "sv"}, headers={"Accept-Language": "fi"})
    assert swedish["Content-Language"] == plain["Content-Language"] == "fi"
    assert asked["Content-Language"] == "sv"
    assert plain.content == swedish.content
    assert "Lisenssi CC BY 4.0" in plain.content.decode("utf-8")
    assert "Licens CC BY 4.0" in asked.content.decode("utf-8")


@pytest.mark.django_db
def test_practice_page_shows_no_technical_update_time(client, practice):
    # Issue 12: a load or save time is not a fact about the practice; only a person's check
    # is shown (catalogue/includes/freshness.html), so no machine time reaches the page.
    when = datetime(2025, 6, 7, 8, 9, 10, 123456, tzinfo=UTC)
    Practice.objects.filter(pk=practice.pk).update(updated_at=when)
    html = client.get(practice.get_absolute_url("fi")).content.decode()
    assert "2025-06-07T08:09:10" not in html.split("<body>")[1]
    assert "7.6.2025" not in html


@pytest.mark.django_db
def test_list_forms_name_their_action(client, db):
    html = client.get("/sv/verksamheter/").content.decode()
    assert 'action=""' not in html
    assert html.count('<form method="get" action="/sv/verksamheter/#results"') == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "apostrophe", "as_text"),
    [
        ("/fi/rajapinta/", "alkuun lisätään heittomerkki", "dtype=str"),
        ("/sv/api/", "börjar en cell med en apostrof", "kodkolumnernas typ Text"),
        ("/en/api/", "starts with an apostrophe (')", "set the code columns to Text"),
    ],
)
def test_api_page_documents_safe_cells_and_keeping_codes_as_text(client, path, apostrophe, as_text):
    html = client.get(path).content.decode()
    assert apostrophe in html
    assert as_text in html
    assert "OWASP" in html
    assert "format=excel" in html
