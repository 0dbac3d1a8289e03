"""Demo data from the seeds' facts: Sichuan's offices, enterprises, two years of visits, projects, ...

    summary = build_demo(ws, scale="small", seed=2021)      # ≈1 s
    summary = build_demo(ws, scale="province")               # ≥50k enterprises, ≥1M visits

Demo rows are bulk-loaded (storage.bulk): they bypass the outbox and history on purpose. Demo
data is local to the laptop and must never be pushed to a provincial server, so no outbox op is
written; the database is marked with meta `demo_scale`. Everything is drawn from one seeded
`random.Random`, ids included, so the same seed and `today` give the same database.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..domain import enums
from ..domain.creditcode import CHARSET, check_character
from ..domain.errors import ValidationError
from ..storage import bulk, worklists
from ..storage.database import get_meta, set_meta
from . import demo_vocab as v
from .context import Workspace
from .demo_projects import ProjectRows
from .progress import NEVER, NO_PROGRESS, CancelCheck, Progress, Throttled
from .workflow import TRIGGER_VISIT_DAYS


@dataclass(frozen=True)
class Scale:
    enterprises: int
    visits: int
    projects: int
    events_per_unit_month: float
    trips_per_unit_month: float


SCALES: dict[str, Scale] = {
    "small": Scale(
        enterprises=360, visits=4_000, projects=180, events_per_unit_month=0.5, trips_per_unit_month=0.6
    ),
    "province": Scale(
        enterprises=52_000, visits=1_050_000, projects=21_000, events_per_unit_month=2, trips_per_unit_month=3
    ),
}
DAYS = v.DAYS
OFFICER_TASKS = 4  # open tasks handed to the officer the demo opens as
OFFICER_DUE_OFFSETS = (3, 6, 0, -2)  # days from today of tasks made for them (coming ones are rarer)


@dataclass
class DemoSummary:
    scale: str
    counts: dict[str, int] = field(default_factory=dict)


def _weighted(pairs: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> tuple[list[str], list[int]]:
    return [p[0] for p in pairs], [p[1] for p in pairs]


class _Ids:
    """Deterministic UUIDv7-shaped ids, increasing in insertion order (cheap appends to the pk index)."""

    def __init__(self, rng: random.Random, start: dt.date) -> None:
        self.rng = rng
        self.ms = int(dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC).timestamp() * 1000)

    def __call__(self) -> str:
        self.ms += 1
        rand = self.rng.getrandbits(74)
        value = self.ms << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0b10 << 62 | (rand & ((1 << 62) - 1))
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _org_code(rng: random.Random) -> str:
    """A 9-character organisation code with its GB 11714 check character (characters 9–17)."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    total = sum((int(c, 36)) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def credit_code(rng: random.Random, district: str) -> str:
    """A valid GB 32100 code: 9 (工商) + 1 (企业) + district + org code + check character."""
    while True:
        first17 = "91" + district + _org_code(rng)
        if all(c in CHARSET for c in first17):  # GB 11714 may yield letters GB 32100 forbids
            return first17 + check_character(first17)


class _Builder(ProjectRows):
    """Generates one demo database; each `_make_*` yields rows for one table."""

    def __init__(self, ws: Workspace, scale: Scale, seed: int, today: dt.date, progress: Throttled) -> None:
        self.ws = ws
        self.scale = scale
        self.rng = random.Random(seed)
        self.today = today
        self.first_day = today - dt.timedelta(days=DAYS - 1)
        self.progress = progress
        self.ids = _Ids(self.rng, today - dt.timedelta(days=3 * 365))
        self.counts: dict[str, int] = {}

    # -- helpers -------------------------------------------------------------------------------
    def day(self, offset: int) -> str:
        return (self.first_day + dt.timedelta(days=offset)).isoformat()

    def stamp(self, iso_day: str) -> str:
        # HLC-format stamp at 09:00 (UTC+8) of the record's day, so updated_at sorts like the dates.
        d = dt.date.fromisoformat(iso_day)
        ms = int(dt.datetime(d.year, d.month, d.day, 1, tzinfo=dt.UTC).timestamp() * 1000)
        return f"{ms:015d}-00000-demo"

    def person(self) -> str:
        return self.rng.choice(v.SURNAMES) + "".join(self.rng.choices(v.GIVEN, k=self.rng.choice((1, 2))))

    def with_work_for_the_officer(self, tasks: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The demo opens as the home office's first officer: the home office's open tasks due
        nearest today (the latest overdue, the next coming) become theirs (a team lead hands them
        out), so 我的任务 shows work; where the home office has fewer, the officer's latest visits
        leave one each (due soon, due today, overdue)."""
        officer = self.office_by_id[self.home_id]["staff"][0]
        # (id, office_id, …envelope, title, assignee, due_date, done, done_date, enterprise_id, visit_id)
        open_home = [i for i, t in enumerate(tasks) if t[1] == self.home_id and not t[-4]]
        today = self.today.isoformat()
        overdue = sorted(
            (i for i in open_home if tasks[i][-5] < today), key=lambda i: tasks[i][-5], reverse=True
        )
        coming = sorted((i for i in open_home if tasks[i][-5] >= today), key=lambda i: tasks[i][-5])
        half = OFFICER_TASKS // 2  # some overdue, some coming: what a real 我的任务 holds
        nearest = overdue[:half] + coming[: OFFICER_TASKS - min(len(overdue), half)]
        out = list(tasks)
        for i in nearest[:OFFICER_TASKS]:
            row = list(out[i])
            row[-6] = officer
            out[i] = tuple(row)
        missing = OFFICER_TASKS - min(len(nearest), OFFICER_TASKS)
        for n, (vid, ent_id, date) in enumerate(list(self.latest_home_visits)[:missing]):
            due = self.today + dt.timedelta(days=OFFICER_DUE_OFFSETS[n])
            step = v.NEXT_STEPS[n % len(v.NEXT_STEPS)]
            out.append(
                (self.ids(), *self.envelope(self.home_id, date, officer), step, officer, due.isoformat(), 0, None,
                 ent_id, vid)
            )  # fmt: skip
        return out

    def envelope(self, office_id: str, iso_day: str, author: str) -> tuple[Any, ...]:
        stamp = self.stamp(iso_day)
        return (office_id, 0, 0, stamp, author, stamp)

    ENVELOPE = ("office_id", "deleted", "version", "updated_at", "updated_by", "created_at")

    def insert(
        self, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]] | list[Any]
    ) -> None:
        self.counts[table] = self.counts.get(table, 0) + bulk.insert_rows(
            self.ws.db, table, ("id", *self.ENVELOPE, *columns), rows
        )

    # -- offices and people --------------------------------------------------------------------
    def make_offices(self) -> None:
        existing = {
            name: oid
            for oid, name in self.ws.db.execute("SELECT id, name FROM office WHERE deleted = 0").fetchall()
        }
        self.offices: list[dict[str, Any]] = []
        new_rows = []
        for spec in v.OFFICES:
            oid = existing.get(spec.name) or self.ids()
            if spec.name not in existing:
                new_rows.append(
                    (
                        oid,
                        oid,
                        0,
                        0,
                        self.stamp(self.day(0)),
                        "演示数据",
                        self.stamp(self.day(0)),
                        spec.name,
                        spec.unit,
                    )
                )
            staff = [self.person() for _ in range(self.rng.randint(5, 8))]
            is_city = spec.unit != spec.name
            leaders = (
                [(self.person(), "正厅级"), (self.person(), "副厅级")]
                if is_city
                else [(self.person(), "副厅级"), (self.person(), "正处级")]
            )
            self.offices.append({"id": oid, "spec": spec, "staff": staff, "leaders": leaders})
        self.insert("office", ("name", "unit"), new_rows)
        self.units = sorted({o["spec"].unit for o in self.offices})

    # -- enterprises and contacts --------------------------------------------------------------
    def make_enterprises(self) -> None:
        rng = self.rng
        industries = [p[0] for p in v.INDUSTRY_PROFILE]
        industry_weights = [p[1] for p in v.INDUSTRY_PROFILE]
        words = {p[0]: p[2] for p in v.INDUSTRY_PROFILE}
        suffixes, suffix_weights = _weighted(v.SUFFIXES)
        seen_names: set[str] = set()
        seen_codes: set[str] = set()
        self.enterprises: list[tuple[str, str, str, str, int]] = []  # id, office_id, short, industry, key
        rows = []
        contacts = []
        for _ in range(self.scale.enterprises):
            office = rng.choice(self.offices)
            spec = office["spec"]
            industry = rng.choices(industries, industry_weights)[0]
            while True:
                city, district = rng.choice(v.REGION_CITIES[spec.region])
                core = rng.choice(v.NAME_FIRST) + rng.choice(v.NAME_SECOND)
                word = rng.choice(words[industry])
                suffix = rng.choices(suffixes, suffix_weights)[0]
                if word.endswith("科技") and suffix.startswith("科技"):
                    suffix = "有限公司"
                name = f"{city}{core}{word}{suffix}"
                if name not in seen_names:
                    break
            seen_names.add(name)
            while (code := credit_code(rng, district)) in seen_codes:
                pass
            seen_codes.add(code)
            tags = [tag for tag, rate in v.TAG_RATES if rng.random() < rate]
            is_key = int(bool({"世界500强", "中国500强", "链主企业"} & set(tags)) or rng.random() < 0.04)
            ownership = rng.choices(enums.OWNERSHIPS, (80, 12, 8))[0]
            created = self.day(rng.randrange(0, DAYS // 3))
            eid = self.ids()
            short = core + word
            rows.append(
                (
                    eid,
                    *self.envelope(office["id"], created, rng.choice(office["staff"])),
                    name,
                    short,
                    code,
                    industry,
                    spec.region,
                    ownership,
                    json.dumps(tags, ensure_ascii=False),
                    is_key,
                    f"{city}市{rng.choice(v.NAME_FIRST)}{rng.choice(v.NAME_SECOND)}路{rng.randint(1, 999)}号",
                )
            )
            self.enterprises.append((eid, office["id"], short, industry, is_key))
            for _ in range(rng.choice((1, 1, 2))):
                surname = rng.choice(v.SURNAMES)
                contacts.append(
                    (
                        self.ids(),
                        *self.envelope(office["id"], created, rng.choice(office["staff"])),
                        eid,
                        surname + "".join(rng.choices(v.GIVEN, k=rng.choice((1, 2)))),
                        rng.choice(v.CONTACT_TITLES),
                        "1" + rng.choice("35789") + "".join(rng.choices("0123456789", k=9)),
                        f"{v.PINYIN[surname]}{rng.randint(1, 99)}@{rng.choice(('163.com', 'qq.com', 'corp.cn'))}",
                    )
                )
        self.insert(
            "enterprise",
            (
                "name",
                "short_name",
                "credit_code",
                "industry",
                "hq_region",
                "ownership",
                "tags",
                "is_key",
                "address",
            ),
            rows,
        )
        self.insert("contact", ("enterprise_id", "name", "title", "phone", "email"), contacts)
        self.office_by_id = {o["id"]: o for o in self.offices}
        self.by_office: dict[str, list[int]] = {}
        for index, ent in enumerate(self.enterprises):
            self.by_office.setdefault(ent[1], []).append(index)

    # -- visits, demands, tasks ------------------------------------------------------------------
    def visit_rows(self) -> Iterator[tuple[Any, ...]]:
        rng = self.rng
        n = self.scale.visits
        weights = [5 if e[4] else 1 for e in self.enterprises]
        picks = rng.choices(range(len(self.enterprises)), weights, k=n)
        # Working days are busier than weekends; sort so ids and the date index grow together.
        days = sorted(
            rng.choices(
                range(DAYS),
                [1 if (self.first_day.toordinal() + d) % 7 in (0, 6) else 6 for d in range(DAYS)],
                k=n,
            )
        )
        forms, form_weights = _weighted(v.VISIT_FORM_WEIGHTS)
        cities = list(v.CITY_WEIGHTS)
        city_weights = list(v.CITY_WEIGHTS.values())
        self.demand_seeds: list[tuple[str, str, str, str, str]] = []
        self.task_seeds: list[tuple[str, str, str, str, str]] = []
        self.home_id = next(o["id"] for o in self.offices if o["spec"].name == v.HOME_OFFICE)
        self.latest_home_visits: deque[tuple[str, str, str]] = deque(maxlen=OFFICER_TASKS)
        for i in range(n):
            ent_id, office_id, short, industry, _key = self.enterprises[picks[i]]
            office = self.office_by_id[office_id]
            date = self.day(days[i])
            officer = rng.choice(office["staff"])
            others = rng.sample(office["staff"], rng.randint(0, 2))
            leader, rank = rng.choice(office["leaders"]) if rng.random() < 0.12 else (None, None)
            city = rng.choices(cities, city_weights)[0]
            minutes = (
                f"{officer}等赴{short}座谈，了解企业{rng.choice(v.TOPICS)}，"
                f"介绍四川{industry}产业布局和{rng.choice(v.CITY_PARKS[city])}支持政策，"
                f"企业{rng.choice(v.ATTITUDES)}。"
            )
            intention = rng.random() < 0.2
            demand = rng.random() < 0.05
            category = rng.choice(list(v.DEMAND_TEXTS)) if demand else None
            vid = self.ids()
            if office_id == self.home_id:
                self.latest_home_visits.append((vid, ent_id, date))
            if demand:
                self.demand_seeds.append((vid, ent_id, office_id, date, str(category)))
            if rng.random() < 0.03:
                self.task_seeds.append((vid, ent_id, office_id, date, officer))
            yield (
                vid,
                *self.envelope(office_id, date, officer),
                date,
                ent_id,
                rng.choices(forms, form_weights)[0],
                officer,
                json.dumps([officer, *[o for o in others if o != officer]], ensure_ascii=False),
                leader,
                rank,
                rng.choice(v.PURPOSES),
                minutes,
                industry if intention else None,
                rng.randrange(1, 200) * 1000 if intention else None,
                city if intention else None,
                rng.choice(v.CITY_PARKS[city]) if intention else None,
                v.DEMAND_TEXTS[category][0] if category else None,
                rng.choice(v.NEXT_STEPS),
            )
            if i % 20_000 == 0:
                self.progress(0.1 + 0.6 * i / n, "生成走访记录")

    def make_visits(self) -> None:
        columns = (
            "date", "enterprise_id", "form", "officer", "participants", "leader", "leader_rank", "purpose",
            "minutes", "intention_industry", "intention_wan", "intention_city", "intention_park",
            "demands_text", "next_steps",
        )  # fmt: skip
        self.insert("visit", columns, self.visit_rows())

    def make_demands_and_tasks(self) -> None:
        rng = self.rng
        demands = []
        for vid, ent_id, office_id, date, category in self.demand_seeds:
            text, department = v.DEMAND_TEXTS[category]
            age = (self.today - dt.date.fromisoformat(date)).days
            status = (
                rng.choice(("待办", "办理中"))
                if age < 30
                else rng.choices(enums.DEMAND_STATUSES, (3, 10, 20, 55, 12))[0]
            )
            closed = status in enums.DEMAND_CLOSED
            closed_date = min(
                dt.date.fromisoformat(date) + dt.timedelta(days=rng.randint(5, 60)), self.today
            ).isoformat()
            office = self.office_by_id[office_id]
            demands.append(
                (
                    self.ids(),
                    *self.envelope(office_id, date, rng.choice(office["staff"])),
                    ent_id,
                    vid,
                    text,
                    category,
                    department,
                    status,
                    "已协调责任部门办理并答复企业" if status in ("已回应", "已解决") else None,
                    "超出现行政策范围，已向企业解释" if status == "无法解决" else None,
                    date,
                    (dt.date.fromisoformat(date) + dt.timedelta(days=30)).isoformat(),
                    closed_date if closed else None,
                )
            )
        self.insert(
            "demand",
            ("enterprise_id", "visit_id", "content", "category", "department", "status", "response", "reason",
             "raised_date", "due_date", "closed_date"),
            demands,
        )  # fmt: skip
        tasks = []
        for vid, ent_id, office_id, date, officer in self.task_seeds:
            due = dt.date.fromisoformat(date) + dt.timedelta(days=rng.randint(7, 30))
            done = due < self.today and rng.random() < 0.85
            tasks.append(
                (
                    self.ids(),
                    *self.envelope(office_id, date, officer),
                    rng.choice(v.NEXT_STEPS),
                    officer,
                    due.isoformat(),
                    int(done),
                    min(due, self.today).isoformat() if done else None,
                    ent_id,
                    vid,
                )
            )
        # 六必访 (seed 003): a trigger on an enterprise creates a due visit task, and the next visit to the
        # enterprise fulfils both, as the app does (workflow.fulfil_triggers, the same rule for "next"):
        # a demo trigger stays open only while no visit followed it. Fulfilled as the rows are made, not
        # by the app's rule afterwards: that writes through the store, and demo rows never go in the outbox.
        triggers = []
        for index in rng.sample(range(len(self.enterprises)), max(3, len(self.enterprises) // 100)):
            ent_id, office_id, short, _, _ = self.enterprises[index]
            office = self.office_by_id[office_id]
            date = self.day(rng.randrange(DAYS - 120, DAYS))
            kind = rng.choice(enums.TRIGGER_KINDS)
            task_id = self.ids()
            officer = rng.choice(office["staff"])
            due_text = (dt.date.fromisoformat(date) + dt.timedelta(days=TRIGGER_VISIT_DAYS)).isoformat()
            visit = worklists.next_visit(self.ws.db, ent_id, date)
            visit_id, visit_date = (visit["id"], visit["date"]) if visit else (None, None)
            envelope = self.envelope(office_id, date, officer)
            if visit_date:  # updated when the visit fulfilled it
                envelope = (*envelope[:3], self.stamp(visit_date), *envelope[4:])
            tasks.append(
                (
                    task_id,
                    *envelope,
                    f"六必访：{kind}——走访{short}",
                    officer,
                    due_text,
                    int(visit is not None),
                    visit_date,
                    ent_id,
                    visit_id,
                )
            )
            triggers.append(
                (
                    self.ids(),
                    *envelope,
                    ent_id,
                    kind,
                    date,
                    f"获悉企业{kind}相关情况",
                    task_id,
                    visit_id,
                )
            )
        self.insert(
            "task",
            ("title", "assignee", "due_date", "done", "done_date", "enterprise_id", "visit_id"),
            self.with_work_for_the_officer(tasks),
        )
        self.insert("trigger", ("enterprise_id", "kind", "date", "note", "task_id", "visit_id"), triggers)


def build_demo(
    ws: Workspace,
    *,
    scale: str = "small",
    seed: int = 2021,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
    cancel: CancelCheck = NEVER,
) -> DemoSummary:
    """Fill an empty workspace with demo data; refuses a database that already holds enterprises."""
    if scale not in SCALES:
        raise ValidationError({"scale": f"未知的演示规模“{scale}”，可选：{'、'.join(SCALES)}"})
    db = ws.db
    if db.execute("SELECT 1 FROM enterprise LIMIT 1").fetchone():
        raise ValidationError({"db": f"数据库“{ws.path}”已有企业数据，演示数据只能写入新的空数据库"})
    step = Throttled(progress, cancel)
    builder = _Builder(ws, SCALES[scale], seed, today or dt.date.today(), step)
    with bulk.fast_load(db), bulk.deferred_fts(db):
        step(0.0, "创建办事处")
        builder.make_offices()
        step(0.02, "生成企业")
        builder.make_enterprises()
        step(0.1, "生成走访记录")
        builder.make_visits()
        step(0.7, "生成诉求与任务")
        builder.make_demands_and_tasks()
        step(0.75, "生成项目与到位资金")
        builder.make_projects()
        step(0.8, "生成服务专员、推介会和外出招商")
        builder.make_commissioners()
        builder.make_events_and_trips()
        step(0.82, "重建全文索引")
    step(0.97, "更新统计信息")
    bulk.analyze(db)
    home = next(o["id"] for o in builder.offices if o["spec"].name == v.HOME_OFFICE)
    with db.conn:
        set_meta(db, "demo_scale", scale)
        if not get_meta(db, "office_id"):
            set_meta(db, "office_id", home)
        if not get_meta(db, "officer"):
            set_meta(db, "officer", builder.office_by_id[home]["staff"][0])
    ws.store.office_id = get_meta(db, "office_id") or home
    step(1.0, "完成")
    return DemoSummary(scale, builder.counts)
