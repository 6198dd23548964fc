"""Bulk-loads a province data set into a PlanLedger database whose schema the app itself created (migrations).

The rows are the app's own shapes (the EF model's tables, columns, stored enum names, UTC ticks on SQLite /
timestamptz on PostgreSQL, LiveKey and DedupeKey formats); the app serving them afterwards is the check.

Layout: organisation 1 (made by the app's first start, its admin `admin`) becomes the province; below it CITIES cities,
each with COUNTIES counties (100 bureaus at province scale). Every bureau has UNITS units with one reporter each and
YEARS published plans of SECTIONS sections × LEAVES leaf tasks; every leaf task has one lead and two supporting
units and a monthly report by its lead unit for every period up to last month; notifications for the current year.
"""
import datetime as dt
import hashlib
import io
import os
import random
import sqlite3
import subprocess
import sys

SCALES = {
    # 1 + 9 + 90 = 100 bureaus × 5 years × 300 leaf tasks × 12 reports ≈ 1.8M reports
    "province": dict(cities=9, counties=10, units=20, years=5, sections=20, leaves=300, source_kb=115),
    "small": dict(cities=2, counties=2, units=8, years=2, sections=5, leaves=40, source_kb=20),
}

EPOCH = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
CN_NUM = "一二三四五六七八九十"
UNIT_NAMES = ["办公室", "政策法规科", "基础教育科", "职业与成人教育科", "人事科", "计划财务科", "体育卫生与艺术教育科",
              "安全稳定科", "督导室", "教研室", "电化教育馆", "招生考试中心", "学生资助中心", "教师发展中心", "后勤服务中心",
              "装备中心", "语言文字办", "德育科", "教育信息中心", "校外教育中心", "民办教育科", "学前教育科"]
TEXT = ("坚持立德树人根本任务，深化教育综合改革，推进学前教育普及普惠、义务教育优质均衡、高中阶段教育多样化特色发展，"
        "健全覆盖城乡的教育公共服务体系，加强教师队伍建设，落实安全稳定责任，确保各项重点任务按期完成。")


def cn(n):
    if n <= 10: return CN_NUM[n - 1]
    if n < 20: return "十" + CN_NUM[n - 11]
    return CN_NUM[n // 10 - 1] + "十" + (CN_NUM[n % 10 - 1] if n % 10 else "")


class Sink:
    """Writes rows: SQLite through executemany in one transaction, PostgreSQL through COPY FROM STDIN (psql)."""

    def __init__(self, db):
        self.pg = not db.endswith(".db")
        self.db = db
        if not self.pg:
            self.conn = sqlite3.connect(db)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=OFF")

    def time(self, t):
        if t is None: return None
        if self.pg: return t.isoformat()
        d = t - EPOCH
        return (d.days * 86400 + d.seconds) * 10_000_000 + d.microseconds * 10

    def date(self, d):
        return None if d is None else d.isoformat()

    def bool(self, b):
        return ("t" if b else "f") if self.pg else (1 if b else 0)

    def sql(self, statement):
        if self.pg:
            subprocess.run(["psql", self.pg_url(), "-q", "-o", "/dev/null", "-v", "ON_ERROR_STOP=1", "-c", statement], check=True)
        else:
            self.conn.executescript(statement)
            self.conn.commit()

    def query(self, statement):
        if self.pg:
            out = subprocess.run(["psql", self.pg_url(), "-At", "-F", "\t", "-c", statement], check=True,
                                 capture_output=True, text=True).stdout
            return [line.split("\t") for line in out.splitlines() if line]
        return [list(map(str, r)) for r in self.conn.execute(statement).fetchall()]

    def pg_url(self):
        parts = dict(p.split("=", 1) for p in self.db.split(";") if "=" in p)
        low = {k.lower(): v for k, v in parts.items()}
        return "postgresql://{}:{}@{}:{}/{}".format(low.get("username", "planledger"), low.get("password", ""),
                                                   low.get("host", "127.0.0.1"), low.get("port", "5432"), low["database"])

    def insert(self, table, columns, rows):
        if self.pg:
            buf = io.StringIO()
            for r in rows:
                buf.write("\t".join("\\N" if v is None else str(v).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ") for v in r))
                buf.write("\n")
            cols = ", ".join(f'"{c}"' for c in columns)
            subprocess.run(["psql", self.pg_url(), "-q", "-v", "ON_ERROR_STOP=1", "-c", f'COPY "{table}" ({cols}) FROM STDIN'],
                           input=buf.getvalue(), text=True, check=True)
        else:
            cols = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            self.conn.executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', rows)

    def commit(self):
        if not self.pg: self.conn.commit()

    def finish(self, tables):
        if self.pg:
            for t in tables:
                self.sql(f"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT max(\"Id\") FROM \"{t}\"))")
            self.sql("ANALYZE " + ", ".join(f'"{t}"' for t in tables))
        else:
            self.conn.commit()
            self.conn.execute("ANALYZE")
            self.conn.commit()
            self.conn.close()


def seed(db, scale, today):
    s = SCALES[scale]
    rnd = random.Random(20261201)
    out = Sink(db)
    now = dt.datetime.combine(today, dt.time(8, 0), dt.timezone.utc)
    admin = out.query('SELECT "Id", "PasswordHash" FROM "AspNetUsers" WHERE "UserName" = \'admin\'')
    if not admin: sys.exit("seed: no admin user — start the app on the database once first")
    password_hash = admin[0][1]
    if int(out.query('SELECT count(*) FROM "Plans"')[0][0]) > 0: sys.exit("seed: the database already has plans")

    # Organisations: 1 is the province (made by the app), then cities and their counties.
    out.sql(f'UPDATE "Organisations" SET "Name" = \'某省教育厅\', "Level" = \'Province\' WHERE "Id" = 1')
    orgs = [(1, "某省教育厅", None, "/1/", "Province")]
    oid = 1
    for c in range(s["cities"]):
        oid += 1
        city = oid
        orgs.append((city, f"第{c + 1}市教育局", 1, f"/1/{city}/", "City"))
        for k in range(s["counties"]):
            oid += 1
            orgs.append((oid, f"第{c + 1}市第{k + 1}县教育局", city, f"/1/{city}/{oid}/", "County"))
    out.insert("Organisations", ["Id", "Name", "ParentId", "Path", "Level", "CreatedAt", "Version"],
               [(o[0], o[1], o[2], o[3], o[4], out.time(now), 0) for o in orgs[1:]])

    # Units and users: one reporter per unit, one office user per bureau.
    units, users = [], []
    unit_of = {}
    uid, userid = 0, 1
    for o in orgs:
        unit_of[o[0]] = []
        for i in range(s["units"]):
            uid += 1
            units.append((uid, o[0], UNIT_NAMES[i % len(UNIT_NAMES)], "Department", "", None, out.time(now), 0))
            unit_of[o[0]].append(uid)

    def user(name, display, org, unit, role):
        nonlocal userid
        userid += 1
        users.append((userid, display, org, unit, role, out.time(now), name, name.upper(), None, None, out.bool(False),
                      password_hash, os.urandom(16).hex().upper(), os.urandom(16).hex(), None, out.bool(False),
                      out.bool(False), None, out.bool(True), 0, None, 0))
        return userid

    reporter = {}
    for o in orgs:
        user(f"office{o[0]}", f"{o[1]}督查室", o[0], None, "Office")
        for n, u in enumerate(unit_of[o[0]]):
            reporter[u] = user(f"u{u}", f"{UNIT_NAMES[n % len(UNIT_NAMES)]}联络员{u}", o[0], u, "Reporter")
    # The benchmark's county user: the reporter of the first county's first unit, under a fixed name.
    county = orgs[2][0]
    users = [tuple(["bench.county" if i == 6 else ("BENCH.COUNTY" if i == 7 else v) for i, v in enumerate(r)])
             if r[0] == reporter[unit_of[county][0]] else r for r in users]
    out.insert("Units", ["Id", "OrganisationId", "Name", "Kind", "Aliases", "MergedIntoId", "CreatedAt", "Version"], units)
    out.insert("AspNetUsers", ["Id", "DisplayName", "OrganisationId", "UnitId", "Role", "CreatedAt", "UserName",
                               "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
                               "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed",
                               "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount",
                               "DeactivatedAt", "Version"], users)
    out.commit()

    source = (TEXT * (s["source_kb"] * 1024 // len(TEXT.encode()) + 1))
    years = list(range(today.year - s["years"] + 1, today.year + 1))
    plan_cols = ["Id", "OrganisationId", "Title", "Issuer", "Year", "DocNumber", "Status", "SourceFileName", "Format",
                 "Sha256", "SourceText", "ReportDay", "TaskCount", "CreatedAt", "PublishedAt", "Date", "Version"]
    task_cols = ["Id", "PlanId", "ParentId", "Path", "Order", "Level", "Label", "Heading", "Text", "Deadline", "DueDate",
                 "Section", "LeadNames", "SupportNames", "Progress", "Status", "LastReportPeriod", "ClosedAt",
                 "SpanOffset", "SpanLength", "PairedRow", "Version", "CloseReason", "ClosedByName", "Ongoing", "Source"]
    link_cols = ["Id", "TaskId", "Role", "Name", "UnitId"]
    target_cols = ["Id", "TaskId", "Text", "Value", "Unit", "Op", "Actual", "SpanOffset", "SpanLength", "Version"]
    report_cols = ["Id", "TaskId", "UnitId", "Period", "Progress", "Text", "Status", "ReviewComment", "SubmittedById",
                   "SubmittedByName", "SubmittedAt", "ReviewedAt", "Drives", "EditedAt", "LiveKey", "ReviewedByName"]
    note_cols = ["Id", "CreatedAt", "DedupeKey", "DispatchAttempts", "DispatchedAt", "Kind", "Link", "Message",
                 "OrganisationId", "Period", "ReadAt", "TaskId", "UnitId"]
    # Older schemas keep the source text in Plans.SourceText, newer ones in PlanSources.
    if out.pg:
        inline = bool(out.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'Plans' AND column_name = 'SourceText'"))
    else:
        inline = bool(out.query("SELECT 1 FROM pragma_table_info('Plans') WHERE name = 'SourceText'"))
    if not inline: plan_cols.remove("SourceText")
    pid = tid = lid = gid = rid = nid = 0
    counts = dict(plans=0, tasks=0, reports=0, notifications=0)
    for o in orgs:
        plans, tasks, links, targets, reports, notes = [], [], [], [], [], []
        ounits = unit_of[o[0]]
        names = {u: UNIT_NAMES[i % len(UNIT_NAMES)] for i, u in enumerate(ounits)}
        for year in years:
            pid += 1
            published = dt.datetime(year, 1, 15, 2, 0, tzinfo=dt.timezone.utc)
            last_month = 12 if year < today.year else today.month - 1
            plans.append((pid, o[0], f"{o[1]}{year}年工作要点", o[1], year, f"教办〔{year}〕{o[0]}号", "Published",
                          f"{year}年工作要点.docx", "docx", hashlib.sha256(f"{o[0]}-{year}".encode()).hexdigest(),
                          source, 5, s["sections"] + s["leaves"], out.time(published - dt.timedelta(days=3)),
                          out.time(published), f"{year}-01-10", 1))
            order = 0
            per_section = s["leaves"] // s["sections"]
            leaf_no = 0
            for sec in range(1, s["sections"] + 1):
                tid += 1
                section_id = tid
                order += 1
                label = f"{cn(sec)}、"
                lead = ounits[sec % len(ounits)]
                tasks.append([section_id, pid, None, label, order, 1, label, f"第{cn(sec)}项重点工作", TEXT[:60], None, None,
                              label, names[lead], "", 0, "on_track", None, None, 0, 0, None, 1, None, None,
                              out.bool(False), "Plan"])
                lid += 1
                links.append((lid, section_id, "Lead", names[lead], lead))
                child_progress, child_done = [], 0
                for k in range(1, per_section + (s["leaves"] % s["sections"] if sec == s["sections"] else 0) + 1):
                    leaf_no += 1
                    tid += 1
                    order += 1
                    lead = ounits[leaf_no % len(ounits)]
                    sup = [ounits[(leaf_no + 3) % len(ounits)], ounits[(leaf_no + 7) % len(ounits)]]
                    due_month = 3 + (leaf_no % 10)
                    due = dt.date(year, due_month, 28)
                    reported = [m for m in range(1, last_month + 1)]
                    done = year < today.year and leaf_no % 9 != 0 or (year == today.year and due < today and leaf_no % 3 != 0)
                    progress = 100 if done else min(95, 8 * len(reported))
                    if done: status = "done"
                    elif due < today: status = "overdue"
                    elif leaf_no % 7 == 0: status = "at_risk"
                    elif reported: status = "on_track"
                    else: status = "not_started"
                    closed = out.time(dt.datetime.combine(due, dt.time(9), dt.timezone.utc)) if done and leaf_no % 2 == 0 else None
                    path = f"{label}（{cn(k)}）"
                    heading = f"推进第{leaf_no}项重点任务"
                    tasks.append([tid, pid, section_id, path, order, 2, f"（{cn(k)}）", heading,
                                  f"{heading}。{TEXT}", f"{year}年{due_month}月底前", out.date(due), label, names[lead],
                                  "、".join(names[x] for x in sup), progress, status,
                                  f"{year}-{reported[-1]:02d}" if reported else None, closed, 0, 0, None, 1,
                                  "按期完成" if closed else None, "督查室" if closed else None, out.bool(False), "Plan"])
                    child_progress.append(progress)
                    child_done += status == "done"
                    lid += 1
                    links.append((lid, tid, "Lead", names[lead], lead))
                    for x in sup:
                        lid += 1
                        links.append((lid, tid, "Support", names[x], x))
                    if leaf_no % 3 == 0:
                        gid += 1
                        targets.append((gid, tid, "新建幼儿园24处", "24", "处", ">=", "24" if done else None, 0, 0, 1))
                    for m in reported:
                        rid += 1
                        period = f"{year}-{m:02d}"
                        at = dt.datetime(year + (m == 12), m % 12 + 1, 3, 2, 0, tzinfo=dt.timezone.utc)
                        reports.append((rid, tid, lead, period, min(100, 8 * m), f"{period}：{heading}，按计划推进，完成阶段目标。",
                                        "Approved", None, reporter[lead], f"联络员{lead}", out.time(at),
                                        out.time(at + dt.timedelta(days=1)), out.bool(True), None,
                                        f"{tid}|{lead}|{period}", "督查室"))
                    if year == today.year and status != "done":
                        # This year's reminders: the due-soon notices of the lead unit, most of them read.
                        for m in reported:
                            nid += 1
                            period = f"{year}-{m:02d}"
                            created = dt.datetime(year + (m == 12), m % 12 + 1, 1, 1, 0, tzinfo=dt.timezone.utc)
                            notes.append((nid, out.time(created), f"{lead}|{tid}|ReportDueSoon|{period}", 0, None,
                                          "ReportDueSoon", f"/Tasks/{tid}", f"{period} 进展请于 {year}-{m % 12 + 1:02d}-05 前报送：{path} {heading}",
                                          None, period, out.time(created + dt.timedelta(days=2)) if m < last_month or nid % 3 else None,
                                          tid, lead))
                tasks[-len(child_progress) - 1][14] = round(sum(child_progress) / max(1, len(child_progress)))
                tasks[-len(child_progress) - 1][15] = "done" if child_done == len(child_progress) else "on_track"
        if inline:
            out.insert("Plans", plan_cols, plans)
        else:
            out.insert("Plans", plan_cols, [p[:10] + p[11:] for p in plans])
            out.insert("PlanSources", ["PlanId", "Text"], [(p[0], p[10]) for p in plans])
        out.insert("PlanTasks", task_cols, [tuple(t) for t in tasks])
        out.insert("TaskUnits", link_cols, links)
        out.insert("TaskTargets", target_cols, targets)
        out.insert("ProgressReports", report_cols, reports)
        out.insert("Notifications", note_cols, notes)
        out.commit()
        counts["plans"] += len(plans)
        counts["tasks"] += len(tasks)
        counts["reports"] += len(reports)
        counts["notifications"] += len(notes)
        print(f"\r  {o[0]}/{len(orgs)} bureaus, {counts['reports']:,} reports", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    out.finish(["Organisations", "Units", "AspNetUsers", "Plans", "PlanTasks", "TaskUnits", "TaskTargets",
                "ProgressReports", "Notifications"])
    counts.update(bureaus=len(orgs), units=len(units), users=len(users))
    return counts


if __name__ == "__main__":
    db, scale = sys.argv[1], sys.argv[2]
    today = dt.date.fromisoformat(sys.argv[3]) if len(sys.argv) > 3 else dt.date.today()
    print(seed(db, scale, today))
