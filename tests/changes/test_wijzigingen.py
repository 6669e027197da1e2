"""`regiekit wijzigingen` as a coordinator runs it: on a git history of one region, on two paths
outside git, in every format, and with every reason it cannot compare."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from changes_support import APELDOORN, STEP_5, Repo, run

SOURCE = "Werkinstructie complexe casuïstiek"
TERM = (f"- Stap 2 (Digitale zorgtafel): reactietermijn 4 → 5 werkdagen "
        f"(bron: {SOURCE} – Trap 2. Digitale zorgtafel)")
STEP_ADDED = [
    f"- Rol wijkcoach toegevoegd (bron: {SOURCE} – Bijlage 1)",
    f"- Stap 4 (Fysieke zorgtafel), vervolg toegevoegd (bron: {SOURCE} – Trap 4 Fysieke zorgtafel)",
    f"- Stap 5 (Nazorg) toegevoegd (bron: {SOURCE} – Trap 4 Fysieke zorgtafel)",
]
RENAMED = (f"- Rol vaste contactpersoon heet nu vast aanspreekpunt "
           f"(bron: {SOURCE} – Trap 2. Digitale zorgtafel)")
ORGANISATION_REMOVED = [
    f"- Organisatie Zozijn verwijderd (bron: {SOURCE} – Bijlage 1)",
    f"- Rol zorgaanbieder, geschikte organisatie Zozijn verwijderd (bron: {SOURCE} – Bijlage 1)",
]
INITIATOR = (f"- Stap 3 (Afstemming met (regio)directeuren zorgaanbieders): mag nu ook gestart "
             f"worden door gecertificeerde instelling (GI) (bron: {SOURCE} – Trap 3 Afstemming "
             f"met (regio)directeuren zorgaanbieders)")


@pytest.fixture
def history(repo: Repo) -> Repo:
    """Five commits after the first, one edit each, as a region revises its agreement."""
    repo.edit("reactietermijn_werkdagen: 4", "reactietermijn_werkdagen: 5")
    repo.commit("termijn", "2025-02-03")
    repo.edit("hulpmiddelen:\n", "  - id: wijkcoach\n    naam: wijkcoach\n    bron:\n"
              "      document: werkinstructie-complexe-casuistiek\n      sectie: Bijlage 1\n"
              "hulpmiddelen:\n")
    repo.edit("        afsluiten_alleen_met_oplossing: true\n",
              "        afsluiten_alleen_met_oplossing: true\n        vervolg:\n"
              "          stappen:\n            - 5\n")
    repo.edit("          sectie: Trap 4 Fysieke zorgtafel\n    bron:\n",
              "          sectie: Trap 4 Fysieke zorgtafel\n" + STEP_5 + "    bron:\n")
    repo.commit("stap 5", "2025-03-04")
    repo.edit("naam: vaste contactpersoon", "naam: vast aanspreekpunt")
    repo.commit("hernoemd", "2025-04-07")
    repo.edit("  - id: zozijn\n    naam: Zozijn\n    soort: zorgaanbieder\n    bron:\n"
              "      document: werkinstructie-complexe-casuistiek\n      sectie: Bijlage 1\n", "")
    repo.edit("      - organisatie: zozijn\n", "")
    repo.commit("zozijn", "2025-05-06")
    repo.edit("        initiatiefnemers:\n          - gemeentelijke-toegang\n"
              "        uitvoerder: gemeentelijke-toegang\n        deelnemers:\n"
              "          - regiodirecteur\n",
              "        initiatiefnemers:\n          - gemeentelijke-toegang\n          - gi\n"
              "        uitvoerder: gemeentelijke-toegang\n        deelnemers:\n"
              "          - regiodirecteur\n")
    repo.commit("initiatief", "2025-06-09")
    return repo


def lines(output: str) -> list[str]:
    return output.splitlines()


def test_each_commit_against_the_one_before_gives_its_dutch_lines(history: Repo) -> None:
    commits = history.commits()
    expected = [[TERM], STEP_ADDED, [RENAMED], ORGANISATION_REMOVED, [INITIATOR]]
    for before, after, changes in zip(commits[:-1], commits[1:], expected, strict=True):
        result = run("wijzigingen", "--van", before, "--tot", after)
        assert result.exit_code == 0, result.stderr
        assert lines(result.stdout) == [
            f"Regio Apeldoorn ({APELDOORN}): van {history.label(before)} tot "
            f"{history.label(after)}", *changes]


def test_default_is_the_previous_change_of_the_file_against_the_working_tree(
        history: Repo) -> None:
    commits = history.commits()
    result = run("wijzigingen")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == [
        f"Regio Apeldoorn ({APELDOORN}): van {history.label(commits[-2])} tot werkmap", INITIATOR]
    history.edit("reactietermijn_werkdagen: 5", "reactietermijn_werkdagen: 4")
    assert lines(run("wijzigingen", "apeldoorn").stdout)[1:] == [
        TERM.replace("4 → 5", "5 → 4")]


def test_whole_history_at_once(history: Repo) -> None:
    commits = history.commits()
    result = run("wijzigingen", "--van", commits[0], "--tot", "HEAD")
    assert lines(result.stdout)[1:] == [  # in the order of the file: organisations, roles, ...
        *ORGANISATION_REMOVED, RENAMED, STEP_ADDED[0], TERM, INITIATOR, *STEP_ADDED[1:]]


def test_unchanged_region_and_region_without_history(repo: Repo) -> None:
    result = run("wijzigingen")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        f"Regio Apeldoorn ({APELDOORN}): geen eerdere versie in git om mee te vergelijken"]
    commit = repo.commits()[0]
    result = run("wijzigingen", "--van", commit)
    assert lines(result.stdout) == [
        f"Regio Apeldoorn ({APELDOORN}): van {repo.label(commit)} tot werkmap",
        "Geen wijzigingen."]


def test_json_and_markdown(history: Repo) -> None:
    commits = history.commits()
    result = run("wijzigingen", "--format", "json", "--van", commits[0], "--tot", commits[1])
    assert result.exit_code == 0
    comparison = json.loads(result.stdout)["vergelijkingen"][0]
    assert comparison["regio"] == "apeldoorn"
    assert comparison["van"]["revisie"] == commits[0]
    assert comparison["tot"]["datum"] == "2025-02-03"
    assert comparison["wijzigingen"] == [{
        "soort": "gewijzigd", "onderdeel": "Stap 2 (Digitale zorgtafel)",
        "veld": "reactietermijn", "oud": "4 werkdagen", "nieuw": "5 werkdagen",
        "bron": f"{SOURCE} – Trap 2. Digitale zorgtafel",
        "tekst": "Stap 2 (Digitale zorgtafel): reactietermijn 4 → 5 werkdagen"}]
    result = run("wijzigingen", "--format", "markdown", "--van", commits[2], "--tot", commits[3])
    assert lines(result.stdout) == [
        "## Regio Apeldoorn", "",
        f"Van {history.label(commits[2])} tot {history.label(commits[3])} (`{APELDOORN}`).", "",
        "- Rol vaste contactpersoon heet nu vast aanspreekpunt "
        f"*(bron: {SOURCE} – Trap 2. Digitale zorgtafel)*"]


def test_two_files_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "buiten"
    (outside / "oud").mkdir(parents=True)
    shutil.copy(Repo.shipped(), outside / "oud" / "regio.yaml")
    new = outside / "nieuw.yaml"
    new.write_text(Repo.shipped().read_text(encoding="utf-8").replace(
        "reactietermijn_werkdagen: 4", "reactietermijn_werkdagen: 5"), encoding="utf-8")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run("wijzigingen", "oud/regio.yaml", "nieuw.yaml")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == [
        "Regio Apeldoorn: van oud/regio.yaml tot nieuw.yaml", TERM]
    result = run("wijzigingen", "oud", "nieuw.yaml")
    assert result.exit_code == 2
    assert "staat niet in een git-repository" in result.stderr


def test_two_folders_pair_regions_by_name(tmp_path: Path) -> None:
    old, new = tmp_path / "oud", tmp_path / "nieuw"
    shutil.copytree(Repo.shipped().parent, old / "apeldoorn")
    shutil.copytree(Repo.shipped().parent, new / "apeldoorn")
    shutil.copytree(Repo.shipped().parents[1] / "zou", new / "zou")
    result = run("wijzigingen", str(old), str(new))
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == [
        f"Regio Apeldoorn: van {old}/apeldoorn/regio.yaml tot {new}/apeldoorn/regio.yaml",
        "Geen wijzigingen.", "",
        f"Regio Zuid Oost Utrecht (ZOU): alleen in {new}/zou/regio.yaml: de regio is nieuw"]


def test_unknown_revision_and_file_missing_in_revision(history: Repo) -> None:
    result = run("wijzigingen", "--van", "bestaat-niet")
    assert result.exit_code == 2
    assert f"onbekende revisie 'bestaat-niet' in de git-repository {history.root}" \
        in result.stderr
    result = run("wijzigingen", "--van", "--format=json")
    assert result.exit_code == 2 and "onbekende revisie '--format=json'" in result.stderr
    shutil.copytree(Repo.shipped().parents[1] / "zou", history.root / "regions" / "zou")
    history.commit("zou erbij", "2025-07-01")
    first = history.commits()[0]
    result = run("wijzigingen", "--van", first, "zou")
    assert result.exit_code == 2
    assert result.stderr == (f"regiekit: regions/zou/regio.yaml bestaat niet in revisie "
                             f"{first[:7]}\n")


def test_invalid_older_version_cannot_be_compared(history: Repo) -> None:
    history.edit("reactietermijn_werkdagen: 5", "reactietermijn_werkdagen: vijf")
    broken = history.commit("kapot", "2025-08-01")
    history.edit("reactietermijn_werkdagen: vijf", "reactietermijn_werkdagen: 6")
    line = history.line_of("reactietermijn_werkdagen: 6")
    result = run("wijzigingen", "--van", broken)
    assert result.exit_code == 2
    assert result.stderr == (
        f"regiekit: {APELDOORN} in revisie {broken[:7]} is ongeldig en kan niet vergeleken "
        f"worden (1 fout, eerste: regel {line}, kolom 35: SCHEMA-TYPE "
        "ladders[0].stappen[1].reactietermijn_werkdagen moet een geheel getal zijn, niet tekst "
        "('vijf'))\n")
    history.edit("naam: Regio Apeldoorn\n", "naam: [Regio Apeldoorn\n")
    result = run("wijzigingen", "--van", history.commits()[0])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"regiekit: {APELDOORN} is geen leesbare YAML (regel ")


def test_outside_git_without_two_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(Repo.shipped().parent, tmp_path / "regions" / "apeldoorn")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("wijzigingen")
    assert result.exit_code == 2
    assert result.stderr == (
        f"regiekit: {APELDOORN} staat niet in een git-repository; vergelijk twee versies door "
        "beide te noemen: regiekit wijzigingen OUD NIEUW (bestanden of mappen)\n")
