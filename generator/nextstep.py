"""What comes next for a case: the core of `regiekit next`.

Per escalation route in use: the step that runs and its reply deadline (working days), who must
act now and by when (the organisations that still owe a reply, the initiators that still have to
escalate themselves, who chooses and starts the next step within the region's escalation term),
the steps that may follow, who may start them, who chooses, and which form they need (and
whether the case's form is complete). Also when the next case meeting and the next evaluation of
the plan are due, and per meldcode trajectory which step or question is due
(generator.meldcode_next). Only region names, step numbers and dates are printed, never text
from the case.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from generator.casecheck import DEFAULT_OPTIONS, CheckedCase, CheckOptions, check_case
from generator.checks import form_complete, reply_term
from generator.checks.base import organisation_name, role_name, step_text
from generator.checks.meldcode import followed
from generator.documents.words import join_and, join_or
from generator.errors import UsageError
from generator.findings import Result
from generator.loader import load_yaml
from generator.meldcode_next import MeldcodeDue, meldcode_due
from generator.model.case import Case, Escalation, Outcome
from generator.model.region import ESCALATION_TERM_DEFAULT, Form, Frequency, Ladder, Role, Step
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
class Turn:
    """Who must act now on a route, what, and by when (None: the agreement sets no term)."""

    wie: list[str]
    wat: str
    uiterlijk: str | None = None
    ieder: bool = False
    """Each of `wie` acts himself (both escalate to their own manager), not one of them."""
    verstreken: bool = False
    """`uiterlijk` lies before the case's reference date: the term has passed."""


@dataclass
class RouteStatus:
    """Where one escalation route of the case stands."""

    ladder: str
    naam: str
    huidige_stap: int | None
    status: str
    reacties_uiterlijk: str | None = None
    aan_zet: Turn | None = None
    volgende: list[NextStep] = field(default_factory=list)


@dataclass
class MeetingDue:
    """When the next meeting with a fixed interval is due."""

    overleg: str
    uiterlijk: str


@dataclass
class EvaluationDue:
    """When the plan is next evaluated: the date the plan sets, or the region's cadence asks,
    whichever comes first."""

    plan: str
    uiterlijk: str
    verstreken: bool = False


@dataclass
class NextReport:
    casus: str
    peildatum: str
    routes: list[RouteStatus] = field(default_factory=list)
    overleggen: list[MeetingDue] = field(default_factory=list)
    evaluaties: list[EvaluationDue] = field(default_factory=list)
    meldcode: list[MeldcodeDue] = field(default_factory=list)
    plan_aan_zet: Turn | None = None
    """Who must make the plan the region asks for, when the case has none yet."""


def plan_next(path: Path, options: CheckOptions = DEFAULT_OPTIONS) -> NextReport:
    """What comes next for the case in `path`; UsageError if it cannot be read as a valid case.

    `next` reads the case's ladders, steps and roles, so the case must fit the case format and
    every reference in it must resolve; any other finding (a late reply, a missing form) does
    not stop it.
    """
    return plan_checked(path, check_case(load_yaml(path), options))


def plan_checked(path: Path, checked: CheckedCase) -> NextReport:
    """What comes next for a case already checked (see plan_next); UsageError if it could not
    be read as a valid case."""
    case = checked.case
    if case is None or case.unresolved or case.unknown_steps:
        raise UsageError(f"{path}: casus is niet leesbaar, niet geldig of verwijst naar iets dat "
                         f"de regio niet kent{_first_cause(checked.result)}; 'regiekit check "
                         f"{path}' geeft alle bevindingen")
    report = NextReport(case.id, case.reference_date.isoformat())
    report.routes = [_route(case, ladder) for ladder in case.ladders_in_use()]
    report.overleggen = _meetings(case)
    report.evaluaties = _evaluations(case)
    report.meldcode = [meldcode_due(trajectory, shared, profile)
                       for trajectory, shared, profile in followed(case)]
    report.plan_aan_zet = _plan_missing(case)
    for turn in [route.aan_zet for route in report.routes] + [report.plan_aan_zet]:
        if turn is not None and turn.uiterlijk is not None:
            turn.verstreken = turn.uiterlijk < report.peildatum
    return report


def _first_cause(result: Result) -> str:
    """The first finding that stops `next` (references first: those are what it needs)."""
    findings = result.all_findings()
    blocking = [f for f in findings if f.code == "CASUS-VERWIJZING"] or findings
    if not blocking:
        return ""
    first = blocking[0]
    return f" (eerste: {first.location()} {first.code} {first.message})"


def _route(case: Case, ladder: Ladder) -> RouteStatus:
    events = case.escalations_on(ladder)
    if not events:
        first = case.first_step(ladder)
        status = RouteStatus(ladder.id, ladder.name, None, "knelpunt, nog niet opgeschaald")
        if first is not None:
            status.volgende.append(_next_step(case, first, None, None))
            stuck = min((s.date for s in case.bottlenecks if s.ladder is ladder and not s.solved),
                        default=case.reference_date)
            status.aan_zet = _start(case, [first], None, stuck)
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
    following = case.next_steps(last.step)
    status.volgende = [_next_step(case, step, last.step.chooser, due) for step in following]
    if outcome == Outcome.RUNNING:
        status.aan_zet = _running(case, events, last, due)
    elif following:
        status.aan_zet = _start(case, following, last.step.chooser, last.closed or last.date)
    alongside = _missing_companion(case, events)
    if alongside is not None:  # first of all: what should have started with a step taken
        partner, step, companion = alongside
        status.volgende.insert(0, _next_step(case, companion, None, None))
        status.aan_zet = Turn(list(dict.fromkeys(role_name(r) for r in companion.initiators)),
                              f"{step_text(companion)} tegelijk met {step_text(step)} starten",
                              _term_end(case, partner.date).isoformat())
    return status


def _missing_companion(case: Case, events: list[Escalation]
                       ) -> tuple[Escalation, Step, Step] | None:
    """A step taken (the escalation and its step) whose companion (`tegelijk_met`), where it
    applies, was not started."""
    taken = {event.number for event in events}
    for event in events:
        step = event.step
        if step is None:
            continue
        for companion in case.companions_due(step):
            if companion.number not in taken:
                return event, step, companion
    return None


def _term_end(case: Case, start: date) -> date:
    """`start` plus the region's escalation term in working days."""
    term = case.region.escalation_term
    days = term.days if term is not None else ESCALATION_TERM_DEFAULT
    return calendar_for(case.region).add(start, days)


def _start(case: Case, steps: list[Step], chooser: Role | None, since: date) -> Turn:
    """Who starts (or chooses and starts) the next step, within the escalation term."""
    what = " of ".join(step_text(step) for step in steps) + " starten"
    if chooser is not None and len(steps) > 1:
        who, what = [role_name(chooser)], f"kiezen tussen {what.removesuffix(' starten')} en " \
            "die starten"
    else:
        who = list(dict.fromkeys(role_name(role) for step in steps for role in step.initiators))
    each = len(steps) == 1 and steps[0].all_initiators
    return Turn(who, what, _term_end(case, since).isoformat(), each)


def _running(case: Case, events: list[Escalation], last: Escalation,
             due: date | None) -> Turn | None:
    """Who the running step waits for: initiators that still have to escalate themselves, the
    organisations that still owe a reply, else whoever carries the step out."""
    step = last.step
    assert step is not None
    if step.all_initiators:
        done = set().union(*(case.actor_roles(e.started_by, e.date) for e in events
                             if e.number == last.number))
        missing = [role_name(role) for role in step.initiators if role not in done]
        if missing:
            first = min(e.date for e in events if e.number == last.number)
            return Turn(missing, f"{step_text(step)} zelf zetten",
                        _term_end(case, first).isoformat(), ieder=True)
    if due is not None:
        answered = {reply.sender.acting_organisation for reply in last.replies if reply.sender}
        owing = [organisation_name(o) for o in last.addressed if o not in answered]
        if owing or not last.replies:
            return Turn(owing or ["de aangeschreven organisaties"], "reageren", due.isoformat(),
                        ieder=len(owing) > 1)
    doers = [step.performer] if step.performer else list(step.participants)
    if doers:
        return Turn([role_name(role) for role in doers], f"{step_text(step)} uitvoeren")
    return None


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


def _evaluations(case: Case) -> list[EvaluationDue]:
    """The next evaluation of each plan that runs on the reference date: the date it sets
    (`volgende_evaluatie`) or the region's cadence after its last evaluation, the earlier."""
    agreement = case.region.plan
    days = agreement.evaluation_days if agreement is not None else None
    name = agreement.name if agreement is not None else "plan"
    due = []
    for plan in case.plans:
        if not plan.active_on(case.reference_date):
            continue
        dates = [plan.next_evaluation] if plan.next_evaluation else []
        if days:
            dates.append(max((*plan.evaluations, plan.made_on)) + timedelta(days=days))
        if dates:
            when = min(dates)
            due.append(EvaluationDue(name, when.isoformat(), when < case.reference_date))
    return due


def _plan_missing(case: Case) -> Turn | None:
    """Who must make the plan: the region asks for one with a role the case has assigned, and
    the case records none. No term: no source sets one."""
    agreement = case.region.plan
    if agreement is None or case.plans:
        return None
    holders = [a.role for a in case.assignments if a.role is not None and a.role in
               agreement.roles and a.active_on(case.reference_date)]
    if not holders:
        return None
    who = agreement.made_by or tuple(holders)
    return Turn(list(dict.fromkeys(role_name(role) for role in who)),
                f"het {agreement.name} opstellen, samen met het gezin")


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
    if not (report.routes or report.overleggen or report.evaluaties or report.meldcode
            or report.plan_aan_zet):
        stream.write("geen lopende escalatie of overleg met een vaste termijn\n")
    for route in report.routes:
        current = f"stap {route.huidige_stap}" if route.huidige_stap else "nog geen stap"
        stream.write(f"- {route.naam} ({route.ladder}): {current}, {route.status}\n")
        if route.reacties_uiterlijk:
            stream.write(f"  reacties uiterlijk {route.reacties_uiterlijk}\n")
        if route.aan_zet:
            stream.write(_turn_line(route.aan_zet))
        for step in route.volgende:
            stream.write(_step_line(step))
    for meeting in report.overleggen:
        stream.write(f"- volgend {meeting.overleg} uiterlijk {meeting.uiterlijk}\n")
    if report.plan_aan_zet:
        stream.write(f"- nog geen plan; nu aan zet: {turn_text(report.plan_aan_zet)}\n")
    for evaluation in report.evaluaties:
        stream.write(f"- volgende evaluatie van het {evaluation.plan} uiterlijk "
                     f"{evaluation.uiterlijk}{PASSED if evaluation.verstreken else ''}\n")
    for due in report.meldcode:
        passed = f"stap {due.laatste_stap} gezet" if due.laatste_stap else "nog geen stap"
        by = f", uiterlijk {due.uiterlijk}" if due.uiterlijk else ""
        stream.write(f"- meldcodetraject {due.traject} (profiel {due.profiel}): {passed}; "
                     f"{due.aan_de_beurt}{by}\n")


PASSED = " (verstreken)"
"""After a date that lies before the reference date."""


def _turn_line(turn: Turn) -> str:
    return f"  nu aan zet: {turn_text(turn)}\n"


def turn_text(turn: Turn, day: Callable[[str], str] = str) -> str:
    """`procesregisseur of behandelaar/begeleider: stap 2 (...) starten, uiterlijk 2024-03-08`;
    `day` writes the date (ISO here, in words in a document)."""
    when = f"uiterlijk {day(turn.uiterlijk)}" if turn.uiterlijk else "geen termijn afgesproken"
    if turn.verstreken:
        when += PASSED
    who = f"{join_and(turn.wie)} (ieder zelf)" if turn.ieder else join_or(turn.wie)
    return f"{who}: {turn.wat}, {when}"


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
