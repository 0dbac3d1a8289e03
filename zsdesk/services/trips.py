"""外出招商 (004's 一表): saving a trip, and the visits made on it (created from it or linked).

A visit belongs to at most one trip (Visit.trip_id). Linking a visit also lists its enterprise
among the trip's 拜访企业, and a signed project is always among the projects negotiated, so the
一表 never shows a signing that was not negotiated or a visit to an enterprise it does not list.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import NotFoundError, ValidationError
from ..storage import handover_queries as q
from .context import Workspace

TRIP_FIELDS = ("leader", "leader_rank", "party_leader", "start_date", "end_date", "places", "note")


def get_trip(ws: Workspace, trip_id: str) -> dict[str, Any]:
    trip = q.trip(ws.db, trip_id)
    if trip is None:
        raise NotFoundError("找不到该外出招商记录，可能已被删除")
    return trip


def save_trip(ws: Workspace, values: dict[str, Any], *, trip_id: str = "") -> str:
    """Create or update a trip; signed projects are added to the projects negotiated."""
    values = dict(values)
    signed = list(dict.fromkeys(values.get("signed_project_ids") or []))
    if "project_ids" in values or signed:
        values["project_ids"] = list(dict.fromkeys([*(values.get("project_ids") or []), *signed]))
    if signed:
        values["signed_project_ids"] = signed
    start, end = values.get("start_date") or "", values.get("end_date") or ""
    if start and end and end < start:
        raise ValidationError({"end_date": "返回日期不能早于出发日期"})
    if trip_id:
        ws.store.update("trip", trip_id, values)
        return trip_id
    return ws.store.create("trip", values)


def trip_visits(ws: Workspace, trip_id: str) -> list[dict[str, Any]]:
    """The visits made on the trip, oldest first (each with `enterprise`: its name)."""
    return q.trip_visits(ws.db, [trip_id])


def link_visits(ws: Workspace, trip_id: str, visit_ids: list[str]) -> int:
    """Put visits on the trip (one transaction); returns how many changed."""
    trip = get_trip(ws, trip_id)
    enterprises = list(trip["enterprise_ids"] or [])
    changed = 0
    with ws.store.transaction():
        for vid in dict.fromkeys(visit_ids):
            visit = ws.store.get("visit", vid)
            if visit.get("trip_id") != trip_id:
                ws.store.update("visit", vid, {"trip_id": trip_id})
                changed += 1
            if visit["enterprise_id"] not in enterprises:
                enterprises.append(visit["enterprise_id"])
        if enterprises != list(trip["enterprise_ids"] or []):
            ws.store.update("trip", trip_id, {"enterprise_ids": enterprises})
    return changed


def unlink_visits(ws: Workspace, visit_ids: list[str]) -> None:
    """Take visits off their trip (the visits themselves stay)."""
    with ws.store.transaction():
        for vid in dict.fromkeys(visit_ids):
            ws.store.update("visit", vid, {"trip_id": ""})


def visit_defaults(ws: Workspace, trip_id: str) -> dict[str, Any]:
    """What a visit created from the trip starts with: its date, leader and rank."""
    trip = get_trip(ws, trip_id)
    return {
        "date": trip["start_date"],
        "leader": trip["leader"] or "",
        "leader_rank": trip["leader_rank"] or "",
    }


def link_candidates(ws: Workspace, trip_id: str) -> list[dict[str, Any]]:
    """Visits that may belong to the trip: dated within it or of its enterprises, not on it yet."""
    trip = get_trip(ws, trip_id)
    start = trip["start_date"] or "0000"
    end = trip["end_date"] or start
    return q.visits_to_link(ws.db, list(trip["enterprise_ids"] or []), start, end, trip_id)


def projects_info(ws: Workspace, ids: list[str]) -> list[dict[str, Any]]:
    """Live projects by id with their enterprise's name and stage (those a trip already lists)."""
    return q.projects_of(ws.db, ids)


def enterprise_projects(ws: Workspace, enterprise_ids: list[str]) -> list[dict[str, Any]]:
    """Live projects of the trip's enterprises (what the trip screen offers to tick)."""
    return q.projects_of_enterprises(ws.db, enterprise_ids)
