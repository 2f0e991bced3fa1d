"""What an import did with every row: rejected rows and warnings, each naming where and why.

Row numbers are counted as a user counts them in a spreadsheet: the header is row 1, the first
data row is row 2. ``row = 0`` means the problem concerns the whole file (a missing column,
a missing file in an archive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List

from ...i18n import tr


class SourceError(ValueError):
    """A file that cannot be used at all (unreadable, not of the expected kind, a required
    column missing…): the message names the file and what to fix; nothing was imported."""


@dataclass(frozen=True)
class RejectedRow:
    """One problem found in one row (a row with two bad fields gives two entries).

    ``reason`` says what was expected, so the user can fix the file.
    """

    file: str
    row: int
    field: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = tr("{file}, row {row}").format(file=self.file, row=self.row) if self.row \
            else self.file
        return f"{where}, {self.field}={self.value!r}: {self.reason}"


@dataclass
class ImportReport:
    """Outcome of reading one source: counts, rejected rows (not imported) and warnings (kept)."""

    source: str
    rows_read: int = 0
    rows_accepted: int = 0
    rejected: List[RejectedRow] = field(default_factory=list)
    warnings: List[RejectedRow] = field(default_factory=list)
    #: file → convention → what was detected or forced (encoding, separator, decimal, dates…)
    conventions: Dict[str, Dict[str, str]] = field(default_factory=dict)

    def note(self, file: str, convention: str, value: str) -> None:
        """Record a file convention detected or forced (shown in the import log)."""
        self.conventions.setdefault(file, {})[convention] = str(value)

    def reject(self, file: str, row: int, field_name: str, value, reason: str) -> None:
        self.rejected.append(RejectedRow(file, int(row), field_name, _text(value), reason))

    def warn(self, file: str, row: int, field_name: str, value, reason: str) -> None:
        self.warnings.append(RejectedRow(file, int(row), field_name, _text(value), reason))

    def extend(self, other: ImportReport) -> None:
        """Add another report's counts and entries to this one (multi-file sources)."""
        self.rows_read += other.rows_read
        self.rows_accepted += other.rows_accepted
        self.rejected.extend(other.rejected)
        self.warnings.extend(other.warnings)
        for file, notes in other.conventions.items():
            self.conventions.setdefault(file, {}).update(notes)

    @property
    def rows_rejected(self) -> int:
        """Number of distinct rows rejected (a row with several bad fields counts once)."""
        return len({(r.file, r.row) for r in self.rejected if r.row})

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return (f"{self.source}: {self.rows_read} rows read, {self.rows_accepted} accepted, "
                f"{self.rows_rejected} rejected, {len(self.warnings)} warnings")

    def to_records(self) -> list:
        """Rejections then warnings as plain dicts (``level`` is 'rejected' or 'warning'), each
        entry once (a row of a wide file read once per column is rejected once)."""
        out = [dict(level="rejected", **r.__dict__) for r in dict.fromkeys(self.rejected)]
        out += [dict(level="warning", **r.__dict__) for r in dict.fromkeys(self.warnings)]
        return out


def _text(value) -> str:
    if value is None:
        return ""
    try:
        if value != value:  # NaN
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)
