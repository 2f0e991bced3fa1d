"""The photos of a field package: read without following links, checked, copied atomically.

A package comes back from a tablet, so its ``DCIM/`` folder is untrusted. A photo is copied
next to the shared GeoPackage only when it is a regular file inside ``DCIM/`` reached without
crossing a symbolic link (``DCIM/`` itself a link, or a link inside it, would let the office
copy any readable file into the shared folder), named ``.jpg``, ``.jpeg`` or ``.png``, with the
matching signature (JPEG ``FF D8 FF``, PNG ``89 50 4E 47 0D 0A 1A 0A``), not empty and at most
:data:`MAX_PHOTO_BYTES`. Every other file is reported, never copied.

A copy is written under a temporary name in the target folder and renamed when complete, so a
copy cut short (full disk) leaves no truncated photo to clash with the next synchronisation.
"""

from __future__ import annotations

import os
import shutil
import stat
import uuid
from pathlib import Path, PurePosixPath

from ..i18n import tr
from ..store import gpkg
from .errors import explain
from .packages import PHOTO_DIR, FieldPackageError, open_no_link

MAX_PHOTO_BYTES = 25 * 1024 * 1024
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SIGNATURES = {".jpg": JPEG_MAGIC, ".jpeg": JPEG_MAGIC, ".png": PNG_MAGIC}


class PhotoCopyError(gpkg.GeoPackageError):
    """A photo could not be copied next to the shared file (``photo``: its package path)."""

    def __init__(self, message: str, photo: str):
        super().__init__(message)
        self.photo = photo


def _check(path: Path, size: int) -> str | None:
    """Why the file at ``path`` is not an acceptable photo (None when it is)."""
    expected = SIGNATURES.get(path.suffix.lower())
    if expected is None:
        return tr("not a photo: only .jpg, .jpeg and .png files are copied")
    if size == 0:
        return tr("empty file")
    if size > MAX_PHOTO_BYTES:
        return tr("{size} bytes, more than the {limit} bytes a photo may have").format(
            size=size, limit=MAX_PHOTO_BYTES)
    try:
        with open_no_link(path) as handle:
            head = handle.read(len(expected))
    except (OSError, FieldPackageError) as exc:
        return tr("unreadable ({error})").format(error=exc)
    if head != expected:
        return tr("its content is not a {kind} image").format(
            kind="PNG" if expected == PNG_MAGIC else "JPEG")
    return None


def package_photos(package_dir) -> tuple:
    """``(accepted, rejected)``: accepted = sorted ``(source path, "DCIM/…" posix path)``;
    rejected = ``[{"photo", "reason"}]``. Nothing is read through a symbolic link."""
    package_dir = Path(package_dir)
    root = package_dir / PHOTO_DIR
    accepted, rejected = [], []
    if root.is_symlink():
        return [], [{"photo": PHOTO_DIR, "reason": tr(
            "the photo folder is a symbolic link: it is not followed, no photo is copied")}]
    if not root.is_dir():
        return [], []
    pending = [root]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = Path(entry.path)
                relative = path.relative_to(package_dir).as_posix()
                if entry.is_symlink():
                    rejected.append({"photo": relative, "reason": tr(
                        "a symbolic link: not followed, not copied")})
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                elif entry.is_file(follow_symlinks=False):
                    reason = _check(path, entry.stat(follow_symlinks=False).st_size)
                    if reason:
                        rejected.append({"photo": relative, "reason": reason})
                    else:
                        accepted.append((path, relative))
                else:
                    rejected.append({"photo": relative, "reason": tr("not a regular file")})
    return sorted(accepted, key=lambda a: a[1]), sorted(rejected, key=lambda r: r["photo"])


def copy_atomic(source: Path, target: Path) -> None:
    """Copy ``source`` (never through a link) to ``target`` under a temporary name, then
    rename; on any failure the temporary file is removed and ``target`` is untouched."""
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        with open_no_link(source) as src, open(partial, "xb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _same_content(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open_no_link(a) as fa, open(b, "rb") as fb:
        while True:
            chunk = fa.read(1 << 20)
            if chunk != fb.read(1 << 20):
                return False
            if not chunk:
                return True


def copy_photos(accepted, shared_dir: Path, copied: list) -> list:
    """Copy the accepted photos next to the shared file (never overwriting a different file);
    each new file is appended to ``copied`` as soon as it exists (the caller removes them if
    the synchronisation fails). Returns the package paths copied."""
    names = []
    for source, relative in accepted:
        target = shared_dir / relative
        if target.exists() or target.is_symlink():
            if stat.S_ISREG(target.lstat().st_mode) and _same_content(source, target):
                continue
            raise PhotoCopyError(tr(
                "photo {photo} already exists next to the shared file with a different "
                "content: rename one of them").format(photo=relative), relative)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            copy_atomic(source, target)
        except OSError as exc:
            raise PhotoCopyError(tr(
                "photo {photo} could not be copied next to the shared GeoPackage: "
                "{reason}").format(photo=relative, reason=explain(exc, target)),
                relative) from exc
        copied.append(target)
        names.append(relative)
    return names


def missing_photos(shared_dir: Path, cited) -> list:
    """The cited ``(table, row uuid, photo)`` whose file is not next to the shared file (a
    relative path under it, or a file of that name in ``DCIM/``)."""
    missing = []
    for table, row_uuid, photo in cited:
        candidate = PurePosixPath(str(photo).replace("\\", "/"))
        found = False
        if not candidate.is_absolute() and ".." not in candidate.parts:
            found = (shared_dir / candidate).is_file()
        if not found and candidate.name:
            found = (shared_dir / PHOTO_DIR / candidate.name).is_file()
        if not found:
            missing.append({"table": table, "row_uuid": row_uuid, "photo": photo})
    return missing
