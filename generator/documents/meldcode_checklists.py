"""A checklist per profile of a shared protocol (the meldcode) that a region chose.

Per step what must be recorded, the profile's duties in that step and the questions of the
afwegingskader the profile places there, each with what its answers lead to; then a box for each
action the afwegingskader can lead to. The decision diagram heads the checklist.
"""

from __future__ import annotations

from generator.documents.checklists import Checklist, checklist_context, point, section
from generator.documents.decision_diagram import decision_picture
from generator.documents.meldcode import Context, branch_text, in_order, shared_protocols
from generator.documents.words import join_or
from generator.model.protocol import (
    Action,
    ActionKind,
    Answer,
    Framework,
    Profile,
    ProtocolStep,
    SharedProtocol,
)
from generator.model.region import Region


def meldcode_checklists(region: Region) -> list[Checklist]:
    """For every shared protocol the region refers to, a checklist per profile it chose."""
    return [_checklist(region, protocol.shared, profile)
            for protocol in shared_protocols(region) if protocol.shared
            for profile in protocol.profiles]


def _checklist(region: Region, shared: SharedProtocol, profile: Profile) -> Checklist:
    title = f"{shared.name}: {profile.name}"
    framework = shared.framework
    sections = [_step_section(shared, step, profile) for step in shared.steps]
    sections.append(section("Na het besluit", _action_points(framework)))
    intro = (f"Loop deze punten na bij een vermoeden van huiselijk geweld of "
             f"kindermishandeling, als professional met het profiel {profile.name}. Zet een "
             "vinkje als de stap gezet en in het dossier vastgelegd is. Veilig Thuis mag bij "
             "elke stap om advies worden gevraagd.")
    return Checklist(f"meldcode-{profile.id}", title, checklist_context(
        region, title, intro, sections, profile.source, decision_picture(framework)))


def _step_section(shared: SharedProtocol, step: ProtocolStep, profile: Profile) -> Context:
    points = [point(f"Vastgelegd: {item.text}") for item in step.records]
    points += [point(duty.text) for duty in profile.duties if duty.step_number == step.number]
    for number in profile.questions_in(step.number):
        question = shared.framework.question(number)
        if question is not None:
            points.append(point(f"Afweging {number}: {question.text}",
                                f"Ja: {branch_text(question.yes)}. "
                                f"Nee: {branch_text(question.no)}."))
    note = ""
    if step.skip is not None:
        note = (f"Deze stap mag alleen worden overgeslagen als "
                f"{join_or([ground.text for ground in step.skip.grounds])}; leg de reden vast.")
    elif step.veilig_thuis_counts:
        note = "Een raadpleging van Veilig Thuis telt als deze stap."
    return section(f"Stap {step.number}. {step.name}", points, note)


KIND_POINTS = {
    ActionKind.CLOSE: "Afgesloten, en het besluit vastgelegd",
    ActionKind.REPORT: "Gemeld bij Veilig Thuis; de cliënt vooraf ingelicht, of vastgelegd "
                       "waarom niet",
    ActionKind.HELP: "Hulp geboden of georganiseerd, met een datum waarop die wordt "
                     "geëvalueerd",
}
"""One box per kind of action: what a case must show for it (see the meldcode checks)."""


def _action_points(framework: Framework) -> list[dict[str, str]]:
    """A box per kind of action the afwegingskader leads to, in the order the questions reach
    them; the note says after which answer, and what is recorded then."""
    notes: dict[str, list[str]] = {}
    for question in in_order(framework):
        for answer in (Answer.YES, Answer.NO):
            action = question.branch(answer).action
            if action is not None:
                notes.setdefault(action.kind, []).append(
                    f"Afweging {question.number} {answer}: {_action_note(action)}")
    return [point(KIND_POINTS[kind], " ".join(texts)) for kind, texts in notes.items()]


def _action_note(action: Action) -> str:
    if action.kind == ActionKind.REPORT and action.new_report:
        return "een nieuwe melding, van na deze afweging."
    if action.records:
        return "vastleggen: " + "; ".join(item.text for item in action.records) + "."
    return action.name.lower() + "."
