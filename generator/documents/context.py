"""From a region's data to template contexts: every decision in Python, templates only lay out.

Ids become names, cadences and next steps become Dutch sentences, optional parts become empty
lists the templates can test with `{%p if ... %}`. The result holds only str, bool, int, lists
and dicts, so the sandbox has nothing to call. Every text passes `clean_text` once, at the end:
characters that XML cannot carry are dropped, so no YAML text can corrupt a document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from generator.documents.words import (
    capitalize,
    clean_text,
    dutch_date,
    join_and,
    join_or,
    plural,
)

Context = dict[str, Any]
Data = dict[str, Any]

WERKWIJZE = {
    "afstemming": "onderlinge afstemming (overleg, telefoon, mail)",
    "digitaal": "digitale zorgtafel: een mailbericht aan vaste contactpersonen, met een vaste "
                "reactietermijn",
    "fysiek": "fysieke bijeenkomst (zorgtafel)",
    "opschalen": "opschalen naar de verantwoordelijke",
}

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

FILL_IN = [{"label": "Casus (kenmerk)", "waarde": " "}, {"label": "Ingevuld door", "waarde": " "},
           {"label": "Datum", "waarde": " "}]
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


def slug(text: str) -> str:
    """A file-name part: `Fysieke zorgtafel` -> `fysieke-zorgtafel`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "document"


def row(label: str, value: str | None) -> list[dict[str, str]]:
    """One label/value row for a two-column table, or none when there is no value."""
    return [{"label": label, "waarde": value}] if value else []


class RegionView:
    """Read access to one region's data with ids resolved to what a reader should see."""

    def __init__(self, data: Data) -> None:
        self.data = data
        self.roles = _by_id(data.get("rollen", []))
        self.organisations = _by_id(data.get("organisaties", []))
        self.functions = _by_id(data.get("functies", []))
        self.tools = _by_id(data.get("hulpmiddelen", []))
        self.forms = _by_id(data.get("formulieren", []))
        self.definitions = _by_id(data.get("definities", []))
        self.signals = _by_id(data.get("signalen", []))
        self.problem_areas = _by_id(data.get("probleemgebieden", []))
        self.sources = _by_id(data.get("bronnen", []))

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def name(self) -> str:
        return str(self.data["naam"])

    def role(self, role_id: str | None) -> str:
        return _name(self.roles, role_id, "naam")

    def roles_text(self, role_ids: Iterable[str], *, either: bool = False) -> str:
        names = [self.role(role_id) for role_id in role_ids]
        return join_or(names) if either else join_and(names)

    def organisation(self, organisation_id: str | None) -> str:
        return _name(self.organisations, organisation_id, "naam")

    def form(self, form_id: str | None) -> str:
        return _name(self.forms, form_id, "naam")

    def source(self, bron: Data | None) -> str:
        """`Bron: <document>, <section>`; the document title only when there are several."""
        if not bron:
            return ""
        section = str(bron.get("sectie", ""))
        if len(self.sources) > 1:
            title = _name(self.sources, bron.get("document"), "titel")
            return f"Bron: {title}, {section}"
        return f"Bron: {section}"

    def conditions(self, voorwaarden: Iterable[Data] | None) -> list[str]:
        return [str(condition["tekst"]) for condition in voorwaarden or []]

    def candidate(self, kandidaat: Data) -> str:
        """`de casemanager` or `de procesregisseur (alleen: vrijwillig kader)`."""
        name = self.role(kandidaat["rol"])
        conditions = self.conditions(kandidaat.get("voorwaarden"))
        return f"{name} ({'; '.join(c.rstrip('.') for c in conditions)})" if conditions else name


def _by_id(items: Iterable[Data]) -> dict[str, Data]:
    return {str(item["id"]): item for item in items}


def _name(items: dict[str, Data], item_id: str | None, key: str) -> str:
    if not item_id:
        return ""
    item = items.get(item_id)
    return str(item[key]) if item else item_id


def document_date(data: Data) -> str:
    """The adoption date in words, or the empty string: never today's date."""
    value = data.get("document", {}).get("datum")
    return dutch_date(date.fromisoformat(value)) if value else ""


def region_summary(view: RegionView) -> Context:
    """The `regio` block every document shows on its title page and in its header."""
    data = view.data
    document = data.get("document", {})
    return {
        "id": view.id,
        "naam": view.name,
        "titel": str(document.get("titel", view.name)),
        "datum": document_date(data),
        "versie": str(document.get("versie", "")),
        "opgesteld_door": str(document.get("opgesteld_door", "")),
        "werkgebied": join_and([str(area) for area in data.get("werkgebied", [])]),
        "doelgroepen": join_and(data.get("doelgroepen", [])),
    }


def document_block(view: RegionView, kind: str, title: str) -> Context:
    """Title-page data: kind (`Werkinstructie`), title and the metadata rows."""
    summary = region_summary(view)
    rows = (row("Regio", summary["naam"]) + row("Werkgebied", summary["werkgebied"])
            + row("Doelgroep", summary["doelgroepen"]) + row("Vastgesteld", summary["datum"])
            + row("Versie", summary["versie"]) + row("Opgesteld door", summary["opgesteld_door"])
            + row("Bron van dit document", f"regions/{view.id}/regio.yaml"))
    return {"soort": kind, "titel": title, "kenmerken": rows,
            "voettekst": " · ".join(p for p in (kind, summary["naam"], summary["datum"]) if p)}


# --- werkinstructie -------------------------------------------------------------------------

CHAPTERS = [
    ("inleiding", "Aanleiding, doel en reikwijdte"),
    ("begrippen", "Begrippen"),
    ("functies", "Functies"),
    ("rollen", "Rollen en taken"),
    ("overleg", "Casusoverleg"),
    ("regie", "Wie wordt regisseur of casemanager"),
    ("escalatie", "Escalatie"),
    ("hulpmiddelen", "Hulpmiddelen en protocollen"),
    ("toezeggingen", "Wat we van de betrokken partijen vragen"),
    ("kaders", "Kaders en evaluatie"),
]
APPENDICES = [("organisaties", "Organisaties"), ("formulieren", "Formulieren"),
              ("bronnen", "Bronnen")]


def werkinstructie_context(data: Data) -> Context:
    """Everything the work instruction shows, chapter by chapter."""
    view = RegionView(data)
    parts: Context = {
        "inleiding": introduction(view),
        "begrippen": [definition(view, d) for d in data.get("definities", [])],
        "functies": [function(view, f) for f in data.get("functies", [])],
        "rollen": [role(view, r) for r in data.get("rollen", [])],
        "overleg": [meeting(view, o) for o in data.get("overleggen", [])],
        "regie": [assignment(view, t) for t in data.get("toewijzingen", [])],
        "escalatie": [ladder(view, ladder_data) for ladder_data in data.get("ladders", [])],
        "hulpmiddelen": ([tool(view, h) for h in data.get("hulpmiddelen", [])]
                         + [protocol(view, p) for p in data.get("protocollen", [])]),
        "toezeggingen": commitments(view),
        "kaders": frameworks(data),
        "organisaties": organisation_groups(view),
        "formulieren": [form_summary(view, f) for f in data.get("formulieren", [])],
        "bronnen": [source_row(b) for b in data.get("bronnen", [])],
    }
    numbers = {key: str(index) for index, key in enumerate(
        (key for key, _ in CHAPTERS if parts[key]), start=1)}
    letters = {key: chr(ord("A") + index) for index, key in enumerate(
        key for key, _ in APPENDICES if parts[key])}
    contents = ([f"{numbers[key]}. {title}" for key, title in CHAPTERS if key in numbers]
                + [f"Bijlage {letters[key]}. {title}" for key, title in APPENDICES
                   if key in letters])
    context = {
        "regio": region_summary(view),
        "doc": document_block(view, "Werkinstructie", str(data["document"]["titel"])),
        "inhoud": contents,
        "nr": {key: numbers.get(key, "") for key, _ in CHAPTERS},
        "bijlage": {key: letters.get(key, "") for key, _ in APPENDICES},
        **parts,
    }
    return clean(context)  # type: ignore[no-any-return]


def introduction(view: RegionView) -> Context | None:
    inleiding = view.data.get("inleiding")
    if not inleiding:
        return None
    summary = region_summary(view)
    scope = " ".join(filter(None, [
        f"De afspraken gelden in {summary['werkgebied']}." if summary["werkgebied"] else "",
        f"Doelgroep: {summary['doelgroepen']}." if summary["doelgroepen"] else "",
    ]))
    return {
        "aanleiding": str(inleiding.get("aanleiding", "")),
        "doel": str(inleiding["doel"]),
        "reikwijdte": str(inleiding.get("reikwijdte", "")),
        "werkgebied": scope,
        "uitgangspunten": [str(u) for u in inleiding.get("uitgangspunten", [])],
        "bron": view.source(inleiding.get("bron")),
    }


def definition(view: RegionView, item: Data) -> Context:
    term = str(item["term"])
    return {
        "kop": capitalize(term),
        "omschrijving": str(item["omschrijving"]),
        "criteria_inleiding": f"Er is sprake van {term} als minstens één van deze kenmerken geldt:",
        "criteria": [capitalize(str(c)) for c in item.get("criteria", [])],
        "kenmerken": [],
        "bron": view.source(item.get("bron")),
    }


def function(view: RegionView, item: Data) -> Context:
    holders = [r["naam"] for r in view.roles.values() if r.get("functie") == item["id"]]
    return {
        "kop": capitalize(str(item["naam"])),
        "omschrijving": str(item["omschrijving"]),
        "kenmerken": (row("Wanneer", str(item.get("wanneer", "")))
                      + row("Uitgevoerd door", join_and([str(h) for h in holders]))),
        "bron": view.source(item.get("bron")),
    }


def role(view: RegionView, item: Data) -> Context:
    organisation = view.organisation(item.get("organisatie"))
    kind = item.get("organisatiesoort")
    return {
        "kop": capitalize(str(item["naam"])),
        "omschrijving": str(item.get("omschrijving", "")),
        "kenmerken": (
            row("Functie", _name(view.functions, item.get("functie"), "naam"))
            + row("Werkgever", organisation)
            + row("Werkt bij", ORGANISATIESOORT.get(kind, "").lower() if kind else "")
            + row("Positie", str(item.get("positie", "")))
            + row("Onafhankelijk", "ja" if item.get("onafhankelijk") else "")
            + row("Ondersteund door", view.roles_text(item.get("ondersteund_door", [])))
            + row("Legt verantwoording af aan", view.role(item.get("rapporteert_aan")))
            + row("Inzet", "tijdelijk" if item.get("tijdelijk") else "")),
        "taken": [capitalize(str(t)) for t in item.get("taken", [])],
        "organisaties": [suitable_organisation(view, o)
                         for o in item.get("geschikte_organisaties", [])],
        "bron": view.source(item.get("bron")),
    }


def suitable_organisation(view: RegionView, item: Data) -> str:
    name = view.organisation(item["organisatie"])
    conditions = view.conditions(item.get("voorwaarden"))
    return f"{name}: {' '.join(conditions)}" if conditions else name


def cadence(view: RegionView, frequentie: Data) -> str:
    """`elke 2 weken`, `periodiek, zonder vaste termijn`, `op verzoek van de zorgbemiddelaar`."""
    kind = frequentie["soort"]
    if kind == "interval":
        days = int(frequentie["dagen"])
        if days % 7 == 0:
            weeks = days // 7
            return "elke week" if weeks == 1 else f"elke {weeks} weken"
        return "elke dag" if days == 1 else f"elke {days} dagen"
    if kind == "op_verzoek":
        requester = view.role(frequentie.get("op_verzoek_van"))
        return f"op verzoek van de {requester}" if requester else "op verzoek"
    return "periodiek, zonder vaste termijn"


def cadence_text(view: RegionView, frequentie: Data) -> str:
    words = cadence(view, frequentie)
    note = str(frequentie.get("omschrijving", ""))
    return f"{capitalize(words)} ({note.rstrip('.')})" if note and note.lower() != (
        words + ".").lower() else capitalize(words)


def meeting(view: RegionView, item: Data) -> Context:
    name = str(item["naam"])
    abbreviation = item.get("afkorting")
    return {
        "kop": capitalize(f"{name} ({abbreviation})" if abbreviation else name),
        "omschrijving": "",
        "doel": str(item.get("doel", "")),
        "kenmerken": (
            row("Frequentie", cadence_text(view, item["frequentie"]))
            + row("Voorzitter", view.role(item["voorzitter"]))
            + row("Deelnemers", view.roles_text(item.get("deelnemers", [])))
            + row("Functie", _name(view.functions, item.get("functie"), "naam"))),
        "bron": view.source(item.get("bron")),
    }


def assignment(view: RegionView, item: Data) -> Context:
    role_name = view.role(item["rol"])
    candidates = [view.candidate(k) for k in item["kandidaten"]]
    alternatives = [view.candidate(k) for k in item.get("alternatieven", [])]
    deviation = ""
    if item.get("tenzij_anders_afgesproken"):
        deviation = "Afwijken mag, als dat expliciet is afgesproken."
    return {
        "kop": f"Wie wordt {role_name}"
               + (f" ({'; '.join(c.rstrip('.') for c in view.conditions(item.get('voorwaarden')))})"
                  if item.get("voorwaarden") else ""),
        "omschrijving": str(item.get("omschrijving", "")),
        "kenmerken": (
            row("Geldt als", " ".join(view.conditions(item.get("voorwaarden"))))
            + row(f"{capitalize(role_name)} wordt", join_or(candidates))
            + row("Afwijken", deviation)
            + row("Na expliciete afspraak ook", join_or(alternatives))
            + row("Wie besluit", view.role(item.get("besluit_door")))
            + row("Moment", str(item.get("moment", "")))),
        "keuzecriteria": [capitalize(str(c)) for c in item.get("keuzecriteria", [])],
        "bron": view.source(item.get("bron")),
    }


def reply_term(days: int | None) -> str:
    if not days:
        return ""
    return f"{plural(days, 'werkdag', 'werkdagen')} (weekenden en feestdagen tellen niet mee)"


def next_steps(view: RegionView, step: Data) -> str:
    """What happens when the step brings no result, in one or two sentences."""
    follow = step.get("vervolg")
    closing = ("De bespreking wordt pas afgesloten als er een passende oplossing is gevonden."
               if step.get("afsluiten_alleen_met_oplossing") else "")
    if not follow:
        return " ".join(filter(None, ["Dit is de laatste stap.", closing]))
    numbers = [f"stap {n}" for n in follow["stappen"]]
    sentence = f"Bij geen resultaat volgt {join_or(numbers)}."
    decider = view.role(follow.get("besluit_door"))
    if len(numbers) > 1 and decider:
        sentence = (f"Bij geen resultaat volgt {join_or(numbers)}; de {decider} beslist welke "
                    "stap het meest effectief lijkt.")
    elif decider:
        sentence += f" Daarover beslist de {decider}."
    note = str(follow.get("toelichting", ""))
    return " ".join(filter(None, [sentence, closing, _unless_repeated(note, sentence)]))


def _unless_repeated(note: str, sentence: str) -> str:
    """A note only when it adds something beyond the generated sentence."""
    words = set(re.findall(r"\w+", sentence.lower()))
    extra = set(re.findall(r"\w+", note.lower())) - words - {"trap", "volgt"}
    return note if len(extra) > 2 else ""


def starters(view: RegionView, item: Data) -> str:
    """`Procesregisseur of behandelaar`, or with alle_initiatiefnemers `... en ..., elk zelf`."""
    if item.get("alle_initiatiefnemers") and len(item["initiatiefnemers"]) > 1:
        return capitalize(view.roles_text(item["initiatiefnemers"])) + ", elk zelf"
    return capitalize(view.roles_text(item["initiatiefnemers"], either=True))


def step(view: RegionView, item: Data) -> Context:
    tool_name = _name(view.tools, item.get("hulpmiddel"), "naam")
    werkwijze = item.get("werkwijze")
    return {
        "nummer": int(item["nummer"]),
        "naam": str(item["naam"]),
        "kop": f"Stap {item['nummer']}. {capitalize(str(item['naam']))}",
        "omschrijving": str(item["omschrijving"]),
        "wie_start": starters(view, item),
        "termijn": plural(int(item["reactietermijn_werkdagen"]), "werkdag", "werkdagen")
        if item.get("reactietermijn_werkdagen") else "—",
        "formulier_kort": view.form(item.get("formulier")) or "—",
        "kenmerken": (
            row("Wie mag de stap starten", starters(view, item))
            + row("Wie voert de stap uit", capitalize(view.role(item.get("uitvoerder"))))
            + row("Wie neemt deel", capitalize(view.roles_text(item.get("deelnemers", []))))
            + row("Werkwijze", capitalize(WERKWIJZE.get(werkwijze, "")) if werkwijze else "")
            + row("Hulpmiddel", capitalize(tool_name))
            + row("Reactietermijn", reply_term(item.get("reactietermijn_werkdagen")))
            + row("Verplicht formulier", _form_requirement(view, item.get("formulier")))
            + row("Alleen van toepassing als", " ".join(view.conditions(item.get("voorwaarden"))))),
        "overlegvoorwaarden": [str(v["tekst"]) for v in item.get("overlegvoorwaarden", [])],
        "vervolg": next_steps(view, item),
        "bron": view.source(item.get("bron")),
    }


def _form_requirement(view: RegionView, form_id: str | None) -> str:
    if not form_id:
        return ""
    return (f"{capitalize(view.form(form_id))}, volledig ingevuld "
            f"(zie de bijlage Formulieren; blanco: formulier-{form_id}.docx)")


def ladder(view: RegionView, item: Data) -> Context:
    definition_term = _name(view.definitions, item.get("definitie"), "term")
    steps = [step(view, s) for s in item["stappen"]]
    source = view.source(item.get("bron"))
    return {
        "kop": capitalize(str(item["naam"])),
        "omschrijving": str(item.get("omschrijving", "")),
        "aanleidingen": [capitalize(str(a)) for a in item.get("aanleidingen", [])],
        "kenmerken": (
            row("Geldt voor", capitalize(definition_term) + " (zie Begrippen)"
                if definition_term else "")
            + row("Alleen als", " ".join(view.conditions(item.get("voorwaarden"))))
            + row("Uitgangspunt", str(item.get("uitgangspunt", "")))),
        "stappen": steps,
        "bron": "" if source in {s["bron"] for s in steps} else source,
    }


def tool(view: RegionView, item: Data) -> Context:
    months = item.get("actualisatie_maanden")
    return {
        "kop": capitalize(str(item["naam"])),
        "omschrijving": str(item["omschrijving"]),
        "kenmerken": (
            row("Beheerd door", capitalize(view.role(item.get("beheerd_door"))))
            + row("Gevuld door", capitalize(view.roles_text(item.get("gevuld_door", []))))
            + row("Toegang", capitalize(view.roles_text(item.get("toegang", []))))
            + row("Bijwerken", ("elke maand" if months == 1 else f"elke {months} maanden")
                  if months else "")),
        "bron": view.source(item.get("bron")),
    }


def protocol(view: RegionView, item: Data) -> Context:
    signals = [_name(view.signals, s, "naam").lower() for s in item.get("verplicht_bij", [])]
    return {
        "kop": capitalize(str(item["naam"])),
        "omschrijving": str(item["omschrijving"]),
        "kenmerken": row("Verplicht bij", capitalize(join_or(signals))),
        "bron": view.source(item.get("bron")),
    }


def commitments(view: RegionView) -> Context | None:
    toezeggingen = view.data.get("toezeggingen")
    if not toezeggingen:
        return None
    return {
        "inleiding": str(toezeggingen.get("inleiding", "Van de betrokken partijen vragen we:")),
        "punten": [capitalize(str(i)) for i in toezeggingen["items"]],
        "bron": view.source(toezeggingen.get("bron")),
    }


def frameworks(data: Data) -> Context | None:
    fits = [{"kader": str(k["kader"]), "passend": "ja" if k["passend"] else "nee",
             "toelichting": str(k.get("toelichting", ""))} for k in data.get("kaderpassing", [])]
    evaluations = [{"onderwerp": capitalize(str(e["onderwerp"])),
                    "datum": dutch_date(date.fromisoformat(e["datum"])),
                    "toelichting": str(e.get("toelichting", ""))}
                   for e in data.get("evaluaties", [])]
    if not fits and not evaluations:
        return None
    return {"passing": fits, "evaluaties": evaluations}


def organisation_groups(view: RegionView) -> list[Context]:
    groups: dict[str, list[Context]] = {}
    for item in view.data.get("organisaties", []):
        groups.setdefault(item["soort"], []).append(
            {"naam": str(item["naam"]), "omschrijving": str(item.get("omschrijving", ""))})
    return [{"kop": ORGANISATIESOORT[kind], "organisaties": groups[kind]}
            for kind in ORGANISATIESOORT if kind in groups]


def form_usage(view: RegionView, form_id: str) -> str:
    """`stap 2, 3 en 4 van de escalatieladder complexe casuïstiek`."""
    uses = []
    for ladder_data in view.data.get("ladders", []):
        numbers = [str(s["nummer"]) for s in ladder_data["stappen"]
                   if s.get("formulier") == form_id]
        if numbers:
            uses.append(f"{'stap' if len(numbers) == 1 else 'stappen'} {join_and(numbers)} van de "
                        f"{str(ladder_data['naam']).lower()}")
    return join_and(uses)


def field_text(field: Data) -> str:
    group = field.get("groep")
    label = f"{group}: {field['label']}" if group else str(field["label"])
    return label if field.get("verplicht", True) else f"{label} (niet verplicht)"


def section_title(number: int, section: Data) -> str:
    """`1. Om wie gaat het?`: numbered as on paper, unless the title carries its own number."""
    title = str(section["titel"])
    return title if re.match(r"\d", title) else f"{number}. {title}"


def form_summary(view: RegionView, item: Data) -> Context:
    usage = form_usage(view, str(item["id"]))
    return {
        "kop": capitalize(str(item["naam"])),
        "omschrijving": str(item.get("omschrijving", "")),
        "gebruik": f"Gebruikt bij {usage}." if usage else "",
        "bestand": f"formulier-{item['id']}.docx",
        "secties": [{"kop": section_title(number, s),
                     "velden": [field_text(v) for v in s["velden"]]}
                    for number, s in enumerate(item["secties"], start=1)],
        "bron": view.source(item.get("bron")),
    }


def source_row(item: Data) -> Context:
    details = [str(item[key]) for key in ("uitgever", "bestand", "url") if item.get(key)]
    when = dutch_date(date.fromisoformat(item["datum"])) if item.get("datum") else ""
    return {"titel": str(item["titel"]), "datum": when or "—", "details": ", ".join(details)}
