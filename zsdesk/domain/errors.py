"""Domain errors that carry plain-Chinese messages, per field where possible."""

from __future__ import annotations


class DomainError(Exception):
    """Base class for errors a user should read."""


class ValidationError(DomainError):
    """One or more fields are invalid; `errors` maps field name -> Chinese message."""

    def __init__(self, errors: dict[str, str] | str, field: str | None = None) -> None:
        if isinstance(errors, str):
            errors = {field or "": errors}
        self.errors: dict[str, str] = dict(errors)  # values are often domain.messages.Message
        super().__init__("；".join(self.errors.values()))

    @property
    def message(self) -> str:
        """The one message (a Message keeps its code for translation), or all of them joined."""
        values = list(self.errors.values())
        return values[0] if len(values) == 1 else str(self)


class NotFoundError(DomainError):
    """A record the caller named does not exist (or was deleted)."""


class DuplicateCodeError(ValidationError):
    """A second live enterprise with a credit code already registered (DOMAIN.md: refused, not warned).

    Carries the existing enterprise so a screen can open it or offer a merge."""

    def __init__(self, code: str, existing_id: str, existing_name: str) -> None:
        self.code, self.existing_id, self.existing_name = code, existing_id, existing_name
        super().__init__(
            {
                "credit_code": f"统一社会信用代码{code}已登记为企业“{existing_name}”，"
                "同一代码不能再登记第二家企业（请打开该企业，或与之合并）"
            }
        )
