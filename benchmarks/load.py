"""Load test: gunicorn with production settings on PostgreSQL and Redis, driven by wrk.

Each request type is measured for a fixed time at a fixed number of concurrent clients, in
the same run as a minimal Django view (/health/, the framework's own floor through the same
middleware), so that every page's throughput is reported as a ratio to that floor.
Everything runs on loopback and stops by itself.

Usage (see benchmarks/RESULTS.md):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kunnat_load \\
    REDIS_URL=redis://127.0.0.1:6379/3 \\
        .venv/bin/python benchmarks/load.py --practices 10000 --seconds 15 --clients 16

With --uncached the whole-page cache is off (PUBLIC_PAGE_CACHE=0): every request does the
work of a cache miss, which is what every search and every page after an edit costs.
--only chooses request types by label (e.g. --only "practice page" "practice list").
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("STATS %d %d %.3f %.3f %.3f %d\\n", summary.requests,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def production_env(url: str, redis: str, cached: bool = True) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": "load-test-only-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "REDIS_URL": redis,
        # Loopback has no TLS; in production the proxy terminates it.
        "SECURE_SSL_REDIRECT": "0",
        "SITE_URL": f"http://127.0.0.1:{PORT}",
        "PUBLIC_PAGE_CACHE": "1" if cached else "0",
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def practice_path(env) -> tuple[str, str, str]:
    code = (
        "from catalogue.models import Practice; p = Practice.objects.published().get(pk=1); "
        "print(p.get_absolute_url('fi')); print(p.lead_municipality.get_absolute_url('fi'))"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    paths = [word for word in out if word.startswith("/")]
    return paths[0], paths[1], "/api/v1/practices/1/"


def wrk(path: str, seconds: int, clients: int, script: Path) -> dict:
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(clients, 2)}",
            f"-c{clients}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    requests, duration_us, p50, p95, p99, errors = re.search(
        r"STATS (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", result.stdout
    ).groups()
    return {
        "rps": int(requests) / (int(duration_us) / 1e6),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "errors": int(errors),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--uncached", action="store_true", help="turn the page cache off")
    parser.add_argument("--only", nargs="*", help="request labels to run (the floor always)")
    args = parser.parse_args()
    url, redis = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not url.startswith("postgres") or not redis.startswith("redis"):
        sys.exit("Set DATABASE_URL (PostgreSQL) and REDIS_URL (Redis on loopback).")
    if not shutil.which("wrk"):
        sys.exit("Install wrk (Debian package wrk).")
    env = production_env(url, redis, cached=not args.uncached)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from search_latency import ensure_database

    ensure_database(url, recreate=False)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_catalogue", "--only-if-empty", "-v0")
    have = int(
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from catalogue.models import Practice; print(Practice.objects.count())",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
    )  # the last word: the count
    if have < args.practices:
        manage(env, "generate_practices", str(args.practices - have), "-v0")
    practice, municipality, api_practice = practice_path(env)
    requests = [
        ("minimal Django view (floor)", "/health/"),
        ("home page", "/fi/"),
        ("practice list", "/fi/kaytannot/"),
        ("filtered list", "/fi/kaytannot/?language=ar&target_group=women"),
        ("search with a filter", "/fi/kaytannot/?q=neuvonta&language=ar"),
        ("search", "/fi/kaytannot/?q=suomen+kieli"),
        ("practice page", practice),
        ("municipality page", municipality),
        ("API list", "/api/v1/practices/"),
        ("API practice", api_practice),
    ]
    if args.only:
        requests = [r for r in requests if r[0] in ("minimal Django view (floor)", *args.only)]
    script = ROOT / "benchmarks" / ".wrk-stats.lua"
    script.write_text(LUA)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        rows = []
        for label, path in requests:
            wrk(path, 3, args.clients, script)  # warm up (and fill the cache)
            rows.append((label, path, wrk(path, args.seconds, args.clients, script)))
        floor = rows[0][2]["rps"]
        print(
            f"{args.clients} concurrent clients, {args.seconds} s each, gunicorn "
            f"{args.workers} sync workers, {args.practices:,} practices, page cache "
            f"{'off' if args.uncached else 'on'}\n"
        )
        print("| request | req/s | ratio to floor | p50 ms | p95 ms | p99 ms | errors |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for label, _path, stats in rows:
            print(
                f"| {label} | {stats['rps']:.0f} | {stats['rps'] / floor:.2f} | "
                f"{stats['p50']:.1f} | {stats['p95']:.1f} | {stats['p99']:.1f} | "
                f"{stats['errors']} |"
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        script.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
