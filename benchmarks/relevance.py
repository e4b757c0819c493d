"""Relevance of the search on tests/catalogue/search_relevance.yaml, per language.

Loads the real catalogue into a fresh database (SQLite in a temporary file unless
DATABASE_URL names a PostgreSQL database, which is created if missing and emptied) and asks
every query of the API, in-process.

Usage (see benchmarks/RESULTS.md for the recorded runs):
    .venv/bin/python benchmarks/relevance.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kk_search_bench \\
        .venv/bin/python benchmarks/relevance.py
    .venv/bin/python benchmarks/relevance.py --without voikko --without swedish-splitting
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("PUBLIC_PAGE_CACHE", "0")
os.environ.setdefault("SITE_URL", "http://testserver")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--without",
        choices=["voikko", "swedish-splitting"],
        action="append",
        default=[],
        help="measure an option: search as if this analyser were missing (plain stemming)",
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    else:
        directory = tempfile.mkdtemp()
        os.environ["DATABASE_URL"] = f"sqlite:///{directory}/relevance.sqlite3"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from catalogue.search import analysis
    from tests.catalogue.relevance import evaluate

    if "voikko" in args.without:
        analysis.voikko = lambda: None
    if "swedish-splitting" in args.without:
        analysis.swedish_words = lambda: None

    call_command("migrate", verbosity=0)
    call_command("load_catalogue", verbosity=0)
    scores = evaluate(Client())
    print(f"{connection.vendor}, without: {', '.join(args.without) or 'nothing'}\n")
    print("| language | queries | hit@5 | recall@10 | MRR | no result |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for language, score in scores.items():
        print(
            f"| {language} | {score.queries} | {score.hits_at_5}/{score.queries} "
            f"({score.hit_at_5:.2f}) | {score.recall:.2f} | {score.mrr:.2f} | {len(score.empty)} |"
        )
    for language, score in scores.items():
        for missed in score.missed:
            print(f"missed ({language}): {missed}")


if __name__ == "__main__":
    main()
