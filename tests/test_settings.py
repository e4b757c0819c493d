import os
import subprocess
import sys

from django.conf import settings


def run_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.DEBUG)"],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_site_address():
    clean = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        env={**clean, "SECRET_KEY": "x" * 50, "DEBUG": "0"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr


def test_debug_is_off_unless_asked_for():
    assert run_settings({"SECRET_KEY": "x" * 50}).stdout.strip() == "False"
    assert run_settings({"DEBUG": "1"}).stdout.strip() == "True"


def test_database_url_chooses_postgresql():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        env={**os.environ, "SECRET_KEY": "x", "DATABASE_URL": "postgres://u@127.0.0.1:5432/db"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"
