"""`regiekit build --case CASE.yaml`: the documents of one case.

Each form the case filled in comes out as the region's form with the answers in place; each
escalation step the case took by mail (werkwijze `digitaal`, the digitale zorgtafel) comes out
as the request to send: addressees, reply deadline in working days (the region's calendar, from
generator.workdays) and the case description inline. Written to `<out>/<case-id>/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from generator.documents.build import (
    BuildOptions,
    Outcome,
    PlannedDocument,
    produce,
    properties_for,
    report,
)
from generator.documents.casewords import case_block, person, step_label
from generator.documents.context import (
    Context,
    FileNames,
    clean,
    form_usage,
    names_text,
    region_summary,
    source_text,
)
from generator.documents.forms import form_context, form_sections
from generator.documents.overview import TITLE, Assessment, assess, overview_context
from generator.documents.reproducible import DocumentProperties
from generator.documents.words import capitalize, dutch_date, join_and, plural, working_days
from generator.errors import RegiekitError
from generator.filesystem import OutputTree
from generator.findings import Finding, Severity
from generator.loader import YamlDocument, load_yaml
from generator.model.case import Case, Escalation, FilledForm, build_case, region_id_of
from generator.model.region import Form, Ladder, Region, Step
from generator.regions import REGION_FILE, RegionInvalid, load_region
from generator.workdays import add_working_days

EXIT_FINDINGS = 1
OVERVIEW_FILE = "casusoverzicht.docx"
NO_RESULT = "geen-resultaat"
"""The outcome (`uitkomst`) of an escalation step that found no solution."""
BY_MAIL = "digitaal"
"""The working method (`werkwijze`) of a step done by mail: the digitale zorgtafel."""


class CaseInvalid(RegiekitError):
    """The case file does not match the case schema; `regiekit validate` shows why."""


def read_case(path: Path, regions_root: Path, warnings: list[Finding] | None = None
              ) -> tuple[YamlDocument, Case]:
    """The loaded case file and its model, read against its region once it passed the case
    schema; CaseInvalid if it does not. Its warnings (a very long text) are added to `warnings`
    when given. Messages never repeat a case's values."""
    from generator.validation import validate_document

    document = load_yaml(path)
    findings = sorted(validate_document(document))
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        raise CaseInvalid(f"casus {path} is ongeldig ({plural(len(errors), 'fout', 'fouten')}, "
                          "eerste: "
                          f"{first.location()} {first.code} {first.message}); draai "
                          "'regiekit validate' voor het volledige overzicht")
    if warnings is not None:
        warnings.extend(f for f in findings if f.severity is Severity.WARNING)
    return document, build_case(document, load_region(_region_id(document), regions_root))


def _region_id(document: YamlDocument) -> str:
    return region_id_of(document) or ""  # a schema-valid case always names its region


def case_properties(title: str, region: Region, day: date | None) -> DocumentProperties:
    """A case document's properties: the region's owner as author, dated its own day."""
    return properties_for(region, title, day)


def form_uses(case: Case) -> dict[int, list[str]]:
    """Per filled form (by identity), the steps of the case it was used for, in order: one pass
    over the escalations for all forms."""
    uses: dict[int, list[str]] = {}
    for event in case.escalations_in_order:
        if event.form is not None:
            uses.setdefault(id(event.form), []).append(step_label(event))
    return uses


def form_steps(case: Case, filled: FilledForm, uses: dict[int, list[str]]) -> str:
    """The steps of the case this filled form was used for, else the steps that require it."""
    used = uses.get(id(filled))
    if used:
        return capitalize(join_and(used))
    usage = form_usage(case.region, filled.form) if filled.form else ""
    return (f"Nog bij geen stap van deze casus gebruikt; het formulier hoort bij {usage}"
            if usage else "Bij geen stap van een escalatieroute")


def filled_form(case: Case, filled: FilledForm, path: Path,
                uses: dict[int, list[str]]) -> PlannedDocument:
    form, region = filled.form, case.region
    assert form is not None
    header = [{"name": "Casus (kenmerk)", "value": case.id},
              {"name": "Hoort bij", "value": form_steps(case, filled, uses)},
              {"name": "Ingevuld op", "value": dutch_date(filled.date) if filled.date else " "},
              {"name": "Kader en doelgroep", "value": f"{case.framework} kader, "
                                                      f"{case.target_group}"}]
    context = form_context(region, form, answers=filled.values, header=header)
    if filled.date:
        context["doc"] = clean(case_block(case, "Formulier", capitalize(form.name), filled.date))
    return PlannedDocument(path, "formulier.docx", context,
                           case_properties(f"{form.name}: {case.id}", region, filled.date),
                           region.folder)


def sender(case: Case, escalation: Escalation, step: Step) -> str:
    """Who sends the request: the role that carries the step out, with its organisation in
    this case (`Gemeentelijke (lokale) toegang, Gemeente Apeldoorn`); without a performer, the
    one who started the step."""
    role = step.performer
    if role is None:
        return person(escalation.started_by)
    organisations = [member.organisation for member in case.members
                     if member.role is role and member.organisation is not None]
    return capitalize(", ".join([role.name] + [o.name for o in organisations[:1]]))


def request_context(case: Case, escalation: Escalation, step: Step,
                    no_result: list[int]) -> Context:
    """The mail of a digitale zorgtafel: who, what, the reply deadline and the case description;
    `no_result`: the step numbers of this ladder taken without result.

    The case id is in the subject line only, never in the text of the message.
    """
    region = case.region
    sent = escalation.date
    days = step.reply_term_days
    deadline = add_working_days(region, sent, int(days)) if days else None
    signature = sender(case, escalation, step)
    filled = escalation.form
    form = filled.form if filled else None
    title = capitalize(f"verzoek {step.name.lower()}")
    head = [{"name": "Aan", "value": _addressees(escalation, step)},
            {"name": "Van", "value": signature or "—"},
            {"name": "Onderwerp", "value": f"{title}, casus {case.id}"},
            {"name": "Verzonden", "value": dutch_date(sent, weekday=True)}]
    if deadline:
        head.append({"name": "Reageren uiterlijk", "value": dutch_date(deadline, weekday=True)})
    term = (f"{working_days(int(days))} na verzending op {dutch_date(sent)}: "
            f"uiterlijk {dutch_date(deadline, weekday=True)}. Weekenden en feestdagen tellen "
            "niet mee.") if deadline and days else ""
    message = _message(case, step, no_result, reply=_reply_request(days, deadline), form=form,
                       signature=signature)
    return clean({  # type: ignore[no-any-return]
        "region": region_summary(region),
        "doc": case_block(case, "Verzoek per mail", title, sent),
        "header": head,
        "message": message,
        "deadline": term,
        "attachment_heading": f"Casusbeschrijving: {form.name}" if form else "",
        "sections": form_sections(form, filled.values) if form and filled else [],
        "source": source_text(region, step.source),
    })


def _addressees(escalation: Escalation, step: Step) -> str:
    """The organisations written to, else the step's participants."""
    if escalation.addressed:
        return f"Vaste contactpersonen van {names_text(escalation.addressed)}"
    return capitalize(names_text(step.participants)) or "Vaste contactpersonen"


def _reply_request(days: int | None, deadline: date | None) -> str:
    if deadline and days:
        return (f"Wilt u binnen {working_days(int(days))}, uiterlijk "
                f"{dutch_date(deadline, weekday=True)}, laten weten of uw organisatie een passend "
                "aanbod kan doen, of met wie dat samen zou kunnen?")
    return "Wilt u laten weten of uw organisatie een passend aanbod kan doen?"


def _message(case: Case, step: Step, no_result: list[int], *, reply: str, form: Form | None,
             signature: str) -> list[str]:
    """The paragraphs of the mail, from greeting to signature."""
    ladder = step.ladder
    history = [f"stap {number}" for number in no_result if number < step.number]
    message = [
        "Beste contactpersoon,",
        "Voor deze casus zoeken wij een passende plek of oplossing. Dit verzoek "
        f"is stap {step.number} ({step.name}) van de {ladder.name.lower()} van "
        f"{case.region.name}." + (f" Eerdere stappen ({join_and(history)}) hebben geen "
                                  "resultaat opgeleverd." if history else ""),
        reply,
        (f"De casus is beschreven in het vaste format ({form.name}); u vindt de beschrijving "
         "hieronder.") if form else "",
        "Met vriendelijke groet,",
        signature,
    ]
    return [p for p in message if p]


def _no_result(case: Case) -> dict[Ladder, list[int]]:
    """Per ladder, the step numbers taken without result, each once, in case order: computed
    once, so a case with many events is not read again for every request, and never longer
    than the ladder."""
    found: dict[Ladder, dict[int, None]] = {}
    for event in case.escalations:
        if event.ladder is not None and event.outcome == NO_RESULT:
            found.setdefault(event.ladder, {})[event.number] = None
    return {ladder: list(numbers) for ladder, numbers in found.items()}


def requests(case: Case, folder: Path, names: FileNames) -> Iterator[PlannedDocument]:
    """The mail requests of the case, one at a time; file names unique by construction:
    `verzoek-<ladder>-stap-<n>`, then with the date, then with a counter."""
    no_result = _no_result(case)
    for escalation in case.escalations:
        step = escalation.step
        if step is None or step.method != BY_MAIL:
            continue
        base = f"verzoek-{step.ladder.id}-stap-{step.number}"
        file = names.claim(base if not names.used(base) else
                           f"{base}-{escalation.date.isoformat()}")
        context = request_context(case, escalation, step, no_result.get(step.ladder, []))
        yield PlannedDocument(
            folder / f"{file}.docx", "verzoek.docx", context,
            case_properties(f"{context['doc']['title']}, casus {case.id}", case.region,
                            escalation.date),
            case.region.folder)


def overview(case: Case, assessment: Assessment, folder: Path) -> PlannedDocument:
    return PlannedDocument(folder / OVERVIEW_FILE, OVERVIEW_FILE,
                           overview_context(case, assessment),
                           case_properties(f"{TITLE}: {case.id}", case.region,
                                           case.reference_date), case.region.folder)


def plan_case(case: Case, assessment: Assessment, out: Path) -> Iterator[PlannedDocument]:
    """The overview, each filled form, each request sent by mail: planned one at a time (each
    context built when its document is rendered), file names unique by construction."""
    folder = out / case.id
    names = FileNames()
    names.claim(Path(OVERVIEW_FILE).stem)
    yield overview(case, assessment, folder)
    uses = form_uses(case)
    for filled in case.forms:
        if filled.form is not None:
            file = names.claim(f"formulier-{filled.id}")
            yield filled_form(case, filled, folder / f"{file}.docx", uses)
    yield from requests(case, folder, names)


def run_case_build(options: BuildOptions, *, stream: TextIO, errors: TextIO) -> int:
    assert options.case is not None
    outcome = Outcome()
    warnings: list[Finding] = []
    try:
        document, case = read_case(options.case, options.regions_root, warnings)
    except (CaseInvalid, RegionInvalid) as error:
        errors.write(f"regiekit: {error}\n")
        return EXIT_FINDINGS
    for warning in warnings:
        errors.write(f"regiekit: {warning.location()}: [{warning.severity.value}] {warning.code} "
                     f"{warning.message}\n")
    _refuse_region_folder(case, options)
    assessment = assess(document, options.case, options.regions_root, options.rules_file)
    with OutputTree(options.out, create=not options.check) as tree:
        produce(plan_case(case, assessment, options.out), tree, outcome, check=options.check)
    report(outcome, options, stream=stream, errors=errors)
    return outcome.exit_code()


def _refuse_region_folder(case: Case, options: BuildOptions) -> None:
    """A case id that is also a region id would put the case's documents among the region's."""
    if (options.regions_root / case.id / REGION_FILE).is_file():
        raise CaseInvalid(f"casus {options.case}: de casus-id is ook de id van een regio, dus "
                          f"{options.out / case.id}/ is de map van die regio; kies een andere "
                          "casus-id")
