"""Users and roles (DOMAIN.md "Who uses it") and the scope rule every door must apply."""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import ROLE_LABELS, ROLES
from .errors import ValidationError


@dataclass(frozen=True)
class User:
    """An officer (招商人员), team lead (组长) or provincial admin (省级管理员).

    `office_ids` are the offices the user belongs to (one for an officer, one or more for a lead,
    any for an admin, whose scope is everything).
    """

    username: str
    role: str
    office_ids: tuple[str, ...] = field(default_factory=tuple)
    display_name: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValidationError({"role": f"角色“{self.role}”无效，应为 {'/'.join(ROLES)}"})
        if self.role == "officer" and len(self.office_ids) != 1:
            raise ValidationError({"office_ids": "招商人员必须且只能属于一个办事处"})
        if self.role == "lead" and not self.office_ids:
            raise ValidationError({"office_ids": "组长至少负责一个办事处"})

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    def sees_everything(self) -> bool:
        return self.role == "admin"

    def can_see(self, office_id: str) -> bool:
        """The scope rule: an officer or lead sees their own office(s); the admin sees all."""
        return self.sees_everything() or office_id in self.office_ids
