#!/usr/bin/env python3
"""The web benchmark: builds the province data set (bench/web/seed.py) in a fresh database, serves it with
`planledger serve`, drives the issue's requests with wrk from a second process as a province admin and a county user,
and prints p95 (ms) and req/s per request.

  python3 bench/web/run.py --db sqlite|postgres [--scale province|small] [--seconds 5] [--runs 1] [--keep] [--identity]

Each line also gives the server's CPU time per request (from /proc), which compares builds fairly on a loaded machine.
Needs wrk (Debian package), psql for PostgreSQL (PLANLEDGER_BENCH_PG, default
Host=127.0.0.1;Port=5432;Database=planledger_bench;Username=planledger;Password=planledger).
The database is rebuilt unless --keep is given and it already holds the data set.
"""
import argparse
import datetime as dt
import http.cookiejar
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import seed as seeding  # noqa: E402

PASSWORD = "bench-password-1"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None


SERVER = None  # a published CLI folder (--server), else this worktree's ./planledger build
ENCODING = "gzip, deflate, br"  # the Accept-Encoding sent, as a browser does (--identity: none accepted)


def server_command():
    if SERVER: return ["dotnet", os.path.join(SERVER, "planledger.dll"), "serve"]
    subprocess.run([os.path.join(ROOT, "planledger"), "--help"], check=True, stdout=subprocess.DEVNULL)
    return ["dotnet", os.path.join(ROOT, "artifacts", "cli", "planledger.dll"), "serve"]


def start(db, port, data, log, reminders):
    env = dict(os.environ, PLANLEDGER_ADMIN_PASSWORD=PASSWORD, PlanLedger__DataDirectory=data,
               ASPNETCORE_ENVIRONMENT="Production", Logging__LogLevel__Default="Warning",
               Logging__LogLevel__PlanLedger="Information")
    if not reminders:
        env["PlanLedger__ReminderInterval"] = "00:00:00"
        env["PlanLedger__EvidenceCleanupInterval"] = "00:00:00"
    p = subprocess.Popen(server_command() + ["--urls", f"http://127.0.0.1:{port}", "--db", db], env=env,
                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    began = time.time()
    while time.time() - began < 180:
        if p.poll() is not None: sys.exit(f"bench: the server exited ({p.returncode}); see {log.name}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/Account/Login", timeout=5).read()
            return p, time.time() - began
        except Exception:
            time.sleep(0.2)
    sys.exit("bench: the server did not answer in 180 s")


def stop(p):
    os.killpg(p.pid, signal.SIGTERM)
    try: p.wait(30)
    except subprocess.TimeoutExpired: os.killpg(p.pid, signal.SIGKILL); p.wait()


def sign_in(base, user):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + "/Account/Login").read().decode()
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"UserName": user, "Password": PASSWORD, "__RequestVerificationToken": token}).encode()
    try: opener.open(base + "/Account/Login", form)
    except urllib.error.HTTPError as e:
        if e.code != 302: raise
    # A browser follows the redirect home, which shows the sign-in's flash message and deletes its TempData cookie;
    # without this every measured page would carry the flash cookie (shown and deleted again on every request).
    try: opener.open(base + "/").read()
    except urllib.error.HTTPError as e:
        if e.code != 302: raise
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    req = urllib.request.Request(base + "/api/v1/auth/token", json.dumps({"username": user, "password": PASSWORD}).encode(),
                                 {"Content-Type": "application/json"})
    bearer = json.load(urllib.request.urlopen(req))["token"]
    return f"Cookie: {cookie}", f"Authorization: Bearer {bearer}"


def check(base, path, auth):
    name, value = auth.split(": ", 1)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        r = opener.open(urllib.request.Request(base + path, headers={name: value} if value else {}))
        return r.status
    except urllib.error.HTTPError as e:
        return e.code


def cpu_ms(pid):
    """The server process's CPU time so far (user + system, ms), from /proc; 0 where there is no /proc."""
    try: f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError: return 0.0
    return (int(f[11]) + int(f[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def wrk(base, path, auth, seconds, pool=None, connections=8, threads=2):
    env = dict(os.environ, BENCH_AUTH=auth, BENCH_POOL=pool or "", BENCH_ENCODING=ENCODING)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
                          "-s", os.path.join(HERE, "request.lua"), base + path], env=env, capture_output=True, text=True)
    for line in out.stderr.splitlines():
        if line.startswith("BENCH first"): print("  " + line, flush=True)  # the first answer of each failing status
    out = out.stdout
    m = re.search(r"BENCH p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) rps=([\d.]+) requests=(\d+) errors=(\d+)", out)
    if not m: return None
    return dict(p95=float(m.group(2)), rps=float(m.group(4)), requests=int(m.group(5)), errors=int(m.group(6)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--scale", choices=list(seeding.SCALES), default="province")
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--runs", type=int, default=1, help="runs per request; the median is printed")
    ap.add_argument("--keep", action="store_true", help="reuse the database when it already holds the data set")
    ap.add_argument("--port", type=int, default=5390)
    ap.add_argument("--reminders", action="store_true", help="leave the reminder job on while measuring")
    ap.add_argument("--only", help="regex: measure only the requests whose name matches")
    ap.add_argument("--server", help="a published planledger folder to serve with (e.g. an older build), else ./planledger")
    ap.add_argument("--pg-database", help="PostgreSQL database name (default planledger_bench_<scale>), e.g. one per engineer on a shared server")
    ap.add_argument("--identity", action="store_true", help="accept no compressed answer (Accept-Encoding: identity)")
    a = ap.parse_args()
    global SERVER, ENCODING
    if a.identity: ENCODING = "identity"
    SERVER = a.server and os.path.abspath(a.server)

    work = os.path.join(ROOT, "artifacts", "bench-web", f"{a.db}-{a.scale}")
    os.makedirs(work, exist_ok=True)
    today = dt.date.today()
    if a.db == "sqlite":
        db = os.path.join(work, "planledger.db")
        fresh = not (a.keep and os.path.exists(db))
        if fresh:
            for f in (db, db + "-wal", db + "-shm"):
                if os.path.exists(f): os.remove(f)
    else:
        base_cs = os.environ.get("PLANLEDGER_BENCH_PG", "Host=127.0.0.1;Port=5432;Database=planledger_bench;Username=planledger;Password=planledger")
        name = a.pg_database or f"planledger_bench_{a.scale}"
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name): sys.exit("bench: --pg-database takes a plain lower-case name")
        db = re.sub(r"Database=[^;]*", f"Database={name}", base_cs)
        admin = seeding.Sink(re.sub(r"Database=[^;]*", "Database=postgres", base_cs))
        exists = admin.query(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
        fresh = not (a.keep and exists)
        if fresh:
            admin.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.sql(f"CREATE DATABASE {name}")
    log = open(os.path.join(work, "server.log"), "a")
    data = os.path.join(work, "data")
    if fresh:
        p, _ = start(db, a.port, data, log, False)  # the app migrates the schema and creates `admin`
        stop(p)
        t0 = time.time()
        counts = seeding.seed(db, a.scale, today)
        print(f"data set ({a.scale}): {counts} in {time.time() - t0:.0f} s", flush=True)
    p, startup = start(db, a.port, data, log, a.reminders)
    print(f"server answered {startup:.1f} s after start ({a.db})", flush=True)
    base = f"http://127.0.0.1:{a.port}"
    try:
        sink = seeding.Sink(db)
        county_unit = int(sink.query('SELECT "UnitId" FROM "AspNetUsers" WHERE "UserName" = \'bench.county\'')[0][0])
        county_org = int(sink.query(f'SELECT "OrganisationId" FROM "Units" WHERE "Id" = {county_unit}')[0][0])
        plan = {1: None, county_org: None}
        for org in plan:
            plan[org] = int(sink.query(f'SELECT "Id" FROM "Plans" WHERE "OrganisationId" = {org} ORDER BY "Year" DESC LIMIT 1')[0][0])
        def first_leaf(org):
            mine = f' AND u."UnitId" = {county_unit}' if org != 1 else ""
            return int(sink.query(f'SELECT t."Id" FROM "PlanTasks" t JOIN "TaskUnits" u ON u."TaskId" = t."Id" WHERE t."PlanId" = {plan[org]} '
                                  f'AND t."ParentId" IS NOT NULL AND u."Role" = \'Lead\'{mine} ORDER BY t."Order" LIMIT 1')[0][0])
        leaf = {org: first_leaf(org) for org in plan}
        filter_unit = {org: int(sink.query(f'SELECT "Id" FROM "Units" WHERE "OrganisationId" = {org} ORDER BY "Id" LIMIT 1')[0][0]) for org in plan}
        # POST: the reporters of the county user's bureau file reports on (task, period) pairs their unit supports, on
        # tasks not closed out (销号: a report is refused with 409), and has not reported yet. The pool is read again
        # before every run (a pair filed by an earlier run — of this invocation or of one before on the same data set —
        # is never offered again), so every POST is a valid new report.
        reporters = [(int(uid), name) for uid, name in sink.query(
            f'SELECT "UnitId", "UserName" FROM "AspNetUsers" WHERE "Role" = \'Reporter\' AND "UnitId" IN '
            f'(SELECT "Id" FROM "Units" WHERE "OrganisationId" = {county_org}) ORDER BY "UnitId"')]
        tokens = {}
        # Lines handed to an earlier run of this invocation are never offered again: a POST wrk gave up on at the end of
        # its run may still be committing while the next pool is read.
        offered = set()
        def post_pool(needed):
            """A pool file of at least `needed` unreported (task, period, bearer) lines, or None when the data set has run out."""
            lines = []
            for unit, name in reporters:
                rows = sink.query(f'SELECT t."Id", p."Year" FROM "TaskUnits" u JOIN "PlanTasks" t ON t."Id" = u."TaskId" JOIN "Plans" p ON p."Id" = t."PlanId" '
                                  f'WHERE u."UnitId" = {unit} AND u."Role" = \'Support\' AND t."ClosedAt" IS NULL AND p."Status" = \'Published\' ORDER BY p."Year" DESC, t."Order"')
                filed = {k for (k,) in sink.query(f'SELECT "LiveKey" FROM "ProgressReports" WHERE "UnitId" = {unit} AND "LiveKey" IS NOT NULL')}
                for tid, year in rows:
                    last = 12 if int(year) < today.year else today.month - 1
                    for m in range(1, last + 1):
                        key = f"{tid}|{unit}|{year}-{m:02d}"
                        if key not in filed and key not in offered: lines.append((unit, name, tid, f"{year}-{m:02d}"))
                if len(lines) >= needed: break
            if len(lines) < needed: return None, len(lines)
            path = os.path.join(work, "post-pool.txt")
            with open(path, "w") as f:
                for unit, name, tid, period in lines:
                    if name not in tokens: tokens[name] = sign_in(base, name)[1].split("Bearer ", 1)[1]
                    f.write(f"{tid} {period} {tokens[name]}\n")
                    offered.add(f"{tid}|{unit}|{period}")
            return path, len(lines)
        cookie_admin, bearer_admin = sign_in(base, "admin")
        cookie_county, bearer_county = sign_in(base, "bench.county")
        requests = [
            ("看板 dashboard", lambda o: f"/Plans/{plan[o]}/Dashboard", "cookie"),
            ("GET /api/v1/plans/{id}/summary", lambda o: f"/api/v1/plans/{plan[o]}/summary", "bearer"),
            # the dashboard's 按时报送率 panel (htmx after the page) and the year dashboard (the panel's counts for every plan of the year)
            ("GET /api/v1/plans/{id}/supervision-stats", lambda o: f"/api/v1/plans/{plan[o]}/supervision-stats", "bearer"),
            ("GET /api/v1/dashboard/year", lambda o: "/api/v1/dashboard/year", "bearer"),
            ("GET /api/v1/plans", lambda o: "/api/v1/plans", "bearer"),
            ("GET /api/v1/plans/{id}/tasks", lambda o: f"/api/v1/plans/{plan[o]}/tasks", "bearer"),
            ("home (notifications + plan list)", lambda o: "/", "cookie"),
            ("台账 page 1", lambda o: f"/Plans/{plan[o]}/Ledger", "cookie"),
            ("台账 filtered (unit)", lambda o: f"/Plans/{plan[o]}/Ledger?Unit={filter_unit[o]}", "cookie"),
            ("台账 whole tree", lambda o: f"/Plans/{plan[o]}/Ledger?View=tree", "cookie"),
            ("task page", lambda o: f"/Tasks/{leaf[o]}", "cookie"),
            ("我的任务", lambda o: "/Tasks/Mine" if o != 1 else None, "cookie"),
            ("POST a report", lambda o: "post" if o != 1 else None, "bearer"),
            # 下级汇总: the province's 9 cities over its 100 bureaus (this year); a county reporter may not read it (403)
            ("下级汇总 roll-up page", lambda o: f"/Dashboard/Rollup?OrganisationId={o}" if o == 1 else None, "cookie"),
            ("GET /api/v1/organisations/{id}/rollup", lambda o: f"/api/v1/organisations/{o}/rollup" if o == 1 else None, "bearer"),
        ]
        who = [("province admin", 1, cookie_admin, bearer_admin, "admin"), ("county user", county_org, cookie_county, bearer_county, "bench.county")]
        results = {}
        for name, path_of, kind in requests:
            if a.only and not re.search(a.only, name): continue
            for label, org, cookie, bearer, user in who:
                path = path_of(org)
                if path is None: continue
                auth = cookie if kind == "cookie" else bearer
                runs = []
                for _ in range(a.runs):
                    if kind == "cookie":
                        # A browser keeps the cookie the server renews when it re-checks the account (once a minute,
                        # the security-stamp interval); wrk cannot, so each run starts from a fresh sign-in.
                        auth = sign_in(base, user)[0]
                    if path == "post":
                        if not runs:
                            # warm-up (JIT of the write path: EF's update pipeline, the interceptors), not counted — as
                            # every read gets; on pairs of their own, never offered to a measured run
                            warm, size = post_pool(500)
                            if warm: wrk(base, "/", auth, 1, pool=warm, connections=4, threads=1)
                        # enough fresh pairs for 500 POSTs a second over the run (the pool is never cycled: a pair used twice is a 409)
                        pool, size = post_pool(500 * a.seconds)
                        if pool is None:
                            print(f"  {name}: only {size} unreported pairs left; rebuild the data set (run without --keep)", flush=True)
                            break
                        c0 = cpu_ms(p.pid)
                        r = wrk(base, "/", auth, a.seconds, pool=pool, connections=4, threads=1)
                    else:
                        status = check(base, path, auth)
                        if status != 200:
                            print(f"  {name} ({label}): {path} answered {status}", flush=True)
                            break
                        wrk(base, path, auth, 1)  # warm-up (JIT, caches), not counted
                        c0 = cpu_ms(p.pid)
                        r = wrk(base, path, auth, a.seconds)
                    # Server CPU per request: comparable between builds even when the machine's load changes.
                    if r: r["cpu"] = (cpu_ms(p.pid) - c0) / max(1, r["requests"]); runs.append(r)
                if runs:
                    results[(name, label)] = dict(p95=statistics.median(r["p95"] for r in runs),
                                                  rps=statistics.median(r["rps"] for r in runs),
                                                  errors=sum(r["errors"] for r in runs), cpu=statistics.median(r["cpu"] for r in runs))
                    x = results[(name, label)]
                    print(f"  {name:36} {label:15} p95 {x['p95']:9.1f} ms  {x['rps']:8.0f} req/s  errors {x['errors']}  server CPU {x['cpu']:.2f} ms/request", flush=True)
        r = wrk(base, "/Account/Login", "X-Bench: 1", a.seconds)
        if r: results[("sign-in page (no database)", "anonymous")] = r
        print(f"\n| request ({a.db}, {a.scale}), p95 ms (req/s) | province admin | county user |")
        print("|---|---|---|")
        names = list(dict.fromkeys(n for n, _ in results))
        for n in names:
            cells = []
            for label in ("province admin", "county user"):
                x = results.get((n, label)) or (results.get((n, "anonymous")) if label == "province admin" else None)
                if not x: cells.append("—")
                elif x["rps"] == 0: cells.append(f"no answer within {a.seconds} s")
                else: cells.append(f"{x['p95']:.1f} ({x['rps']:.0f}/s)" + (f" {x['errors']} errors" if x["errors"] else ""))
            print(f"| {n} | {cells[0]} | {cells[1]} |")
    finally:
        stop(p)


if __name__ == "__main__":
    main()
