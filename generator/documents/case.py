"""`regiekit build --case CASE.yaml`: the documents of one case.

Each form the case filled in comes out as the region's form with the answers in place; each
escalation step the case took by mail (werkwijze `digitaal`, the digitale zorgtafel) comes out
as the request to send: addressees, reply deadline in working days (the region's calendar, from
generator.workdays) and the case description inline. Written to `<out>/<case-id>/`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO

from generator.documents.build import (
    BuildOptions,
    Outcome,
    PlannedDocument,
    deliver,
    midnight,
    render_all,
    report,
)
from generator.documents.context import (
    Context,
    Data,
    RegionView,
    clean,
    document_block,
    region_summary,
)
from generator.documents.forms import form_context, form_sections
from generator.documents.reproducible import DocumentProperties
from generator.documents.words import capitalize, dutch_date, join_and, plural
from generator.errors import RegiekitError
from generator.findings import Severity
from generator.loader import load_yaml
from generator.regions import Region, RegionInvalid, load_region
from generator.workdays import add_working_days

EXIT_FINDINGS = 1


class CaseInvalid(RegiekitError):
    """The case file does not match the case schema; `regiekit validate` shows why."""


def load_case(path: Path) -> Data:
    from generator.validation import validate_document

    document = load_yaml(path)
    errors = sorted(f for f in validate_document(document) if f.severity is Severity.ERROR)
    if errors:
        first = errors[0]
        raise CaseInvalid(f"casus {path} is ongeldig ({len(errors)} fout(en), eerste: "
                          f"{first.location()} {first.code} {first.message}); draai "
                          "'regiekit validate' voor het volledige overzicht")
    return document.data  # type: ignore[no-any-return]


def person(view: RegionView, case: Data, actor: Data | None) -> str:
    """`gecertificeerde instelling (GI), Jeugdbescherming Gelderland` for an actor of the case."""
    if not actor:
        return ""
    involved = {str(b["id"]): b for b in case.get("betrokkenen", [])}
    record = involved.get(str(actor.get("betrokkene")), {}) | {
        k: v for k, v in actor.items() if k in ("rol", "organisatie")}
    parts = [view.role(record.get("rol")), view.organisation(record.get("organisatie"))]
    return capitalize(", ".join(p for p in parts if p))


def case_properties(title: str, region: Data, day: str | None) -> DocumentProperties:
    return DocumentProperties(title=title, subject=str(region["naam"]), author="regiekit",
                              created=midnight(day))


def filled_form(region: Region, case: Data, filled: Data, folder: Path) -> PlannedDocument | None:
    form = next((f for f in region.yaml.data.get("formulieren", [])
                 if f["id"] == filled["formulier"]), None)
    if form is None:
        return None
    header = [{"label": "Casus (kenmerk)", "waarde": str(case["casus"])},
              {"label": "Ingevuld op", "waarde": dutch_date(date.fromisoformat(filled["datum"]))
               if filled.get("datum") else " "},
              {"label": "Kader en doelgroep", "waarde": f"{case['kader']} kader, "
                                                         f"{case['doelgroep']}"}]
    context = form_context(region.yaml.data, form, answers=filled.get("velden"), header=header)
    return PlannedDocument(folder / f"formulier-{filled['id']}.docx", "formulier.docx", context,
                           case_properties(f"{form['naam']}: {case['casus']}", region.yaml.data,
                                           filled.get("datum")), region.folder)


def request_context(region: Region, case: Data, escalation: Data, ladder: Data,
                    step: Data) -> Context:
    """The mail of a digitale zorgtafel: who, what, the reply deadline and the case description."""
    view = RegionView(region.yaml.data)
    sent = date.fromisoformat(escalation["datum"])
    days = step.get("reactietermijn_werkdagen")
    deadline = add_working_days(region.yaml.data, sent, int(days)) if days else None
    sender = person(view, case, escalation.get("gestart_door"))
    filled = next((f for f in case.get("formulieren", [])
                   if f["id"] == escalation.get("formulier")), None)
    form = next((f for f in region.yaml.data.get("formulieren", [])
                 if filled and f["id"] == filled["formulier"]), None)
    title = f"Verzoek {str(step['naam']).lower()}, casus {case['casus']}"
    head = [{"label": "Aan", "waarde": _addressees(view, escalation, step)},
            {"label": "Van", "waarde": sender or "—"},
            {"label": "Onderwerp", "waarde": capitalize(title)},
            {"label": "Verzonden", "waarde": dutch_date(sent, weekday=True)}]
    if deadline:
        head.append({"label": "Reageren uiterlijk", "waarde": dutch_date(deadline, weekday=True)})
    term = (f"{plural(int(days), 'werkdag', 'werkdagen')} na verzending op {dutch_date(sent)}: "
            f"uiterlijk {dutch_date(deadline, weekday=True)}. Weekenden en feestdagen tellen "
            "niet mee.") if deadline and days else ""
    message = _message(view, case, ladder, step, reply=_reply_request(days, deadline),
                       form=form, sender=sender)
    return clean({  # type: ignore[no-any-return]
        "regio": region_summary(view),
        "doc": document_block(view, "Verzoek per mail", capitalize(title)),
        "kop": head,
        "bericht": message,
        "termijn": term,
        "bijlage_kop": f"Casusbeschrijving: {form['naam']}" if form else "",
        "secties": form_sections(form, filled.get("velden")) if form and filled else [],
        "bron": view.source(step.get("bron")),
    })


def _addressees(view: RegionView, escalation: Data, step: Data) -> str:
    """The organisations written to, else the step's participants."""
    addressees = [view.organisation(o) for o in escalation.get("aangeschreven", [])]
    return (f"Vaste contactpersonen van {join_and(addressees)}" if addressees
            else capitalize(view.roles_text(step.get("deelnemers", []))) or "Vaste contactpersonen")


def _reply_request(days: int | None, deadline: date | None) -> str:
    if deadline and days:
        return (f"Wilt u binnen {plural(int(days), 'werkdag', 'werkdagen')}, uiterlijk "
                f"{dutch_date(deadline, weekday=True)}, laten weten of uw organisatie een passend "
                "aanbod kan doen, of met wie dat samen zou kunnen?")
    return "Wilt u laten weten of uw organisatie een passend aanbod kan doen?"


def _message(view: RegionView, case: Data, ladder: Data, step: Data, *, reply: str,
             form: Data | None, sender: str) -> list[str]:
    """The paragraphs of the mail, from greeting to signature."""
    earlier = [e for e in case.get("escalaties", []) if e["ladder"] == ladder["id"]
               and e.get("uitkomst") == "geen-resultaat" and e["stap"] < step["nummer"]]
    history = [f"stap {e['stap']}" for e in earlier]
    message = [
        "Beste contactpersoon,",
        f"Voor de casus {case['casus']} zoeken wij een passende plek of oplossing. Dit verzoek "
        f"is stap {step['nummer']} ({step['naam']}) van de {str(ladder['naam']).lower()} van "
        f"{view.name}." + (f" Eerdere stappen ({join_and(history)}) hebben geen resultaat "
                           "opgeleverd." if history else ""),
        reply,
        (f"De casus is beschreven in het vaste format ({form['naam']}); u vindt de beschrijving "
         "hieronder.") if form else "",
        "Met vriendelijke groet,",
        sender or "De gemeentelijke toegang",
    ]
    return [p for p in message if p]


def requests(region: Region, case: Data, folder: Path) -> list[PlannedDocument]:
    ladders = {str(item["id"]): item for item in region.yaml.data.get("ladders", [])}
    planned: list[PlannedDocument] = []
    names: set[str] = set()
    for escalation in case.get("escalaties", []):
        ladder = ladders.get(str(escalation["ladder"]))
        step = next((s for s in (ladder or {}).get("stappen", [])
                     if s["nummer"] == escalation["stap"]), None)
        if ladder is None or step is None or step.get("werkwijze") != "digitaal":
            continue
        name = f"verzoek-{ladder['id']}-stap-{step['nummer']}"
        if name in names:
            name += f"-{escalation['datum']}"
        names.add(name)
        context = request_context(region, case, escalation, ladder, step)
        planned.append(PlannedDocument(
            folder / f"{name}.docx", "verzoek.docx", context,
            case_properties(context["doc"]["titel"], region.yaml.data, escalation["datum"]),
            region.folder))
    return planned


def plan_case(region: Region, case: Data, out: Path) -> list[PlannedDocument]:
    folder = out / str(case["casus"])
    forms = [filled_form(region, case, f, folder) for f in case.get("formulieren", [])]
    return [f for f in forms if f is not None] + requests(region, case, folder)


def run_case_build(options: BuildOptions, *, stream: TextIO, errors: TextIO) -> int:
    assert options.case is not None
    outcome = Outcome()
    try:
        case = load_case(options.case)
        region = load_region(str(case["regio"]), options.regions_root)
        rendered = render_all(plan_case(region, case, options.out))
    except (CaseInvalid, RegionInvalid) as error:
        errors.write(f"regiekit: {error}\n")
        return EXIT_FINDINGS
    deliver(rendered, outcome, check=options.check)
    if not rendered:
        stream.write("deze casus heeft geen ingevulde formulieren en geen stappen per mail\n")
    report(outcome, options, stream=stream, errors=errors)
    return outcome.exit_code()
