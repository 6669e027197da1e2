"""Where two versions of a region's agreement come from: git revisions, the working tree, or
plain paths. An agreement is a region's `regio.yaml` or a municipality's `zorgloketten.yaml`.

Git is read with `git` subprocesses (`git log`, `git show REV:path`), locally, never over the
network; no git library is needed for three read-only commands. A version is validated before it
is modelled: an invalid version cannot be compared, and the message names the file and the
revision (exit code 2, never a traceback).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.documents.words import dutch_date, plural
from generator.errors import FileSystemError, RegiekitError, UsageError, YamlLoadError
from generator.filesystem import read_regular
from generator.findings import Severity
from generator.loader import YamlDocument, parse_yaml
from generator.model.capacity import Municipality, build_municipality
from generator.model.region import Region, build_region
from generator.regions import CAPACITY_FILE

CAPACITY_KIND = "zorgloketten"

WORKING_TREE = "werkmap"
"""How the working tree is named as a version."""

SHORT = 7
"""Characters of a commit id shown to people."""


class VersionUnusable(RegiekitError):
    """A version of a region that cannot be read or modelled (unreadable, not YAML, invalid)."""


@dataclass(frozen=True)
class Commit:
    id: str
    day: date

    @property
    def label(self) -> str:
        """`3f2a1c9 (12 maart 2025)`."""
        return f"{self.id[:SHORT]} ({dutch_date(self.day)})"


@dataclass(frozen=True)
class Version:
    """One version of a region file: its bytes and where they come from.

    `file` is the file's place in the working tree (or the path given), which validation uses
    (a region's id must match its folder); `label` names the version for a reader (`werkmap`,
    a commit, a path), `where` names file and version in a message.
    """

    file: Path
    content: bytes
    label: str
    commit: Commit | None = None

    @property
    def where(self) -> str:
        if self.commit is None:
            return str(self.file)
        return f"{self.file} in revisie {self.commit.id[:SHORT]}"


def on_disk(file: Path, label: str = "") -> Version:
    """The version of `file` as it is now (`label` defaults to the path)."""
    try:
        content = read_regular(file)
    except FileSystemError as error:
        raise VersionUnusable(f"{file} kan niet gelezen worden ({error.reason})") from None
    return Version(file, content, label or str(file))


def read_region(version: Version) -> Region:
    """The model of one version of a `regio.yaml`; VersionUnusable when it cannot be modelled."""
    return build_region(_valid_document(version, "regio"))


def read_agreement(version: Version) -> Region | Municipality:
    """The model of one version of either agreement: a municipality's care desks when the file
    is a `zorgloketten.yaml` (or, under another name, holds `wijken`), else a region."""
    from generator.validation.files import kind_by_content

    document = _parsed(version)
    if version.file.name == CAPACITY_FILE or kind_by_content(document.data) == CAPACITY_KIND:
        return build_municipality(_validated(version, document, CAPACITY_KIND))
    return build_region(_validated(version, document, "regio"))


def _valid_document(version: Version, kind: str) -> YamlDocument:
    return _validated(version, _parsed(version), kind)


def _parsed(version: Version) -> YamlDocument:
    try:
        text = version.content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise VersionUnusable(f"{version.where} is geen UTF-8-tekst") from None
    try:
        return parse_yaml(text, str(version.file))
    except YamlLoadError as error:
        raise VersionUnusable(f"{version.where} is geen leesbare YAML (regel {error.line}, "
                              f"kolom {error.column}: {error.message})") from None


def _validated(version: Version, document: YamlDocument, kind: str) -> YamlDocument:
    """`document` when it is a valid agreement of `kind`; else VersionUnusable with its first
    error."""
    from generator.validation import validate_document

    errors = sorted(finding for finding in validate_document(document, kind=kind)
                    if finding.severity is Severity.ERROR)
    if errors:
        first = errors[0]
        raise VersionUnusable(
            f"{version.where} is ongeldig en kan niet vergeleken worden "
            f"({plural(len(errors), 'fout', 'fouten')}, eerste: regel {first.line}, "
            f"kolom {first.column}: {first.code} "
            f"{first.message})")
    return document


class Git:
    """The git repository a file is in, read with `git` subprocesses."""

    def __init__(self, top: Path) -> None:
        self.top = top

    @classmethod
    def around(cls, file: Path) -> Git | None:
        """The repository holding `file`, or None outside one (or without git installed)."""
        top = _toplevel((file.parent if not file.is_dir() else file).resolve())
        return cls(top) if top is not None else None

    def commit(self, revision: str) -> Commit:
        """The commit `revision` names; UsageError for one that names no commit."""
        shown = None if revision.startswith("-") else self._run(
            "show", "--no-patch", "--format=%H %cs", f"{revision}^{{commit}}", "--")
        if shown is None or shown.returncode != 0:
            raise UsageError(f"onbekende revisie '{revision}' in de git-repository {self.top}")
        return _commits(shown.stdout)[0]

    def version(self, commit: Commit, file: Path) -> Version:
        """`file` as it was in `commit`; UsageError when it did not exist there."""
        content = self._content(commit, file)
        if content is None:
            raise UsageError(f"{file} bestaat niet in revisie {commit.id[:SHORT]}")
        return Version(file, content, commit.label, commit)

    def history(self, file: Path, start: Commit | None = None) -> Iterator[Version]:
        """The versions of `file` committed up to `start` (default HEAD), newest first: one per
        commit that changed it (a commit that deleted it is skipped)."""
        path = self._relative(file)
        known = _PREFETCHED.get((self.top, path)) if start is None else None
        if known is None:
            log = self._run("log", "--format=%H %cs", start.id if start else "HEAD", "--", path)
            if log is None or log.returncode != 0:  # a repository without commits yet
                return
            commits = _commits(log.stdout)
            known = list(zip(commits, self._contents([(c, path) for c in commits]),
                             strict=True))
        for commit, content in known:
            if content is not None:
                yield Version(file, content, commit.label, commit)

    def prefetch(self, files: list[Path]) -> dict[str, list[tuple[Commit, bytes | None]]]:
        """The committed versions (up to HEAD) of several files, by one `git log` and one
        `git cat-file` for all of them: what `history` reads for each, one by one."""
        paths = sorted({self._relative(file) for file in files})
        log = self._run("log", "--format=%x01%H %cs", "--name-only", "HEAD", "--", *paths)
        if log is None or log.returncode != 0:
            return {}
        wanted = set(paths)
        requests = [(commit, path) for commit, names in _changed(log.stdout)
                    for path in (names & wanted or wanted)]  # a merge lists no names
        found: dict[str, list[tuple[Commit, bytes | None]]] = {path: [] for path in paths}
        for (commit, path), content in zip(requests, self._contents(requests), strict=True):
            found[path].append((commit, content))
        return found

    def _contents(self, requests: list[tuple[Commit, str]]) -> list[bytes | None]:
        """Each (commit, path)'s file, read by one `git cat-file --batch` (not a process
        each)."""
        if not requests:
            return []
        lines = "".join(f"{commit.id}:{path}\n" for commit, path in requests).encode()
        try:
            answer = subprocess.run(["git", "-C", str(self.top), "cat-file", "--batch"],
                                    input=lines, capture_output=True, check=False)
        except FileNotFoundError:
            return [None] * len(requests)
        return _batch_contents(answer.stdout, len(requests))

    def previous(self, newer: Version) -> Version | None:
        """The newest committed version before `newer` whose content differs from it."""
        return next((version for version in self.history(newer.file, newer.commit)
                     if version.content != newer.content), None)

    def shallow(self) -> bool:
        """True in a shallow clone: its history ends before the first commit."""
        answer = self._run("rev-parse", "--is-shallow-repository")
        return answer is not None and answer.stdout.strip() == b"true"

    def _content(self, commit: Commit, file: Path) -> bytes | None:
        shown = self._run("show", f"{commit.id}:{self._relative(file)}")
        return shown.stdout if shown is not None and shown.returncode == 0 else None

    def _relative(self, file: Path) -> str:
        return file.resolve().relative_to(self.top.resolve()).as_posix()

    def _run(self, *arguments: str) -> subprocess.CompletedProcess[bytes] | None:
        return _git(self.top, *arguments)


_TOPS: dict[Path, Path] = {}
"""Repository top folders found, by (resolved) folder: a build asks for every region."""


def _toplevel(folder: Path) -> Path | None:
    """The top folder of the repository holding `folder`, asked once per folder and process
    (a folder outside a repository is asked again: it may have become one)."""
    if folder not in _TOPS:
        found = _git(folder, "rev-parse", "--show-toplevel")
        if found is None or found.returncode != 0:
            return None
        _TOPS[folder] = Path(found.stdout.decode().strip())
    return _TOPS[folder]


def _git(folder: Path, *arguments: str) -> subprocess.CompletedProcess[bytes] | None:
    """Run git in `folder`; None when git is not installed."""
    try:
        return subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True,
                              check=False)
    except FileNotFoundError:
        return None


_PREFETCHED: dict[tuple[Path, str], list[tuple[Commit, bytes | None]]] = {}
"""Committed versions read ahead for the files of one build (see `prefetched`)."""


@contextmanager
def prefetched(files: list[Path]) -> Iterator[None]:
    """Within the block, `Git.history` of these files reads what one `git log` and one
    `git cat-file` fetched for all of them (a build asks for every region); cleared after, so
    a later call sees new commits."""
    git = Git.around(files[0]) if files else None
    fetched = {(git.top, path): versions for path, versions in git.prefetch(files).items()} \
        if git is not None else {}
    _PREFETCHED.update(fetched)
    try:
        yield
    finally:
        for key in fetched:
            _PREFETCHED.pop(key, None)


def _changed(log: bytes) -> list[tuple[Commit, set[str]]]:
    """`git log --format=%x01%H %cs --name-only` output: each commit with the files it changed."""
    entries = []
    for block in log.split(b"\x01")[1:]:
        header, _, names = block.decode().partition("\n")
        [commit] = _commits(header.encode())
        entries.append((commit, {name for name in names.splitlines() if name}))
    return entries


def _batch_contents(output: bytes, count: int) -> list[bytes | None]:
    """The objects of `git cat-file --batch` output: `<id> <type> <size>` + content, or
    `<name> missing` (a commit that deleted the file)."""
    contents: list[bytes | None] = []
    position = 0
    while len(contents) < count and position < len(output):
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            contents.append(output[position:position + size] if header[1] == b"blob" else None)
            position += size + 1
        else:
            contents.append(None)
    return contents + [None] * (count - len(contents))


def _commits(log: bytes) -> list[Commit]:
    """Commits from lines of `%H %cs` (id and committer date)."""
    commits = []
    for line in log.decode().splitlines():
        identity, _, day = line.partition(" ")
        commits.append(Commit(identity, date.fromisoformat(day)))
    return commits
