"""Search and list latency at scale, on PostgreSQL.

Creates (or reuses) a benchmark database, loads the real catalogue, tops it up with
synthetic practices to each size, and times the public list page and the API in-process
with Django's test client (no network, so this is the server's own time per request).

Usage (see benchmarks/RESULTS.md for the recorded run):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kunnat_bench \\
        .venv/bin/python benchmarks/search_latency.py --sizes 10000 100000
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SITE_URL", "http://testserver")
# The work behind each page, not the page cache (a repeated request would be a cache hit).
os.environ.setdefault("PUBLIC_PAGE_CACHE", "0")

SCENARIOS = [
    ("list, first page", "/fi/kaytannot/"),
    ("list, page 40", "/fi/kaytannot/?page=40"),
    ("list, filtered", "/fi/kaytannot/?language=ar&target_group=women&region=01"),
    ("search fi: suomen kieli", "/fi/kaytannot/?q=suomen+kieli"),
    ("search fi, inflected: käytännöt", "/fi/kaytannot/?q=k%C3%A4yt%C3%A4nn%C3%B6t"),
    ("search fi, typo: maahanmuutajat", "/fi/kaytannot/?q=maahanmuutajat"),
    ("search sv: språkkurs", "/sv/verksamheter/?q=spr%C3%A5kkurs"),
    ("search en + filter: advice, Arabic", "/en/practices/?q=advice&language=ar"),
    ("API list", "/api/v1/practices/"),
    ("API search: neuvonta", "/api/v1/practices/?q=neuvonta&lang=fi"),
    ("API filtered", "/api/v1/practices/?municipality=091&theme=language-learning"),
]


def ensure_database(url: str, recreate: bool) -> None:
    import psycopg

    name = urlparse(url).path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and recreate:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
        # PostgreSQL's default random_page_cost (4) models spinning disks; on SSDs 1.1 is the
        # usual setting, and with it the planner uses the search indexes for common words.
        connection.execute(f'ALTER DATABASE "{name}" SET random_page_cost = 1.1')


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


def measure(client, url, runs):
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def result_count(client, path) -> str:
    """The count the page or the API gives; "> N" when it says more than N match."""
    body = client.get(path)
    if path.startswith("/api/"):
        answer = body.json()
        count, more = answer["count"], answer.get("count_is_estimate", False)
    else:
        found = re.search(rb'class="result-count"[^>]*>([^0-9<]*)([0-9]+)', body.content)
        count, more = int(found[2]), bool(found[1].strip())
    return f"> {count:,}" if more else f"{count:,}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--recreate", action="store_true", help="start from an empty database")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (it is created if missing).")
    ensure_database(url, args.recreate)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from catalogue.models import Practice

    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_catalogue", verbosity=0)
    client = Client()
    print(f"PostgreSQL {connection.cursor().connection.info.server_version}, {args.runs} runs each")
    for size in args.sizes:
        missing = size - Practice.objects.count()
        if missing > 0:
            started = time.perf_counter()
            call_command("generate_practices", missing, verbosity=0)
            print(f"generated {missing} practices in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"\n### {Practice.objects.count():,} practices\n")
        print("| request | p50 ms | p95 ms | p99 ms | results |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for label, path in SCENARIOS:
            timings = measure(client, path, args.runs)
            print(
                f"| {label} | {statistics.median(timings):.1f} | {percentile(timings, 0.95):.1f} "
                f"| {percentile(timings, 0.99):.1f} | {result_count(client, path)} |"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
