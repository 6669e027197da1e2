"""The build as a whole: reproducible bytes, --check, atomic writes, isolation, overrides."""

from __future__ import annotations

import zipfile
from pathlib import Path

import yaml
from documents_support import REPO, SHIPPED, build, docx_text

EXAMPLES = REPO / "examples" / "cases"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _edit(region_file: Path, change: callable) -> None:  # type: ignore[valid-type]
    data = yaml.safe_load(region_file.read_text(encoding="utf-8"))
    change(data)
    region_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")


def _patch_template(source: Path, target: Path, old: bytes, new: bytes) -> None:
    """Copy a .docx, replacing bytes in word/document.xml (a region's restyled template)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for member in original.infolist():
            data = original.read(member)
            if member.filename == "word/document.xml":
                assert old in data
                data = data.replace(old, new, 1)
            copy.writestr(member, data)


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build("--out", str(again), "--regions", str(REPO / "regions")).exit_code == 0
    first, second = _files(built), _files(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert "vergelijking.docx" in first and len(first) > 2 * len(SHIPPED)


def test_zip_members_carry_no_clock(built: Path) -> None:
    with zipfile.ZipFile(built / "apeldoorn" / "werkinstructie.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2019-07-22T00:00:00Z" in core and "Werkinstructie complexe casuïstiek" in core


def test_check_is_clean_after_build_and_names_stale_files(regions_copy: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    common = ["--regions", str(regions_copy), "--out", str(out)]
    assert build(*common).exit_code == 0
    clean = build("--check", *common)
    assert clean.exit_code == 0 and "0 van" in clean.stdout
    before = _files(out)
    _edit(regions_copy / "zou" / "regio.yaml", lambda d: d["rollen"][0].update(naam="wijkcoach"))
    (out / "apeldoorn" / "formulier-casusformat.docx").unlink()
    (out / "apeldoorn" / "eigen-notitie.docx").write_bytes(b"")  # not written by build
    stale = build("--check", *common)
    assert stale.exit_code == 1
    assert f"{out / 'zou' / 'werkinstructie.docx'}: verouderd" in stale.stdout
    assert f"{out / 'apeldoorn' / 'formulier-casusformat.docx'}: ontbreekt" in stale.stdout
    assert "eigen-notitie" not in stale.stdout
    assert f"{out / 'vergelijking.docx'}: verouderd" in stale.stdout
    assert "apeldoorn/werkinstructie.docx" not in stale.stdout
    assert _files(out).keys() == (before.keys() - {"apeldoorn/formulier-casusformat.docx"}) | {
        "apeldoorn/eigen-notitie.docx"}


def test_invalid_region_fails_alone_and_the_others_are_complete(regions_copy: Path,
                                                                tmp_path: Path) -> None:
    _edit(regions_copy / "zou" / "regio.yaml", lambda d: d["rollen"][0].pop("naam"))
    out = tmp_path / "out"
    result = build("--regions", str(regions_copy), "--out", str(out))
    assert result.exit_code == 1
    assert "regio 'zou' mislukt" in result.stderr and "ongeldig" in result.stderr
    assert not (out / "zou").exists() and not (out / "vergelijking.docx").exists()
    for region in set(SHIPPED) - {"zou"}:
        assert (out / region / "werkinstructie.docx").is_file()
    assert not list(out.rglob("*.tmp"))


def test_broken_override_fails_its_region_only(regions_copy: Path, tmp_path: Path) -> None:
    _patch_template(REPO / "generator" / "templates" / "werkinstructie.docx",
                    regions_copy / "middelburg" / "templates" / "werkinstructie.docx",
                    b"{{ region.name }}", b"{{ region.bestaat_niet }}")
    out = tmp_path / "out"
    result = build("--regions", str(regions_copy), "--out", str(out))
    assert result.exit_code == 2
    assert "regio 'middelburg' mislukt" in result.stderr and "bestaat_niet" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (out / "middelburg").exists()
    assert (out / "apeldoorn" / "werkinstructie.docx").is_file()


def test_region_override_template_is_used(regions_copy: Path, tmp_path: Path) -> None:
    _patch_template(REPO / "generator" / "templates" / "werkinstructie.docx",
                    regions_copy / "apeldoorn" / "templates" / "werkinstructie.docx",
                    b">Inhoud<", b">Inhoud (huisstijl Apeldoorn)<")
    out = tmp_path / "out"
    assert build("--regions", str(regions_copy), "--out", str(out)).exit_code == 0
    assert "Inhoud (huisstijl Apeldoorn)" in docx_text(out / "apeldoorn" / "werkinstructie.docx")
    assert "huisstijl" not in docx_text(out / "zou" / "werkinstructie.docx")


def test_unchanged_documents_are_not_rewritten(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    common = ["apeldoorn", "--regions", str(REPO / "regions"), "--out", str(out)]
    build(*common)
    stamp = (out / "apeldoorn" / "werkinstructie.docx").stat().st_mtime_ns
    second = build(*common)
    assert "0 documenten geschreven" in second.stdout
    assert (out / "apeldoorn" / "werkinstructie.docx").stat().st_mtime_ns == stamp
    assert not (out / "vergelijking.docx").exists()  # one region: nothing to compare


def test_unknown_region_is_a_usage_error(tmp_path: Path) -> None:
    result = build("atlantis", "--regions", str(REPO / "regions"), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "atlantis" in result.stderr and "Traceback" not in result.stderr


def test_case_build_fills_the_form_and_writes_the_mail_with_its_deadline(tmp_path: Path,
                                                                         monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = build("--case", str(EXAMPLES / "apeldoorn-complexe-casus.yaml"),
                   "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "apeldoorn-complexe-casus"
    form = docx_text(folder / "formulier-casusformat-2.docx")
    assert "Welke aanbieders bieden samen een plek?" in form and "Tante in de buurt." in form
    mail = docx_text(folder / "verzoek-escalatieladder-stap-2.docx")
    assert "Karakter, Lindenhout en Pactum" in mail
    assert "binnen 4 werkdagen, uiterlijk woensdag 13 maart 2024" in mail
    assert "Jeugdige van 15 met gedragsproblemen." in mail
    assert sorted(p.name for p in folder.iterdir()) == [
        "casusoverzicht.docx", "formulier-casusformat-1.docx", "formulier-casusformat-2.docx",
        "verzoek-escalatieladder-stap-2.docx"]


def test_case_deadline_skips_a_public_holiday(tmp_path: Path, monkeypatch) -> None:
    case = yaml.safe_load((EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text("utf-8"))
    case["escalaties"][1]["datum"] = "2024-05-06"  # Monday; Thursday 9 May is Ascension Day
    path = tmp_path / "casus.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(REPO)
    result = build("--case", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    mail = docx_text(tmp_path / "out" / case["casus"] / "verzoek-escalatieladder-stap-2.docx")
    assert "uiterlijk maandag 13 mei 2024" in mail


def test_invalid_case_exits_1(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "casus.yaml"
    path.write_text("casus: x\nregio: apeldoorn\n", encoding="utf-8")
    monkeypatch.chdir(REPO)
    result = build("--case", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "ongeldig" in result.stderr


def test_freeze_zip_removes_the_clock_from_any_archive() -> None:
    import io

    from generator.documents.reproducible import freeze_zip

    def archive(when: tuple[int, ...]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for name in ("[Content_Types].xml", "word/document.xml"):
                target.writestr(zipfile.ZipInfo(name, date_time=when), f"<x>{name}</x>")
        return buffer.getvalue()

    early, late = archive((2020, 1, 2, 3, 4, 6)), archive((2031, 12, 30, 23, 58, 0))
    assert early != late and freeze_zip(early) == freeze_zip(late)
    with zipfile.ZipFile(io.BytesIO(freeze_zip(late))) as frozen:
        assert frozen.testzip() is None
        assert frozen.read("word/document.xml") == b"<x>word/document.xml</x>"


def test_a_templates_clean_up_kept_from_an_earlier_document_changes_nothing(
        tmp_path: Path) -> None:
    """docxtpl's clean-up of a template part is kept for the next document of that template
    (generator.documents.template): every document comes out as if rendered first."""
    from generator.documents import template
    from generator.documents.build import plan_comparison, plan_region, render
    from generator.regions import load_region

    regions = [load_region(name, REPO / "regions") for name in ("apeldoorn", "zou")]
    documents = [d for region in regions for d in plan_region(region, tmp_path)]
    documents.append(plan_comparison(regions, tmp_path))
    assert len({d.template for d in documents}) >= 4
    cold = []
    for document in documents:
        template._patched.clear()
        cold.append(render(document))
    warm = [render(document) for document in documents]
    assert template._patched
    assert [d.path.name for d, a, b in zip(documents, cold, warm, strict=True) if a != b] == []
