"""Officers: an embeddable list, the snippet to embed it, copyable permanent links."""

import pytest

from tests.factories import PracticeFactory


@pytest.mark.django_db
def test_embedded_list_shows_only_the_municipalitys_practices(client, espoo):
    ours = PracticeFactory(lead_municipality=espoo)
    other = PracticeFactory()
    response = client.get("/fi/upota/", {"municipality": "049"})
    html = response.content.decode()
    assert response.status_code == 200
    assert ours.title_fi in html
    assert other.title_fi not in html
    assert '<a href="/fi/kaytannot/?municipality=049">' in html


@pytest.mark.django_db
@pytest.mark.parametrize("repeat", [1, 2])
def test_any_site_may_frame_the_embeddable_list(client, espoo, repeat):
    for _ in range(repeat):  # the second answer comes from the page cache
        response = client.get("/sv/badda-in/", {"municipality": "049"})
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "'none'" not in policy.split("frame-ancestors")[1].split(";")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/fi/", "/fi/kaytannot/?municipality=049", "/fi/kunnat/espoo/", "/fi/kunnat/"]
)
def test_every_other_page_stays_unframeable(client, espoo, path):
    PracticeFactory(lead_municipality=espoo)
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_practice_page_has_a_plain_permanent_link_and_a_hidden_copy_button(client, practice):
    html = client.get(practice.get_absolute_url("en")).content.decode()
    link = f"http://testserver/p/{practice.pk}/"
    assert f'<a href="{link}">{link}</a>' in html
    assert f'<button type="button" class="copy-button" hidden data-copy-text="{link}"' in html
    assert f'<a href="{link}en/" hreflang="en">{link}en/</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/p/{pk}/sv/", "/p/{pk}/?lang=sv"])
def test_a_permanent_link_can_pin_the_language(client, practice, path):
    response = client.get(path.format(pk=practice.pk), headers={"Accept-Language": "en"})
    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url("sv")


@pytest.mark.django_db
def test_a_pinned_language_the_site_lacks_is_404(client, practice):
    assert client.get(f"/p/{practice.pk}/de/").status_code == 404
