"""The client's address behind N trusted proxies: what axes and the feedback limit key on."""

import pytest
from django.test import RequestFactory

from config.client_ip import client_ip
from tests.factories import PracticeFactory


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_proxies_the_connection_address_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", "203.0.113.9")) == "203.0.113.9"


def test_behind_one_proxy_a_spoofed_left_part_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote "198.51.100.1" itself; the proxy appended the address it really saw.
    assert client_ip(request_from("10.0.0.2", "198.51.100.1, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 5.6.7.8, 203.0.113.9")) == ("203.0.113.9")


def test_behind_two_proxies_the_second_address_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("10.0.0.3", "198.51.100.1, 203.0.113.9, 10.0.0.2")
    assert client_ip(request) == "203.0.113.9"


def test_ipv6_addresses_are_read_and_normalised(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", "2001:DB8::0:1")) == "2001:db8::1"


@pytest.mark.parametrize("forwarded", [None, "", " , "])
def test_a_missing_header_falls_back_to_the_connection_address(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", forwarded)) == "10.0.0.2"


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_connection_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.3", "203.0.113.9")) == "10.0.0.3"


@pytest.mark.parametrize("garbage", ["unknown", "203.0.113.9:443", "<script>", "a" * 300])
def test_a_forged_non_address_falls_back_to_the_connection_address(settings, garbage):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", garbage)) == "10.0.0.2"


def test_readers_without_a_readable_address_do_not_share_one_key(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = client_ip(request_from("10.0.0.2", "unknown"))
    second = client_ip(request_from("10.0.0.7", "unknown"))
    assert first != second


def try_login(client, address, forwarded, password="wrong"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
def test_rotating_a_forged_forwarded_address_does_not_escape_the_login_lockout(
    client, settings, django_user_model
):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    for n in range(settings.AXES_FAILURE_LIMIT):
        try_login(client, "10.0.0.2", f"198.51.100.{n}, 203.0.113.9")
    locked = try_login(client, "10.0.0.2", "198.51.100.99, 203.0.113.9", password="pw")
    assert locked.status_code == 429
    # Another reader behind the same proxy is not locked out.
    other = try_login(client, "10.0.0.2", "203.0.113.10", password="pw")
    assert other.status_code == 302


@pytest.mark.django_db
def test_the_feedback_limit_counts_the_address_the_proxy_saw(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_PER_HOUR = 2
    practice = PracticeFactory()
    url = f"{practice.get_absolute_url('en')}feedback/"
    statuses = [
        client.post(
            url, {"message": f"report {n}"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9"
        ).status_code
        for n in range(3)
    ]
    assert statuses == [303, 303, 429]
    elsewhere = client.post(url, {"message": "other"}, HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert elsewhere.status_code == 303
