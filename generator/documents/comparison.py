"""The comparison of regions side by side, aspect by aspect, as seed 000 compares its pilots.

Who holds the regie and chairs the case meeting (and how often it meets), what the case-level
role is called and who may take it, how it is assigned, how escalation goes, and whether the
working method fits the national and provincial frameworks. One row per region in each table,
so the document reads the same for two regions or twenty.
"""

from __future__ import annotations

from datetime import date

from generator.documents.context import (
    Context,
    Data,
    RegionView,
    cadence,
    clean,
)
from generator.documents.words import capitalize, dutch_date, join_and, join_or, plural

NONE = "—"


def lines(parts: list[str]) -> str:
    """Several facts in one table cell, one per line."""
    return "\n".join(p for p in parts if p) or NONE


def chair_roles(view: RegionView) -> list[Data]:
    """Roles that chair a meeting, else roles of the first function: who holds the regie."""
    chairs = {o["voorzitter"] for o in view.data.get("overleggen", [])}
    roles = [r for r in view.data["rollen"] if r["id"] in chairs]
    if not roles and view.data.get("functies"):
        first = view.data["functies"][0]["id"]
        roles = [r for r in view.data["rollen"] if r.get("functie") == first]
    if not roles:
        deciders = {s.get("vervolg", {}).get("besluit_door") for ladder in
                    view.data.get("ladders", []) for s in ladder["stappen"]}
        roles = [r for r in view.data["rollen"] if r["id"] in deciders]
    return roles


def role_line(view: RegionView, item: Data) -> str:
    details = [str(item["positie"])] if item.get("positie") else []
    if item.get("organisatie"):
        details.append(f"in dienst van {view.organisation(item['organisatie'])}")
    if item.get("onafhankelijk"):
        details.append("onafhankelijk")
    if item.get("ondersteund_door"):
        details.append(f"ondersteund door {view.roles_text(item['ondersteund_door'])}")
    name = capitalize(str(item["naam"]))
    return f"{name} ({', '.join(details)})" if details else name


def meeting_line(view: RegionView, meeting: Data) -> str:
    name = str(meeting["naam"])
    if meeting.get("afkorting"):
        name += f" ({meeting['afkorting']})"
    return (f"{capitalize(name)}: {cadence(view, meeting['frequentie'])}, "
            f"voorgezeten door de {view.role(meeting['voorzitter'])}")


def regie(view: RegionView) -> str:
    return lines([role_line(view, r) for r in chair_roles(view)]
                 + [meeting_line(view, m) for m in view.data.get("overleggen", [])])


def case_roles(view: RegionView) -> list[Data]:
    assigned = {t["rol"] for t in view.data.get("toewijzingen", [])}
    return [r for r in view.data["rollen"] if r["id"] in assigned]


def case_role(view: RegionView) -> str:
    parts = []
    for item in case_roles(view):
        organisations = [view.organisation(o["organisatie"])
                         + (f" (alleen: {'; '.join(view.conditions(o.get('voorwaarden')))})"
                            if o.get("voorwaarden") else "")
                         for o in item.get("geschikte_organisaties", [])]
        parts.append(capitalize(str(item["naam"]))
                     + (f"; kan worden vervuld door {join_and(organisations)}"
                        if organisations else ""))
    return lines(parts)


def assignment_line(view: RegionView, item: Data) -> str:
    role_name = view.role(item["rol"])
    who = join_or([view.candidate(k) for k in item["kandidaten"]])
    conditions = " ".join(view.conditions(item.get("voorwaarden")))
    text = f"{capitalize(role_name)}: {who}"
    if conditions:
        text = f"{conditions.rstrip('.')}: {role_name} is {who}"
    if item.get("keuzecriteria"):
        text += f"; keuze op basis van: {'; '.join(str(c) for c in item['keuzecriteria'])}"
    if item.get("besluit_door"):
        text += f"; besluit door de {view.role(item['besluit_door'])}"
    return text


def assignment(view: RegionView) -> str:
    return lines([assignment_line(view, t) for t in view.data.get("toewijzingen", [])])


def ladder_line(view: RegionView, ladder: Data, *, detailed: bool) -> str:
    steps = ladder["stappen"]
    if not detailed:
        return f"{capitalize(str(ladder['naam']))} ({plural(len(steps), 'stap', 'stappen')})"
    described = []
    for step in steps:
        term = step.get("reactietermijn_werkdagen")
        starters = view.roles_text(step["initiatiefnemers"], either=True)
        described.append(f"{step['nummer']}. {step['naam']} (start: {starters}"
                         + (f"; reactie binnen {plural(term, 'werkdag', 'werkdagen')}" if term
                            else "") + ")")
    return f"{capitalize(str(ladder['naam']))}:\n" + "\n".join(described)


def escalation(view: RegionView, *, detailed: bool) -> str:
    return lines([ladder_line(view, ladder, detailed=detailed)
                  for ladder in view.data.get("ladders", [])])


def frameworks(view: RegionView) -> str:
    fits = [f"{k['kader']}: {'past' if k['passend'] else 'past niet'}"
            for k in view.data.get("kaderpassing", [])]
    evaluations = [f"Evaluatie uiterlijk {dutch_date(date.fromisoformat(e['datum']))}: "
                   f"{e['onderwerp']}" for e in view.data.get("evaluaties", [])]
    return lines(fits + evaluations)


def functions(views: list[RegionView]) -> list[Context]:
    """One aspect per function name found in any region: which role performs it where."""
    names: dict[str, str] = {}
    for view in views:
        for item in view.data.get("functies", []):
            names.setdefault(str(item["naam"]).lower(), capitalize(str(item["naam"])))
    aspects = []
    for key, title in names.items():
        rows = []
        for view in views:
            matching = [f for f in view.data.get("functies", [])
                        if str(f["naam"]).lower() == key]
            holders = [role_line(view, r) for f in matching for r in view.data["rollen"]
                       if r.get("functie") == f["id"]]
            rows.append({"regio": view.name, "waarde": lines(holders) if matching
                         else "Deze functie is niet apart beschreven."})
        aspects.append({"kop": f"Functie: {title}", "toelichting": "", "regels": rows})
    return aspects


ASPECTS = [
    ("Regie en casusoverleg", "Wie de regie houdt, hoe het overleg heet, hoe vaak het is en "
                              "wie het voorzit.", regie),
    ("Rol op casusniveau", "Hoe de rol per gezin of huishouden heet en welke organisaties "
                           "die mogen vervullen.", case_role),
    ("Toewijzing: wie wordt regisseur of casemanager", "Wie de rol standaard krijgt, waarop de "
     "keuze berust en wie besluit.", assignment),
    ("Escalatie", "De afgesproken escalatieladders en -routes, stap voor stap.",
     lambda view: escalation(view, detailed=True)),
    ("Kaders en evaluatie", "Past de werkwijze binnen de landelijke en regionale kaders, en "
                            "wanneer wordt ze geëvalueerd?", frameworks),
]


def comparison_context(regions: list[Data]) -> Context:
    """The context of `vergelijking.docx` for the given regions, in the order given."""
    views = [RegionView(data) for data in regions]
    overview = [{"regio": v.name, "regie": regie(v), "casusrol": case_role(v),
                 "toewijzing": assignment(v), "escalatie": escalation(v, detailed=False)}
                for v in views]
    aspects = [{"kop": title, "toelichting": note,
                "regels": [{"regio": v.name, "waarde": describe(v)} for v in views]}
               for title, note, describe in ASPECTS]
    names = [v.name for v in views]
    return clean({  # type: ignore[no-any-return]
        "doc": {"soort": "Vergelijking", "titel": "Coördinatie van zorg: de regio's naast elkaar",
                "ondertitel": join_and(names),
                "voettekst": "Vergelijking van " + plural(len(names), "regio", "regio's")},
        "inleiding": "Dit overzicht zet de afspraken van de regio's naast elkaar, functie voor "
                     "functie: wie de zorgregie heeft, hoe het casusoverleg is georganiseerd, "
                     "wie op casusniveau coördineert en hoe die wordt aangewezen, en hoe er wordt "
                     "opgeschaald. Elke regio staat in zijn eigen werkinstructie volledig "
                     "beschreven.",
        "overzicht": overview,
        "aspecten": functions(views) + aspects,
    })
