"""The scope rule: officers and leads see their own offices only; the provincial admin sees all."""

from __future__ import annotations

import pytest

from zsdesk.domain.errors import ValidationError
from zsdesk.domain.users import User


def test_officer_sees_only_own_office() -> None:
    officer = User("zhangsan", "officer", ("sh",))
    assert officer.can_see("sh") and not officer.can_see("bj")
    assert officer.role_label == "招商人员"


def test_lead_sees_each_of_their_offices_and_admin_sees_all() -> None:
    lead = User("lisi", "lead", ("sh", "gz"))
    assert lead.can_see("gz") and not lead.can_see("bj")
    assert User("admin", "admin").can_see("anything")


@pytest.mark.parametrize(
    ("role", "offices"), [("officer", ()), ("officer", ("a", "b")), ("lead", ()), ("boss", ("a",))]
)
def test_invalid_role_or_offices_are_refused(role: str, offices: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError):
        User("x", role, offices)
