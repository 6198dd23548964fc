#!/usr/bin/env python3
"""Two `planledger serve` instances behind nginx on one PostgreSQL behave as one.

Starts two instances on a fresh database (the bench's small data set), nginx round-robin in front of them, and
checks, through the balancer only:
  - a cookie sign-in and a bearer token issued by one instance are accepted by the other (keys in the database);
  - evidence uploaded through one instance downloads through the other (the shared files folder);
  - reports filed alternately on both, with one instance killed (SIGKILL) mid-burst and every failed POST retried:
    nothing lost (each acknowledged report is in the database), no duplicate (one live report per task, unit, period);
  - the reminder job ran once for its schedule (one instance logged a run, the JobRuns row names it) and created each
    reminder once.
Exit 0 when every check holds; prints one line per check. Needs nginx, psql and PostgreSQL (PLANLEDGER_TEST_PG).
"""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "bench", "web"))
import run as bench  # noqa: E402
import seed as seeding  # noqa: E402

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok: failures.append(what)


def nginx_conf(work, ports, port):
    return f"""
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log {work}/nginx-access.log;
  client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fcgi;
  uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
  upstream planledger {{
    server 127.0.0.1:{ports[0]} max_fails=1 fail_timeout=30s;
    server 127.0.0.1:{ports[1]} max_fails=1 fail_timeout=30s;
  }}
  server {{
    listen 127.0.0.1:{port};
    client_max_body_size 20m;
    location / {{
      proxy_pass http://planledger;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
"""


def request(url, method="GET", body=None, headers=None, timeout=30):
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    h = dict(headers or {})
    if isinstance(body, (dict, list)): h["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    opener = urllib.request.build_opener(bench.NoRedirect)
    try:
        r = opener.open(req, timeout=timeout)
        return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        return 0, {}, str(e).encode()


def main():
    pg = os.environ.get("PLANLEDGER_TEST_PG", "Host=127.0.0.1;Port=5432;Database=planledger_test;Username=planledger;Password=planledger")
    name = "planledger_cluster_" + uuid.uuid4().hex[:8]
    db = re.sub(r"Database=[^;]*", f"Database={name}", pg)
    admin_db = seeding.Sink(re.sub(r"Database=[^;]*", "Database=postgres", pg))
    admin_db.sql(f"CREATE DATABASE {name}")
    work = tempfile.mkdtemp(prefix="planledger-cluster-")
    os.chmod(work, 0o755)
    files = os.path.join(work, "shared-files")
    ports, lb = [5581, 5582], 5580
    procs, logs = {}, {}
    nginx = None
    os.environ["PlanLedger__FilesDirectory"] = files
    try:
        # Schema by the app itself, then the small data set, then both instances at once.
        first_log = open(os.path.join(work, "init.log"), "w")
        p, _ = bench.start(db, ports[0], os.path.join(work, "a"), first_log, False)
        bench.stop(p)
        seeding.seed(db, "small", dt.date.today())
        for i, port in enumerate(ports):
            logs[i] = open(os.path.join(work, f"instance{i}.log"), "w")
        starting = {}
        for i, port in enumerate(ports):
            os.environ["PlanLedger__ReminderInterval"] = "01:00:00"
            starting[i] = subprocess.Popen(bench.server_command() + ["--urls", f"http://127.0.0.1:{port}", "--db", db],
                                           env=dict(os.environ, PLANLEDGER_ADMIN_PASSWORD=bench.PASSWORD,
                                                    PlanLedger__DataDirectory=os.path.join(work, f"data{i}"),
                                                    Logging__LogLevel__Default="Warning", Logging__LogLevel__PlanLedger="Information"),
                                           stdout=logs[i], stderr=subprocess.STDOUT, start_new_session=True)
        procs = starting
        for i, port in enumerate(ports):
            for _ in range(600):
                if request(f"http://127.0.0.1:{port}/Account/Login", timeout=5)[0] == 200: break
                if procs[i].poll() is not None: raise SystemExit(f"instance {i} exited; see {logs[i].name}")
                time.sleep(0.2)
        with open(os.path.join(work, "nginx.conf"), "w") as f: f.write(nginx_conf(work, ports, lb))
        nginx = subprocess.Popen(["nginx", "-p", work, "-c", os.path.join(work, "nginx.conf"), "-g", "daemon off;"])
        base = f"http://127.0.0.1:{lb}"
        for _ in range(50):
            if request(base + "/Account/Login", timeout=5)[0] == 200: break
            time.sleep(0.1)

        # Sign-in through the balancer, valid on both instances.
        cookie, bearer = bench.sign_in(base, "bench.county")
        ck = dict([cookie.split(": ", 1)])
        served = set()
        ok = True
        for _ in range(8):
            status, headers, _ = request(base + "/", headers=ck)
            ok &= status == 200
            served.add(headers.get("X-Upstream"))
        check(ok and len(served) == 2, f"a cookie session signed in through nginx is accepted by both instances ({sorted(served)})")
        bh = dict([bearer.split(": ", 1)])
        served, ok = set(), True
        for _ in range(6):
            status, headers, _ = request(base + "/api/v1/plans", headers=bh)
            ok &= status == 200
            served.add(headers.get("X-Upstream"))
        check(ok and len(served) == 2, "a bearer token from one instance is accepted by the other")

        # The county user's pool of (task, period) pairs it supports and has not reported.
        sink = seeding.Sink(db)
        unit = int(sink.query('SELECT "UnitId" FROM "AspNetUsers" WHERE "UserName" = \'bench.county\'')[0][0])
        today = dt.date.today()
        rows = sink.query(f'SELECT t."Id", p."Year" FROM "TaskUnits" u JOIN "PlanTasks" t ON t."Id" = u."TaskId" JOIN "Plans" p ON p."Id" = t."PlanId" '
                          f'WHERE u."UnitId" = {unit} AND u."Role" = \'Support\' AND t."ClosedAt" IS NULL ORDER BY p."Year" DESC, t."Order"')
        pool = [(int(t), f"{y}-{m:02d}") for t, y in rows for m in range(1, (12 if int(y) < today.year else today.month - 1) + 1)]
        pool = pool[:120]

        # Evidence through one instance, downloaded through the other (the shared folder).
        task, period = pool.pop()
        status, headers, body = request(base + f"/api/v1/tasks/{task}/reports", "POST",
                                        {"period": period, "progress": 30, "text": "附佐证"}, bh)
        evidence_ok = False
        if status == 201:
            report = json.loads(body)["id"]
            boundary = "----planledger" + uuid.uuid4().hex
            form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evidence.txt\"\r\n"
                    f"Content-Type: text/plain\r\n\r\n佐证材料内容\r\n--{boundary}--\r\n").encode()
            status, headers, body = request(base + f"/api/v1/reports/{report}/evidence", "POST", form,
                                            dict(bh, **{"Content-Type": f"multipart/form-data; boundary={boundary}"}))
        if status == 200:
            ev = json.loads(body)["evidence"]
            up = headers.get("X-Upstream")
            for _ in range(4):
                s2, h2, b2 = request(base + f"/api/v1/evidence/{ev[0]['id']}", headers=bh)
                if h2.get("X-Upstream") != up:
                    evidence_ok = s2 == 200 and "佐证材料内容".encode() in b2
                    break
        check(evidence_ok, f"evidence uploaded through one instance downloads through the other (upload {status})")

        # Reports filed alternately on both instances; one instance killed mid-burst; failures retried.
        acknowledged, statuses, upstreams, killed = {}, {}, {}, False
        for n, (task, period) in enumerate(pool):
            if n == len(pool) // 2 and not killed:
                os.killpg(procs[1].pid, 9)
                procs[1].wait()
                killed = True
            for attempt in range(20):
                status, headers, body = request(base + f"/api/v1/tasks/{task}/reports", "POST",
                                                {"period": period, "progress": 40, "text": f"集群填报 {n}"}, bh, timeout=15)
                statuses[status] = statuses.get(status, 0) + 1
                if status in (201, 409):
                    acknowledged[(task, period)] = status
                    upstreams[headers.get("X-Upstream")] = upstreams.get(headers.get("X-Upstream"), 0) + 1
                    break
                time.sleep(0.2)
        check(len(acknowledged) == len(pool) and len([u for u in upstreams if u]) >= 2,
              f"{len(pool)} reports filed alternately ({upstreams}), instance killed mid-burst; answers {statuses}")
        keys = [f"{t}|{unit}|{p}" for t, p in acknowledged]
        found = sink.query(f'SELECT "LiveKey", count(*) FROM "ProgressReports" WHERE "UnitId" = {unit} AND "LiveKey" IS NOT NULL '
                           f'AND "Text" LIKE \'集群填报%\' GROUP BY "LiveKey"')
        stored = {k: int(c) for k, c in found}
        check(all(k in stored for k in keys), f"nothing lost: {sum(1 for k in keys if k in stored)}/{len(keys)} acknowledged reports stored")
        check(all(c == 1 for c in stored.values()) and len(stored) == len(keys),
              f"no duplicate: {len(stored)} live reports for {len(keys)} pairs")

        # Reminders: both instances started with the job due; one ran it, the other skipped the schedule.
        deadline = time.time() + 60
        runs = []
        while time.time() < deadline:
            runs = [i for i in range(2) if "Reminders:" in open(logs[i].name).read()]
            done = sink.query('SELECT "Instance", "FinishedAt" FROM "JobRuns" WHERE "Name" = \'reminders\'')
            if done and done[0][1]: break
            time.sleep(1)
        time.sleep(2)
        runs = [i for i in range(2) if "Reminders:" in open(logs[i].name).read()]
        skipped = [i for i in range(2) if re.search(r"Job reminders: (already run|another instance)", open(logs[i].name).read())]
        check(len(runs) == 1, f"the reminder job ran on exactly one instance for its schedule (ran: {runs}, skipped: {skipped})")
        dup = sink.query('SELECT count(*) FROM (SELECT "UnitId", "TaskId", "Kind", "Period" FROM "Notifications" '
                         'GROUP BY "UnitId", "TaskId", "Kind", "Period" HAVING count(*) > 1) d')[0][0]
        overdue = int(sink.query('SELECT count(*) FROM "Notifications" WHERE "Kind" = \'TaskOverdue\'')[0][0])
        check(int(dup) == 0 and overdue > 0, f"each reminder created once ({overdue} overdue notices, {dup} duplicates)")
    finally:
        if nginx: nginx.terminate(); nginx.wait()
        for p in procs.values():
            if p.poll() is None: bench.stop(p)
        try: admin_db.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except Exception as e: print(f"cluster: could not drop {name}: {e}", file=sys.stderr)
        if not failures: shutil.rmtree(work, ignore_errors=True)
        else: print(f"cluster: logs kept in {work}", file=sys.stderr)
    print(f"cluster: {'all checks passed' if not failures else str(len(failures)) + ' failed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
