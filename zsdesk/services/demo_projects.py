"""Demo data, second half: projects with stage history and funding, commissioners, events, leader trips.

A mixin of the demo builder in services.demo: it reads the offices and enterprises that builder made
(`self.offices`, `self.enterprises`, ...) and writes through its `insert`.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..domain import enums, lifecycle
from . import demo_vocab as v

if TYPE_CHECKING:
    from .demo import Scale

DAYS = v.DAYS


class ProjectRows:
    """Project-side tables of the demo database (see services.demo._Builder for the state used)."""

    rng: random.Random
    today: dt.date
    first_day: dt.date
    offices: list[dict[str, Any]]
    office_by_id: dict[str, dict[str, Any]]
    enterprises: list[tuple[str, str, str, str, int]]
    by_office: dict[str, list[int]]
    ids: Callable[[], str]  # the builder's deterministic id source
    scale: Scale

    def day(self, offset: int) -> str:
        raise NotImplementedError

    def envelope(self, office_id: str, iso_day: str, author: str) -> tuple[Any, ...]:
        raise NotImplementedError

    def insert(
        self, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]] | list[Any]
    ) -> None:
        raise NotImplementedError

    # -- projects, stage history, funding --------------------------------------------------------
    def make_projects(self) -> None:
        rng = self.rng
        products = {p[0]: p[3] for p in v.INDUSTRY_PROFILE}
        cities = list(v.CITY_WEIGHTS)
        city_weights = list(v.CITY_WEIGHTS.values())
        stage_weights = (20, 15, 20, 20, 15, 10)
        projects, changes, funding = [], [], []
        self.signed_by_office: dict[str, list[tuple[str, str]]] = {}
        weights = [4 if e[4] else 1 for e in self.enterprises]
        picks = rng.choices(range(len(self.enterprises)), weights, k=self.scale.projects)
        first = self.first_day - dt.timedelta(days=120)
        for index in picks:
            ent_id, office_id, short, industry, _ = self.enterprises[index]
            office = self.office_by_id[office_id]
            unit = office["spec"].unit
            city = unit if unit in v.CITY_PARKS else rng.choices(cities, city_weights)[0]
            park = rng.choice(v.CITY_PARKS[city])
            stage_no = rng.choices(range(6), stage_weights)[0]
            # Walk the lifecycle forward from the first contact, never past today.
            day = first + dt.timedelta(days=rng.randrange(0, DAYS + 60))
            stage_dates = [day]
            for _ in range(stage_no):
                day = min(day + dt.timedelta(days=rng.randint(10, 120)), self.today)
                stage_dates.append(day)
            iso = [d.isoformat() for d in stage_dates]
            planned = rng.choice((5, 10, 20, 30, 50, 80, 100, 150, 200, 300, 500, 1000, 2000)) * 1000
            signed_wan = int(planned * rng.uniform(0.6, 1.0)) // 100 * 100 if stage_no >= 3 else None
            signed_date = iso[3] if stage_no >= 3 else None
            landed_date = None
            if stage_no >= 3 and (stage_no >= 4 or rng.random() < 0.7):
                landed = min(stage_dates[3] + dt.timedelta(days=rng.randint(0, 60)), self.today)
                landed_date = landed.isoformat()
            started_date = iso[4] if stage_no >= 4 else None
            production_date = iso[5] if stage_no >= 5 else None
            if started_date and landed_date and landed_date > started_date:
                landed_date = started_date
            roll = rng.random()
            status, reason = ("正常", None)
            if roll < 0.05:
                status, reason = "终止", rng.choice(v.TERMINATE_REASONS)
            elif roll < 0.15 and stage_no < 5:
                status, reason = "停滞", rng.choice(v.STALL_REASONS)
            last_activity = (
                iso[-1]
                if status != "正常"
                else min(stage_dates[-1] + dt.timedelta(days=rng.randint(0, 40)), self.today).isoformat()
            )
            # Demo data obeys the one lifecycle rule like every other door (a wrong demo teaches wrong).
            lifecycle.check(
                {"stage": enums.STAGES[stage_no], "signed_date": signed_date, "signed_wan": signed_wan,
                 "landed_date": landed_date, "started_date": started_date, "production_date": production_date}
            )  # fmt: skip
            pid = self.ids()
            leader = rng.choice(office["leaders"])[0]
            projects.append(
                (
                    pid,
                    *self.envelope(office_id, iso[-1], rng.choice(office["staff"])),
                    f"{short}{city[:-1]}{rng.choice(products[industry])}项目",
                    ent_id,
                    industry,
                    planned,
                    city,
                    park,
                    enums.STAGES[stage_no],
                    status,
                    reason,
                    signed_date,
                    signed_wan,
                    landed_date,
                    started_date,
                    production_date,
                    leader,
                    f"{park}管委会",
                    f"项目专班（{rng.randint(3, 8)}人）",
                    "一个项目、一名联系领导、一个责任单位、一个工作班子、一套推进措施，按月调度",
                    last_activity,
                )
            )
            for k in range(1, stage_no + 1):
                changes.append(
                    (
                        self.ids(),
                        *self.envelope(office_id, iso[k], leader),
                        pid,
                        enums.STAGES[k - 1],
                        enums.STAGES[k],
                        iso[k],
                        None,
                    )
                )
            if signed_date:
                self.signed_by_office.setdefault(office_id, []).append((pid, signed_date))
            if started_date and signed_wan:
                # Funds arrive in instalments after 开工, summing to part of the signed amount.
                parts = rng.randint(1, 4)
                total = int(signed_wan * rng.uniform(0.2, 0.8))
                begin = dt.date.fromisoformat(started_date)
                span = max((self.today - begin).days, 1)
                offsets = sorted(rng.randrange(0, span) for _ in range(parts))
                shares = [rng.uniform(0.5, 1.5) for _ in range(parts)]
                for p, offset in enumerate(offsets):
                    when = begin + dt.timedelta(days=offset)
                    funding.append(
                        (
                            self.ids(),
                            *self.envelope(office_id, when.isoformat(), leader),
                            pid,
                            when.isoformat(),
                            max(int(total * shares[p] / sum(shares)), 100),
                            f"第{p + 1}笔",
                        )
                    )
        self.insert(
            "project",
            ("name", "enterprise_id", "industry", "planned_wan", "target_city", "target_park", "stage", "status",
             "status_reason", "signed_date", "signed_wan", "landed_date", "started_date", "production_date",
             "liaison_leader", "responsible_unit", "work_team", "measures", "last_activity"),
            projects,
        )  # fmt: skip
        self.insert("stage_change", ("project_id", "from_stage", "to_stage", "date", "note"), changes)
        self.insert("funding", ("project_id", "date", "amount_wan", "note"), funding)

    # -- commissioners, events, trips -------------------------------------------------------------
    def make_commissioners(self) -> None:
        rng = self.rng
        rows = []
        for ent_id, office_id, short, _, key in self.enterprises:
            if not key:
                continue
            office = self.office_by_id[office_id]
            start = self.day(rng.randrange(0, DAYS // 2))
            if rng.random() < 0.25:  # handed over once: the history row keeps the earlier officer
                handover = self.day(rng.randrange(DAYS // 2, DAYS - 30))
                rows.append(
                    (
                        self.ids(),
                        *self.envelope(office_id, start, office["staff"][0]),
                        ent_id,
                        rng.choice(office["staff"]),
                        start,
                        handover,
                        f"服务{short}，工作调整移交",
                    )
                )
                start = handover
            rows.append(
                (
                    self.ids(),
                    *self.envelope(office_id, start, office["staff"][0]),
                    ent_id,
                    rng.choice(office["staff"]),
                    start,
                    None,
                    f"全程服务{short}：项目推进、诉求协调、政策兑现",
                )
            )
        self.insert("commissioner", ("enterprise_id", "officer", "start_date", "end_date", "duties"), rows)

    def make_events_and_trips(self) -> None:
        rng = self.rng
        events, trips = [], []
        months = DAYS / 30.4
        for office in self.offices:
            spec = office["spec"]
            share = sum(1 for o in self.offices if o["spec"].unit == spec.unit)
            pool = self.by_office.get(office["id"], [])
            n_events = max(1, round(self.scale.events_per_unit_month * months / share))
            for _ in range(n_events):
                date = self.day(rng.randrange(0, DAYS))
                industry = rng.choice(v.INDUSTRY_PROFILE)[0]
                kind = rng.choices(enums.EVENT_KINDS, (60, 20, 10, 10))[0]
                guests = [
                    self.enterprises[i][0] for i in rng.sample(pool, min(len(pool), rng.randint(3, 12)))
                ]
                signed = [pid for pid, d in self.signed_by_office.get(office["id"], []) if d == date]
                events.append(
                    (self.ids(), *self.envelope(office["id"], date, office["staff"][0]), date,
                     f"{date[:4]}年四川{industry}产业投资{kind}（{spec.city}）", kind,
                     f"{spec.city}{rng.choice(v.EVENT_VENUES)}", json.dumps(guests), json.dumps(signed), None)
                )  # fmt: skip
            n_trips = max(1, round(self.scale.trips_per_unit_month * months / share))
            for _ in range(n_trips):
                start = self.first_day + dt.timedelta(days=rng.randrange(0, DAYS - 5))
                leader, rank = rng.choice(office["leaders"])
                visited = [
                    self.enterprises[i][0] for i in rng.sample(pool, min(len(pool), rng.randint(2, 6)))
                ]
                places = "、".join(sorted({c for c, _ in rng.sample(v.REGION_CITIES[spec.region], 2)}))
                # A 市(州)'s 正厅级 leader is one of its 党政负责同志 (002 counts their trips).
                trips.append(
                    (self.ids(), *self.envelope(office["id"], start.isoformat(), office["staff"][0]), leader, rank,
                     int(rank == "正厅级"), start.isoformat(), (start + dt.timedelta(days=rng.randint(1, 4))).isoformat(), places,
                     json.dumps(visited), "[]", "一表：外出招商情况登记")
                )  # fmt: skip
        self.insert(
            "event", ("date", "name", "kind", "place", "enterprise_ids", "project_ids", "note"), events
        )
        self.insert(
            "trip",
            (
                "leader",
                "leader_rank",
                "party_leader",
                "start_date",
                "end_date",
                "places",
                "enterprise_ids",
                "project_ids",
                "note",
            ),
            trips,
        )
