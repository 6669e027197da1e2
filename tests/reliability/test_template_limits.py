"""A region's own template cannot keep `validate` or `build` busy or fill the memory: loops,
values, output and time are limited per render, with a Dutch message naming template and limit."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from reliability_support import copy_regions, override_template, run

from generator.documents import limits
from generator.documents.environment import environment

NESTED_LOOPS = b"{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"
HUGE_VALUE = b"{{ 'a' * 10 ** 9 }}"


@pytest.mark.parametrize(("body", "limit"), [
    (NESTED_LOOPS, "meer dan 2.000.000 herhalingen in lussen"),
    (HUGE_VALUE, "een herhaling van meer dan 20.000.000 tekens"),
])
def test_validate_and_build_stop_a_runaway_override(tmp_path: Path, body: bytes,
                                                    limit: str, monkeypatch) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    template = override_template(regions, "apeldoorn", "werkinstructie.docx", b"{{ region.name }}",
                         b"{{ region.name }}" + body)
    monkeypatch.chdir(tmp_path)
    validated = run("validate", "regions")
    assert validated.exit_code == 1
    assert f"SJABLOON-GRENS sjabloon {template.relative_to(tmp_path)} overschrijdt een grens: " \
           f"{limit}" in validated.stdout
    built = run("build", "apeldoorn", "--out", "out")
    assert built.exit_code == 2
    assert f"sjabloon {template.relative_to(tmp_path)} overschrijdt een grens: {limit}" \
           in built.stderr
    assert not (tmp_path / "out" / "apeldoorn").exists()


@pytest.mark.parametrize(("source", "limit"), [
    ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
     "herhalingen in lussen"),
    ("{{ 'a' * 10 ** 9 }}", "een herhaling van meer dan"),
    ("{{ [1, 2] * 99999999 }}", "een herhaling van meer dan"),
    ("{{ 2 ** 9999999 }}", "een macht van meer dan"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", "een waarde van meer dan"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
     "{% endfor %}", "een waarde van meer dan"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = [ns.s, ns.s]|join %}"
     "{% endfor %}", "een waarde van meer dan"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set t %}{{ ns.s }}{{ ns.s }}"
     "{% endset %}{% set ns.s = t %}{% endfor %}", "uitvoer groter dan"),
    ("{{ 'a'|center(999999999) }}", "als maat of aantal"),
    ("{{ 'a'.ljust(999999999) }}", "als maat of aantal"),
    ("{{ '{:>999999999}'.format('a') }}", "als maat of aantal"),
    ("{{ '%999999999s' % 'a' }}", "als maat of aantal"),
    ("{{ '%*s' % (999999999, 'a') }}", "als maat of aantal"),
    ("{{ '%999999999s'|format('a') }}", "als maat of aantal"),
])
def test_each_way_to_grow_without_end_meets_a_limit(source: str, limit: str) -> None:
    with pytest.raises(limits.TemplateLimit) as raised:
        environment().from_string(source).render()
    assert limit in str(raised.value)


def test_lipsum_is_not_available() -> None:
    with pytest.raises(Exception, match="lipsum"):
        environment().from_string("{{ lipsum(n=999999) }}").render()


def test_ordinary_templates_are_unaffected() -> None:
    source = ("{% for s in steps %}{{ s.name|upper }} {{ '%3d' % s.number }}{{ '-' * 3 }}"
              "{{ loop.index ~ '.' }}{% endfor %}")
    steps = [{"name": f"stap {n}", "number": n} for n in range(1, 4)]
    assert environment().from_string(source).render(steps=steps) == \
        "STAP 1   1---1.STAP 2   2---2.STAP 3   3---3."


def test_a_render_that_takes_too_long_is_stopped(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.0)
    with pytest.raises(limits.TemplateLimit, match="vullen duurt langer dan 0 seconden"):
        environment().from_string("{% for i in range(5000) %}{{ i }}{% endfor %}").render()


def test_budgets_are_per_render(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITERATIONS", 1000)
    template = environment().from_string("{% for i in range(800) %}{% endfor %}")
    template.render()
    template.render()  # the first render's 800 iterations are not counted again
    with limits.limits(), pytest.raises(limits.TemplateLimit):
        template.render()
        template.render()  # one document's parts share one budget


def test_a_zip_bomb_template_is_refused_before_it_is_unpacked(tmp_path: Path,
                                                              monkeypatch) -> None:
    from generator.documents.templates_check import template_problems

    template = tmp_path / "werkinstructie.docx"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>" + b" " * 2_000_000)
    monkeypatch.setattr(limits, "MAX_TEMPLATE_BYTES", 1_000_000)
    problems = template_problems(template)
    assert [p.code for p in problems] == ["SJABLOON-GRENS"]
    assert "uitgepakt 2.000.013 bytes, meer dan 1.000.000" in problems[0].message
