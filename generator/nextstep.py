"""What comes next for a case: the core of `regiekit next`.

Per escalation route in use: the step that runs and its reply deadline (working days), the steps
that may follow, who may start them, who chooses, and which form they need (and whether the
case's form is complete). Also when the next case meeting is due. Only region names, step
numbers and dates are printed, never text from the case.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from generator.casecheck import DEFAULT_OPTIONS, CheckOptions, check_case
from generator.checks import form_complete, reply_term
from generator.checks.base import role_name
from generator.errors import UsageError
from generator.loader import load_yaml
from generator.model.case import Case, Outcome
from generator.model.region import Form, Frequency, Ladder, Role, Step
from generator.workdays import calendar_for


@dataclass
class NextStep:
    """A step that may be taken next on one route."""

    ladder: str
    nummer: int
    naam: str
    wie_mag_starten: list[str]
    keuze_door: str | None = None
    formulier: str | None = None
    formulier_status: str | None = None
    vanaf: str | None = None


@dataclass
class RouteStatus:
    """Where one escalation route of the case stands."""

    ladder: str
    naam: str
    huidige_stap: int | None
    status: str
    reacties_uiterlijk: str | None = None
    volgende: list[NextStep] = field(default_factory=list)


@dataclass
class MeetingDue:
    """When the next meeting with a fixed interval is due."""

    overleg: str
    uiterlijk: str


@dataclass
class NextReport:
    casus: str
    peildatum: str
    routes: list[RouteStatus] = field(default_factory=list)
    overleggen: list[MeetingDue] = field(default_factory=list)


def plan_next(path: Path, options: CheckOptions = DEFAULT_OPTIONS) -> NextReport:
    """What comes next for the case in `path`; UsageError if it cannot be read as a valid case.

    `next` reads the case's ladders, steps and roles, so the case must fit the case format and
    every reference in it must resolve; any other finding (a late reply, a missing form) does
    not stop it.
    """
    case = check_case(load_yaml(path), options).case
    if case is None or case.unresolved or case.unknown_steps:
        raise UsageError(f"{path}: casus is niet leesbaar, niet geldig of verwijst naar iets dat "
                         "de regio niet kent; draai eerst 'regiekit check' op dit bestand")
    report = NextReport(case.id, case.reference_date.isoformat())
    report.routes = [_route(case, ladder) for ladder in case.ladders_in_use()]
    report.overleggen = _meetings(case)
    return report


def _route(case: Case, ladder: Ladder) -> RouteStatus:
    events = case.escalations_on(ladder)
    if not events:
        first = case.first_step(ladder)
        status = RouteStatus(ladder.id, ladder.name, None, "knelpunt, nog niet opgeschaald")
        if first is not None:
            status.volgende.append(_next_step(case, first, None, None))
        return status
    last = events[-1]
    assert last.step is not None
    outcome = last.outcome or Outcome.RUNNING
    if outcome == Outcome.SOLUTION:
        return RouteStatus(ladder.id, ladder.name, last.number, "afgerond met een oplossing")
    due = reply_term.deadline(case, last)
    status = RouteStatus(ladder.id, ladder.name, last.number,
                         "loopt" if outcome == Outcome.RUNNING else "zonder resultaat",
                         due.isoformat() if due else None)
    status.volgende = [_next_step(case, step, last.step.chooser, due)
                       for step in case.next_steps(last.step)]
    return status


def _next_step(case: Case, step: Step, chooser: Role | None, due: date | None) -> NextStep:
    form = step.form
    return NextStep(
        step.ladder.id, step.number, step.name,
        [role_name(role) for role in step.initiators],
        role_name(chooser) if chooser else None,
        form.name if form else None,
        _form_status(case, form) if form else None,
        calendar_for(case.region).add(due, 1).isoformat() if due else None,
    )


def _form_status(case: Case, form: Form) -> str:
    filled = case.filled_forms_of(form)
    if not filled:
        return "nog niet ingevuld"
    return "volledig" if form_complete.is_complete(filled[-1], form) else "onvolledig"


def _meetings(case: Case) -> list[MeetingDue]:
    due: list[MeetingDue] = []
    for meeting in case.region.meetings:
        frequency = meeting.frequency
        if frequency.kind != Frequency.INTERVAL or frequency.days is None:
            continue
        held = [entry.date for entry in case.meetings if entry.meeting is meeting]
        latest = max(held) if held else case.start
        if latest:
            when = latest + timedelta(days=frequency.days)
            due.append(MeetingDue(meeting.name, when.isoformat()))
    return due


def render_text(report: NextReport, stream: TextIO) -> None:
    stream.write(f"casus {report.casus} (peildatum {report.peildatum})\n")
    if not report.routes and not report.overleggen:
        stream.write("geen lopende escalatie of overleg met een vaste termijn\n")
    for route in report.routes:
        current = f"stap {route.huidige_stap}" if route.huidige_stap else "nog geen stap"
        stream.write(f"- {route.naam} ({route.ladder}): {current}, {route.status}\n")
        if route.reacties_uiterlijk:
            stream.write(f"  reacties uiterlijk {route.reacties_uiterlijk}\n")
        for step in route.volgende:
            stream.write(_step_line(step))
    for meeting in report.overleggen:
        stream.write(f"- volgend {meeting.overleg} uiterlijk {meeting.uiterlijk}\n")


def _step_line(step: NextStep) -> str:
    parts = [f"  volgende: stap {step.nummer} {step.naam}",
             f"starten door: {', '.join(step.wie_mag_starten)}"]
    if step.keuze_door:
        parts.append(f"keuze door: {step.keuze_door}")
    if step.vanaf:
        parts.append(f"vanaf {step.vanaf} als er geen resultaat is")
    if step.formulier:
        parts.append(f"formulier: {step.formulier} ({step.formulier_status})")
    return "; ".join(parts) + "\n"


def run_next(path: Path, options: CheckOptions, *, output_format: str, stream: TextIO) -> int:
    report = plan_next(path, options)
    if output_format == "json":
        document: dict[str, Any] = asdict(report)
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    else:
        render_text(report, stream)
    return 0
