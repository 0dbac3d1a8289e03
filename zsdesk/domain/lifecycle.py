"""The one rule for a project's stage and key dates (DOMAIN.md, Records → Project), used by every door.

    move = lifecycle.plan(current, changes, reason="", today="2025-06-01")   # ValidationError if broken
    if move: store.create("stage_change", move.record(project_id))

Required per stage (cumulative): 签约落地 needs 签约日期 and 签约金额, 开工建设 also 开工日期, 投产达产 also
投产日期. Order: 签约 ≤ 落地, 签约 ≤ 开工 ≤ 投产 (a later date needs the earlier one). Moving a project
back needs a reason. Signing never implies 落地 (a separate event). Every user-facing message of the
rule is produced here, in `_MESSAGES`, so the wording (or a later error code) lives in one place.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .enums import STAGES
from .errors import ValidationError

# The fields the rule reads; an edit touching none of them is not checked (an old, inconsistent project
# can still get its contact leader changed; diagnostics lists it until someone fixes its dates).
LIFECYCLE_FIELDS = ("stage", "signed_date", "signed_wan", "landed_date", "started_date", "production_date")
LABELS = {
    "stage": "项目阶段",
    "signed_date": "签约日期",
    "signed_wan": "签约金额",
    "landed_date": "落地日期",
    "started_date": "开工日期",
    "production_date": "投产日期",
}
# What reaching each stage adds to the required fields (earlier stages' requirements carry over).
_STAGE_ADDS: dict[str, tuple[str, ...]] = {
    "签约落地": ("signed_date", "signed_wan"),
    "开工建设": ("started_date",),
    "投产达产": ("production_date",),
}
# The date that dates a move into a stage (stage history); stages without one use the day of the change.
STAGE_DATE = {"签约落地": "signed_date", "开工建设": "started_date", "投产达产": "production_date"}
# (earlier, later): the later date may not precede the earlier one, and needs it to exist.
_ORDER = (
    ("signed_date", "landed_date"),
    ("signed_date", "started_date"),
    ("started_date", "production_date"),
)
REASON_FIELD = "status_reason"  # the form field a move-back reason is typed into (and where errors show)
# Above this one project's amount is almost surely 万元 typed by habit (DOMAIN.md: money sanity).
IMPLAUSIBLE_WAN = 1000 * 10_000

_MESSAGES = {
    "missing": "项目阶段为“{stage}”，须填写{label}",
    "order": "{a}（{va}）不能晚于{b}（{vb}）",
    "needs_earlier": "已填写{b}，须先填写{a}（{a}不能晚于{b}）",
    "back_reason": "项目阶段由“{old}”退回到“{new}”，须填写退回原因",
    "bad_stage": "项目阶段“{stage}”无效，可选：{choices}",
    "implausible": "{label}{yi}亿元超过1000亿元，常见原因是按万元填写；请确认单位为亿元",
}


def message(key: str, **values: Any) -> str:
    """The Chinese text of one rule message (also used by doors that only warn, e.g. the import)."""
    return _MESSAGES[key].format(**values)


@functools.cache
def required_fields(stage: str) -> tuple[str, ...]:
    """Fields a project at `stage` must have filled, in stage order (`()` for early or unknown stages)."""
    if stage not in STAGES:
        return ()
    out: list[str] = []
    for s in STAGES[: STAGES.index(stage) + 1]:
        out.extend(_STAGE_ADDS.get(s, ()))
    return tuple(out)


def _filled(value: Any) -> bool:
    return value not in (None, "")


def problems(project: Mapping[str, Any]) -> dict[str, str]:
    """{field: Chinese message} of everything wrong with a project's stage and dates ({} when fine).

    Dates are ISO text (as stored), so text order is date order."""
    stage = project.get("stage") or ""
    found: dict[str, str] = {}
    if stage and stage not in STAGES:
        found["stage"] = message("bad_stage", stage=stage, choices="、".join(STAGES))
        return found
    for name in required_fields(stage):
        if not _filled(project.get(name)):
            found[name] = message("missing", stage=stage, label=LABELS[name])
    for a, b in _ORDER:
        va, vb = project.get(a), project.get(b)
        if not _filled(vb) or b in found or a in found:  # a missing earlier date is said once
            continue
        if not _filled(va):
            found.setdefault(b, message("needs_earlier", a=LABELS[a], b=LABELS[b]))
        elif str(va) > str(vb):
            found.setdefault(b, message("order", a=LABELS[a], va=va, b=LABELS[b], vb=vb))
    return found


def summary(project: Mapping[str, Any]) -> list[str]:
    """`problems` as a reader wants them listed: the missing fields of the stage in one sentence."""
    found = problems(project)
    stage = project.get("stage") or ""
    missing = [
        LABELS[n]
        for n in required_fields(stage)
        if found.get(n) == message("missing", stage=stage, label=LABELS[n])
    ]
    rest = [text for name, text in found.items() if LABELS.get(name) not in missing]
    head = [message("missing", stage=stage, label="、".join(missing))] if missing else []
    return head + rest


def check(project: Mapping[str, Any]) -> None:
    """Raise ValidationError (per field, every problem at once) if the project breaks the rule."""
    found = problems(project)
    if found:
        raise ValidationError(found)


def is_backward(from_stage: str, to_stage: str) -> bool:
    if from_stage not in STAGES or to_stage not in STAGES:
        return False
    return STAGES.index(to_stage) < STAGES.index(from_stage)


@dataclass(frozen=True)
class StageMove:
    """One stage-history entry (a `stage_change` record) that a project write must be logged with."""

    from_stage: str
    to_stage: str
    date: str
    note: str = ""

    def record(self, project_id: str) -> dict[str, Any]:
        return {
            "project_id": project_id,
            "from_stage": self.from_stage,
            "to_stage": self.to_stage,
            "date": self.date,
            "note": self.note,
        }


def touches(current: Mapping[str, Any], changes: Mapping[str, Any]) -> bool:
    """Whether `changes` alters any field the rule reads."""
    return any(
        name in changes and (changes[name] or None) != (current.get(name) or None)
        for name in LIFECYCLE_FIELDS
    )


def plan(
    current: Mapping[str, Any] | None,
    changes: Mapping[str, Any],
    *,
    reason: str = "",
    today: str,
) -> StageMove | None:
    """Check a project create (`current` None) or update against the rule; the history entry it needs.

    `changes` holds cleaned field values (ISO dates, 万元). Returns the StageMove to record when the stage
    changes (None otherwise: creating a project is not a stage change). Raises ValidationError naming
    each missing or misordered date, or the missing reason for a move back. An update that touches no
    lifecycle field is not checked, so old inconsistent rows stay editable (diagnostics lists them)."""
    base = dict(current or {})
    merged = {**base, **changes}
    if current is not None and not touches(base, changes):
        return None
    found = problems(merged)
    old, new = str(base.get("stage") or ""), str(merged.get("stage") or "")
    moved = current is not None and new != old
    if moved and is_backward(old, new) and not reason.strip():
        found[REASON_FIELD] = message("back_reason", old=old, new=new)
    if found:
        raise ValidationError(found)
    if not moved:
        return None
    day = today
    if not is_backward(old, new) and new in STAGE_DATE:
        day = str(merged[STAGE_DATE[new]])
    return StageMove(old, new, day, reason.strip())


def is_implausible_yi(wan: int | None) -> bool:
    """An amount (integer 万元) above 1,000 亿元 for one project: ask (GUI) or warn (import) before keeping."""
    return wan is not None and wan > IMPLAUSIBLE_WAN


def implausible_message(label: str, wan: int) -> str:
    """The confirmation/warning text for an implausible amount (`label` e.g. "计划投资")."""
    whole = wan // 10_000
    frac = wan % 10_000
    yi = f"{whole}" if not frac else f"{whole}.{frac:04d}".rstrip("0")
    return message("implausible", label=label, yi=yi)


MONEY_FIELDS = {"planned_wan": "计划投资", "signed_wan": "签约金额"}


def implausible_amounts(values: Mapping[str, Any]) -> list[str]:
    """Messages for each project amount in `values` (万元) above 1,000 亿元 ([] when all plausible)."""
    return [
        implausible_message(label, values[name])
        for name, label in MONEY_FIELDS.items()
        if isinstance(values.get(name), int) and is_implausible_yi(values[name])
    ]
