"""A municipality's neighbourhood care desks (seed 004) as typed objects: `zorgloketten.yaml`.

A municipality (`Municipality`) is split into districts (`wijken`); each district has a care desk
(`zorgloket`) run by one responsible organisation and staffed by several providers. The desk
declares its care demand (`zorgvraag`: hours per week per dagdeel, per weekday where it differs),
its yearly budget with a flex reserve, and its basic staffing pattern (`basisdienstenpatroon`:
shifts of a function, from a provider, on given days). Municipality-wide are the dagdelen with
their times, the qualifications and their ordering (`omvat`), the authorities (`indiceren`), the
functiemix with an hourly rate, and the kinds of care with the qualification each one needs.

Care demand may also come from CSV exports beside the YAML (`zorgvraag_bestanden`); their rows
are `DemandRow`s, read by `generator.model.tables` into a document with lines, so a bad row is
reported at file:line like a YAML error. A file of actual deployments (`inzet`) is a
`DeploymentFile`, as YAML or CSV.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from generator.loader import YamlDocument
from generator.model.mapping import (
    EURO,
    HOURS,
    Builder,
    Node,
    Resolver,
    Unresolved,
    key,
    node,
    ref,
)
from generator.model.region import DocumentInfo, Source, SourceDocument
from generator.model.tables import TableRow

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
"""The days of the week as written in the YAML, Monday first."""

DAY_NAMES = dict(zip(DAYS, ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                            "zaterdag", "zondag"), strict=True))

WEEK = "week"
"""The `dag` of a CSV demand row that gives the hours for the whole week."""


# --- municipality-wide vocabularies ---------------------------------------------------------

@node
class DayPart(Node):
    """A part of the day (ochtend, middag, avond, nacht) with its clock times."""

    NOUN = "dagdeel"

    id: str = key("id")
    name: str = key("naam", label="naam")
    start: str = key("begin", label="begin")
    end: str = key("eind", label="eind")


@node
class Qualification(Node):
    """What a function is qualified for; `includes` the lower qualifications it covers.

    A specific qualification (psychogeriatrie) is never covered by a higher level: only a function
    that holds it may give care that needs it.
    """

    NOUN = "kwalificatie"

    id: str = key("id")
    name: str = key("naam", label="naam")
    level: int | None = key("niveau", default=None, label="niveau")
    includes: tuple[Qualification, ...] = ref("omvat", label="omvat")
    specific: bool = key("specifiek", default=False, label="specifiek")
    description: str = key("omschrijving", default="", label="omschrijving")
    source: Source = key("bron", label="bron")


@node
class Authority(Node):
    """A legal authority a function may hold, such as indicating care (`indiceren`)."""

    NOUN = "bevoegdheid"

    id: str = key("id")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", default="", label="omschrijving")
    source: Source = key("bron", label="bron")


@node
class StaffFunction(Node):
    """A function of the functiemix: its qualifications, authorities and cost per hour."""

    NOUN = "functie"

    id: str = key("id")
    name: str = key("naam", label="naam")
    level: int | None = key("niveau", default=None, label="niveau")
    qualifications: tuple[Qualification, ...] = ref("kwalificaties", label="kwalificaties")
    authorities: tuple[Authority, ...] = ref("bevoegdheden", label="bevoegdheden")
    hourly_rate: float = key("uurtarief", label="uurtarief", unit=EURO)
    description: str = key("omschrijving", default="", label="omschrijving")
    source: Source = key("bron", label="bron")

    @cached_property
    def covered(self) -> frozenset[Qualification]:
        """Every qualification it holds, with everything those include (the ordering is acyclic
        once validated; a cycle stops at the first repeat)."""
        seen: set[Qualification] = set()
        pending = list(self.qualifications)
        while pending:
            qualification = pending.pop()
            if qualification not in seen:
                seen.add(qualification)
                pending.extend(qualification.includes)
        return frozenset(seen)


@node
class CareKind(Node):
    """A kind of care (`zorgsoort`) and the qualification, and authority, it needs."""

    NOUN = "zorgsoort"

    id: str = key("id")
    name: str = key("naam", label="naam")
    qualification: Qualification = ref("kwalificatie", label="vereiste kwalificatie")
    authority: Authority | None = ref("bevoegdheid", label="vereiste bevoegdheid")
    description: str = key("omschrijving", default="", label="omschrijving")
    source: Source = key("bron", label="bron")

    def may_be_given_by(self, function: StaffFunction) -> bool:
        """A higher level may give lower-level care, never the reverse; a specific qualification
        and an authority only by a function that holds it."""
        return self.qualification in function.covered and (
            self.authority is None or self.authority in function.authorities)


@node
class Provider(Node):
    """An organisation: a care provider that staffs desks, possibly responsible for some."""

    NOUN = "organisatie"

    id: str = key("id")
    name: str = key("naam", label="naam")
    kind: str = key("soort", label="soort")
    responsible_for: tuple[District, ...] = ref("verantwoordelijk_voor",
                                                label="verantwoordelijk voor", noun="wijk")
    description: str = key("omschrijving", default="", label="omschrijving")
    source: Source | None = key("bron", default=None, label="bron")


# --- one desk --------------------------------------------------------------------------------

@node
class FlexReserve(Node):
    """Room in the budget for flexible staff at busy times: a percentage of it or an amount."""

    percentage: float | None = key("percentage", default=None, label="percentage",
                                   unit=("procent", "procent"))
    amount: float | None = key("bedrag", default=None, label="bedrag", unit=EURO)
    source: Source = key("bron", label="bron")


@node
class Budget(Node):
    """The yearly budget the municipality granted a desk."""

    year: int = key("jaar", label="jaar")
    amount: float = key("bedrag", label="bedrag", unit=EURO)
    weeks_per_year: float = key("weken_per_jaar", default=52, label="weken per jaar",
                                unit=("week", "weken"))
    flex: FlexReserve = key("flexreserve", label="flexreserve")
    source: Source = key("bron", label="bron")


@node
class Demand(Node):
    """Care demand of one kind at a desk: hours per week per dagdeel, and per weekday (day ->
    dagdeel -> hours) where a day differs; the rest of the week shares the remainder evenly."""

    NOUN = "zorgvraag"
    IDENTITY = "care"

    care: CareKind = ref("zorgsoort", label="zorgsoort")
    weekly: Mapping[str, float] | None = key("uren_per_week", default=None,
                                             label="uren per week", unit=HOURS)
    per_day: Mapping[str, Mapping[str, float]] | None = key("per_dag", default=None,
                                                            label="uren per dag", unit=HOURS)
    source: Source = key("bron", label="bron")


@node
class Shift(Node):
    """A line of the staffing pattern: `count` staff of `function` from `provider` on `days`,
    for a dagdeel or from `start` to `end`."""

    NOUN = "dienst"
    IDENTITY = "slot"

    days: tuple[str, ...] = key("dagen", default=DAYS, label="dagen")
    day_part: DayPart | None = ref("dagdeel", label="dagdeel")
    start: str | None = key("begin", default=None, label="begin")
    end: str | None = key("eind", default=None, label="eind")
    function: StaffFunction = ref("functie", label="functie")
    count: int = key("aantal", default=1, label="aantal")
    provider: Provider = ref("aanbieder", label="aanbieder")

    @property
    def slot(self) -> str:
        """What tells it from the pattern's other lines, in words: `Verzorgende IG, nacht, elke
        dag (Zorggroep Noord)`, `Verpleegkundige, 08:00-12:00, za, zo (Buurtverpleging)`; its
        count may change."""
        when = self.day_part.name.lower() if self.day_part is not None else "-".join(self.times)
        days = "elke dag" if tuple(self.days) == DAYS else ", ".join(self.days)
        return f"{self.function.name}, {when}, {days} ({self.provider.name})"

    @property
    def times(self) -> tuple[str, str]:
        """Begin and end, of its own or of its dagdeel."""
        if self.day_part is not None:
            return self.day_part.start, self.day_part.end
        return str(self.start), str(self.end)


@node
class CareDesk(Node):
    """A district's zorgloket: its providers, budget, care demand and staffing pattern."""

    NOUN = "zorgloket"
    IDENTITY = "name"

    name: str = key("naam", label="naam")
    providers: tuple[Provider, ...] = ref("aanbieders", label="aanbieders")
    budget: Budget = key("budget", label="budget")
    demand: tuple[Demand, ...] = key("zorgvraag", label="zorgvraag")
    pattern: tuple[Shift, ...] = key("basisdienstenpatroon", label="basisdienstenpatroon")
    source: Source = key("bron", label="bron")

    @property
    def district(self) -> District:
        return self.__dict__["_district"]  # type: ignore[no-any-return]


@node
class District(Node):
    NOUN = "wijk"

    id: str = key("id")
    name: str = key("naam", label="naam")
    residents: int | None = key("inwoners", default=None, label="inwoners")
    desk: CareDesk = key("zorgloket", label="zorgloket")


@node
class DemandFile(Node):
    """A CSV export of care demand beside the YAML."""

    NOUN = "zorgvraagbestand"
    IDENTITY = "file"

    file: str = key("bestand", label="bestand")
    source: Source = key("bron", label="bron")


# --- the municipality ------------------------------------------------------------------------

@node
class Municipality(Node):
    """A municipality's care desks: everything in one `zorgloketten.yaml`."""

    NOUN = "gemeente"

    id: str = key("id")
    name: str = key("naam", label="naam")
    country: str = key("land", default="NL", label="land")
    note: str = key("toelichting", default="", label="toelichting")
    document: DocumentInfo = key("document", label="document")
    sources: tuple[SourceDocument, ...] = key("bronnen", label="bronnen")
    day_parts: tuple[DayPart, ...] = key("dagdelen", label="dagdelen")
    qualifications: tuple[Qualification, ...] = key("kwalificaties", label="kwalificaties")
    authorities: tuple[Authority, ...] = key("bevoegdheden", label="bevoegdheden")
    functions: tuple[StaffFunction, ...] = key("functies", label="functiemix")
    care_kinds: tuple[CareKind, ...] = key("zorgsoorten", label="zorgsoorten")
    organisations: tuple[Provider, ...] = key("organisaties", label="organisaties")
    districts: tuple[District, ...] = key("wijken", label="wijken")
    demand_files: tuple[DemandFile, ...] = key("zorgvraag_bestanden",
                                               label="zorgvraagbestanden")

    @property
    def yaml(self) -> YamlDocument:
        return self.__dict__["_yaml"]  # type: ignore[no-any-return]

    @property
    def demand_rows(self) -> tuple[DemandRows, ...]:
        """The CSV demand files, read and resolved, in the order of `zorgvraag_bestanden`."""
        return self.__dict__["_rows"]  # type: ignore[no-any-return]

    @property
    def desks(self) -> tuple[CareDesk, ...]:
        return tuple(district.desk for district in self.districts)

    def responsible_for(self, desk: CareDesk) -> list[Provider]:
        """The organisations that say they are responsible for `desk` (validation: exactly one)."""
        return [organisation for organisation in self.organisations
                if desk.district in organisation.responsible_for]

    def day_part(self, identity: object) -> DayPart | None:
        return next((part for part in self.day_parts if part.id == identity), None)


# --- tables: CSV demand and deployments ------------------------------------------------------

@node
class DemandRow(TableRow):
    """One row of a CSV demand export: hours of one kind of care at a district's desk, for one
    dagdeel, for the week (`dag: week`) or for one weekday."""

    NOUN = "zorgvraagregel"
    LIST_KEY = "zorgvraag"
    NUMBERS = ("uren",)

    district: District = ref("wijk", label="wijk")
    care: CareKind = ref("zorgsoort", label="zorgsoort")
    day_part: DayPart = ref("dagdeel", label="dagdeel")
    day: str = key("dag", label="dag")
    hours: float = key("uren", label="uren")


@node
class DemandRows(Node):
    """A CSV demand file as read: its rows (the table's document is kept for line numbers)."""

    rows: tuple[DemandRow, ...] = key(DemandRow.LIST_KEY, label="regels")

    @property
    def table(self) -> YamlDocument:
        return self.__dict__["_table"]  # type: ignore[no-any-return]

    @property
    def declared(self) -> DemandFile:
        return self.__dict__["_declared"]  # type: ignore[no-any-return]


@node
class Deployment(TableRow):
    """One actual deployment: who (a pseudonymous client id) got which care, when, from which
    function, for how many hours."""

    NOUN = "inzet"
    LIST_KEY = "inzet"
    NUMBERS = ("uren",)

    client: str = key("client", label="cliënt")
    date: dt.date = key("datum", label="datum")
    district: District = ref("wijk", label="wijk")
    day_part: DayPart = ref("dagdeel", label="dagdeel")
    care: CareKind = ref("zorgsoort", label="zorgsoort")
    function: StaffFunction = ref("functie", label="functie")
    hours: float = key("uren", label="uren")
    provider: Provider | None = ref("aanbieder", label="aanbieder")


@node
class DeploymentFile(Node):
    """A file of actual deployments, as YAML (`inzet:` list) or as a CSV export."""

    deployments: tuple[Deployment, ...] = key(Deployment.LIST_KEY, label="inzet")

    @property
    def document(self) -> YamlDocument:
        return self.__dict__["_document"]  # type: ignore[no-any-return]

    @property
    def unresolved(self) -> list[Unresolved]:
        """References that name nothing in the municipality (reported without their value)."""
        return self.__dict__["_unresolved"]  # type: ignore[no-any-return]


REFERABLE: tuple[type[Node], ...] = (
    SourceDocument, DayPart, Qualification, Authority, StaffFunction, CareKind, Provider, District,
)
"""The classes whose objects a capacity agreement, a demand table or a deployment file may name."""


class Unbuildable(ValueError):
    """A document that validation should have refused reached the model: a bug, not bad input."""


def build_municipality(document: YamlDocument) -> Municipality:
    """The model of a validated `zorgloketten.yaml`; its CSV demand is attached with
    `attach_rows` once read (see generator.validation.demand.read_demand_table)."""
    municipality, unresolved = unresolved_in(document)
    if unresolved:
        raise Unbuildable(f"unresolved references in a validated agreement: {unresolved}")
    return municipality


def unresolved_in(document: YamlDocument) -> tuple[Municipality, list[Unresolved]]:
    """Build a schema-valid agreement and return the references that name nothing (for
    validation); no CSV demand is attached yet."""
    municipality, _, unresolved = _build(document)
    attach_rows(municipality, ())
    return municipality, unresolved


def attach_rows(municipality: Municipality, rows: tuple[DemandRows, ...]) -> None:
    """Give the municipality its CSV demand, read and resolved, in the declared order."""
    municipality.__dict__["_rows"] = rows


def _build(document: YamlDocument) -> tuple[Municipality, Builder, list[Unresolved]]:
    builder = Builder(REFERABLE)
    municipality = builder.build(Municipality, document.data)
    unresolved = builder.resolve(Resolver(builder.index))
    municipality.__dict__.update(_yaml=document, _index=builder.index)
    for district in municipality.districts:
        district.desk.__dict__["_district"] = district
    return municipality, builder, unresolved


def index_of(municipality: Municipality) -> dict[type[Node], dict[str, Node]]:
    """Every object a table or deployment file may name, by class and id."""
    return municipality.__dict__["_index"]  # type: ignore[no-any-return]


def build_rows(cls: type[Any], table: YamlDocument,
               index: Mapping[type[Node], Mapping[str, Node]]) -> tuple[Any, list[Unresolved]]:
    """A schema-valid table (`DemandRows`, `DeploymentFile`) resolved against a municipality."""
    builder = Builder(())
    built = builder.build(cls, table.data)
    return built, builder.resolve(Resolver(index))


def build_deployments(document: YamlDocument, municipality: Municipality) -> DeploymentFile:
    """A schema-valid deployment file read against its municipality; ids that name nothing are
    left out and listed in `unresolved`."""
    built, unresolved = build_rows(DeploymentFile, document, index_of(municipality))
    built.__dict__.update(_document=document, _unresolved=unresolved)
    return built  # type: ignore[no-any-return]
