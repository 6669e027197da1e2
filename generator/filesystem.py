"""The file system, used defensively: the one place where OSErrors become Dutch messages.

* `refused` words an OSError (no permission, read-only, disk full, name too long, not a folder,
  a symbolic link where a folder was expected) as a FileSystemError naming the path; the CLI
  prints it and exits 2.
* `read_regular` reads a file only if it is a regular file: a FIFO, socket or device named
  `*.yaml` is refused at once instead of blocking the run.
* `walk` lists the files below a folder that a command reads: regular files only; FIFOs, sockets,
  devices and dangling links are reported as skipped, unreadable folders as errors.
* `OutputTree` writes below `--out`: every folder below it is opened without following symbolic
  links (a link planted at `out/<region>` cannot send documents elsewhere), files are created
  with mode 0666 minus the umask like any other tool's output, and `Staging` puts the documents
  of one region or case in place together or not at all.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from generator.errors import FileSystemError
from generator.findings import Finding, Severity

_REASONS = {
    errno.EACCES: "geen toestemming (rechten van het bestand of de map)",
    errno.EPERM: "geen toestemming (rechten van het bestand of de map)",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is op",
    errno.ENAMETOOLONG: "de naam is te lang voor het bestandssysteem",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOENT: "bestaat niet",
    errno.ELOOP: "dit is een symbolische koppeling; regiekit volgt die hier niet",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden",
    errno.EEXIST: "bestaat al",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.EXDEV: "ligt op een ander bestandssysteem",
    errno.EPIPE: "de ontvanger leest niet meer (gesloten pijp)",
}


def reason(error: OSError) -> str:
    """A Dutch reason for an OSError (its errno), falling back on the system's own text."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return f"fout van het bestandssysteem ({error.strerror or error})"


def refused(error: OSError, path: Path | str | None = None) -> FileSystemError:
    """An OSError as a FileSystemError naming `path` (else the file the error names)."""
    named = path if path is not None else (error.filename or "?")
    return FileSystemError(str(named), reason(error))


_KINDS = (
    (stat.S_ISDIR, "een map"),
    (stat.S_ISFIFO, "een FIFO (named pipe)"),
    (stat.S_ISSOCK, "een socket"),
    (stat.S_ISCHR, "een apparaat"),
    (stat.S_ISBLK, "een apparaat"),
)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in Dutch."""
    return next((name for test, name in _KINDS if test(mode)), "geen gewoon bestand")


def read_regular(path: Path | str) -> bytes:
    """The bytes of a regular file; anything else (FIFO, device, folder) is refused unread.

    Opened non-blocking, so opening a FIFO without a writer returns at once and the check on
    the opened file decides; the file read is the one checked (no race between check and read).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise refused(error, path) from None
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise FileSystemError(str(path), f"geen gewoon bestand maar {kind_of(mode)}")
        os.set_blocking(handle, True)
        chunks = []
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise refused(error, path) from None
    finally:
        os.close(handle)


# --- walking folders --------------------------------------------------------------------------

@dataclass(frozen=True)
class Skipped:
    """A path a walk did not read: a special file (a warning) or an unreadable folder (an error)."""

    path: Path
    reason: str
    error: bool


def walk(root: Path, suffixes: tuple[str, ...],
         skip_folder: Callable[[str], bool] = lambda name: False) -> Iterator[Path | Skipped]:
    """The regular files below `root` whose name ends in one of `suffixes`, folder by folder in
    sorted order (a folder's files, then its subfolders), plus what was skipped and why.

    Iterative, so depth is no limit; folder links are not followed (no loops), file links are.
    """
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            yield Skipped(folder, f"map kan niet gelezen worden: {reason(error)}", error=True)
            continue
        subfolders: list[Path] = []
        for entry in entries:
            found = _entry(entry, suffixes, skip_folder, subfolders)
            if found is not None:
                yield found
        pending.extend(reversed(subfolders))


def skipped_finding(skipped: Skipped) -> Finding:
    """What a walk skipped, as a finding: an unreadable folder or file is an error (the run
    could not do all it was asked: exit 2), a special file a warning."""
    code = "MAP-ONLEESBAAR" if skipped.error else "BESTAND-OVERGESLAGEN"
    return Finding(str(skipped.path), 1, 1, code,
                   Severity.ERROR if skipped.error else Severity.WARNING, skipped.reason)


def _entry(entry: os.DirEntry[str], suffixes: tuple[str, ...], skip_folder: Callable[[str], bool],
           subfolders: list[Path]) -> Path | Skipped | None:
    path = Path(entry.path)
    try:
        if entry.is_dir(follow_symlinks=False):
            if not skip_folder(entry.name):
                subfolders.append(path)
            return None
        if not entry.name.endswith(suffixes):
            return None
        mode = os.stat(entry.path).st_mode
    except FileNotFoundError:
        return Skipped(path, "koppeling naar een bestand dat niet bestaat; overgeslagen",
                       error=False)
    except OSError as error:
        return Skipped(path, f"kan niet gelezen worden: {reason(error)}", error=True)
    if stat.S_ISREG(mode):
        return path
    return Skipped(path, f"geen gewoon bestand maar {kind_of(mode)}; overgeslagen", error=False)


# --- writing below --out ----------------------------------------------------------------------

_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
FILE_MODE = 0o666
"""Mode new files are created with; the process umask takes away from it (0644 for umask 022)."""
FOLDER_MODE = 0o777


class OutputTree:
    """The output folder (`--out`), opened once; every folder below it is opened without
    following symbolic links, so nothing written below it can land elsewhere.

    `--out` itself may be a link: the user chose it. Folders below it are created as needed
    (with `create`) and remembered, so a failing unit can remove the ones it made.
    """

    def __init__(self, root: Path, *, create: bool) -> None:
        self.root = root
        self._folders: dict[tuple[str, ...], int] = {}
        if create:
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise refused(error, error.filename or root) from None
        try:
            self._folders[()] = os.open(root, _FOLDER_FLAGS)
        except FileNotFoundError as error:
            if create:
                raise refused(error, root) from None
        except OSError as error:
            raise refused(error, root) from None

    def __enter__(self) -> OutputTree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for handle in self._folders.values():
            os.close(handle)
        self._folders.clear()

    def parts(self, path: Path) -> tuple[str, ...]:
        """`path` below the root as names; a path outside it, or with `..`, is a bug."""
        parts = path.relative_to(self.root).parts
        if not parts or any(part in ("", ".", "..") for part in parts):
            raise ValueError(f"{path} ligt niet onder {self.root}")
        return parts

    def folder(self, parts: tuple[str, ...], created: list[tuple[int, str, Path]] | None = None
               ) -> int | None:
        """The open folder `root/parts...`; None if it does not exist (and `created` is None).

        With `created`, missing folders are made and recorded there as (parent, name, path).
        """
        if parts in self._folders:
            return self._folders[parts]
        if () not in self._folders:
            return None
        parent = self.folder(parts[:-1], created)
        if parent is None:
            return None
        path = self.root.joinpath(*parts)
        try:
            handle = self._open_folder(parent, parts[-1], path, created)
        except FileNotFoundError:
            return None
        if handle is not None:
            self._folders[parts] = handle
        return handle

    def _open_folder(self, parent: int, name: str, path: Path,
                     created: list[tuple[int, str, Path]] | None) -> int | None:
        if created is not None:
            try:
                os.mkdir(name, FOLDER_MODE, dir_fd=parent)
                created.append((parent, name, path))
            except FileExistsError:
                pass
            except OSError as error:
                raise refused(error, path) from None
        try:
            return os.open(name, _FOLDER_FLAGS | os.O_NOFOLLOW, dir_fd=parent)
        except FileNotFoundError:
            raise
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.ENOTDIR) and os.path.islink(path):
                raise FileSystemError(str(path), "is een symbolische koppeling; regiekit "
                                                 "schrijft niet via een koppeling (buiten --out)"
                                      ) from None
            raise refused(error, path) from None

    def read(self, path: Path) -> bytes | None:
        """The current content of `path` (None if absent; a link is never followed)."""
        folder = self.folder(self.parts(path)[:-1])
        if folder is None:
            return None
        try:
            handle = os.open(path.name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
                             | os.O_CLOEXEC, dir_fd=folder)
        except OSError:
            return None  # absent, a link, or unreadable: it will be replaced
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                return None
            chunks = []
            while chunk := os.read(handle, 1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            os.close(handle)

    def staging(self) -> Staging:
        return Staging(self)

    def remove(self, path: Path) -> None:
        """Remove a document (never through a link), then its folder if that became empty."""
        parts = self.parts(path)
        folder = self.folder(parts[:-1])
        if folder is None:
            return
        try:
            os.unlink(path.name, dir_fd=folder)
        except FileNotFoundError:
            return
        except OSError as error:
            raise refused(error, path) from None
        if len(parts) > 1 and not os.listdir(folder):
            try:
                os.rmdir(parts[-2], dir_fd=self.folder(parts[:-2]))
            except OSError:
                return  # filled meanwhile: leave it
            os.close(self._folders.pop(parts[:-1]))


@dataclass
class _Staged:
    folder: int
    temporary: str
    path: Path
    backup: str | None = None
    existed: bool = False


@dataclass
class Staging:
    """The files of one unit (a region's documents, a case's): each written to a temporary file
    beside its place as it comes (memory stays flat), then all renamed into place by `commit`.

    Any failure, while staging or while renaming, puts back what was there before, removes the
    temporary files and the folders this unit created: nothing of a failed unit stays behind.
    """

    tree: OutputTree
    _staged: list[_Staged] = field(default_factory=list)
    _created: list[tuple[int, str, Path]] = field(default_factory=list)
    _done: bool = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if not self._done:
            self.abort()

    def stage(self, path: Path, data: bytes) -> None:
        parts = self.tree.parts(path)
        folder = self.tree.folder(parts[:-1], self._created)
        assert folder is not None  # created on the way
        _check_name_length(folder, path)
        temporary = self._write_temporary(folder, path, data)
        self._staged.append(_Staged(folder, temporary, path))

    def _write_temporary(self, folder: int, path: Path, data: bytes) -> str:
        while True:
            name = f".regiekit-{os.urandom(6).hex()}.tmp"
            try:
                handle = os.open(name, _NEW_FILE_FLAGS, FILE_MODE, dir_fd=folder)
                break
            except FileExistsError:
                continue
            except OSError as error:
                raise refused(error, path) from None
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
        except OSError as error:
            os.close(handle)
            _unlink(folder, name)
            raise refused(error, path) from None
        os.close(handle)
        return name

    def commit(self) -> list[Path]:
        """Rename every staged file into place; on a failure undo all and raise."""
        done: list[_Staged] = []
        try:
            for item in self._staged:
                _keep_previous(item)
                os.replace(item.temporary, item.path.name, src_dir_fd=item.folder,
                           dst_dir_fd=item.folder)
                done.append(item)
        except BaseException as error:  # a disk error, or Ctrl-C / SIGTERM between renames
            for placed in reversed(done):
                _put_back(placed)
            self.abort()
            if isinstance(error, OSError):
                raise refused(error, item.path) from None
            raise
        for item in done:
            if item.backup:
                _unlink(item.folder, item.backup)
        self._done = True
        return [item.path for item in done]

    def abort(self) -> None:
        """Remove temporary files and backups, then the folders this unit created."""
        for item in self._staged:
            _unlink(item.folder, item.temporary)
            if item.backup:
                _unlink(item.folder, item.backup)
        for parent, name, _ in reversed(self._created):
            try:
                os.rmdir(name, dir_fd=parent)
            except OSError:
                pass  # not empty: someone else's files are in it
        self._done = True


def write_all(folder: Path, texts: dict[Path, str]) -> list[Path]:
    """Write the UTF-8 `texts` below `folder` (created if needed), all of them or, if one
    cannot be written, none; returns the paths written."""
    with OutputTree(folder, create=True) as tree, tree.staging() as staging:
        for path, text in texts.items():
            staging.stage(path, text.encode("utf-8"))
        return staging.commit()


def _check_name_length(folder: int, path: Path) -> None:
    try:
        limit = os.fpathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return
    if len(os.fsencode(path.name)) > limit:
        raise FileSystemError(str(path), f"{_REASONS[errno.ENAMETOOLONG]} "
                                         f"(hoogstens {limit} bytes)")


def _keep_previous(item: _Staged) -> None:
    """A hard link to the file about to be replaced, to put back if a later rename fails.

    A folder in the way is an error; a file system without hard links gets no backup (the
    rename itself is still atomic).
    """
    try:
        mode = os.stat(item.path.name, dir_fd=item.folder, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(item.path))
    item.existed = True
    backup = f".regiekit-{os.urandom(6).hex()}.vorige"
    try:
        os.link(item.path.name, backup, src_dir_fd=item.folder, dst_dir_fd=item.folder,
                follow_symlinks=False)
    except OSError:
        return
    item.backup = backup


def _put_back(item: _Staged) -> None:
    try:
        if item.backup:
            os.replace(item.backup, item.path.name, src_dir_fd=item.folder,
                       dst_dir_fd=item.folder)
            item.backup = None
        elif not item.existed:
            os.unlink(item.path.name, dir_fd=item.folder)
    except OSError:
        pass  # best effort: the error that started the undo is the one reported


def _unlink(folder: int, name: str) -> None:
    try:
        os.unlink(name, dir_fd=folder)
    except OSError:
        pass
