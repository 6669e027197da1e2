"""From a region's model to template contexts: every decision in Python, templates only lay out.

References are objects already (generator.model); here they become names, cadences and next steps
become Dutch sentences, optional parts become empty lists the templates can test with
`{%p if ... %}`. The template variables are English identifiers (`heading`, `rows`, `source`);
the result holds only str, bool, int, lists and dicts, so the sandbox has nothing to call. Every
text passes `clean_text` once, at the end: characters that XML cannot carry are dropped, so no
YAML text can corrupt a document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from generator.changes.history import history
from generator.documents.diagrams import assignment_diagrams, assignment_picture, ladder_picture
from generator.documents.meldcode import shared_chapter, sources_line
from generator.documents.words import (
    capitalize,
    cited,
    clean_text,
    dutch_date,
    join_and,
    join_or,
    working_days,
)
from generator.model.region import (
    Assignment,
    Candidate,
    Commitments,
    Condition,
    Definition,
    DocumentInfo,
    EligibleOrganisation,
    Example,
    Field,
    Form,
    Frequency,
    Function,
    Ladder,
    LifeGoals,
    Meeting,
    MeetingRequirements,
    Organisation,
    Protocol,
    Region,
    Role,
    Section,
    Source,
    SourceDocument,
    Step,
    Threshold,
    Tool,
)

Context = dict[str, Any]
Named = Role | Organisation | Function | Tool | Form
"""Anything a document shows by its `name`."""

WERKWIJZE = {
    "afstemming": "onderlinge afstemming (overleg, telefoon, mail)",
    "digitaal": "per mail aan de vaste contactpersonen, met een vaste reactietermijn",
    "fysiek": "een bijeenkomst aan tafel",
}
"""How a step is carried out, where the agreement says so. Opschalen is not here: it is what an
escalation step is, and the row would only repeat the step's name and description."""

ORGANISATIESOORT = {
    "gemeente": "Gemeenten",
    "lokaal-team": "Lokale teams",
    "zorgaanbieder": "Zorgaanbieders",
    "gecertificeerde-instelling": "Gecertificeerde instellingen",
    "ketenpartner": "Ketenpartners",
    "huisarts": "Huisartsen",
    "onderwijs": "Onderwijs",
    "overig": "Overige organisaties",
}


def row(label: str, value: str | None) -> list[dict[str, str]]:
    """One label/value row for a two-column table, or none when there is no value."""
    return [{"name": label, "value": value}] if value else []


FILL_IN = [{"name": "Casus (kenmerk)", "value": " "}, {"name": "Ingevuld door", "value": " "},
           {"name": "Datum", "value": " "}]
"""The blank header rows a coordinator fills in by hand on a checklist or blank form."""


def clean(value: Any) -> Any:
    """`clean_text` applied to every string in a nested structure."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean(item) for item in value]
    if isinstance(value, dict):
        return {key: clean(item) for key, item in value.items()}
    return value


SLUG_LENGTH = 60
"""Longest file-name part made from a name: far below any file system's limit of 255 bytes."""


def slug(text: str) -> str:
    """A file-name part: `Fysieke zorgtafel` -> `fysieke-zorgtafel`, at most SLUG_LENGTH long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:SLUG_LENGTH].strip("-") or "document"


class FileNames:
    """File names unique by construction within one folder: a name given before comes back
    with `-2`, `-3`, ... (checked against every name given, suffixed ones included)."""

    def __init__(self) -> None:
        self._given: set[str] = set()
        self._next: dict[str, int] = {}

    def used(self, name: str) -> bool:
        return name in self._given

    def claim(self, name: str) -> str:
        count = self._next.get(name, 1)
        candidate = name if count == 1 else f"{name}-{count}"
        while candidate in self._given:
            count += 1
            candidate = f"{name}-{count}"
        self._next[name] = count + 1
        self._given.add(candidate)
        return candidate


# --- names of what the model refers to --------------------------------------------------------

def name(item: Named | None) -> str:
    """The name of a role, organisation, function, tool or form; empty for none."""
    return item.name if item is not None else ""


def names_text(items: Iterable[Named], *, either: bool = False) -> str:
    """`a, b en c` (or `a, b of c` with either) of the items' names."""
    names = [item.name for item in items]
    return join_or(names) if either else join_and(names)


def source_text(region: Region, source: Source | None) -> str:
    """`Bron: <document>, <section>`; the document title only when the region has several, or
    when the source is not the region's own (a shared protocol's), and then the section only
    where it adds to the title (`cited`)."""
    if source is None:
        return ""
    if len(region.sources) > 1 or source.document not in region.sources:
        return f"Bron: {cited(source.document.title, [source.section])}"
    return f"Bron: {source.section}"


def condition_texts(conditions: Iterable[Condition]) -> list[str]:
    return [condition.text for condition in conditions]


def conditions_brief(conditions: Iterable[Condition]) -> str:
    """The conditions as one clause: `vrijwillig kader; minstens twee probleemgebieden`."""
    return "; ".join(text.rstrip(".") for text in condition_texts(conditions))


def candidate_text(candidate: Candidate) -> str:
    """`casemanager` or `ouders (alleen bij jeugd)`."""
    brief = conditions_brief(candidate.conditions)
    return f"{candidate.role.name} ({brief[:1].lower()}{brief[1:]})" if brief \
        else candidate.role.name


def candidates_text(candidates: Sequence[Candidate]) -> str:
    return join_or([candidate_text(candidate) for candidate in candidates])


# --- the region on every document -----------------------------------------------------------

def document_title(region: Region) -> str:
    return region.document.title if region.document else region.name


def document_date(region: Region) -> str:
    """The agreement's date in words (adopted on, else in force from), or the empty string:
    never today's date."""
    day = region.document.day if region.document else None
    return dutch_date(day) if day else ""


def _date_text(day: date | None) -> str:
    return dutch_date(day) if day else ""


def region_summary(region: Region) -> Context:
    """The `region` block every document shows on its title page and in its header."""
    document = region.document
    return {
        "name": region.name,
        "title": document_title(region),
        "date": document_date(region),
        "version": document.version if document else "",
        "drafted_by": document.drafted_by if document else "",
        "work_area": join_and(region.work_area),
        "target_groups": join_and(region.target_groups),
    }


NOT_RECORDED = "niet vastgelegd"
"""What the title page says when the agreement names no date for its next review."""


def control_rows(control: DocumentInfo | None) -> list[dict[str, str]]:
    """Document control on the title page: version, owner, who drafted and who adopted it,
    when, from when it applies and when it is reviewed next (always shown, so a missing review
    date is visible)."""
    if control is None:
        return row("Volgende herziening", NOT_RECORDED)
    return (row("Versie", control.version) + row("Eigenaar", control.owner)
            + row("Opgesteld door", control.drafted_by if control.drafted_by != control.owner
                  else "")
            + row("Vastgesteld door", control.adopted_by)
            + row("Vastgesteld op", _date_text(control.date))
            + row("In werking per", _date_text(control.in_force_from))
            + row("Volgende herziening", _date_text(control.next_review) or NOT_RECORDED))


def document_block(region: Region, kind: str, title: str) -> Context:
    """Title-page data: kind (`Werkinstructie`), title, the metadata rows and the footer line
    (kind, region, version and date of the agreement)."""
    summary = region_summary(region)
    rows = (row("Regio", summary["name"]) + row("Werkgebied", summary["work_area"])
            + row("Doelgroep", summary["target_groups"]) + control_rows(region.document))
    version = f"versie {summary['version']}" if summary["version"] else ""
    return {"kind": kind, "title": title, "rows": rows,
            "footer": " · ".join(p for p in (kind, summary["name"], version, summary["date"])
                                 if p)}


# --- werkinstructie -------------------------------------------------------------------------

CHAPTERS = [
    ("introduction", "Aanleiding, doel en reikwijdte"),
    ("definitions", "Begrippen"),
    ("functions", "Functies"),
    ("roles", "Rollen en taken"),
    ("meetings", "Casusoverleg"),
    ("assignments", "Wie wordt regisseur of casemanager"),
    ("escalation", "Escalatie"),
    ("tools", "Hulpmiddelen en protocollen"),
    ("shared", "Meldcode (gedeelde protocollen)"),
    ("commitments", "Wat we van de betrokken partijen vragen"),
    ("examples", "Voorbeelden uit de praktijk"),
    ("frameworks", "Kaders en evaluatie"),
]
APPENDICES = [("organisations", "Organisaties"), ("forms", "Formulieren"),
              ("sources", "Bronnen")]


def cite_once(items: list[Context]) -> list[Context]:
    """Items in a row that cite the same source show it once, after the last of them: eight
    roles from one section of the agreement get one "Bron" line, not eight."""
    for item, following in zip(items, items[1:], strict=False):
        if item.get("source") and item.get("source") == following.get("source"):
            item["source"] = ""
    return items


def appendix_letters(region: Region) -> dict[str, str]:
    """The letter of each appendix the work instruction has (`{"forms": "B", ...}`): what a
    reference to "bijlage B" in any of the region's documents points at."""
    present = {"organisations": region.organisations, "forms": region.forms,
               "sources": region.sources}
    return {key: chr(ord("A") + index) for index, key in enumerate(
        key for key, _ in APPENDICES if present[key])}


def forms_appendix(region: Region) -> str:
    """`bijlage B`, the work instruction's appendix with the forms."""
    letter = appendix_letters(region).get("forms")
    return f"bijlage {letter}" if letter else ""


def werkinstructie_context(region: Region) -> Context:
    """Everything the work instruction shows, chapter by chapter. Its table of contents is built
    from the headings when it is rendered (generator.documents.finishing)."""
    parts: Context = {
        "introduction": introduction(region),
        "definitions": [definition(region, item) for item in region.definitions],
        "functions": [function(region, item) for item in region.functions],
        "roles": [role(region, item) for item in region.roles],
        "meetings": [meeting(region, item) for item in region.meetings],
        "assignments": [assignment(region, item) for item in region.assignments],
        "assignment_diagrams": [assignment_picture(diagram)
                                for diagram in assignment_diagrams(region).values()],
        "escalation": [ladder(region, item) for item in region.ladders],
        "tools": ([tool(region, item) for item in region.tools]
                  + [protocol(region, item) for item in own_protocols(region)]),
        "shared": shared_chapter(region),
        "commitments": commitments(region, region.commitments),
        "examples": [example(region, item) for item in region.examples],
        "frameworks": frameworks(region),
        "organisations": organisation_groups(region),
        "forms": [form_summary(region, item) for item in region.forms],
        "sources": [source_row(item) for item in region.sources],
    }
    for items in parts.values():
        if isinstance(items, list):
            cite_once(items)
    numbers = chapter_numbers(region)
    letters = appendix_letters(region)
    context = {
        "region": region_summary(region),
        "doc": document_block(region, "Werkinstructie", document_title(region)),
        "changes": version_history(region),
        "chapter": {key: numbers.get(key, "") for key, _ in CHAPTERS},
        "appendix": {key: letters.get(key, "") for key, _ in APPENDICES},
        **parts,
    }
    return clean(context)  # type: ignore[no-any-return]


def version_history(region: Region) -> Context | None:
    """The `Wijzigingen` section: what changed since the previous version, when the region
    states a version and its history in git names a previous one (generator.changes.history)."""
    found = history(region)
    if found is None:
        return None
    adopted = f" (vastgesteld op {dutch_date(found.day)})" if found.day else ""
    since = f"versie {found.version}{adopted}"
    lines = [change.line_with_source for change in found.changes]
    return {"introduction": f"Gewijzigd ten opzichte van {since}:" if lines else
            f"Ten opzichte van {since} zijn de afspraken niet gewijzigd.", "lines": lines}


def introduction(region: Region) -> Context | None:
    intro = region.introduction
    if intro is None:
        return None
    summary = region_summary(region)
    scope = " ".join(filter(None, [
        f"De afspraken gelden in {summary['work_area']}." if summary["work_area"] else "",
        f"Doelgroep: {summary['target_groups']}." if summary["target_groups"] else "",
    ]))
    return {
        "occasion": intro.occasion,
        "purpose": intro.purpose,
        "scope": intro.scope,
        "applies_to": scope,
        "principles": list(intro.principles),
        "source": source_text(region, intro.source),
    }


def definition(region: Region, item: Definition) -> Context:
    return {
        "heading": capitalize(item.term),
        "description": item.description,
        "indicators_intro": f"Er is sprake van {item.term} als minstens één van deze kenmerken "
                            "geldt:",
        "indicators": [capitalize(text) for text in item.criteria],
        "rows": [],
        "source": source_text(region, item.source),
    }


def function(region: Region, item: Function) -> Context:
    return {
        "heading": capitalize(item.name),
        "description": item.description,
        "rows": (row("Wanneer", item.when)
                 + row("Uitgevoerd door", names_text(region.holders_of(item)))),
        "source": source_text(region, item.source),
    }


def role(region: Region, item: Role) -> Context:
    kind = item.organisation_kind
    return {
        "heading": capitalize(item.name),
        "description": item.description,
        "rows": (
            row("Functie", name(item.function))
            + row("Werkgever", name(item.employer))
            + row("Werkt bij", ORGANISATIESOORT.get(kind, "").lower() if kind else "")
            + row("Positie", item.position)
            + row("Onafhankelijk", "ja" if item.independent else "")
            + row("Ondersteund door", names_text(item.supported_by))
            + row("Legt verantwoording af aan", name(item.reports_to))
            + row("Inzet", "tijdelijk" if item.temporary else "")
            + row("Geeft het werk terug aan", hand_back_text(item))),
        "tasks": [capitalize(task) for task in item.tasks],
        "organisations": [eligible_organisation(eligible)
                          for eligible in item.eligible_organisations],
        "source": source_text(region, item.source),
    }


def hand_back_text(item: Role) -> str:
    """Who takes a temporary role's work back: the region's roles, or the person themselves."""
    if not item.hands_back_to:
        return ""
    return capitalize(join_or([taker.name for taker in item.hands_back_to]))


def eligible_organisation(item: EligibleOrganisation) -> str:
    conditions = condition_texts(item.conditions)
    return f"{item.organisation.name}: {' '.join(conditions)}" if conditions \
        else item.organisation.name


def cadence(frequency: Frequency) -> str:
    """`elke 2 weken`, `periodiek, zonder vaste termijn`, `op verzoek van de zorgbemiddelaar`."""
    if frequency.kind == "interval":
        days = int(frequency.days or 0)
        if days % 7 == 0:
            weeks = days // 7
            return "elke week" if weeks == 1 else f"elke {weeks} weken"
        return "elke dag" if days == 1 else f"elke {days} dagen"
    if frequency.kind == "op_verzoek":
        requester = name(frequency.requested_by)
        return f"op verzoek van de {requester}" if requester else "op verzoek"
    return "periodiek, zonder vaste termijn"


def cadence_text(frequency: Frequency) -> str:
    words = cadence(frequency)
    note = frequency.description
    return f"{capitalize(words)} ({note.rstrip('.')})" if note and note.lower() != (
        words + ".").lower() else capitalize(words)


def meeting(region: Region, item: Meeting) -> Context:
    title = f"{item.name} ({item.abbreviation})" if item.abbreviation else item.name
    goals = region.life_goals if region.life_goals and \
        region.life_goals.by_meeting is item else None
    sources = [source for source in (item.requirements and item.requirements.source,
                                     goals and goals.source) if source]
    return {
        "heading": capitalize(title),
        "description": "",
        "purpose": item.purpose,
        "rows": (
            row("Frequentie", cadence_text(item.frequency))
            + row("Voorzitter", item.chair.name)
            + row("Deelnemers", names_text(item.participants))
            + row("Functie", name(item.function))
            + row("Vereisten", requirements_text(item.requirements))
            + row("Levensdoelen", life_goals_text(goals))),
        "source": sources_line([item.source, *sources]) if sources
        else source_text(region, item.source),
    }


def requirements_text(item: MeetingRequirements | None) -> str:
    """`Minstens 3 disciplines; toestemming van de persoon vooraf; ...`."""
    if item is None:
        return ""
    parts = [f"minstens {item.disciplines} disciplines" if item.disciplines else "",
             "toestemming van de persoon vooraf" if item.consent_first else "",
             "de persoon neemt deel, of er is vastgelegd waarom niet (een getekende verklaring)"
             if item.person_present else ""]
    return capitalize("; ".join(part for part in parts if part))


def life_goals_text(item: LifeGoals | None) -> str:
    """`Vastgelegd uiterlijk bij het eerste MDO, in kaart gebracht met de kernvragen`."""
    if item is None or item.by_meeting is None:
        return ""
    tools = f", in kaart gebracht met {names_text(item.tools)}" if item.tools else ""
    return f"Vastgelegd uiterlijk bij het eerste {item.by_meeting.name}{tools}"


def conditions_list(conditions: Sequence[Condition]) -> Context:
    """Conditions as a list with its lead-in: one condition, or all of several, must hold."""
    texts = [capitalize(text) for text in condition_texts(conditions)]
    lead = "Geldt alleen als aan alle voorwaarden is voldaan:" if len(texts) > 1 else \
        "Geldt alleen als:"
    return {"intro": lead if texts else "", "texts": texts}


def assignment_heading(region: Region, item: Assignment) -> str:
    """`Wie wordt gezinscoach`; where two rules make someone the same role, the first condition
    tells them apart (`Wie wordt procesregisseur: gedwongen kader jeugd`)."""
    heading = f"Wie wordt {item.role.name}"
    others = [other for other in region.assignments_for(item.role) if other is not item]
    if others and item.conditions:
        heading += ": " + item.conditions[0].text.rstrip(".").lower()
    return heading


def plan_text(region: Region, item: Assignment) -> str:
    """What the region agrees on the plan, where this assignment calls for one."""
    plan = region.plan
    if plan is None or item.role not in plan.roles:
        return ""
    text = f"Eén {plan.name}, samen met het gezin gemaakt, met gezamenlijke doelen"
    if plan.made_by:
        text += f", onder leiding van de {join_or([role.name for role in plan.made_by])}"
    if plan.evaluation_days:
        text += f"; evaluatie minstens elke {plan.evaluation_days} dagen"
    return text + "."


def assignment(region: Region, item: Assignment) -> Context:
    role_name = item.role.name
    deviation = ("Afwijken mag, als dat expliciet is afgesproken."
                 if item.unless_agreed_otherwise else "")
    return {
        "heading": assignment_heading(region, item),
        "description": item.description,
        "conditions": conditions_list(item.conditions),
        "rows": (
            row(f"{capitalize(role_name)} wordt", candidates_text(item.candidates))
            + row("Afwijken", deviation)
            + row("Na expliciete afspraak ook", candidates_text(item.alternatives))
            + row("Wie besluit", name(item.decided_by))
            + row("Besluit", " ".join(capitalize(c.text) for c in item.decision_conditions))
            + row("Moment", item.moment)
            + row("Plan", plan_text(region, item))),
        "selection_criteria": [capitalize(text) for text in item.selection_criteria],
        "source": source_text(region, item.source),
    }


def reply_term(days: int | None) -> str:
    if not days:
        return ""
    return f"{working_days(days)} (weekenden en feestdagen tellen niet mee)"


def alongside(step: Step) -> str:
    """`Tegelijk met deze stap: stap 2 (Regionaal doorbraakteam inschakelen), alleen bij
    jeugd.`: the steps taken at the same time as this one, not after it."""
    parts = []
    for companion in step.companions:
        brief = conditions_brief(companion.conditions)
        parts.append(f"stap {companion.number} ({capitalize(companion.name)})"
                     + (f", {brief[:1].lower()}{brief[1:]}" if brief else ""))
    return f"Tegelijk met deze stap, niet erna: {join_and(parts)}." if parts else ""


def together_text(step: Step) -> str:
    """`Tegelijk met stap 1 (Opschalen), niet erna` for a step taken alongside another."""
    partner = step.together_with
    return (f"Tegelijk met stap {partner.number} ({capitalize(partner.name)}), niet erna"
            if partner else "")


def next_steps(step: Step) -> str:
    """What happens when the step brings no result, in one or two sentences; first what is
    done at the same time."""
    return " ".join(filter(None, [alongside(step), _after(step)]))


def _after(step: Step) -> str:
    follow = step.follow_up
    closing = ("De bespreking wordt pas afgesloten als er een passende oplossing is gevonden."
               if step.closes_only_with_solution else "")
    if follow is None:
        last = "Daarna volgt geen stap meer." if step.companions or step.together_with \
            else "Dit is de laatste stap."
        return " ".join(filter(None, [last, closing]))
    numbers = [f"stap {number}" for number in follow.step_numbers]
    sentence = f"Bij geen resultaat volgt {join_or(numbers)}."
    decider = name(follow.chosen_by)
    if len(numbers) > 1 and decider:
        sentence = (f"Bij geen resultaat volgt {join_or(numbers)}; de {decider} beslist welke "
                    "stap het meest effectief lijkt.")
    elif decider:
        sentence += f" Daarover beslist de {decider}."
    return " ".join(filter(None, [sentence, closing, _unless_repeated(follow.note, sentence)]))


def _unless_repeated(note: str, sentence: str) -> str:
    """A note only when it adds something beyond the generated sentence."""
    words = set(re.findall(r"\w+", sentence.lower()))
    extra = set(re.findall(r"\w+", note.lower())) - words - {"trap", "volgt"}
    return note if len(extra) > 2 else ""


def starters(step: Step) -> str:
    """`Procesregisseur of behandelaar`, or with alle_initiatiefnemers `... en ..., elk zelf`."""
    if step.all_initiators and len(step.initiators) > 1:
        return capitalize(names_text(step.initiators)) + ", elk zelf"
    return capitalize(names_text(step.initiators, either=True))


def step_heading(step: Step) -> str:
    return f"Stap {step.number}. {capitalize(step.name)}"


def conditions_row(label: str, conditions: Sequence[Condition]) -> list[dict[str, str]]:
    """A single condition as a table row (several go in a list, see conditions_list)."""
    return row(label, capitalize(conditions[0].text)) if len(conditions) == 1 else []


def step(region: Region, item: Step) -> Context:
    method = item.method
    days = item.reply_term_days
    several = item.conditions if len(item.conditions) > 1 else ()
    return {
        "number": int(item.number),
        "name": item.name,
        "heading": step_heading(item),
        "description": item.description,
        "starters": starters(item),
        "reply_term": working_days(int(days)) if days else "—",
        "form_name": name(item.form) or "—",
        "rows": (
            row("Wanneer", together_text(item))
            + row("Wie mag de stap starten", starters(item))
            + row("Wie voert de stap uit", capitalize(name(item.performer)))
            + row("Wie neemt deel", capitalize(names_text(item.participants)))
            + row("Werkwijze", capitalize(WERKWIJZE.get(method, "")) if method else "")
            + row("Hulpmiddel", capitalize(name(item.tool)))
            + row("Reactietermijn", reply_term(days))
            + row("Verplicht formulier", form_requirement(region, item.form))
            + conditions_row("Alleen van toepassing als", item.conditions)),
        "conditions": conditions_list(several),
        "meeting_conditions": [condition.text for condition in item.meeting_conditions],
        "follow_up": next_steps(item),
        "source": source_text(region, item.source),
    }


def form_file(form: Form) -> str:
    """The file name of a region's blank form."""
    return f"formulier-{form.id}.docx"


def form_requirement(region: Region, form: Form | None) -> str:
    """`Format omschrijving casus, volledig ingevuld (zie bijlage B)`."""
    if form is None:
        return ""
    appendix = forms_appendix(region)
    return f"{capitalize(form.name)}, volledig ingevuld" + (f" (zie {appendix})" if appendix
                                                            else "")


def chapter_numbers(region: Region) -> dict[str, str]:
    """The number of each chapter the work instruction has, as its headings show it."""
    present = {
        "introduction": region.introduction, "definitions": region.definitions,
        "functions": region.functions, "roles": region.roles, "meetings": region.meetings,
        "assignments": region.assignments, "escalation": region.ladders,
        "tools": region.tools or own_protocols(region), "commitments": region.commitments,
        "shared": shared_chapter(region),
        "examples": region.examples,
        "frameworks": region.framework_fits or region.evaluations,
    }
    return {key: str(index) for index, key in enumerate(
        (key for key, _ in CHAPTERS if present[key]), start=1)}


def ladder(region: Region, item: Ladder) -> Context:
    definition_term = item.definition.term if item.definition else ""
    steps = [step(region, s) for s in item.steps]
    source_of_last = steps[-1]["source"] if steps else ""
    cite_once(steps)
    source = source_text(region, item.source)
    chapter = chapter_numbers(region).get("definitions")
    where = f" (zie hoofdstuk {chapter})" if chapter else ""
    return {
        "heading": capitalize(item.name),
        "diagram": ladder_picture(item),
        "description": item.description,
        "triggers": [capitalize(text) for text in item.triggers],
        "rows": (
            row("Geldt voor", capitalize(definition_term) + where if definition_term else "")
            + conditions_row("Alleen als", item.conditions)
            + row("Uitgangspunt", item.principle)),
        "conditions": conditions_list(item.conditions if len(item.conditions) > 1 else ()),
        "steps": steps,
        "overview": len(steps) > 1,
        "source": "" if source == source_of_last else source,
    }


def tool(region: Region, item: Tool) -> Context:
    months = item.refresh_months
    return {
        "heading": capitalize(item.name),
        "description": item.description,
        "rows": (
            row("Beheerd door", capitalize(name(item.managed_by)))
            + row("Gevuld door", capitalize(names_text(item.filled_by)))
            + row("Toegang", capitalize(names_text(item.access)))
            + row("Bijwerken", ("elke maand" if months == 1 else f"elke {months} maanden")
                  if months else "")
            + row("Drempel", threshold_text(item.threshold))),
        "source": sources_line([item.source, item.threshold.source]) if item.threshold
        else source_text(region, item.source),
    }


def threshold_text(item: Threshold | None) -> str:
    """From which score the fuller assessment follows, or that the region has set none."""
    if item is None:
        return ""
    follow_up = name(item.follow_up)
    if item.value is None:
        return (f"Geen drempelscore vastgelegd: er is geen gepubliceerde drempel voor een "
                f"vervolgbeoordeling met {follow_up}")
    value = f"{item.value:g}".replace(".", ",")
    return f"Vanaf score {value}: een vervolgbeoordeling met {follow_up}"


def example(region: Region, item: Example) -> Context:
    return {
        "heading": capitalize(item.title),
        "paragraphs": list(item.narrative),
        "shows": [capitalize(text) for text in item.shows],
        "source": source_text(region, item.source),
    }


def own_protocols(region: Region) -> list[Protocol]:
    """The region's own protocols; a shared one it refers to has a chapter of its own."""
    return [item for item in region.protocols if item.shared is None]


def protocol(region: Region, item: Protocol) -> Context:
    signals = [signal.name.lower() for signal in item.required_for]
    return {
        "heading": capitalize(item.name),
        "description": item.description,
        "rows": (row("Verplicht bij", capitalize(join_or(signals)))
                 + row("Per casus uitgewerkt en gedeeld met",
                       capitalize(names_text(item.shared_with)))),
        "source": source_text(region, item.cited),
    }


def commitments(region: Region, item: Commitments | None) -> Context | None:
    if item is None:
        return None
    return {
        "introduction": item.introduction or "Van de betrokken partijen vragen we:",
        "points": [capitalize(text) for text in item.items],
        "source": source_text(region, item.source),
    }


def frameworks(region: Region) -> Context | None:
    fits = [{"framework": fit.framework, "fits": "ja" if fit.fits else "nee", "note": fit.note}
            for fit in region.framework_fits]
    evaluations = [{"subject": capitalize(evaluation.subject),
                    "date": dutch_date(evaluation.date), "note": evaluation.note}
                   for evaluation in region.evaluations]
    if not fits and not evaluations:
        return None
    return {"fits": fits, "evaluations": evaluations}


def organisation_groups(region: Region) -> list[Context]:
    groups: dict[str, list[Context]] = {}
    for organisation in region.organisations:
        groups.setdefault(organisation.kind, []).append(
            {"name": organisation.name, "description": organisation.description})
    return [{"heading": ORGANISATIESOORT[kind], "organisations": groups[kind]}
            for kind in ORGANISATIESOORT if kind in groups]


def form_usage(region: Region, form: Form) -> str:
    """`stap 2, 3 en 4 van de escalatieladder complexe casuïstiek`."""
    uses = []
    for used_on, steps in region.form_uses(form):
        numbers = [str(s.number) for s in steps]
        uses.append(f"{'stap' if len(numbers) == 1 else 'stappen'} {join_and(numbers)} van de "
                    f"{used_on.name.lower()}")
    return join_and(uses)


def field_label(field: Field) -> str:
    """`<group>: <label>`, or the label alone for a field outside a group."""
    return f"{field.group}: {field.label}" if field.group else field.label


def field_text(field: Field) -> str:
    label = field_label(field)
    return label if field.required else f"{label} (niet verplicht)"


def section_title(number: int, section: Section) -> str:
    """`1. Om wie gaat het?`: numbered as on paper, unless the title carries its own number."""
    return section.title if re.match(r"\d", section.title) else f"{number}. {section.title}"


def form_summary(region: Region, item: Form) -> Context:
    usage = form_usage(region, item)
    return {
        "heading": capitalize(item.name),
        "description": item.description or (f"Te gebruiken bij {usage}." if usage else ""),
        "sections": [{"heading": section_title(number, s),
                      "fields": [field_text(f) for f in s.fields]}
                     for number, s in enumerate(item.sections, start=1)],
        "source": source_text(region, item.source),
    }


def source_row(item: SourceDocument) -> Context:
    """A source document as a reader can find it: title, date, publisher and address (never
    the file name it has in the project)."""
    details = [text for text in (item.publisher, item.url) if text]
    when = dutch_date(item.date) if item.date else ""
    return {"title": item.title, "date": when or "—", "details": ", ".join(details)}
