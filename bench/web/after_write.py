#!/usr/bin/env python3
"""The first view after a write: on a benchmark data set already built by run.py (sqlite-province or a PostgreSQL copy),
files one new report on this year's plan of the county user's bureau, then reads one view once — the view's first read
after the write — and again (warm); repeated per view and round. Prints, per view, the wall time of that request and the
server's CPU time during it (from /proc), median and max over the rounds.

  python3 bench/web/after_write.py --db sqlite|postgres [--pg-database NAME] [--server DIR] [--rounds 5]

Views (as the province admin unless said): GET /api/v1/dashboard/year, 年度看板 page, a province leader's home (the
year's ranking; the leader `bench.leader` is created on first use), the written plan's 看板 and its 按时报送率 panel,
GET /api/v1/plans/{id}/summary, and the admin's home.
"""
import argparse
import datetime as dt
import json
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run  # noqa: E402
import seed as seeding  # noqa: E402


def timed(base, path, header, pid):
    name, value = header.split(": ", 1)
    c0, t0 = run.cpu_ms(pid), time.perf_counter()
    try:
        r = urllib.request.urlopen(urllib.request.Request(base + path, headers={name: value}), timeout=120)
        r.read()
        status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    wall = (time.perf_counter() - t0) * 1000
    # the server's counters tick every 10 ms: give the last tick a moment to land
    time.sleep(0.05)
    return status, wall, run.cpu_ms(pid) - c0


def post(base, task, period, bearer):
    req = urllib.request.Request(f"{base}/api/v1/tasks/{task}/reports",
                                 json.dumps({"period": period, "progress": 50, "text": "写后首读：按计划推进"}).encode(),
                                 {"Content-Type": "application/json", "Authorization": f"Bearer {bearer}"})
    try: return urllib.request.urlopen(req, timeout=120).status
    except urllib.error.HTTPError as e:
        print(f"  POST {task} {period}: {e.code} {e.read().decode(errors='replace')[:300]}", flush=True)
        return e.code


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--pg-database", default="planledger_bench_province")
    ap.add_argument("--server", help="a published planledger folder to serve with (e.g. an older build), else ./planledger")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--port", type=int, default=5391)
    a = ap.parse_args()
    run.SERVER = a.server and os.path.abspath(a.server)
    work = os.path.join(run.ROOT, "artifacts", "bench-web", f"{a.db}-province")
    if a.db == "sqlite":
        db = os.path.join(work, "planledger.db")
        if not os.path.exists(db): sys.exit(f"after_write: no data set at {db}; build it with run.py first")
    else:
        base_cs = os.environ.get("PLANLEDGER_BENCH_PG", "Host=127.0.0.1;Port=5432;Database=planledger_bench;Username=planledger;Password=planledger")
        db = re.sub(r"Database=[^;]*", f"Database={a.pg_database}", base_cs)
    os.makedirs(work, exist_ok=True)
    log = open(os.path.join(work, "server.log"), "a")
    p, _ = run.start(db, a.port, os.path.join(work, "data"), log, False)
    base = f"http://127.0.0.1:{a.port}"
    today = dt.date.today()
    try:
        sink = seeding.Sink(db)
        county_unit = int(sink.query('SELECT "UnitId" FROM "AspNetUsers" WHERE "UserName" = \'bench.county\'')[0][0])
        county_org = int(sink.query(f'SELECT "OrganisationId" FROM "Units" WHERE "Id" = {county_unit}')[0][0])
        plan = int(sink.query(f'SELECT "Id" FROM "Plans" WHERE "OrganisationId" = {county_org} AND "Year" = {today.year}')[0][0])
        # fresh (task, period, reporter) triples on that plan: pairs its units support and have not reported
        reporters = sink.query(f'SELECT "UnitId", "UserName" FROM "AspNetUsers" WHERE "Role" = \'Reporter\' AND "UnitId" IN '
                               f'(SELECT "Id" FROM "Units" WHERE "OrganisationId" = {county_org}) ORDER BY "UnitId"')
        fresh = []
        for unit, name in reporters:
            filed = {k for (k,) in sink.query(f'SELECT "LiveKey" FROM "ProgressReports" WHERE "UnitId" = {unit} AND "LiveKey" IS NOT NULL')}
            for (tid,) in sink.query(f'SELECT t."Id" FROM "TaskUnits" u JOIN "PlanTasks" t ON t."Id" = u."TaskId" WHERE t."PlanId" = {plan} '
                                     f'AND u."UnitId" = {unit} AND u."Role" = \'Support\' AND t."ClosedAt" IS NULL ORDER BY t."Order"'):
                for m in range(1, today.month):
                    if f"{tid}|{unit}|{today.year}-{m:02d}" not in filed: fresh.append((tid, f"{today.year}-{m:02d}", name))
        tokens = {}
        cookie_admin, bearer_admin = run.sign_in(base, "admin")
        name, value = bearer_admin.split(": ", 1)
        body = json.dumps({"userName": "bench.leader", "password": run.PASSWORD, "displayName": "省厅领导", "role": "leader", "organisationId": 1}).encode()
        try: urllib.request.urlopen(urllib.request.Request(base + "/api/v1/users", body, {"Content-Type": "application/json", name: value}))
        except urllib.error.HTTPError as e:
            if e.code not in (400, 409): raise
        cookie_leader = run.sign_in(base, "bench.leader")[0]
        views = [
            ("GET /api/v1/dashboard/year", "/api/v1/dashboard/year", bearer_admin),
            ("年度看板 page", "/Dashboard/Year", cookie_admin),
            ("leader home (year ranking)", "/", cookie_leader),
            ("看板 of the written plan", f"/Plans/{plan}/Dashboard", cookie_admin),
            ("看板 按时报送率 panel", f"/Plans/{plan}/Dashboard?handler=Stats", cookie_admin),
            ("GET /api/v1/plans/{id}/summary", f"/api/v1/plans/{plan}/summary", bearer_admin),
            ("admin home", "/", cookie_admin),
        ]
        needed = a.rounds * len(views)
        if len(fresh) < needed: sys.exit(f"after_write: only {len(fresh)} unreported pairs on plan {plan}; need {needed}")
        print(f"server {run.SERVER or 'this worktree'} on {a.db}; plan {plan}; load average {os.getloadavg()[0]:.1f}", flush=True)
        for _, path, header in views:  # everything computed once (JIT, cold caches): not counted
            timed(base, path, header, p.pid)
        first = {v[0]: [] for v in views}
        warm = {v[0]: [] for v in views}
        for _ in range(a.rounds):
            for label, path, header in views:
                tid, period, user = fresh.pop(0)
                if user not in tokens: tokens[user] = run.sign_in(base, user)[1].split("Bearer ", 1)[1]
                status = post(base, tid, period, tokens[user])
                if status not in (200, 201): sys.exit(f"after_write: POST /api/v1/tasks/{tid}/reports {period} answered {status}")
                s, wall, cpu = timed(base, path, header, p.pid)
                if s != 200: sys.exit(f"after_write: {path} answered {s}")
                first[label].append((wall, cpu))
                warm[label].append(timed(base, path, header, p.pid)[1:])
        print(f"\n| view (first read after a report is filed; {a.rounds} rounds) | wall ms median / max | server CPU ms median / max | warm read wall / CPU ms (median) |")
        print("|---|---|---|---|")
        for label, _, _ in views:
            w = [x[0] for x in first[label]]; c = [x[1] for x in first[label]]
            ww = statistics.median(x[0] for x in warm[label]); wc = statistics.median(x[1] for x in warm[label])
            print(f"| {label} | {statistics.median(w):.0f} / {max(w):.0f} | {statistics.median(c):.0f} / {max(c):.0f} | {ww:.0f} / {wc:.0f} |")
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    finally:
        run.stop(p)


if __name__ == "__main__":
    main()
