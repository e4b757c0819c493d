"""Real servers for the fault tests: redis-server and gunicorn on free loopback ports.

Each is started and stopped by the test that needs it; nothing touches the machine's own
Redis or PostgreSQL services beyond creating and dropping one database of its own.
"""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout: float = 20.0, what: str = "the server") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if condition():
                return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not start within {timeout} s")


class RedisServer:
    """A throw-away redis-server: no persistence, loopback only."""

    def __init__(self):
        self.port = free_port()
        self.process = None
        self.frozen = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=1)
        wait_until(client.ping, what="redis-server")

    def kill(self) -> None:
        """Killed outright, as a crash or an out-of-memory kill would."""
        self.process.kill()
        self.process.wait(timeout=10)

    def freeze(self) -> None:
        """Stopped but still holding its port: connections hang instead of failing."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)
        self.frozen = False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            if self.frozen:
                self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)


class Gunicorn:
    """The site under gunicorn with production settings (DEBUG off) on a free port."""

    def __init__(self, env: dict, workers: int = 2):
        self.port = free_port()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECRET_KEY": "fault-test-only-" + "k" * 40,
            "SITE_URL": f"http://127.0.0.1:{self.port}",
            "ALLOWED_HOSTS": "",
            # Loopback has no TLS; in production the proxy terminates it.
            "SECURE_SSL_REDIRECT": "0",
            **env,
        }
        self.workers = workers
        self.process = None

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def manage(self, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                self.host,
                "--workers",
                str(self.workers),
                "--access-logfile",
                "/dev/null",
                "--error-logfile",
                "-",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )

        def answers():
            connection = http.client.HTTPConnection(self.host, timeout=5)
            try:
                connection.request("GET", "/health/", headers={"Host": self.host})
                return connection.getresponse().status == 200
            finally:
                connection.close()

        # Every worker booted, not only the port open: a slow machine takes its time.
        for _ in range(self.workers * 2):
            wait_until(answers, timeout=90, what="gunicorn")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
