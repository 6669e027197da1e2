"""Which version a region's version history compares with: the newest commit that states
another version; none without a stated version, for a first version, or outside git."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from changes_support import APELDOORN, Repo, run
from docx.oxml.ns import qn

from generator.changes.history import HistoryIncomplete, history
from generator.regions import load_region

SOURCE = "Werkinstructie complexe casuïstiek"
DOCUMENT = "\ndocument:\n  titel: Werkinstructie complexe casuïstiek\n"


def versioned(repo: Repo, version: str, day: str = "") -> None:
    """State `version` (and optionally a new adoption date) in the region's document control."""
    text = repo.file.read_text(encoding="utf-8")
    start = text.index(DOCUMENT) + 1
    end = text.index("\nbronnen:\n", start) + 1
    adopted = day or "2019-07-22"
    repo.file.write_text(f"{text[:start]}document:\n  titel: Werkinstructie complexe "
                         f"casuïstiek\n  datum: {adopted}\n  versie: '{version}'\n{text[end:]}",
                         encoding="utf-8")


def test_changes_since_the_newest_commit_of_the_previous_version(repo: Repo) -> None:
    versioned(repo, "1.0")
    repo.commit("versie 1.0", "2025-02-03")
    repo.edit("reactietermijn_werkdagen: 4", "reactietermijn_werkdagen: 5")
    repo.commit("nog versie 1.0: hoort bij 1.0", "2025-02-10")
    versioned(repo, "1.1", "2025-03-01")
    repo.edit("naam: vaste contactpersoon", "naam: vast aanspreekpunt")
    found = history(load_region(APELDOORN))
    assert found is not None
    assert (found.version, found.day.isoformat() if found.day else None) == ("1.0", "2019-07-22")
    assert [change.line_with_source for change in found.changes] == [  # not the version itself
        f"Rol vaste contactpersoon heet nu vast aanspreekpunt (bron: {SOURCE} – Trap 2. "
        "Digitale zorgtafel)"]


def test_no_history_without_a_version_for_a_first_version_and_outside_git(
        repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert history(load_region(APELDOORN)) is None
    versioned(repo, "1.0")
    repo.commit("eerste versie", "2025-02-03")
    repo.edit("reactietermijn_werkdagen: 4", "reactietermijn_werkdagen: 5")
    assert history(load_region(APELDOORN)) is None
    outside = tmp_path / "buiten"
    shutil.copytree(repo.root / "regions", outside / "regions")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    versioned(Repo(outside), "1.1")
    assert history(load_region(APELDOORN)) is None


def test_a_shallow_clone_that_ends_before_the_previous_version_is_an_error(
        repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    versioned(repo, "1.0")
    repo.commit("versie 1.0", "2025-02-03")
    versioned(repo, "1.1")
    repo.commit("versie 1.1", "2025-03-03")
    clone = tmp_path / "kloon"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{repo.root}",
                    str(clone)], check=True)
    monkeypatch.chdir(clone)
    with pytest.raises(HistoryIncomplete, match="shallow clone"):
        history(load_region(APELDOORN))


def section(document: Path, heading: str) -> list[str]:
    """The paragraphs under `heading` up to the next heading of the same level."""
    paragraphs = docx.Document(str(document)).paragraphs
    start = next(index for index, paragraph in enumerate(paragraphs)
                 if paragraph.text == heading and paragraph.style.name.startswith("Heading"))
    level = paragraphs[start].style.name
    lines = []
    for paragraph in paragraphs[start + 1:]:
        if paragraph.style.name == level:
            break
        lines.append(paragraph.text)
    return lines


def test_the_werkinstructie_lists_the_changes_since_the_previous_version(
        repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    versioned(repo, "1.0")
    repo.commit("versie 1.0", "2025-02-03")
    assert run("build", "--out", str(out), "apeldoorn").exit_code == 0
    werkinstructie = out / "apeldoorn" / "werkinstructie.docx"
    assert "Wijzigingen" not in docx_text(werkinstructie)  # a first version: nothing to list
    versioned(repo, "1.1", "2025-03-01")
    repo.edit("reactietermijn_werkdagen: 4", "reactietermijn_werkdagen: 5")
    repo.edit("naam: vaste contactpersoon", "naam: vast aanspreekpunt")
    result = run("build", "--out", str(out), "apeldoorn")
    assert result.exit_code == 0, result.stderr
    assert section(werkinstructie, "Wijzigingen") == [
        "Gewijzigd ten opzichte van versie 1.0 (vastgesteld op 22 juli 2019):",
        f"Rol vaste contactpersoon heet nu vast aanspreekpunt (bron: {SOURCE} – Trap 2. "
        "Digitale zorgtafel)",
        f"Stap 2 (Digitale zorgtafel): reactietermijn 4 → 5 werkdagen (bron: {SOURCE} – Trap 2. "
        "Digitale zorgtafel)"]
    assert contents(werkinstructie)[0] == "Wijzigingen"
    repo.commit("versie 1.1", "2025-03-01")  # committing the new version changes nothing
    assert run("build", "--check", "--out", str(out), "apeldoorn").exit_code == 0


def contents(document: Path) -> list[str]:
    """The entries of the table of contents (paragraphs in the "toc 1" and "toc 2" styles)."""
    body = docx.Document(str(document)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))
            if p.pPr is not None and p.pPr.pStyle is not None
            and p.pPr.pStyle.val in ("TOC1", "TOC2")]


def docx_text(document: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(str(document)).paragraphs)


def test_one_cat_file_batch_reads_every_committed_version() -> None:
    """`git cat-file --batch` output: blobs by size (content may hold newlines), a deleted file
    as `missing`."""
    from generator.changes.versions import _batch_contents

    output = (b"aaa blob 7\nab\ncd\ne\n" + b"abc:regio.yaml missing\n" + b"bbb blob 0\n\n")
    assert _batch_contents(output, 3) == [b"ab\ncd\ne", None, b""]
    assert _batch_contents(b"", 2) == [None, None]


@pytest.mark.parametrize(("text", "stated"), [
    ("id: x\ndocument:\n  titel: T\n  versie: \"1.2\"\n", "1.2"),
    ("document:\n    titel: T\n    versie: '2.0'  # vastgesteld\nbronnen: []\n", "2.0"),
    ("document:\n  titel: T\n  versie: 1.0\n", ""),  # not text: invalid, states no version
    ("document:\n  titel: T\n  bron:\n    versie: '9'\n", ""),  # not document's own key
    ("document: {titel: T, versie: '3'}\n", "3"),
    ("document:\n  titel: T\n", ""),
    ("document: [\n", None),
])
def test_the_stated_version_is_read_quickly_and_as_yaml_reads_it(text: str,
                                                                  stated: str | None) -> None:
    from generator.changes.history import stated_version
    from generator.changes.versions import Version

    version = Version(Path("regio.yaml"), text.encode(), "test")
    assert stated_version(version) == stated
