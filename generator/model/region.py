"""A region's agreement as typed objects: what every command reads after `validate` has passed.

`build_region` turns a validated `regio.yaml` into a `Region`; ids are resolved to the objects
they name (a step's initiators are Roles), each object keeps its path in the file, and each Dutch
key of the YAML appears once, in the field that reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from generator.hints import Hints
from generator.loader import YamlDocument
from generator.model.mapping import Builder, Node, Resolver, key, node, ref
from generator.model.protocol import Profile, SharedProtocol
from generator.model.routes import Dominators, Routes
from generator.model.sources import Source, SourceDocument

T = TypeVar("T", bound=Node)


# --- sources and document control -----------------------------------------------------------

@node
class DocumentInfo(Node):
    """The agreement document itself and its document control: version, owner, who adopted it,
    when it takes effect and when it is reviewed next."""

    title: str = key("titel", label="titel")
    version: str = key("versie", default="", label="versie")
    owner: str = key("eigenaar", default="", label="eigenaar")
    drafted_by: str = key("opgesteld_door", default="", label="opgesteld door")
    adopted_by: str = key("vastgesteld_door", default="", label="vastgesteld door")
    date: dt.date | None = key("datum", default=None, label="datum van vaststelling")
    in_force_from: dt.date | None = key("in_werking_per", default=None, label="in werking per")
    next_review: dt.date | None = key("volgende_herziening", default=None,
                                      label="volgende herziening")
    source: Source | None = key("bron", default=None, label="bron")

    @property
    def day(self) -> dt.date | None:
        """The date the documents carry: adopted on, else in force from."""
        return self.date or self.in_force_from


@node
class Introduction(Node):
    occasion: str = key("aanleiding", default="", label="aanleiding")
    purpose: str = key("doel", label="doel")
    scope: str = key("reikwijdte", default="", label="reikwijdte")
    principles: tuple[str, ...] = key("uitgangspunten", label="uitgangspunten")
    source: Source = key("bron", label="bron")


@node
class FrameworkFit(Node):
    """Whether the agreement fits a national or provincial framework."""

    NOUN = "kaderpassing"
    IDENTITY = "framework"

    framework: str = key("kader", label="kader")
    fits: bool = key("passend", label="passend")
    note: str = key("toelichting", default="", label="toelichting")
    source: Source = key("bron", label="bron")


@node
class Evaluation(Node):
    NOUN = "evaluatie"
    IDENTITY = "subject"

    subject: str = key("onderwerp", label="onderwerp")
    date: dt.date = key("datum", label="datum")
    note: str = key("toelichting", default="", label="toelichting")
    source: Source = key("bron", label="bron")


@node
class Definition(Node):
    NOUN = "definitie"

    id: str = key("id")
    term: str = key("term", label="term")
    description: str = key("omschrijving", label="omschrijving")
    criteria: tuple[str, ...] = key("criteria", label="criteria")
    source: Source = key("bron", label="bron")


@node
class Commitments(Node):
    """What the agreement asks of the parties involved (`toezeggingen`)."""

    introduction: str = key("inleiding", default="", label="inleiding")
    items: tuple[str, ...] = key("items", label="toezeggingen", phrase="{} toegezegd")
    source: Source = key("bron", label="bron")


# --- organisations and vocabularies ---------------------------------------------------------

@node
class Organisation(Node):
    NOUN = "organisatie"

    id: str = key("id")
    name: str = key("naam", label="naam")
    kind: str = key("soort", label="soort")
    description: str = key("omschrijving", default="", label="omschrijving")
    source: Source | None = key("bron", default=None, label="bron")


@node
class ProblemArea(Node):
    NOUN = "probleemgebied"

    id: str = key("id")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", default="", label="omschrijving")


@node
class Signal(Node):
    NOUN = "signaal"

    id: str = key("id")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", default="", label="omschrijving")


@node
class Condition(Node):
    """When something applies: every test it names must hold (`voorwaarden`)."""

    NOUN = "voorwaarde"
    IDENTITY = "text"

    text: str = key("tekst", label="tekst")
    framework: str | None = key("kader", default=None, label="kader")
    target_group: str | None = key("doelgroep", default=None, label="doelgroep")
    problem_area: ProblemArea | None = ref("probleemgebied", label="probleemgebied")
    signal: Signal | None = ref("signaal", label="signaal")
    min_problem_areas: int | None = key("min_probleemgebieden", default=None,
                                        label="minimaal aantal probleemgebieden")
    min_professionals: int | None = key("min_betrokken_hulpverleners", default=None,
                                        label="minimaal aantal betrokken hulpverleners")
    family_consent: bool = key("instemming_gezin", default=False,
                               label="instemming van het gezin nodig")

    @property
    def situation_only(self) -> bool:
        """It tests only the kader and/or the doelgroep: the situation, not a requirement."""
        return (self.framework is not None or self.target_group is not None) and \
            self.problem_area is None and self.signal is None and \
            self.min_problem_areas is None and self.min_professionals is None and \
            not self.family_consent


# --- functions, roles, meetings, assignments ------------------------------------------------

class FunctionKind:
    """The shared vocabulary of kinds of function (`soort`), in the order a comparison shows
    them, with the label a reader sees."""

    LABELS = {
        "zorgregie": "Zorgregie",
        "zorgcoördinatie": "Zorgcoördinatie",
        "casemanagement": "Casemanagement",
        "procesregie": "Procesregie",
        "casusregie": "Casusregie",
    }
    ALL = tuple(LABELS)


@node
class Function(Node):
    NOUN = "functie"

    id: str = key("id")
    name: str = key("naam", label="naam")
    kind: str = key("soort", label="soort functie")
    description: str = key("omschrijving", label="omschrijving")
    when: str = key("wanneer", default="", label="wanneer")
    source: Source = key("bron", label="bron")


@node
class EligibleOrganisation(Node):
    """An organisation that may hold a role, possibly only under conditions (MEE, Indigo)."""

    NOUN = "geschikte organisatie"
    IDENTITY = "organisation"

    organisation: Organisation = ref("organisatie", label="organisatie")
    conditions: tuple[Condition, ...] = key("voorwaarden", label="voorwaarden")
    source: Source | None = key("bron", default=None, label="bron")


@node
class Role(Node):
    NOUN = "rol"

    id: str = key("id")
    name: str = key("naam", label="naam")
    function: Function | None = ref("functie", label="functie")
    description: str = key("omschrijving", default="", label="omschrijving")
    tasks: tuple[str, ...] = key("taken", label="taken", phrase="heeft {} de taak")
    employer: Organisation | None = ref("organisatie", label="werkgever")
    organisation_kind: str | None = key("organisatiesoort", default=None,
                                        label="soort organisatie")
    position: str = key("positie", default="", label="positie")
    independent: bool = key("onafhankelijk", default=False, label="onafhankelijk")
    supported_by: tuple[Role, ...] = ref("ondersteund_door", label="ondersteund door",
                                         phrase="wordt {} ondersteund door")
    reports_to: Role | None = ref("rapporteert_aan", label="legt verantwoording af aan")
    temporary: bool = key("tijdelijk", default=False, label="tijdelijke inzet")
    hands_back_to: tuple[Role, ...] = ref("terug_aan", label="draagt terug aan",
                                          phrase="draagt {} terug aan")
    """For a temporary role: the roles that take the work back (besides the person and the
    household themselves)."""
    eligible_organisations: tuple[EligibleOrganisation, ...] = key(
        "geschikte_organisaties", label="geschikte organisaties")
    source: Source = key("bron", label="bron")


@node
class Frequency(Node):
    """How often a meeting meets: periodiek, interval (every n days) or op_verzoek."""

    INTERVAL = "interval"

    kind: str = key("soort", label="soort")
    days: int | None = key("dagen", default=None, label="interval", unit=("dag", "dagen"))
    requested_by: Role | None = ref("op_verzoek_van", label="op verzoek van")
    description: str = key("omschrijving", default="", label="omschrijving")


@node
class MeetingRequirements(Node):
    """What a held meeting of this kind needs (`vereisten`; the Flemish MDO): at least
    `disciplines` disciplines among its participants, the person's consent before it, the person
    present or the reason why not recorded."""

    NOUN = "vereisten van het overleg"

    disciplines: int | None = key("disciplines", default=None, label="minstens",
                                  unit=("discipline", "disciplines"))
    consent_first: bool = key("toestemming_vooraf", default=False, label="toestemming vooraf")
    person_present: bool = key("persoon_aanwezig", default=False,
                               label="de persoon aanwezig, of vastgelegd waarom niet")
    source: Source = key("bron", label="bron")


@node
class Meeting(Node):
    NOUN = "overleg"

    id: str = key("id")
    name: str = key("naam", label="naam")
    abbreviation: str = key("afkorting", default="", label="afkorting")
    function: Function | None = ref("functie", label="functie")
    chair: Role = ref("voorzitter", label="voorzitter")
    participants: tuple[Role, ...] = ref("deelnemers", label="deelnemers")
    frequency: Frequency = key("frequentie", label="frequentie")
    purpose: str = key("doel", default="", label="doel")
    requirements: MeetingRequirements | None = key("vereisten", default=None,
                                                   label="vereisten")
    source: Source = key("bron", label="bron")


@node
class Candidate(Node):
    """A role that may be assigned, possibly only under conditions."""

    NOUN = "kandidaat"
    IDENTITY = "role"

    role: Role = ref("rol", label="rol")
    conditions: tuple[Condition, ...] = key("voorwaarden", label="voorwaarden")


@node
class DecisionCondition(Node):
    """What must come before an assignment is decided (`besluit_na`): a meeting of the region
    (the casusoverleg with the chain partners) and/or the household's plan."""

    NOUN = "voorwaarde voor het besluit"
    IDENTITY = "text"

    text: str = key("tekst", label="tekst")
    meeting: Meeting | None = ref("overleg", label="overleg")
    plan: bool = key("plan", default=False, label="na het plan")


@node
class Assignment(Node):
    """Who becomes regisseur (casemanager, gezinscoach, ...) and when (`toewijzingen`)."""

    NOUN = "toewijzing"

    id: str = key("id")
    role: Role = ref("rol", label="rol")
    description: str = key("omschrijving", default="", label="omschrijving")
    conditions: tuple[Condition, ...] = key("voorwaarden", label="voorwaarden")
    candidates: tuple[Candidate, ...] = key("kandidaten", label="kandidaten")
    unless_agreed_otherwise: bool = key("tenzij_anders_afgesproken", default=False,
                                        label="tenzij anders afgesproken")
    alternatives: tuple[Candidate, ...] = key("alternatieven", label="alternatieven")
    selection_criteria: tuple[str, ...] = key("keuzecriteria", label="keuzecriteria")
    decided_by: Role | None = ref("besluit_door", label="wie besluit")
    decision_conditions: tuple[DecisionCondition, ...] = key(
        "besluit_na", label="besluit pas na", phrase="{} besloten na")
    moment: str = key("moment", default="", label="moment")
    source: Source = key("bron", label="bron")

    @property
    def situation(self) -> tuple[Condition, ...]:
        """The conditions that only say which situation this rule is for (kader, doelgroep):
        where none of a role's rules is for the case's situation, the agreement is silent."""
        return tuple(condition for condition in self.conditions if condition.situation_only)


# --- ladders, tools, protocols, forms -------------------------------------------------------

@node
class MeetingCondition(Node):
    """A condition a physical case table must meet (`overlegvoorwaarden`)."""

    NOUN = "overlegvoorwaarde"

    id: str = key("id")
    text: str = key("tekst", label="tekst")
    region_wide: bool = key("regiobreed", default=False, label="regiobreed geregeld")
    """Arranged once for the whole region (the fixed pool): it holds for every meeting."""


@node
class FollowUp(Node):
    """What may follow a step without result, and who chooses (`vervolg`)."""

    step_numbers: tuple[int, ...] = key("stappen", label="vervolgstappen",
                                        phrase="bij geen resultaat {} verder met stap")
    chosen_by: Role | None = ref("besluit_door", label="wie de vervolgstap kiest")
    note: str = key("toelichting", default="", label="toelichting")


@node
class Threshold(Node):
    """A screening score from which a fuller assessment is indicated (`drempel`; the BelRAI
    Screener): the region's `value` (none is published, so it is empty until the region sets
    one) and the tool of that assessment."""

    NOUN = "drempel"

    value: float | None = key("waarde", default=None, label="waarde")
    follow_up: Tool | None = ref("vervolg", label="vervolgbeoordeling")
    source: Source = key("bron", label="bron")


@node
class Tool(Node):
    NOUN = "hulpmiddel"

    id: str = key("id")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", label="omschrijving")
    managed_by: Role | Organisation | None = ref("beheerd_door",
                                                 label="beheerd door", noun="rol of organisatie")
    filled_by: tuple[Role | Organisation, ...] = ref("gevuld_door",
                                                     label="gevuld door",
                                                     noun="rol of organisatie",
                                                     phrase="wordt {} gevuld door")
    access: tuple[Role | Organisation, ...] = ref("toegang",
                                                  label="toegang", noun="rol of organisatie",
                                                  phrase="{} in te zien door")
    refresh_months: int | None = key("actualisatie_maanden", default=None,
                                     label="bijwerken elke", unit=("maand", "maanden"))
    threshold: Threshold | None = key("drempel", default=None, label="drempel")
    source: Source = key("bron", label="bron")


class FieldKind:
    """What a form field holds (`soort`): the values the schema allows."""

    TEXT = "tekst"
    DATE = "datum"
    YES_NO = "ja_nee"
    LIST = "lijst"
    ALL = (TEXT, DATE, YES_NO, LIST)


@node
class Field(Node):
    NOUN = "veld"

    id: str = key("id")
    label: str = key("label", label="label")
    group: str = key("groep", default="", label="groep")
    kind: str = key("soort", default=FieldKind.TEXT, label="soort antwoord")
    required: bool = key("verplicht", default=True, label="verplicht")
    note: str = key("toelichting", default="", label="toelichting")


@node
class Section(Node):
    NOUN = "sectie"

    id: str = key("id")
    title: str = key("titel", label="titel")
    fields: tuple[Field, ...] = key("velden", label="velden")

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)


@node
class Form(Node):
    NOUN = "formulier"

    id: str = key("id")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", default="", label="omschrijving")
    sections: tuple[Section, ...] = key("secties", label="secties")
    source: Source = key("bron", label="bron")

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


@node
class Step(Node):
    """One step of an escalation ladder."""

    NOUN = "stap"
    IDENTITY = "number"

    number: int = key("nummer", label="nummer")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", label="omschrijving")
    conditions: tuple[Condition, ...] = key("voorwaarden", label="voorwaarden")
    initiators: tuple[Role, ...] = ref("initiatiefnemers", label="wie mag starten",
                                       phrase="mag {} gestart worden door")
    all_initiators: bool = key("alle_initiatiefnemers", default=False,
                               label="elke initiatiefnemer zet de stap zelf")
    performer: Role | None = ref("uitvoerder", label="uitvoerder")
    participants: tuple[Role, ...] = ref("deelnemers", label="deelnemers")
    method: str | None = key("werkwijze", default=None, label="werkwijze")
    tool: Tool | None = ref("hulpmiddel", label="hulpmiddel")
    reply_term_days: int | None = key("reactietermijn_werkdagen", default=None,
                                      label="reactietermijn", unit=("werkdag", "werkdagen"))
    form: Form | None = ref("formulier", label="verplicht formulier")
    meeting_conditions: tuple[MeetingCondition, ...] = key("overlegvoorwaarden",
                                                           label="overlegvoorwaarden")
    closes_only_with_solution: bool = key("afsluiten_alleen_met_oplossing", default=False,
                                          label="alleen afsluiten met een oplossing")
    follow_up: FollowUp | None = key("vervolg", default=None, label="vervolg")
    together_with_number: int | None = key("tegelijk_met", default=None,
                                           label="tegelijk met stap")
    source: Source = key("bron", label="bron")

    @property
    def ladder(self) -> Ladder:
        """The ladder this step belongs to (set when the region is built)."""
        return self.__dict__["_ladder"]  # type: ignore[no-any-return]

    @property
    def following(self) -> tuple[Step, ...]:
        """The steps that may follow this one when it brings no result, in the order named."""
        numbers = self.follow_up.step_numbers if self.follow_up else ()
        return tuple(step for number in numbers if (step := self.ladder.step(number)))

    @property
    def chooser(self) -> Role | None:
        """The role that chooses the next step, if the agreement names one."""
        return self.follow_up.chosen_by if self.follow_up else None

    @property
    def together_with(self) -> Step | None:
        """The step this one is taken at the same time as (not after), if any: ZOU's
        doorbraakteam, called in for youth while the case is escalated."""
        return self.ladder.step(self.together_with_number)

    @property
    def companions(self) -> tuple[Step, ...]:
        """The steps taken at the same time as this one (those naming it in `tegelijk_met`)."""
        return self.ladder.companions_of(self)

    @property
    def successors(self) -> tuple[Step, ...]:
        """Where a route goes from this step: alongside it (companions), or after it without
        result (following)."""
        return self.companions + tuple(s for s in self.following if s not in self.companions)


@node
class Ladder(Node):
    """An escalation ladder (route): ordered steps for cases where no fitting care is found."""

    NOUN = "escalatieroute"

    id: str = key("id")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", default="", label="omschrijving")
    triggers: tuple[str, ...] = key("aanleidingen", label="aanleidingen")
    definition: Definition | None = ref("definitie", label="definitie")
    conditions: tuple[Condition, ...] = key("voorwaarden", label="voorwaarden")
    principle: str = key("uitgangspunt", default="", label="uitgangspunt")
    steps: tuple[Step, ...] = key("stappen", label="stappen")
    source: Source = key("bron", label="bron")

    @cached_property
    def _by_number(self) -> dict[int, Step]:
        numbered: dict[int, Step] = {}
        for step in self.steps:
            numbered.setdefault(step.number, step)
        return numbered

    def step(self, number: object) -> Step | None:
        """The (first) step numbered `number`, or None."""
        return self._by_number.get(number) if isinstance(number, int) else None

    # --- the ladder as a graph of allowed jumps ---------------------------------------------

    @property
    def first(self) -> Step | None:
        """Where every route starts: step 1."""
        return self.step(1)

    @cached_property
    def _companions(self) -> dict[int, tuple[Step, ...]]:
        found: dict[int, list[Step]] = {}
        for step in self.steps:
            partner = step.together_with
            if partner is not None:
                found.setdefault(id(partner), []).append(step)
        return {partner: tuple(steps) for partner, steps in found.items()}

    def companions_of(self, step: Step) -> tuple[Step, ...]:
        """The steps taken at the same time as `step` (found once per ladder)."""
        return self._companions.get(id(step), ())

    @cached_property
    def routes(self) -> Routes:
        """The allowed jumps as a graph of step numbers (generator.model.routes): every
        question below is answered from it in near-linear time, however long the ladder."""
        return Routes({number: tuple(s.number for s in step.successors)
                       for number, step in self._by_number.items()}, 1)

    def preceding(self, step: Step) -> tuple[Step, ...]:
        """The steps a route comes from into `step`: those it may follow, or the one it is
        taken together with."""
        return tuple(self._by_number[number]
                     for number in self.routes.incoming.get(step.number, ()))

    def reachable_from(self, step: Step) -> frozenset[int]:
        """The numbers of the steps a route can reach from `step`, itself included."""
        return self.routes.reachable_from(step.number)

    @cached_property
    def dominators(self) -> Mapping[int, frozenset[int]]:
        """For each step a route can reach: the steps every route from step 1 to it passes,
        itself included. Derived from the allowed jumps, not from the numbering: in Apeldoorn
        step 2 may jump to step 4, so step 3 does not dominate step 4."""
        return Dominators(self.routes)

    def optional(self, step: Step) -> bool:
        """True when a route can pass this step by: a step after it is also reached without it
        (Apeldoorn step 3: after step 2 the gemeentelijke toegang may choose step 4)."""
        return step.number in self.routes.optional


@node
class Example(Node):
    """A worked example from the source, told as a case (`voorbeelden`)."""

    NOUN = "voorbeeld"

    id: str = key("id")
    title: str = key("titel", label="titel")
    narrative: tuple[str, ...] = key("verhaal", label="verhaal")
    shows: tuple[str, ...] = key("laat_zien", label="wat het voorbeeld laat zien")
    source: Source = key("bron", label="bron")


@node
class Protocol(Node):
    """A protocol to follow at certain signals: the region's own (rode knop), or a shared one
    it refers to (`gedeeld: meldcode`), whose name and description then come from the shared
    protocol and whose profiles the region chooses (all when it names none)."""

    NOUN = "protocol"

    id: str = key("id")
    name: str = key("naam", default="", label="naam")
    description: str = key("omschrijving", default="", label="omschrijving")
    shared: SharedProtocol | None = ref("gedeeld", label="gedeeld protocol")
    profiles: tuple[Profile, ...] = ref("profielen", label="profielen",
                                        phrase="geldt {} voor het profiel")
    required_for: tuple[Signal, ...] = ref("verplicht_bij", label="verplicht bij",
                                           phrase="is {} verplicht bij")
    shared_with: tuple[Role, ...] = ref("delen_met", label="uitgewerkt en gedeeld met",
                                        phrase="wordt {} uitgewerkt en gedeeld met")
    """Per case the protocol is worked out, dated and shared with the case's members in these
    roles (the rode knop procedure, known within the care team)."""
    source: Source | None = key("bron", default=None, label="bron")
    """Required for the region's own protocol; a shared one may leave it out (see `cited`)."""

    @property
    def cited(self) -> Source | None:
        """Where the protocol comes from: its own `bron`, else the shared protocol's."""
        return self.source or (self.shared.source if self.shared else None)


@node
class ExtraDayOff(Node):
    NOUN = "extra vrije dag"
    IDENTITY = "date"

    date: dt.date = key("datum", label="datum")
    description: str = key("omschrijving", label="omschrijving")


@node
class WorkdaySettings(Node):
    """Which days do not count as working days besides the weekend (`werkdagen`)."""

    holidays_country: str | None = key("feestdagen", default=None, label="feestdagen van")
    fifth_of_may_every_year: bool | None = key("vijf_mei_elk_jaar", default=None,
                                               label="5 mei elk jaar vrij")
    working_holidays: tuple[str, ...] = key("geen_vrije_dag", label="feestdagen die werkdag zijn")
    extra_days_off: tuple[ExtraDayOff, ...] = key("extra_vrije_dagen", label="extra vrije dagen")


# --- the plan and the escalation term (issue 8) ----------------------------------------------

@node
class PlanAgreement(Node):
    """What the region agrees on the household's plan (`plan`): a case in which one of `roles`
    is assigned has one plan, made with the household, with agreed goals, evaluated every
    `evaluation_days` where the region sets a cadence."""

    NOUN = "afspraak over het plan"

    name: str = key("naam", default="plan", label="naam")
    roles: tuple[Role, ...] = ref("rollen", label="bij toewijzing van",
                                  phrase="geldt {} bij toewijzing van")
    made_by: tuple[Role, ...] = ref("opgesteld_door", label="opgesteld door",
                                    phrase="wordt {} opgesteld door")
    evaluation_days: int | None = key("evaluatie_elke_dagen", default=None,
                                      label="evalueren elke", unit=("dag", "dagen"))
    description: str = key("omschrijving", default="", label="omschrijving")
    source: Source = key("bron", label="bron")


ESCALATION_TERM_DEFAULT = 5
"""Working days for the next step when the region states none (the schema's default)."""


@node
class EscalationTerm(Node):
    """Within how many working days a stuck case is escalated, or the next step started after a
    step without result (`opschaaltermijn`); findings only come once it has passed."""

    NOUN = "opschaaltermijn"
    IDENTITY = "days"

    days: int = key("werkdagen", default=ESCALATION_TERM_DEFAULT, label="opschalen binnen",
                    unit=("werkdag", "werkdagen"))
    source: Source | None = key("bron", default=None, label="bron")


@node
class LifeGoals(Node):
    """The person's life goals (`levensdoelen`): recorded in a case by the first meeting of
    `by_meeting` (empact: the MDO), mapped with the region's tools (the key questions)."""

    NOUN = "afspraak over levensdoelen"

    by_meeting: Meeting | None = ref("uiterlijk_bij", label="vastgelegd uiterlijk bij het eerste")
    tools: tuple[Tool, ...] = ref("hulpmiddelen", label="hulpmiddelen",
                                  phrase="worden {} in kaart gebracht met")
    source: Source = key("bron", label="bron")


# --- the region -----------------------------------------------------------------------------

@node
class Region(Node):
    """One region's agreements."""

    NOUN = "regio"

    id: str = key("id")
    name: str = key("naam", label="naam")
    country: str = key("land", default="NL", label="land")
    work_area: tuple[str, ...] = key("werkgebied", label="werkgebied")
    target_groups: tuple[str, ...] = key("doelgroepen", label="doelgroepen")
    document: DocumentInfo | None = key("document", default=None, label="document")
    sources: tuple[SourceDocument, ...] = key("bronnen", label="bronnen")
    introduction: Introduction | None = key("inleiding", default=None, label="inleiding")
    framework_fits: tuple[FrameworkFit, ...] = key("kaderpassing", label="kaderpassing")
    evaluations: tuple[Evaluation, ...] = key("evaluaties", label="evaluaties")
    definitions: tuple[Definition, ...] = key("definities", label="begrippen")
    commitments: Commitments | None = key("toezeggingen", default=None, label="toezeggingen")
    organisations: tuple[Organisation, ...] = key("organisaties", label="organisaties")
    problem_areas: tuple[ProblemArea, ...] = key("probleemgebieden", label="probleemgebieden")
    signals: tuple[Signal, ...] = key("signalen", label="signalen")
    functions: tuple[Function, ...] = key("functies", label="functies")
    roles: tuple[Role, ...] = key("rollen", label="rollen")
    meetings: tuple[Meeting, ...] = key("overleggen", label="overleggen")
    assignments: tuple[Assignment, ...] = key("toewijzingen", label="toewijzingen")
    ladders: tuple[Ladder, ...] = key("ladders", label="escalatieroutes")
    tools: tuple[Tool, ...] = key("hulpmiddelen", label="hulpmiddelen")
    protocols: tuple[Protocol, ...] = key("protocollen", label="protocollen")
    forms: tuple[Form, ...] = key("formulieren", label="formulieren")
    examples: tuple[Example, ...] = key("voorbeelden", label="voorbeelden")
    workdays: WorkdaySettings | None = key("werkdagen", default=None, label="werkdagen")
    plan: PlanAgreement | None = key("plan", default=None, label="plan")
    escalation_term: EscalationTerm | None = key("opschaaltermijn", default=None,
                                                 label="opschaaltermijn")
    life_goals: LifeGoals | None = key("levensdoelen", default=None, label="levensdoelen")

    @property
    def yaml(self) -> YamlDocument:
        """The loaded file, to look up the line of any path."""
        return self.__dict__["_yaml"]  # type: ignore[no-any-return]

    @property
    def file(self) -> Path:
        return Path(self.yaml.file)

    @property
    def folder(self) -> Path:
        return self.file.parent

    @property
    def index(self) -> dict[type[Node], dict[str, Node]]:
        """Every object a reference can name, by class and id (first of duplicate ids)."""
        return self.__dict__["_index"]  # type: ignore[no-any-return]

    @cached_property
    def problem_area_hints(self) -> Hints:
        """The ids of the problem areas indexed once, for the case's words that nearly name
        one (near-linear however many areas and words; see generator.hints)."""
        return Hints(area.id for area in self.problem_areas)

    def get(self, cls: type[T], identity: object) -> T | None:
        """The object of class `cls` with this id, or None."""
        found = self.index.get(cls, {}).get(identity) if isinstance(identity, str) else None
        return found  # type: ignore[return-value]

    def assignments_for(self, role: Role) -> list[Assignment]:
        """The assignment rules that make someone `role`, in file order."""
        return [assignment for assignment in self.assignments if assignment.role is role]

    def form_uses(self, form: Form) -> list[tuple[Ladder, list[Step]]]:
        """The ladders whose steps require `form`, with those steps."""
        uses = [(ladder, [step for step in ladder.steps if step.form is form])
                for ladder in self.ladders]
        return [(ladder, steps) for ladder, steps in uses if steps]

    def holders_of(self, function: Function) -> list[Role]:
        return [role for role in self.roles if role.function is function]


REFERABLE: tuple[type[Node], ...] = (
    SourceDocument, Definition, Organisation, ProblemArea, Signal, Function, Role, Meeting,
    Ladder, Tool, Protocol, Form,
)
"""The classes whose objects a region or a case may name by id."""


def build_region(document: YamlDocument, shared: Mapping[type[Node], Mapping[str, Node]] | None
                 = None) -> Region:
    """The model of a validated region document (every reference resolves).

    `shared` indexes the shared protocols and their profiles a region may refer to (default:
    generator.shared_protocols.library()).
    """
    if shared is None:
        from generator.shared_protocols import library

        shared = library().index
    builder = Builder(REFERABLE)
    region = builder.build(Region, document.data)
    unresolved = builder.resolve(Resolver(builder.index, shared))
    if unresolved:  # validation reports these first; reaching here is a bug, not bad input
        raise ValueError(f"unresolved references in a validated region: {unresolved}")
    region.__dict__.update(_yaml=document, _index=builder.index)
    _adopt_shared(region)
    for ladder in region.ladders:
        for step in ladder.steps:
            step.__dict__["_ladder"] = ladder
    return region


def _adopt_shared(region: Region) -> None:
    """A protocol that refers to a shared one takes its name and description from it, and all
    its profiles when the region chose none; the profiles in use are what a case may name."""
    chosen: dict[str, Node] = {}
    for protocol in region.protocols:
        shared = protocol.shared
        if shared is None:
            continue
        profiles = protocol.profiles or shared.profiles
        protocol.__dict__.update(name=protocol.name or shared.name,
                                 description=protocol.description or shared.description,
                                 profiles=profiles)
        chosen.update((profile.id, profile) for profile in profiles)
    region.index[Profile] = chosen
