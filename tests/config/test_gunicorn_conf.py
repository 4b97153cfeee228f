"""The production server's access log never writes query strings (names typed into the agents' search)."""

import runpy
from pathlib import Path

from gunicorn.config import Config

CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def test_the_access_log_writes_paths_without_their_query_string(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    conf = runpy.run_path(str(CONF))
    log_format = conf["access_log_format"]
    assert "%(U)s" in log_format
    for leaking in ("%(r)s", "%(q)s", "%(f)s", "%(a)s"):  # request line, query, referer (holds the last search), agent
        assert leaking not in log_format
    assert conf["accesslog"] == "-" and conf["workers"] == 3


def test_gunicorn_reads_the_file(tmp_path):
    config = Config()
    for key, value in runpy.run_path(str(CONF)).items():
        if key in config.settings:
            config.set(key, value)
    assert config.access_log_format.endswith("%(M)sms") and config.workers == 3
