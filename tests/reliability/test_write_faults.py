"""`regiekit build` under file-system faults: a Dutch message naming the path, exit code 2,
nothing of a failed region in --out, the other regions built, written with the umask."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from reliability_support import copy_regions, run

from generator.errors import FileSystemError
from generator.filesystem import OutputTree


def _files(folder: Path) -> list[str]:
    """Every file and folder below `folder`, hidden ones (temporary files) included."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _build(regions: Path, out: Path, *names: str) -> Any:
    return run("build", *names, "--regions", str(regions), "--out", str(out))


def _fail_nth_write(monkeypatch: pytest.MonkeyPatch, number: int, code: int,
                    only: Callable[[], bool] = lambda: True) -> None:
    """Make the `number`-th call of os.write that `only` selects raise OSError(code)."""
    real_write = os.write
    calls = {"count": 0}

    def write(handle: int, data: Any) -> int:
        if only():
            calls["count"] += 1
            if calls["count"] == number:
                raise OSError(code, os.strerror(code))
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", write)


def test_disk_full_rolls_back_the_region_and_names_the_path(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    out = tmp_path / "out"
    _fail_nth_write(monkeypatch, 3, errno.ENOSPC)
    result = _build(regions, out, "apeldoorn")
    assert result.exit_code == 2
    assert "regio 'apeldoorn' mislukt" in result.stderr
    assert "de schijf is vol" in result.stderr and str(out / "apeldoorn") in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(out) == []  # not even the region folder, nor a temporary file
    assert "0 documenten geschreven" in result.stdout


def test_a_failing_region_does_not_stop_the_others(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    regions = copy_regions(tmp_path, "apeldoorn", "zou")
    out = tmp_path / "out"
    real_open = os.open

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        folder = kwargs.get("dir_fd")
        if flags & os.O_CREAT and folder is not None and \
                os.readlink(f"/proc/self/fd/{folder}").endswith("/zou"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    result = _build(regions, out)
    assert result.exit_code == 2
    assert "regio 'zou' mislukt" in result.stderr and "alleen-lezen" in result.stderr
    written = sorted(path.name for path in (out / "apeldoorn").glob("*.docx"))
    assert len(written) == 9 and not (out / "zou").exists()  # 4 of them for the meldcode
    assert f"{len(written)} documenten geschreven" in result.stdout
    assert "vergelijking.docx niet bijgewerkt" in result.stderr


def test_a_failed_rename_puts_the_previous_documents_back(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    out = tmp_path / "out"
    assert _build(regions, out, "apeldoorn").exit_code == 0
    before = {path.name: path.read_bytes() for path in (out / "apeldoorn").iterdir()}
    data = (regions / "apeldoorn" / "regio.yaml").read_text(encoding="utf-8")
    (regions / "apeldoorn" / "regio.yaml").write_text(
        data.replace("naam: Regio Apeldoorn", "naam: Regio Apeldoorn e.o."), encoding="utf-8")
    real_replace = os.replace
    calls = {"count": 0}

    def replace(*args: Any, **kwargs: Any) -> None:
        calls["count"] += 1
        if calls["count"] == 3:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(*args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    result = _build(regions, out, "apeldoorn")
    assert result.exit_code == 2 and "invoer-/uitvoerfout" in result.stderr
    after = {path.name: path.read_bytes() for path in (out / "apeldoorn").iterdir()}
    assert after == before  # every document as it was, no temporary or backup file left


def test_out_below_a_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    result = _build(regions, tmp_path / "bestand" / "out", "apeldoorn")
    assert result.exit_code == 2
    assert "een deel van het pad is een bestand, geen map" in result.stderr
    assert str(tmp_path / "bestand") in result.stderr


def test_a_symlink_planted_at_the_region_folder_is_refused(tmp_path: Path) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    out, elsewhere = tmp_path / "out", tmp_path / "elders"
    out.mkdir()
    elsewhere.mkdir()
    (out / "apeldoorn").symlink_to(elsewhere)
    result = _build(regions, out, "apeldoorn")
    assert result.exit_code == 2
    assert f"{out / 'apeldoorn'}: is een symbolische koppeling" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_symlink_planted_at_a_document_is_replaced_not_followed(tmp_path: Path) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    out = tmp_path / "out"
    (out / "apeldoorn").mkdir(parents=True)
    victim = tmp_path / "geheim.txt"
    victim.write_text("niet overschrijven", encoding="utf-8")
    (out / "apeldoorn" / "werkinstructie.docx").symlink_to(victim)
    assert _build(regions, out, "apeldoorn").exit_code == 0
    assert victim.read_text(encoding="utf-8") == "niet overschrijven"
    assert not (out / "apeldoorn" / "werkinstructie.docx").is_symlink()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_documents_are_written_with_the_process_umask(tmp_path: Path, umask: int,
                                                      mode: int) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    previous = os.umask(umask)
    try:
        assert _build(regions, tmp_path / "out", "apeldoorn").exit_code == 0
    finally:
        os.umask(previous)
    modes = {stat.S_IMODE(path.stat().st_mode) for path in (tmp_path / "out").rglob("*.docx")}
    assert modes == {mode}


def test_a_name_too_long_for_the_file_system_is_named_before_anything_is_written(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputTree(out, create=True) as tree, tree.staging() as staging:
        staging.stage(out / "regio" / "kort.docx", b"x")
        with pytest.raises(FileSystemError) as raised:
            staging.stage(out / "regio" / ("x" * 300 + ".docx"), b"x")
    assert "de naam is te lang voor het bestandssysteem (hoogstens 255 bytes)" in str(raised.value)
    assert _files(out) == []


def test_three_requests_for_one_step_on_one_day_are_three_documents(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    from reliability_support import REPO, read, write

    case = read(REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml")
    mail = case["escalaties"][1]
    case["escalaties"][2:2] = [{**mail, "aangeschreven": [organisation]}
                               for organisation in mail["aangeschreven"]]
    write(tmp_path / "casus.yaml", case)
    monkeypatch.chdir(tmp_path)
    result = run("build", "--regions", str(REPO / "regions"), "--case", "casus.yaml",
                 "--out", "out")
    assert result.exit_code == 0, result.output
    requests = sorted(path.name for path in (tmp_path / "out").rglob("verzoek-*.docx"))
    assert requests == ["verzoek-escalatieladder-stap-2-2024-03-07-2.docx",
                        "verzoek-escalatieladder-stap-2-2024-03-07-3.docx",
                        "verzoek-escalatieladder-stap-2-2024-03-07.docx",
                        "verzoek-escalatieladder-stap-2.docx"]
    on_disk = len(list((tmp_path / "out").rglob("*.docx")))
    assert f"{on_disk} documenten geschreven" in result.stdout


def test_duplicate_filled_form_ids_are_refused_by_check_and_build(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    from reliability_support import REPO, read, write

    case = read(REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml")
    case["formulieren"][1]["id"] = case["formulieren"][0]["id"]
    write(tmp_path / "casus.yaml", case)
    monkeypatch.chdir(tmp_path)
    options = ["--regions", str(REPO / "regions")]
    checked = run("check", *options, "--rules", str(REPO / "rules" / "regels.yaml"),
                  "casus.yaml")
    built = run("build", *options, "--case", "casus.yaml", "--out", "out")
    validated = run("validate", "casus.yaml")
    assert validated.exit_code == 1 and "ID-DUBBEL" in validated.stdout
    assert checked.exit_code == 1 and "ID-DUBBEL" in checked.stdout
    assert built.exit_code == 1 and "ID-DUBBEL" in built.stderr
    assert not (tmp_path / "out").exists()


def test_any_command_words_a_file_system_error_it_did_not_expect(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    """The command line's safety net: `init` into a path below a file."""
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("init", "bestand/regio")
    assert result.exit_code == 2
    assert result.stderr == ("regiekit: bestand/regio: een deel van het pad is een bestand, "
                             "geen map\n")


@pytest.mark.parametrize("command", [["init", "nieuw"], ["schema", "--out", "nieuw"]])
def test_init_and_schema_on_a_full_disk_leave_nothing(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      command: list[str]) -> None:
    """Both write several files: all of them or, on a full disk, none."""
    monkeypatch.chdir(tmp_path)
    _fail_nth_write(monkeypatch, 3, errno.ENOSPC)
    result = run(*command)
    assert result.exit_code == 2
    assert result.stderr.startswith("regiekit: nieuw/") and "de schijf is vol" in result.stderr
    assert _files(tmp_path / "nieuw") == []
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    assert run(*command).exit_code == 0  # and then it can be run again


LONG_ID = "a" * 65


@pytest.mark.parametrize(("file", "place"), [
    ("regions/apeldoorn/regio.yaml", ("id",)),
    ("regions/apeldoorn/regio.yaml", ("formulieren", 0, "id")),
    ("regions/apeldoorn/regio.yaml", ("ladders", 0, "id")),
    ("regions/voorbeeldgemeente/zorgloketten.yaml", ("id",)),
    ("regions/voorbeeldgemeente/zorgloketten.yaml", ("wijken", 0, "id")),
    ("casus.yaml", ("casus",)),
    ("casus.yaml", ("formulieren", 0, "id")),
])
def test_an_id_too_long_for_a_file_name_is_refused_by_validate(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               file: str,
                                                               place: tuple[str | int, ...]
                                                               ) -> None:
    """Ids become file and folder names: bounded in the schema, so `build` never meets a name
    the file system refuses (a 240-character id passed validate and failed build midway)."""
    import json

    from reliability_support import REPO, read, write

    copy_regions(tmp_path, "apeldoorn", "voorbeeldgemeente")
    (tmp_path / "casus.yaml").write_bytes(
        (REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml").read_bytes())
    data = read(tmp_path / file)
    holder = data
    for part in place[:-1]:
        holder = holder[part]
    holder[place[-1]] = LONG_ID
    write(tmp_path / file, data)
    monkeypatch.chdir(tmp_path)
    result = run("validate", "--format", "json", file)
    assert result.exit_code == 1
    too_long = [f for f in json.loads(result.stdout)["bevindingen"]
                if f["code"] == "SCHEMA-TE-LANG"]
    assert too_long and "hoogstens 64 tekens" in too_long[0]["melding"]


def test_a_read_only_out_is_named_and_nothing_is_tried(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    real_mkdir = os.mkdir

    def mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if str(path).endswith("alleen-lezen"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    result = _build(regions, tmp_path / "alleen-lezen", "apeldoorn")
    assert result.exit_code == 2
    assert result.stderr == (f"regiekit: {tmp_path / 'alleen-lezen'}: het bestandssysteem is "
                             "alleen-lezen\n")
    assert result.stdout == ""


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EACCES])
def test_a_case_that_cannot_be_written_is_rolled_back_whole(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            code: int) -> None:
    from reliability_support import REPO

    from generator.filesystem import reason

    out = tmp_path / "out"
    _fail_nth_write(monkeypatch, 3, code)
    result = run("build", "--regions", str(REPO / "regions"), "--case",
                 str(REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml"),
                 "--out", str(out))
    assert result.exit_code == 2
    assert f"{out / 'apeldoorn-complexe-casus'}/" in result.stderr
    assert reason(OSError(code, "")) in result.stderr and "Traceback" not in result.stderr
    assert _files(out) == []
