"""`casusoverzicht.docx`: one case on a timeline, its reply deadlines, findings and what comes next.

Built from the case model only through what the region names: roles, organisations, ladders,
steps, forms, meetings, protocols and tools by their region name, plus dates, step numbers and the
case id. Nothing written in the case itself (its description, reasons, form answers, the ids of
household members or professionals) reaches this document. The findings and the next steps are
what `regiekit check` and `regiekit next` say (generator.casecheck, generator.nextstep), whose
messages never repeat case text either.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from generator.documents.casewords import OUTCOMES, case_block, person, step_label
from generator.documents.context import Context, clean, name, names_text, region_summary, row
from generator.documents.diagrams import Lane, Mark, Span, TimelineDiagram
from generator.documents.figures import Picture
from generator.documents.words import (
    capitalize,
    dutch_date,
    join_and,
    join_or,
    thousands,
    working_days,
)
from generator.errors import UsageError
from generator.findings import Finding, Result
from generator.loader import YamlDocument
from generator.model.case import Case, Escalation, HouseholdMember, Member
from generator.workdays import WorkdayCalendar, calendar_for

if TYPE_CHECKING:
    from generator.nextstep import NextReport, NextStep, RouteStatus

TITLE = "Casusoverzicht"
MAX_ROWS = 500
"""Most rows of one table. A case with more events shows the latest ones and says how many it
leaves out, so the document stays readable and its size bounded (README, Reliability)."""
MAX_STEP_LANES = 40
"""Most escalation steps drawn in the timeline chart: the latest ones."""

T = TypeVar("T")


def latest(items: list[T], limit: int = MAX_ROWS) -> tuple[list[T], int]:
    """The last `limit` items and how many came before them."""
    omitted = max(len(items) - limit, 0)
    return items[omitted:], omitted


@dataclass(frozen=True)
class Event:
    """A row of the timeline table."""

    day: date
    what: str
    who: str = ""
    note: str = ""


# --- reply deadlines --------------------------------------------------------------------------

@dataclass(frozen=True)
class Deadline:
    """The reply term of one escalation step taken by the case."""

    escalation: Escalation
    days: int
    due: date
    skipped: tuple[tuple[date, str], ...]
    """The days between sending and the deadline that do not count, with why."""


def deadlines(case: Case, calendar: WorkdayCalendar) -> list[Deadline]:
    found = []
    for escalation in case.escalations_in_order:
        days = escalation.step.reply_term_days if escalation.step else None
        if days:
            due = calendar.add(escalation.date, days)
            found.append(Deadline(escalation, days, due,
                                  tuple(days_off(calendar, escalation.date, due))))
    return found


def days_off(calendar: WorkdayCalendar, start: date, end: date) -> list[tuple[date, str]]:
    """Every day after `start` up to `end` that is not a working day: `weekend` or its name."""
    found = []
    day = start + timedelta(days=1)
    while day <= end:
        holiday = calendar.holiday_name(day)
        if holiday or day.weekday() >= 5:
            found.append((day, holiday or "weekend"))
        day += timedelta(days=1)
    return found


def skipped_text(skipped: tuple[tuple[date, str], ...]) -> str:
    """`Goede vrijdag 29 maart; weekend 30 en 31 maart` in date order, without the year."""
    groups: list[tuple[str, list[date]]] = []
    for day, why in skipped:
        previous = groups[-1] if groups else None
        if why == "weekend" and previous and previous[0] == why and \
                previous[1][-1] == day - timedelta(days=1):
            previous[1].append(day)
        else:
            groups.append((why, [day]))
    return "; ".join(
        f"{why} {join_and([str(d.day) for d in days[:-1]] + [_day_month(days[-1])])}"
        for why, days in groups) or "geen"


def _day_month(day: date) -> str:
    return dutch_date(day).rsplit(" ", 1)[0]


def replies_text(deadline: Deadline) -> str:
    replies = deadline.escalation.replies
    if not replies:
        return "Geen reacties vastgelegd"
    late = [reply for reply in replies if reply.date > deadline.due]
    text = f"{len(replies)} {'reactie' if len(replies) == 1 else 'reacties'}"
    return text + (f", waarvan {len(late)} na de termijn" if late else ", alle op tijd")


def deadline_row(deadline: Deadline) -> Context:
    step = deadline.escalation.step
    return {
        "step": f"Stap {deadline.escalation.number}" + (f" ({step.name})" if step else ""),
        "sent": dutch_date(deadline.escalation.date, weekday=True),
        "length": working_days(deadline.days),
        "due": dutch_date(deadline.due, weekday=True),
        "skipped": capitalize(skipped_text(deadline.skipped)),
        "replies": replies_text(deadline),
    }


# --- the timeline -----------------------------------------------------------------------------

def member_text(member: Member | HouseholdMember) -> str:
    """A participant as the region names it: role and organisation, or `gezinslid`."""
    if isinstance(member, HouseholdMember):
        return "gezinslid"
    parts = [name(member.role), name(member.organisation)]
    return ", ".join(p for p in parts if p) or "betrokkene"


def events(case: Case, due: dict[int, Deadline]) -> list[Event]:
    """Everything the case records, each on its date, as rows of the timeline table."""
    found = [Event(case.start, "Start coördinatie van zorg")] if case.start else []
    for assignment in case.assignments:
        role = capitalize(name(assignment.role)) or "Rol"
        holder = member_text(assignment.member) if assignment.member else ""
        notes = (["anders afgesproken"] if assignment.agreed_otherwise else []) + (
            ["met instemming van het gezin"] if assignment.family_consent else [])
        if assignment.decided_by:
            notes.append(f"besloten door {person(assignment.decided_by).lower()}")
        found.append(Event(assignment.start, f"{role} aangewezen", capitalize(holder),
                           capitalize("; ".join(notes))))
        if assignment.end:
            found.append(Event(assignment.end, f"{role}: einde", capitalize(holder)))
    for held in case.meetings:
        people = [member_text(m) for m in held.participants]
        meeting = held.meeting.name if held.meeting else "overleg"
        found.append(Event(held.date, f"{capitalize(meeting)} gehouden",
                           capitalize(join_and(sorted(set(people))))))
    for stuck in case.bottlenecks:
        ladder = stuck.ladder.name.lower() if stuck.ladder else "escalatieroute"
        found.append(Event(stuck.date, f"Knelpunt: de {ladder} is van toepassing"))
        if stuck.solved:
            found.append(Event(stuck.solved, "Knelpunt opgelost"))
    for escalation in case.escalations_in_order:
        found += escalation_events(escalation, due.get(escalation.index))
    used_for = _steps_per_form(case)
    for filled in case.forms:
        if filled.date and filled.form:
            used = used_for.get(id(filled), [])
            found.append(Event(filled.date, f"{capitalize(filled.form.name)} ingevuld",
                               note=f"Voor {join_and(used)}" if used else ""))
    for followed in case.protocols:
        protocol = followed.protocol.name if followed.protocol else "protocol"
        found.append(Event(followed.date, f"{capitalize(protocol)} gevolgd",
                           person(followed.by),
                           "Vastgelegd" if followed.recorded else "Niet vastgelegd"))
    for used_tool in case.tools:
        found.append(Event(used_tool.consulted,
                           f"{capitalize(name(used_tool.tool) or 'hulpmiddel')} geraadpleegd",
                           note=f"Laatst bijgewerkt op {dutch_date(used_tool.updated)}"
                           if used_tool.updated else ""))
    for waiver in case.waivers:
        if waiver.date:
            found.append(Event(waiver.date, f"Afgeweken van regel {waiver.rule_id}",
                               person(waiver.decided_by)))
    order = {id(event): index for index, event in enumerate(found)}
    return sorted(found, key=lambda event: (event.day, order[id(event)]))


def _steps_per_form(case: Case) -> dict[int, list[str]]:
    """Per filled form (by identity), `stap n` for each step it was used for: one pass."""
    found: dict[int, list[str]] = {}
    for escalation in case.escalations_in_order:
        if escalation.form is not None:
            found.setdefault(id(escalation.form), []).append(f"stap {escalation.number}")
    return found


def escalation_events(escalation: Escalation, deadline: Deadline | None) -> list[Event]:
    label = capitalize(step_label(escalation).rsplit(", ", 1)[0])
    notes = []
    if escalation.chosen_by:
        notes.append(f"gekozen door {person(escalation.chosen_by).lower()}")
    if escalation.addressed:
        notes.append(f"aangeschreven: {names_text(escalation.addressed)}")
    found = [Event(escalation.date, f"{label} gestart", person(escalation.started_by),
                   capitalize("; ".join(notes)))]
    for reply in escalation.replies:
        late = deadline is not None and reply.date > deadline.due
        found.append(Event(reply.date, f"Reactie op stap {escalation.number}",
                           person(reply.sender), "Na de termijn" if late else ""))
    if deadline:
        found.append(Event(deadline.due, f"Uiterste reactiedatum stap {escalation.number}",
                           note=f"{working_days(deadline.days)} na verzending; niet meegeteld: "
                                f"{skipped_text(deadline.skipped)}"))
    if escalation.closed:
        outcome = OUTCOMES.get(escalation.outcome or "", "")
        found.append(Event(escalation.closed, f"Stap {escalation.number} afgerond",
                           note=capitalize(outcome)))
    return found


def lanes(case: Case, due: dict[int, Deadline]) -> list[Lane]:
    """The chart's rows: who held which role, case meetings, bottlenecks, each step taken."""
    until = case.reference_date
    found = [Lane(capitalize(name(a.role) or "rol"),
                  spans=(Span(a.start, a.end or until, a.end is None),))
             for a in case.assignments]
    meetings = tuple(Mark(held.date) for held in case.meetings)
    if meetings:
        found.append(Lane("Casusoverleg", marks=meetings))
    found += [Lane("Knelpunt", spans=(Span(s.date, s.solved or until, s.solved is None),))
              for s in case.bottlenecks]
    drawn, omitted = latest(case.escalations_in_order, MAX_STEP_LANES)
    if omitted:
        found.append(Lane(f"{thousands(omitted)} eerdere stappen niet getekend"))
    for escalation in drawn:
        found.append(escalation_lane(escalation, due.get(escalation.index), until))
    others = tuple(Mark(day) for day in sorted(
        [f.date for f in case.forms if f.date] + [p.date for p in case.protocols]
        + [t.consulted for t in case.tools]))
    if others:
        found.append(Lane("Formulieren, protocollen en hulpmiddelen", marks=others))
    return found


def escalation_lane(escalation: Escalation, deadline: Deadline | None, until: date) -> Lane:
    step = escalation.step
    label = f"Stap {escalation.number}" + (f" {step.name}" if step else "")
    end = escalation.closed or until
    marks = [Mark(reply.date, "late-reply" if deadline and reply.date > deadline.due
                  else "reply") for reply in escalation.replies]
    if deadline:
        marks.insert(0, Mark(deadline.due, "deadline"))
    return Lane(capitalize(label), spans=(Span(escalation.date, max(end, escalation.date),
                                               escalation.closed is None),),
                marks=tuple(marks))


def timeline_picture(case: Case, calendar: WorkdayCalendar, rows: list[Event],
                     chart_lanes: list[Lane]) -> Picture | None:
    if not chart_lanes:
        return None
    days = [event.day for event in rows] + [case.reference_date]
    first, last = min(days) - timedelta(days=1), max(days) + timedelta(days=1)
    named = tuple((day, why) for day, why in days_off(calendar, first - timedelta(days=1), last)
                  if why != "weekend" and day.weekday() < 5)
    drawn = tuple(clipped(lane, first, last) for lane in chart_lanes)
    diagram = TimelineDiagram(first, last, case.reference_date, drawn, named)
    return Picture(diagram, timeline_alt(case, diagram))


def clipped(lane: Lane, first: date, last: date) -> Lane:
    """The lane as far as it falls between `first` and `last` (the days the chart shows)."""
    spans = tuple(replace(span, start=max(span.start, first), end=min(span.end, last))
                  for span in lane.spans if span.end >= first and span.start <= last)
    return replace(lane, spans=spans,
                   marks=tuple(mark for mark in lane.marks if first <= mark.day <= last))


def timeline_alt(case: Case, diagram: TimelineDiagram) -> str:
    parts = [f"Tijdlijn van casus {case.id} van {dutch_date(diagram.first)} tot "
             f"{dutch_date(diagram.last)}, peildatum {dutch_date(diagram.reference)}."]
    for lane in diagram.lanes:
        spans = [f"van {dutch_date(s.start)} tot {dutch_date(s.end)}"
                 + (" (loopt nog)" if s.running else "") for s in lane.spans]
        deadlines_ = [f"uiterste reactiedatum {dutch_date(m.day)}" for m in lane.marks
                      if m.kind == "deadline"]
        dots = [m for m in lane.marks if m.kind != "deadline"]
        points = [f"{len(dots)} {'moment' if len(dots) == 1 else 'momenten'}"] if dots else []
        parts.append(f"{lane.label}: {', '.join(spans + deadlines_ + points)}.")
    if diagram.days_off:
        parts.append("Vrije dagen op werkdagen: " + join_and(
            [f"{why} ({dutch_date(day)})" for day, why in diagram.days_off]) + ".")
    parts.append("Weekenden zijn grijs gekleurd.")
    return " ".join(parts)


# --- findings and what comes next ------------------------------------------------------------

@dataclass(frozen=True)
class Assessment:
    """What `check` and `next` say about the case."""

    result: Result
    plan: NextReport | None
    """None when `next` cannot tell (a reference the region does not know)."""


def assess(document: YamlDocument, path: Path, regions_root: Path,
           rules_file: Path | None) -> Assessment:
    """Check the loaded case against the rule catalogue and plan its next steps."""
    from generator.casecheck import CheckOptions, check_case
    from generator.nextstep import plan_checked

    options = (CheckOptions(regions_root, rules_file) if rules_file
               else CheckOptions(regions_root=regions_root))
    checked = check_case(document, options)  # once, for both (the file is not read again)
    try:
        plan: NextReport | None = plan_checked(path, checked)
    except UsageError:
        plan = None
    return Assessment(checked.result, plan)


SEVERITY = {"fout": "fout", "waarschuwing": "waarschuwing"}


def finding_row(finding: Finding) -> Context:
    return {"rule": finding.code, "severity": SEVERITY.get(str(finding.severity),
                                                           str(finding.severity)),
            "message": capitalize(finding.message), "source": finding.source or "—",
            "line": str(finding.line) if finding.line else ""}


def waived_row(case: Case, finding: Finding) -> Context:
    deciders = [person(w.decided_by) for w in case.waivers if w.rule_id == finding.code]
    return {**finding_row(finding), "decided_by": join_and(sorted(set(deciders))) or "—"}


def findings_context(case: Case, result: Result) -> Context:
    findings = sorted(result.findings, key=lambda f: (f.line, f.code))
    rows = [finding_row(finding) for finding in findings[:MAX_ROWS]]
    if len(findings) > MAX_ROWS:
        rows.append({"rule": "", "severity": "", "line": "", "source": "",
                     "message": f"En nog {thousands(len(findings) - MAX_ROWS)} bevindingen; "
                                "'regiekit check' op de casus toont ze alle"})
    return {
        "rows": rows,
        "waived": [waived_row(case, finding) for finding in result.waived],
        "verdict": "" if findings else (
            "Geen open bevindingen; van de regel hieronder wijkt de casus bewust af."
            if result.waived else "Geen bevindingen: de casus volgt de afspraken van de regio."),
    }


def _day(iso: str | None) -> str:
    return dutch_date(date.fromisoformat(iso), weekday=True) if iso else ""


PASSED = " (verstreken)"
"""As `next` marks a date before the reference date."""
SOLVED = "afgerond met een oplossing"
"""The status `next` gives a route whose last step found a solution."""


def route_text(route: RouteStatus) -> str:
    """`Escalatieladder complexe casuïstiek: stap 2, loopt; reacties uiterlijk ...`."""
    where = f"stap {route.huidige_stap}" if route.huidige_stap else "nog geen stap gezet"
    text = f"{capitalize(route.naam)}: {where}, {route.status}"
    if route.reacties_uiterlijk:
        text += f"; reacties uiterlijk {_day(route.reacties_uiterlijk)}"
    if route.aan_zet:
        from generator.nextstep import turn_text

        text += f"; nu aan zet: {turn_text(route.aan_zet, _day)}"
    if not route.volgende and route.huidige_stap and route.status != SOLVED:
        text += "; deze route heeft geen volgende stap"
    return text + "."


def next_row(step: NextStep) -> Context:
    form = f"{capitalize(step.formulier)} ({step.formulier_status})" if step.formulier else "—"
    return {"step": f"Stap {step.nummer} ({step.naam})",
            "starters": capitalize(join_or(step.wie_mag_starten)),
            "chooser": capitalize(step.keuze_door or "") or "—",
            "from": (f"Vanaf {_day(step.vanaf)}, als er geen resultaat is" if step.vanaf
                     else "Nu"),
            "form": form}


def next_context(plan: NextReport | None) -> Context:
    if plan is None:
        return {"routes": [], "meetings": [],
                "note": "Wat volgt kan niet bepaald worden: de casus verwijst naar iets dat de "
                        "regio niet kent (zie de bevindingen)."}
    routes = [{"text": route_text(route), "steps": [next_row(s) for s in route.volgende]}
              for route in plan.routes]
    meetings = [f"Volgend {meeting.overleg} uiterlijk {_day(meeting.uiterlijk)}"
                for meeting in plan.overleggen]
    meetings += [f"Volgende evaluatie van het {evaluation.plan} uiterlijk "
                 f"{_day(evaluation.uiterlijk)}{PASSED if evaluation.verstreken else ''}"
                 for evaluation in plan.evaluaties]
    if plan.plan_aan_zet:
        from generator.nextstep import turn_text

        meetings.append(f"Nog geen plan; nu aan zet: {turn_text(plan.plan_aan_zet, _day)}")
    quiet = "" if routes or meetings else ("Geen lopende escalatie en geen overleg met een "
                                           "vaste termijn.")
    return {"routes": routes, "meetings": meetings, "note": quiet}


# --- the document -----------------------------------------------------------------------------

def summary_rows(case: Case) -> list[dict[str, str]]:
    ladders = [ladder.name for ladder in case.ladders_in_use()]
    return (row("Casus (kenmerk)", case.id) + row("Regio", case.region.name)
            + row("Kader", f"{case.framework} kader" if case.framework else "")
            + row("Doelgroep", case.target_group or "")
            + row("Start", dutch_date(case.start) if case.start else "")
            + row("Peildatum", dutch_date(case.reference_date))
            + row("Escalatieroutes", capitalize(join_and(ladders))))


def overview_context(case: Case, assessment: Assessment) -> Context:
    calendar = calendar_for(case.region)
    terms = deadlines(case, calendar)
    due = {deadline.escalation.index: deadline for deadline in terms}
    everything = events(case, due)
    rows, earlier = latest(everything)
    picture = timeline_picture(case, calendar, rows, lanes(case, due))
    if earlier:
        rows.insert(0, Event(everything[earlier - 1].day, f"{thousands(earlier)} eerdere "
                                                          "gebeurtenissen niet "
                                          "getoond", note=f"Het overzicht toont de laatste "
                                                          f"{MAX_ROWS}; het dossier bevat ze alle"))
    terms_shown, earlier_terms = latest(terms)
    return {
        **clean({
            "region": region_summary(case.region),
            "doc": case_block(case, TITLE, f"Casus {case.id}", case.reference_date),
            "summary": summary_rows(case),
            "timeline": [{"date": dutch_date(e.day), "what": e.what, "who": e.who,
                          "note": e.note} for e in rows],
            "deadlines": ([{"step": f"{thousands(earlier_terms)} eerdere stappen niet getoond",
                            "sent": "", "length": "", "due": "", "replies": "",
                            "skipped": f"Het overzicht toont de laatste {MAX_ROWS}"}]
                          if earlier_terms else [])
            + [deadline_row(deadline) for deadline in terms_shown],
            "findings": findings_context(case, assessment.result),
            "next": next_context(assessment.plan),
            "privacy": "Dit overzicht toont alleen wat de regio benoemt (rollen, organisaties, "
                       "stappen, formulieren), datums en het kenmerk van de casus; namen, "
                       "omschrijvingen en antwoorden uit het dossier staan er niet in.",
        }),
        "timeline_chart": picture,
    }
