"""Where an uncached page spends its time: cProfile over repeated requests, in process.

Production settings with the page cache off, on the benchmark database (see load.py);
prints the median time of a request without the profiler, then the functions with the most
own time and the most cumulative time per page. With --cold the catalogue version is bumped
before every request, as an edit does: what is kept per version (filter choices, counts,
the linked tables) is then built again each time, the first request after an edit.

Usage:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kunnat_load \\
        .venv/bin/python benchmarks/profile_pages.py --requests 50
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "profile-only-" + "k" * 40)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ["PUBLIC_PAGE_CACHE"] = "0"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--cold", action="store_true", help="bump the version before each")
    args = parser.parse_args()
    import django

    django.setup()
    from django.test import Client

    from catalogue import caching
    from catalogue.models import Practice

    def get(path):
        if args.cold:
            caching.bump_version()
        return client.get(path)

    practice = Practice.objects.published().order_by("pk").first()
    pages = [
        ("practice page", practice.get_absolute_url("fi")),
        ("practice list", "/fi/kaytannot/"),
        ("search with a filter", "/fi/kaytannot/?q=neuvonta&language=ar"),
    ]
    client = Client()
    for label, path in pages:
        for _ in range(5):  # warm up: templates compiled, connections open
            assert get(path).status_code == 200
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            get(path)
            times.append((time.perf_counter() - start) * 1000)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        for _ in range(args.requests):
            get(path)
        profiler.disable()
        per_request = (time.perf_counter() - start) / args.requests * 1000
        print(
            f"\n## {label} ({path}): {statistics.median(times):.1f} ms per request (median), "
            f"{per_request:.1f} ms under cProfile\n"
        )
        for sort in ("tottime", "cumulative"):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats(sort).print_stats(args.top)
            lines = [
                line
                for line in out.getvalue().splitlines()
                if line.strip() and not line.lstrip().startswith(("Ordered", "List reduced"))
            ]
            print(f"by {sort}:\n```")
            print("\n".join(lines[1:]))
            print("```")


if __name__ == "__main__":
    main()
