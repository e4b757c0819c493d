"""A Redis cache that fails open: when Redis is down, frozen or refusing, the site runs uncached.

Django's RedisCache raises on every connection error, so an unreachable Redis turns every
page into a 500. This backend answers as if the cache were empty instead: reads miss, writes
are dropped, `add` reports that nothing was added and `incr` that the key is missing (the
ValueError of Django's contract). After an error it does not ask Redis again for
RETRY_AFTER seconds, so a frozen Redis costs one socket timeout per process and period, not
one per request. The failure is logged at most once a minute per process.

`available()` tells callers that must know whether a write really happened (the catalogue
version bump in catalogue.caching).
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Seconds without asking Redis after a failure.
RETRY_AFTER = 1.0
# Seconds between two log lines about the same outage (per process).
LOG_EVERY = 60.0


class _Outage:
    """Per-process state shared by every thread's backend instance."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.last_logged = float("-inf")
        self.suppressed = 0

    def is_down(self) -> bool:
        return time.monotonic() < self.down_until

    def failed(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            self.down_until = now + RETRY_AFTER
            if now - self.last_logged >= LOG_EVERY:
                logger.warning(
                    "Cache unavailable (%s: %s); serving uncached for now. %d further "
                    "failures since the last message.",
                    operation,
                    error,
                    self.suppressed,
                )
                self.last_logged = now
                self.suppressed = 0
            else:
                self.suppressed += 1

    def reset(self) -> None:
        with self.lock:
            self.down_until = 0.0
            self.last_logged = float("-inf")
            self.suppressed = 0


outage = _Outage()


class FailOpenRedisCache(RedisCache):
    def available(self) -> bool:
        """False while this process treats the cache as down."""
        return not outage.is_down()

    def _call(self, operation: str, miss, method, *args, **kwargs):
        if outage.is_down():
            return miss
        try:
            return method(*args, **kwargs)
        except RedisError as error:
            outage.failed(operation, error)
            return miss

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, super().incr, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that failed to be set.
        return self._call("set_many", list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._call("clear", False, super().clear)
