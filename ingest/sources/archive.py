"""Zip archives read within limits: a damaged, encrypted or oversized archive is refused with a
message, before its content is expanded.

Limits (a file over one of them is refused, nothing is read):

- :data:`MAX_MEMBERS` members (a GTFS feed has about fifteen files);
- :data:`MAX_EXPANDED_BYTES` bytes expanded in all (the GTFS feed of a medium town is a few
  MB, a regional network 50 to 200 MB; every megabyte of text costs about ten in memory once
  read into tables, so a larger archive would exhaust a desktop computer's memory);
- :data:`MAX_RATIO`: a member larger than :data:`RATIO_FLOOR` bytes expanded may be at most
  that many times its compressed size (text compresses 5 to 30 times; a "zip bomb" thousands
  of times).

The sizes an archive declares are checked first, then enforced while reading (a forged header
cannot make a member expand further).

Excel workbooks (``.xlsx``) are zip archives of XML parts: :func:`check_workbook` puts them
through the same limits before openpyxl opens them (a sheet of a real workbook compresses 15
to 25 times, even 50 000 identical rows). There the declared sizes are all that can be checked
in advance; Python's zipfile, which openpyxl reads with, never expands a member beyond its
declared size (it stops there and the CRC check fails).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Callable, Dict, Union

from ...i18n import tr
from .report import SourceError

MAX_MEMBERS = 1000
MAX_EXPANDED_BYTES = 256 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024

PathLike = Union[str, Path]
_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError,
           RuntimeError, OSError, ValueError)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _open(path: PathLike, unreadable: str) -> zipfile.ZipFile:
    """The zip archive at ``path``; :class:`SourceError` ``unreadable`` (with ``{file}`` and
    ``{error}``) when it cannot be opened."""
    try:
        return zipfile.ZipFile(path)
    except _ERRORS as exc:
        raise SourceError(unreadable.format(file=Path(path).name, error=exc)) from exc


def read_members(path: PathLike, wanted: Callable[[str], bool]) -> Dict[str, bytes]:
    """Bytes of the members whose base name satisfies ``wanted`` (first one of each name, at
    any folder level). Raises :class:`SourceError` for a file that is not a readable zip, an
    encrypted one, or one over the limits."""
    name = Path(path).name
    with _open(path, tr("{file}: not a readable zip archive ({error})")) as archive:
        chosen = _checked_members(archive, name, wanted, tr(
            "split the feed, or keep the lines of your territory"))
        out: Dict[str, bytes] = {}
        budget = MAX_EXPANDED_BYTES
        for base, info in chosen.items():
            out[base] = _read_member(archive, info, name, base, budget)
            budget -= len(out[base])
        return out


def check_workbook(path: PathLike) -> None:
    """Refuse an Excel workbook (``.xlsx``, a zip archive) that is damaged, encrypted or over
    the limits, before openpyxl opens it; :class:`SourceError` names the file and the cause."""
    name = Path(path).name
    with _open(path, tr("{file}: not a readable .xlsx workbook ({error})")) as archive:
        try:
            _checked_members(archive, name, lambda member: True, tr(
                "a workbook this large is not an export of the observatory nor of "
                "KoboToolbox / ODK; save it again from the spreadsheet, without what it does "
                "not need"), whole_paths=True)
        except SourceError:
            raise
        except _ERRORS as exc:  # a damaged directory can fail while it is listed
            raise SourceError(tr("{file}: not a readable .xlsx workbook ({error})").format(
                file=name, error=exc)) from exc


def _checked_members(archive: zipfile.ZipFile, name: str, wanted: Callable[[str], bool],
                     advice: str, whole_paths: bool = False) -> Dict[str, zipfile.ZipInfo]:
    """The members to read (by base name, or by path with ``whole_paths``), after the checks
    of the limits on what the archive declares (count, total size, encryption, ratio)."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise SourceError(tr("{file}: {n} files in the archive, more than the {limit} "
                             "accepted").format(file=name, n=len(infos), limit=MAX_MEMBERS))
    chosen: Dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        base = info.filename if whole_paths else Path(info.filename).name
        if wanted(base) and base not in chosen:
            chosen[base] = info
    total = sum(i.file_size for i in chosen.values())
    if total > MAX_EXPANDED_BYTES:
        raise SourceError(tr("{file}: expands to {size}, more than the {limit} accepted "
                             "({advice})").format(file=name, size=_mb(total),
                                                  limit=_mb(MAX_EXPANDED_BYTES), advice=advice))
    for base, info in chosen.items():
        if info.flag_bits & 0x1:
            raise SourceError(tr("{file}: {member} is encrypted; give an archive without "
                                 "password").format(file=name, member=base))
        _check_ratio(name, base, info.file_size, info.compress_size)
    return chosen


def _check_ratio(name: str, member: str, size: int, compressed: int) -> None:
    if size > RATIO_FLOOR and size > MAX_RATIO * max(compressed, 1):
        raise SourceError(tr("{file}: {member} expands {ratio:.0f} times ({size}), more than the "
                             "{limit} times a text file does: the archive is refused").format(
                                 file=name, member=member, ratio=size / max(compressed, 1),
                                 size=_mb(size), limit=MAX_RATIO))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, member: str,
                 budget: int) -> bytes:
    limit = min(budget, info.file_size)
    parts, size = [], 0
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise SourceError(tr("{file}: {member} expands beyond the size the archive "
                                         "declares: the archive is damaged or forged").format(
                                             file=name, member=member))
                _check_ratio(name, member, size, info.compress_size)
                parts.append(chunk)
    except SourceError:
        raise
    except _ERRORS as exc:
        raise SourceError(tr("{file}: {member} cannot be read from the archive ({error})").format(
            file=name, member=member, error=exc)) from exc
    return b"".join(parts)

