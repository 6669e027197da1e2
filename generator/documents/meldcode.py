"""The shared protocols a region refers to (the meldcode) in its werkinstructie: a chapter.

Everything comes from the shared data (protocols/meldcode.yaml) and the region's choice of
profiles: the steps with what to record, the afwegingskader as a decision diagram and as a
table, the norms, and per profile which step holds which questions and its extra duties. A
change in the shared data changes every region's documents with it. The checklists per profile
are in generator.documents.meldcode_checklists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from generator.documents.decision_diagram import decision_picture
from generator.documents.words import capitalize, cited, join_and, join_or
from generator.model.protocol import Branch, Framework, Profile, ProtocolStep, Question
from generator.model.region import Protocol, Region
from generator.model.sources import Source

Context = dict[str, Any]


def shared_protocols(region: Region) -> list[Protocol]:
    """The region's protocols that refer to a shared one, in file order."""
    return [protocol for protocol in region.protocols if protocol.shared is not None]


# --- the werkinstructie's chapter --------------------------------------------------------------

def shared_chapter(region: Region) -> Context | None:
    """The chapter on the shared protocols the region refers to; None when it refers to none.
    Its title is the protocol's name when there is one (the meldcode)."""
    protocols = shared_protocols(region)
    if not protocols:
        return None
    title = protocols[0].name if len(protocols) == 1 else "Gedeelde protocollen"
    return {"title": title, "protocols": [_protocol(region, protocol, len(protocols) > 1)
                                          for protocol in protocols]}


def _protocol(region: Region, protocol: Protocol, named: bool) -> Context:
    shared = protocol.shared
    assert shared is not None
    framework = shared.framework
    return {
        "heading": protocol.name if named else "",
        "description": shared.description,
        "applies": _applies(region, protocol),
        "steps": [_step(step) for step in shared.steps],
        "steps_source": sources_line(step.source for step in shared.steps),
        "framework_heading": capitalize(framework.name),
        "diagram": decision_picture(framework),
        "questions": [_question(question) for question in in_order(framework)],
        "framework_source": sources_line(
            [framework.source] + [question.source for question in framework.questions]),
        "norms": [norm.text for norm in shared.norms],
        "norms_source": sources_line(norm.source for norm in shared.norms),
        "profiles": [_profile(profile) for profile in protocol.profiles],
    }


def _applies(region: Region, protocol: Protocol) -> list[str]:
    lines = []
    signals = [signal.name.lower() for signal in protocol.required_for]
    if signals:
        lines.append(f"In {region.name} volgen de professionals dit protocol in elk geval bij "
                     f"{join_or(signals)}, naast de coördinatie van zorg.")
    names = [profile.name for profile in protocol.profiles]
    lines.append(f"Voor de professionals in {region.name} "
                 f"{'geldt het profiel' if len(names) == 1 else 'gelden de profielen'} "
                 f"{join_and(names)}; per profiel staat hieronder in welke stap de afwegingen "
                 "vallen, en er is per profiel een checklist.")
    return lines


def _step(step: ProtocolStep) -> Context:
    notes = []
    if step.veilig_thuis_counts:
        notes.append("Een raadpleging van Veilig Thuis telt als deze stap.")
    if step.skip is not None:
        grounds = join_or([ground.text for ground in step.skip.grounds])
        notes.append(f"Alleen overslaan als {grounds}; leg de reden vast.")
    return {"number": step.number, "name": step.name,
            "description": " ".join([step.description, *notes]),
            "records": capitalize("; ".join(item.text for item in step.records)) or "—"}


def in_order(framework: Framework) -> list[Question]:
    return sorted(framework.questions, key=lambda question: question.number)


def _question(question: Question) -> Context:
    return {"number": question.number, "text": question.text,
            "yes": branch_text(question.yes), "no": branch_text(question.no)}


def branch_text(branch: Branch) -> str:
    """What an answer leads to: `Melden bij Veilig Thuis; daarna afweging 3, samen met Veilig
    Thuis`."""
    parts = [branch.action.name] if branch.action else []
    if branch.next is not None:
        together = ", samen met Veilig Thuis" if branch.with_veilig_thuis else ""
        parts.append(f"{'daarna' if parts else 'Verder met'} afweging {branch.next.number}"
                     f"{together}")
    return "; ".join(parts)


def _profile(profile: Profile) -> Context:
    rows = [{"name": f"Stap {placement.step_number}",
             "value": capitalize(placement_text(placement.question_numbers))}
            for placement in profile.placements]
    return {"heading": profile.name, "description": profile.description, "rows": rows,
            "duties": [duty.text for duty in profile.duties],
            "source": sources_line([profile.source, *(d.source for d in profile.duties)])}


def placement_text(numbers: Sequence[int]) -> str:
    """`afweging 1 en 2`, `afwegingen 3, 4 en 5`."""
    word = "afweging" if len(numbers) == 1 else "afwegingen"
    return f"{word} {join_and([str(number) for number in numbers])}"


def sources_line(sources: Iterable[Source]) -> str:
    """`Bron: <document>, <section>; <section>. <document>, <section>` for several elements
    that cite their sources: each document once, its sections in order of first mention."""
    by_document: dict[str, list[str]] = {}
    for source in sources:
        sections = by_document.setdefault(source.document.title, [])
        if source.section not in sections:
            sections.append(source.section)
    if not by_document:
        return ""
    return "Bron: " + ". ".join(cited(title, sections) for title, sections in by_document.items())
