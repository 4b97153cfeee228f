"""A redis-server of a test's own, on a free port, that the test can crash (snapshot then SIGKILL), pause and restart.

Used by the tests of outages (tests/cms/test_cache_outage.py, tests/accounts/test_session_outage.py) whatever the
suite's cache is (locmem or the shared Redis): `throwaway_redis` points the default and ratelimit caches at it
through the project's own tolerant backend (config/cache.py).
"""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis

from cms import invalidation
from config import cache as tolerant_cache

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs redis-server (apt-get install redis)"
)


class ThrowawayRedis:
    def __init__(self, folder):
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = None

    @property
    def client(self):
        return redis.Redis(port=self.port, socket_timeout=1, socket_connect_timeout=1)

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder)]
            + ["--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(200):
            try:
                if self.client.ping():
                    tolerant_cache.retry_now()  # as if the pause after the last failure had ended
                    return
            except redis.ConnectionError:
                time.sleep(0.01)
        raise RuntimeError("redis-server did not start")

    def crash(self):
        """Down after a last snapshot: it comes back (start) with what it held."""
        self.client.save()
        self.stop()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)  # a paused one must run to die
            self.process.kill()
            self.process.wait()


@pytest.fixture
def throwaway_redis(settings, tmp_path):
    server = ThrowawayRedis(tmp_path)
    server.start()
    params = {
        "LOCATION": f"redis://127.0.0.1:{server.port}/0",
        "KEY_PREFIX": "outage",
        "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
    }
    settings.CACHES = {
        "default": {"BACKEND": "config.cache.TolerantRedisCache", **params},
        "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", **params},
    }
    invalidation.forget_seen()
    yield server
    server.stop()
    invalidation.forget_seen()
    tolerant_cache.retry_now()
