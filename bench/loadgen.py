"""A small dependency-free HTTP load generator: client threads, one TCP connection per request, timings.

gunicorn's sync workers close the connection after each response, so a request is: connect, send, read until
the server closes. Journeys come from the plan written by bench.scenario: each variant is a list of steps (a
request and the status it must answer); `$location` reuses the previous answer's Location header and `{uuid}` in a
form value becomes a fresh UUID, so that a quiz can be started, answered and submitted like in a browser.
"""

import gzip
import itertools
import re
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def header(self, name, default=""):
        return self.headers.get(name.lower(), default)


def _dechunk(body):
    out, rest = [], body
    while rest:
        line, _, rest = rest.partition(b"\r\n")
        size = int(line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out.append(rest[:size])
        rest = rest[size + 2 :]
    return b"".join(out)


def http_request(host, port, method, path, *, headers=None, body=b"", timeout=60):
    """One HTTP/1.1 request on a fresh connection; reads until the server closes it."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close", "User-Agent: pasapas-bench"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    payload = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(payload)
        chunks = []
        while True:
            chunk = sock.recv(262144)
            if not chunk:
                break
            chunks.append(chunk)
    raw = b"".join(chunks)
    head, _, content = raw.partition(b"\r\n\r\n")
    head_lines = head.decode("latin-1").split("\r\n")
    status = int(head_lines[0].split(" ", 2)[1])
    parsed = {}
    for line in head_lines[1:]:
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        parsed[name] = f"{parsed[name]}, {value}" if name in parsed and name != "set-cookie" else value
    if parsed.get("transfer-encoding", "").lower() == "chunked":
        content = _dechunk(content)
    return Response(status, parsed, content)


def form_body(fields):
    """URL-encode a form; `{uuid}` values become a fresh UUID (a quiz start key)."""
    pairs = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        pairs.extend((name, str(uuid.uuid4()) if item == "{uuid}" else item) for item in values)
    return urlencode(pairs).encode()


def location_path(response):
    location = response.header("location")
    parts = urlsplit(location)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def run_variant(host, port, variant, record):
    """Play one journey variant; `record(latency, ok)` for each request. Stops at the first unexpected answer."""
    location = None  # the last Location answered: `$location` in a step
    for step in variant["steps"]:
        path = location if step["path"] == "$location" else step["path"]
        headers = {"Accept": step.get("accept", "text/html")}
        if variant.get("cookies"):
            headers["Cookie"] = variant["cookies"]
        body = b""
        if step["method"] == "POST":
            body = form_body(step.get("form", {}))
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            response = http_request(host, port, step["method"], path, headers=headers, body=body)
            ok = response.status == step["expect"]
            if response.header("location"):
                location = location_path(response)
        except OSError:
            ok = False
        record(time.perf_counter() - started, ok)
        if not ok:
            return


@dataclass
class JourneyResult:
    name: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list = field(default_factory=list)

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction):
        """Nearest-rank percentile of the latencies, in milliseconds."""
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        rank = max(0, min(len(ordered) - 1, int(round(fraction * len(ordered) + 0.5)) - 1))
        return 1000 * ordered[rank]


def prime(host, port, journey, *, concurrency, limit):
    """Play every variant once, not measured (capped at `limit` seconds): caches filled as after a while in use.

    Tutorials keep their content per revision and steps done, so the first reader of each combination pays for
    the rendering; a short warm-up would measure those first readers instead of the steady state.
    """
    variants = journey["variants"]
    counter = itertools.count()
    stop_at = time.perf_counter() + limit

    def worker():
        while time.perf_counter() < stop_at:
            index = next(counter)
            if index >= len(variants):
                return
            run_variant(host, port, variants[index], lambda latency, ok: None)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run_journey(host, port, journey, *, concurrency, duration, warmup, on_start=None, on_end=None):
    """Keep `concurrency` threads busy on the journey's variants; only requests started after the warm-up count.

    `on_start` and `on_end` are called when the measure starts and ends (to read CPU counters).
    """
    variants = journey["variants"]
    counter = itertools.count()
    lock = threading.Lock()
    result = JourneyResult(journey["name"])
    begin = time.perf_counter()
    measure_from = begin + warmup
    stop_at = measure_from + duration

    def worker():
        latencies, errors = [], 0
        while time.perf_counter() < stop_at:
            variant = variants[next(counter) % len(variants)]
            counted = time.perf_counter() >= measure_from

            def record(latency, ok, counted=counted):
                nonlocal errors
                if counted:
                    latencies.append(latency)
                    errors += 0 if ok else 1

            run_variant(host, port, variant, record)
        with lock:
            result.latencies.extend(latencies)
            result.errors += errors

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, measure_from - time.perf_counter()))
    if on_start is not None:
        on_start()
    time.sleep(max(0.0, stop_at - time.perf_counter()))
    if on_end is not None:
        on_end()
    for thread in threads:
        thread.join()
    result.requests = len(result.latencies)
    # Requests started before the end still finish after it: divide by the real measuring time.
    result.seconds = time.perf_counter() - measure_from
    return result


ASSET_PATTERN = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"')


def page_weight(host, port, path):
    """HTML (gzipped here, level 6, as a proxy would) plus the CSS and JS it loads (as WhiteNoise serves them)."""
    page = http_request(host, port, "GET", path)
    html = page.body
    sizes = {"html": (len(html), len(gzip.compress(html, 6)))}
    for asset in ASSET_PATTERN.findall(html.decode("utf-8", "replace")):
        plain = http_request(host, port, "GET", asset)
        packed = http_request(host, port, "GET", asset, headers={"Accept-Encoding": "gzip"})
        gzipped = packed.header("content-encoding") == "gzip"
        compressed = len(packed.body) if gzipped else len(gzip.compress(plain.body))
        sizes[asset] = (len(plain.body), compressed)
    return sizes
