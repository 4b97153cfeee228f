"""`make bench`: the load and scale benchmark, end to end, with its results written to docs/benchmarks.md.

For each size (BENCH_SIZES, residents; default 1000 then 100000) on a fresh PostgreSQL database:
migrate, seed_demo, generate_load_data, collectstatic, then gunicorn on production-like settings
(config.settings.bench: DEBUG off, Redis cache and sessions, WhiteNoise) and every journey in turn with
concurrent clients (bench.loadgen). Queries per request are counted in-process (bench.scenario).

Environment (all optional):
  BENCH_DATABASE_URL   postgres://postgres@127.0.0.1:5432/pasapas_bench (dropped and created again)
  BENCH_REDIS_URL      redis://127.0.0.1:6379/13 (this Redis database is emptied)
  BENCH_SIZES          1000,100000
  BENCH_WORKERS        gunicorn workers (default: 2 per core)
  BENCH_CONCURRENCY    client threads per journey (8)
  BENCH_DURATION       measured seconds per journey (20), after BENCH_WARMUP seconds (3)
  BENCH_PRIME          at most this many seconds (60) to play each variant of a journey once, unmeasured
  BENCH_JOURNEYS       a comma-separated subset of journeys (all by default)
  BENCH_OUTPUT         docs/benchmarks.md ("-" to only print)
  BENCH_KEEP_DB        1 to keep the database afterwards (it is dropped by default)
"""

import datetime
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import loadgen

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
MARK_START = "<!-- bench:results:start -->"
MARK_END = "<!-- bench:results:end -->"

# Targets on the reference machine (2 cores).
TARGET_ANONYMOUS_RPS = 350
TARGET_RESIDENT_RPS = 200
TARGET_PAGE_KB = 60
TARGET_SCALE_RATIO = 2.0
# Hot paths (issue 15): a step marked done costs at most 5 do-nothing requests of server CPU; the agent's residents
# list and « Mon parcours » at most 20 ms of server CPU each.
TARGET_STEP_DONE_SHARE = 0.2
TARGET_PAGE_CPU_MS = {"agent_residents": 20.0, "my_path": 20.0}
AGENT_JOURNEYS = ["agent_residents", "agent_residents_search", "workshop_matrix", "statistics"]


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Settings:
    def __init__(self, environ):
        self.database_url = environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pasapas_bench")
        self.redis_url = environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
        self.sizes = [int(size) for size in environ.get("BENCH_SIZES", "1000,100000").split(",") if size.strip()]
        self.workers = int(environ.get("BENCH_WORKERS") or 2 * (os.cpu_count() or 1))
        self.concurrency = int(environ.get("BENCH_CONCURRENCY", "8"))
        self.duration = float(environ.get("BENCH_DURATION", "20"))
        self.warmup = float(environ.get("BENCH_WARMUP", "3"))
        self.prime = float(environ.get("BENCH_PRIME", "60"))
        self.journeys = [name.strip() for name in environ.get("BENCH_JOURNEYS", "").split(",") if name.strip()]
        self.output = environ.get("BENCH_OUTPUT", str(ROOT / "docs" / "benchmarks.md"))
        self.keep_db = environ.get("BENCH_KEEP_DB", "") in ("1", "true", "yes")
        self.port = int(environ.get("BENCH_PORT", "8765"))
        if urlsplit(self.database_url).scheme not in ("postgres", "postgresql"):
            raise SystemExit("BENCH_DATABASE_URL must name a PostgreSQL database (postgres://…).")
        if not self.sizes or min(self.sizes) < 1:
            raise SystemExit("BENCH_SIZES must list numbers of residents, e.g. 1000,100000.")

    @property
    def database_name(self):
        return urlsplit(self.database_url).path.lstrip("/")

    def admin_url(self):
        """The same server, on its `postgres` database: to drop and create the benchmark's."""
        return urlunsplit(urlsplit(self.database_url)._replace(path="/postgres"))

    def env(self, settings_module, **extra):
        env = dict(os.environ)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": settings_module,
                "DATABASE_URL": self.database_url,
                "REDIS_URL": self.redis_url,
                "CACHE_KEY_PREFIX": "pasapas-bench",
                "DJANGO_SECRET_KEY": SECRET_KEY,
                "DJANGO_ALLOWED_HOSTS": HOST,
                "DJANGO_LOG_LEVEL": "WARNING",
                "PYTHONPATH": str(ROOT),
            }
        )
        env.update(extra)
        return env


SECRET_KEY = secrets.token_urlsafe(64)


# Database, cache and processes ---------------------------------------------------------------------------------------


def sql(url, statement, *, fetch=False):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if fetch else None


def recreate_database(config):
    name = config.database_name
    log(f"Database {name}: dropped and created again")
    sql(config.admin_url(), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    sql(config.admin_url(), f'CREATE DATABASE "{name}"')


def drop_database(config):
    sql(config.admin_url(), f'DROP DATABASE IF EXISTS "{config.database_name}" WITH (FORCE)')


def flush_cache(config):
    import redis

    redis.Redis.from_url(config.redis_url).flushdb()


def manage(config, *args, settings_module="config.settings.dev"):
    """A management command on the benchmark's database; its output goes to ours (progress)."""
    started = time.monotonic()
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=config.env(settings_module, DJANGO_DEBUG="true"),
        check=True,
    )
    return time.monotonic() - started


def start_gunicorn(config):
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "config.wsgi:application",
        f"--workers={config.workers}",
        "--worker-class=sync",
        f"--bind={HOST}:{config.port}",
        "--backlog=2048",
        "--timeout=120",
        "--log-level=warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=config.env("config.settings.bench"), start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped at start-up: see the messages above.")
        try:
            if loadgen.http_request(HOST, config.port, "GET", "/bench/minimal/", timeout=5).status == 200:
                # Every worker loads Django lazily: give each one a few requests before measuring.
                for _ in range(10 * config.workers):
                    loadgen.http_request(HOST, config.port, "GET", "/bench/minimal/", timeout=30)
                return process
        except OSError:
            pass
        time.sleep(0.5)
    stop(process)
    raise SystemExit("gunicorn did not answer within 3 minutes.")


def cpu_seconds(pids):
    """User + system CPU time of these processes (those that still exist), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return total


def server_pids(config, master):
    """gunicorn's master and workers, and the PostgreSQL backends connected to the benchmark's database."""
    pids = {master}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                pids.add(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    rows = sql(
        config.admin_url(),
        f"SELECT pid FROM pg_stat_activity WHERE datname = '{config.database_name}' AND pid <> pg_backend_pid()",
        fetch=True,
    )
    return pids | {row[0] for row in rows}


class CpuMeter:
    """Server CPU (gunicorn + the database's backends) and the load generator's own, over the measure."""

    def __init__(self, config, master):
        self.config, self.master = config, master
        self.server = self.client = 0.0

    def start(self):
        self.before = cpu_seconds(server_pids(self.config, self.master))
        self.client_before = sum(os.times()[:2])

    def end(self):
        after = cpu_seconds(server_pids(self.config, self.master))
        self.server = sum(value - self.before.get(pid, 0.0) for pid, value in after.items())
        self.client = sum(os.times()[:2]) - self.client_before


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# One size --------------------------------------------------------------------------------------------------------


def measure_size(config, residents):
    log(f"=== {residents} residents ===")
    flush_cache(config)
    generation = manage(config, "generate_load_data", "--residents", str(residents), "--reset")
    log(f"generate_load_data --residents {residents}: {generation:.0f} s")
    sql(config.database_url, "VACUUM ANALYZE")  # what autovacuum does shortly after a bulk load
    flush_cache(config)
    with tempfile.TemporaryDirectory() as folder:
        plan_file = Path(folder) / "plan.json"
        log("Sessions for generated people, journeys, queries per request (in-process)")
        subprocess.run(
            [PYTHON, "-m", "bench.scenario", "--out", str(plan_file)],
            cwd=ROOT,
            env=config.env("config.settings.bench"),
            check=True,
        )
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
    journeys = [j for j in plan["journeys"] if not config.journeys or j["name"] in config.journeys + ["minimal"]]
    log(f"gunicorn: {config.workers} sync workers on {HOST}:{config.port}")
    server = start_gunicorn(config)
    results = {}
    try:
        weight = loadgen.page_weight(HOST, config.port, plan["tutorial_path"])
        for journey in journeys:
            loadgen.prime(HOST, config.port, journey, concurrency=config.concurrency, limit=config.prime)
            load_before = os.getloadavg()[0]
            meter = CpuMeter(config, server.pid)
            result = loadgen.run_journey(
                HOST,
                config.port,
                journey,
                concurrency=config.concurrency,
                duration=config.duration,
                warmup=config.warmup,
                on_start=meter.start,
                on_end=meter.end,
            )
            results[journey["name"]] = {
                "label": journey["label"],
                "rate": result.rate,
                "p50": result.percentile(0.50),
                "p95": result.percentile(0.95),
                "p99": result.percentile(0.99),
                "requests": result.requests,
                "errors": result.errors,
                "queries": journey.get("queries"),
                "requests_per_variant": journey.get("requests_per_variant", 1),
                "load_before": load_before,
                "load_after": os.getloadavg()[0],
                # CPU per request, measured on the processes themselves: what contention does not change.
                "server_cpu_ms": 1000 * meter.server / result.requests if result.requests else 0.0,
                "client_cpu_ms": 1000 * meter.client / result.requests if result.requests else 0.0,
            }
            row = results[journey["name"]]
            log(
                f"{row['label']:<42} {row['rate']:7.1f} req/s  p50 {row['p50']:6.1f}  p95 {row['p95']:6.1f}  "
                f"p99 {row['p99']:6.1f} ms  errors {row['errors']}/{row['requests']}  queries {row['queries']}  "
                f"CPU ms/req server {row['server_cpu_ms']:.1f} client {row['client_cpu_ms']:.1f}  "
                f"× do-nothing {cpu_share(row, results.get('minimal')):.2f}  load {row['load_before']:.1f}"
            )
    finally:
        stop(server)
    return {
        "residents": residents,
        "generation_seconds": generation,
        "results": results,
        "weight": weight,
        "data": plan["data"],
        "people": plan["people"],
    }


# Report ------------------------------------------------------------------------------------------------------------


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = int(line.split()[1]) / 1024 / 1024
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory}


def versions(config):
    import redis

    postgres = sql(config.admin_url(), "SHOW server_version", fetch=True)[0][0]
    redis_version = redis.Redis.from_url(config.redis_url).info("server")["redis_version"]
    packages = {name: metadata.version(name) for name in ("django", "wagtail", "gunicorn", "psycopg")}
    return {"postgresql": postgres, "redis": redis_version, "python": platform.python_version(), **packages}


def ratio(value, reference):
    return value / reference if reference else 0.0


def size_label(residents):
    return f"{residents:,}".replace(",", "\u202f")


def capacity(row, cores):
    """Requests per second the server's processes could serve on `cores` dedicated cores, from their CPU time."""
    return cores * 1000 / row["server_cpu_ms"] if row.get("server_cpu_ms") else 0.0


def results_table(run, cores):
    rows = run["results"]
    base = rows.get("minimal")
    lines = [
        "| journey | req/s | p50 ms | p95 ms | p99 ms | errors | queries/req | server CPU ms/req "
        f"| capacity on {cores} cores | × do-nothing (CPU) | req/s ÷ do-nothing | p95 ÷ do-nothing |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows.values():
        label = row["label"] + (f" ({row['requests_per_variant']} req.)" if row["requests_per_variant"] > 1 else "")
        lines.append(
            f"| {label} | {row['rate']:.0f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['p99']:.1f} "
            f"| {row['errors']}/{row['requests']} | {row['queries'] if row['queries'] is not None else '–'} "
            f"| {row.get('server_cpu_ms', 0):.1f} | {capacity(row, cores):.0f} "
            f"| {cpu_share(row, base):.2f} "
            f"| {ratio(row['rate'], base['rate'] if base else 0):.2f} "
            f"| {ratio(row['p95'], base['p95'] if base else 0):.1f} |"
        )
    return lines


def cpu_share(row, base):
    """The journey's throughput on the same cores as a share of the do-nothing view's: its CPU ÷ this one's."""
    return ratio(base.get("server_cpu_ms", 0), row.get("server_cpu_ms", 0)) if base else 0.0


def verdict(ok):
    return "met" if ok else "**missed**"


def report(config, runs, info, started):
    small, large = runs[0], runs[-1]
    hardware = machine()
    cores = hardware["cores"]
    loads = sorted(
        row[key] for run in runs for row in run["results"].values() for key in ("load_before", "load_after")
    )
    lines = [
        MARK_START,
        "",
        f"## Results — {started:%Y-%m-%d %H:%M}",
        "",
        f"- Machine: {hardware['cores']} cores ({hardware['cpu']}), {hardware['memory_gb']:.0f} GB RAM; "
        f"load average before the run {info['load_before']:.2f}, during the journeys {loads[0]:.1f} to "
        f"{loads[-1]:.1f} (other work on the machine shares its cores: req/s fall with it, CPU per request less so).",
        f"- PostgreSQL {info['postgresql']}, Redis {info['redis']}, Python {info['python']}, Django "
        f"{info['django']}, Wagtail {info['wagtail']}, gunicorn {info['gunicorn']} ({config.workers} sync workers), "
        f"all on the same machine as the load generator.",
        f"- Each journey: every variant played once first (caches as in steady use, at most {config.prime:.0f} s), "
        f"then {config.concurrency} client threads, {config.warmup:.0f} s warm-up, {config.duration:.0f} s measured; "
        f"{large['people']['residents']} distinct residents and {large['people']['agents']} distinct agents "
        "signed in through their sessions.",
        "- Server CPU: gunicorn's master and workers plus the PostgreSQL backends of the benchmark's database, read "
        "from /proc over the measure, per request; the capacity is cores × 1000 ÷ that, what the same processes "
        "would serve on dedicated cores (Redis and the load generator, which share the cores here, not counted).",
        "",
    ]
    for run in runs:
        data = ", ".join(f"{label} {count:,}".replace(",", "\u202f") for label, count in run["data"].items())
        lines += [
            f"### {size_label(run['residents'])} residents",
            "",
            f"Generated in {run['generation_seconds']:.0f} s (generate_load_data, whole command). Rows: {data}.",
            "",
            *results_table(run, cores),
            "",
        ]
    weight = large["weight"]
    total_plain = sum(plain for plain, _packed in weight.values())
    total_packed = sum(packed for _plain, packed in weight.values())
    lines += ["### Tutorial page weight", "", "| resource | bytes | gzipped |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {plain:,} | {packed:,} |" for name, (plain, packed) in weight.items()]
    lines += [f"| **total** | {total_plain:,} | **{total_packed:,}** |", ""]
    lines += [
        f"### Agent pages: {size_label(large['residents'])} vs {size_label(small['residents'])} residents",
        "",
        "p95 under load follows the machine's other work as much as the data; server CPU per request less so.",
        "",
        "| page | p95 small (ms) | p95 large (ms) | p95 ratio | server CPU small (ms/req) | large | CPU ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    scale_ok = cpu_scale_ok = True
    for name in AGENT_JOURNEYS:
        if name in small["results"] and name in large["results"]:
            before, after = small["results"][name], large["results"][name]
            p95_ratio = ratio(after["p95"], before["p95"])
            cpu_ratio = ratio(after["server_cpu_ms"], before["server_cpu_ms"])
            scale_ok &= p95_ratio <= TARGET_SCALE_RATIO
            cpu_scale_ok &= cpu_ratio <= TARGET_SCALE_RATIO
            lines.append(
                f"| {after['label']} | {before['p95']:.1f} | {after['p95']:.1f} | {p95_ratio:.2f} "
                f"| {before['server_cpu_ms']:.1f} | {after['server_cpu_ms']:.1f} | {cpu_ratio:.2f} |"
            )
    errors = sum(row["errors"] for run in runs for row in run["results"].values())
    lines += ["", "### Targets", "", "| target | measured | verdict | from server CPU | verdict |"]
    lines += ["| --- | --- | --- | --- | --- |", f"| no errors | {errors} | {verdict(errors == 0)} | | |"]
    for name, target in (("tutorial_anonymous", TARGET_ANONYMOUS_RPS), ("tutorial_resident", TARGET_RESIDENT_RPS)):
        rows = [run["results"][name] for run in runs if name in run["results"]]
        if not rows:
            continue
        measured = min(row["rate"] for row in rows)
        estimated = min(capacity(row, cores) for row in rows)
        lines.append(
            f"| {rows[0]['label']} ≥ {target} req/s | {measured:.0f} req/s (lowest of the sizes) "
            f"| {verdict(measured >= target)} | {estimated:.0f} req/s on {cores} cores "
            f"| {verdict(estimated >= target)} |"
        )
    lines += hot_path_targets(runs)
    lines += [
        f"| tutorial HTML + CSS + JS ≤ {TARGET_PAGE_KB} KB gzipped | {total_packed / 1024:.1f} KB "
        f"| {verdict(total_packed <= TARGET_PAGE_KB * 1024)} | | |",
        f"| agent pages p95 large ÷ small ≤ {TARGET_SCALE_RATIO:g} | see above | {verdict(scale_ok)} "
        f"| CPU per request, large ÷ small | {verdict(cpu_scale_ok)} |",
        "",
        MARK_END,
    ]
    return "\n".join(lines) + "\n"


def hot_path_targets(runs):
    """Rows of the targets table for the hot paths, against the do-nothing view of the same run (worst size)."""
    lines = []
    pairs = [(run["results"].get("step_done"), run["results"].get("minimal")) for run in runs]
    pairs = [(row, base) for row, base in pairs if row and base]
    if pairs:
        share = min(cpu_share(row, base) for row, base in pairs)
        rate = min(ratio(row["rate"], base["rate"]) for row, base in pairs)
        lines.append(
            f"| {pairs[0][0]['label']} ≥ {TARGET_STEP_DONE_SHARE:g}× the do-nothing view | {rate:.2f}× in req/s "
            f"(lowest of the sizes) | {verdict(rate >= TARGET_STEP_DONE_SHARE)} | {share:.2f}× in server CPU "
            f"| {verdict(share >= TARGET_STEP_DONE_SHARE)} |"
        )
    for name, target in TARGET_PAGE_CPU_MS.items():
        rows = [run["results"][name] for run in runs if name in run["results"]]
        if rows:
            worst = max(row["server_cpu_ms"] for row in rows)
            lines.append(
                f"| {rows[0]['label']} ≤ {target:g} ms of server CPU | | | {worst:.1f} ms (highest of the sizes) "
                f"| {verdict(worst <= target)} |"
            )
    return lines


def write_report(config, text):
    if config.output == "-":
        print(text)
        return
    path = Path(config.output)
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    if MARK_START in current and MARK_END in current:
        before = current[: current.index(MARK_START)]
        after = current[current.index(MARK_END) + len(MARK_END) :].lstrip("\n")
        current = before + text + ("\n" + after if after else "")
    else:
        current = current.rstrip("\n") + "\n\n" + text
    path.write_text(current, encoding="utf-8")
    log(f"Results written to {path}")


def main():
    config = Settings(os.environ)
    started = datetime.datetime.now()
    info = {"load_before": os.getloadavg()[0], **versions(config)}
    log(f"Sizes {config.sizes}, database {config.database_name}, cache {config.redis_url}")
    recreate_database(config)
    try:
        log("migrate")
        manage(config, "migrate", "--no-input", "-v", "0")
        log("seed_demo")
        manage(config, "seed_demo")
        log("collectstatic")
        manage(config, "collectstatic", "--no-input", "-v", "0", settings_module="config.settings.bench")
        runs = [measure_size(config, residents) for residents in config.sizes]
    finally:
        if not config.keep_db:
            drop_database(config)
            log(f"Database {config.database_name} dropped (BENCH_KEEP_DB=1 keeps it)")
    text = report(config, runs, info, started)
    write_report(config, text)
    print(text)


if __name__ == "__main__":
    main()
