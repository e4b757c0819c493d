"""The municipalities as open data: municipalities.csv."""

import csv
import io

import pytest


def parse_csv(response, separator=","):
    """The plain CSV: RFC 4180 in UTF-8 without a byte order mark."""
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text), delimiter=separator))


@pytest.mark.django_db
def test_municipalities_csv_has_a_row_per_municipality(client, practice):
    rows = parse_csv(client.get("/api/v1/municipalities.csv?separator=semicolon"), ";")
    assert [row["code"] for row in rows] == sorted(m.code for m in practice.municipalities.all())
    assert rows[0]["name_sv"]
    assert rows[0]["licence"].startswith("https://creativecommons.org/")
