"""A case file as typed objects, read against its region.

`build_case` turns a schema-valid case into a `Case` whose references point at the region's
objects (roles, organisations, ladders, forms, ...) and at the case's own (members, filled
forms). An id that names nothing is left out and reported in `Case.unresolved`, so one typo gives
one finding and every other rule can still run. What several rules derive from a case (its
escalations per ladder, the roles of an actor on a date, whether conditions hold) is derived
here, once per case.

Free text written in a case (`omschrijving`, reasons, form answers) is held for the documents a
case worker asks for, and never put in a message.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.loader import YamlDocument
from generator.model.mapping import Builder, Node, Resolver, Unresolved, dates_in, key, node, ref
from generator.model.protocol import Branch, Profile, Question, SharedProtocol
from generator.model.region import (
    Condition,
    Form,
    Ladder,
    Meeting,
    MeetingCondition,
    Organisation,
    ProblemArea,
    Protocol,
    Region,
    Role,
    Signal,
    Step,
    Tool,
)


@node
class HouseholdMember(Node):
    NOUN = "lid van het huishouden"

    id: str = key("id")
    kind: str = key("rol", label="rol in het huishouden")
    age: int | None = key("leeftijd", default=None, label="leeftijd")


class ExternalKind:
    """The kinds of external party (`extern`): parties a case names that hold no role in the
    region's agreements, with the words a reader sees. The values the case schema allows."""

    LABELS = {
        "onderwijs": "school",
        "kinderopvang": "kinderopvang",
        "huisarts": "huisarts",
        "sociale-dienst": "sociale dienst",
        "schuldhulpverlening": "schuldhulpverlening",
        "woningcorporatie": "woningcorporatie",
        "politie-justitie": "politie of justitie",
        "werkgever": "werkgever",
        "informeel-netwerk": "informeel netwerk",
        "vrijwilliger": "vrijwilliger",
        "overig": "externe partij",
    }
    INFORMAL = frozenset({"informeel-netwerk", "vrijwilliger"})
    """Kinds that do not count as helpers (hulpverleners) unless the case says so."""


@node
class Member(Node):
    """Someone involved with the household: a professional or someone from its network, with a
    role in the region's agreements, an external party without one (`extern`: the school, the
    sociale dienst, a neighbour), or the household itself (`huishoudleden`: one or more members
    together, e.g. both parents coordinating)."""

    NOUN = "betrokkene"

    id: str = key("id")
    role: Role | None = ref("rol", label="rol")
    external: str | None = key("extern", default=None, label="soort externe partij")
    organisation: Organisation | None = ref("organisatie", label="organisatie")
    household_members: tuple[HouseholdMember, ...] = ref(
        "huishoudleden", label="leden van het huishouden")
    professional_given: bool | None = key("professioneel", default=None, label="professioneel")
    discipline_given: str | None = key("discipline", default=None, label="discipline")

    @property
    def discipline(self) -> str | None:
        """The discipline a meeting counts this helper as: as the case says, else the kind of
        external party; None for the household and the informal network."""
        if self.discipline_given is not None:
            return self.discipline_given
        return self.external if self.professional and self.external else None

    @property
    def is_household(self) -> bool:
        """The household itself (some of its members), not someone from outside it."""
        return bool(self.household_members) or not self.resolves("household_members")

    @property
    def professional(self) -> bool:
        """Counts as a helper: as the case says, else everyone but the household itself, the
        informal network and volunteers."""
        if self.professional_given is not None:
            return self.professional_given
        return not self.is_household and self.external not in ExternalKind.INFORMAL

    def describe(self) -> str:
        """How a message names this party without anything written in the case: its region
        role, else its kind (`sociale dienst (zonder rol in de afspraken)`)."""
        if self.role is not None:
            return self.role.name
        if self.external is not None:
            label = ExternalKind.LABELS.get(self.external, self.external)
            return f"{label} (zonder rol in de afspraken)"
        if self.is_household:
            return "het huishouden zelf"
        return "een betrokkene zonder bekende rol"


@node
class Actor(Node):
    """Who did something: a member of the case, or a role or organisation of the region."""

    member: Member | None = ref("betrokkene", label="betrokkene")
    role: Role | None = ref("rol", label="rol")
    organisation: Organisation | None = ref("organisatie", label="organisatie")

    @property
    def acting_role(self) -> Role | None:
        """Its own role, else the role of the member it names; None when the role it names
        itself is unknown (that is reported once, as an unresolved reference)."""
        if self.role is not None or not self.resolves("role"):
            return self.role
        return self.member.role if self.member else None

    @property
    def acting_organisation(self) -> Organisation | None:
        """Its own organisation, else the organisation of the member it names; None when the
        organisation it names itself is unknown."""
        if self.organisation is not None or not self.resolves("organisation"):
            return self.organisation
        return self.member.organisation if self.member else None


@node
class CaseAssignment(Node):
    """Someone holding a role (regisseur, casemanager, ...) for a period (`regie`)."""

    NOUN = "toewijzing"

    role: Role | None = ref("rol", label="rol")
    member: Member | None = ref("betrokkene", label="betrokkene")
    start: dt.date = key("van", label="van")
    end: dt.date | None = key("tot", default=None, label="tot")
    agreed_otherwise: bool = key("anders_afgesproken", default=False,
                                 label="anders afgesproken")
    family_consent: bool = key("instemming_gezin", default=False, label="instemming gezin")
    decided_by: Actor | None = key("besloten_door", default=None, label="besloten door")
    decided_on_given: dt.date | None = key("besloten_op", default=None, label="besloten op")
    decided_in: HeldMeeting | None = ref("besloten_in", label="besloten in",
                                         noun="gehouden overleg (onder overleggen)")
    hand_back_on: dt.date | None = key("terug_op", default=None, label="terug op")
    hand_back_to: Member | HouseholdMember | None = ref(
        "terug_aan", noun="betrokkene of lid van het huishouden", label="terug aan")

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day <= (self.end or dt.date.max)

    @property
    def decided_on(self) -> dt.date:
        """When it was decided: as recorded, else the meeting it was decided in, else its start."""
        if self.decided_on_given is not None:
            return self.decided_on_given
        return self.decided_in.date if self.decided_in is not None else self.start


@node
class HeldMeeting(Node):
    """A meeting held for the case: one of the region's meetings (`overleg`), or another joint
    meeting (the one where the plan is made and the regisseur chosen)."""

    NOUN = "gehouden overleg"

    id: str | None = key("id", default=None)
    meeting: Meeting | None = ref("overleg", label="overleg")
    date: dt.date = key("datum", label="datum")
    participants: tuple[Member | HouseholdMember, ...] = ref(
        "deelnemers", noun="betrokkene", label="deelnemers")
    requested_by: Actor | None = key("aangevraagd_door", default=None, label="aangevraagd door")
    chair: Actor | None = key("voorzitter", default=None, label="voorzitter")
    consent: dt.date | None = key("toestemming", default=None, label="toestemming")
    absence_reason: str = key("reden_afwezig", default="", label="reden van afwezigheid")


@node
class Plan(Node):
    """The household's plan (`plannen`): made on, by and with whom, its agreed goals (free text,
    never printed) and its evaluations."""

    NOUN = "plan"

    id: str | None = key("id", default=None)
    made_on: dt.date = key("opgesteld", label="opgesteld")
    made_by: Actor | None = key("opgesteld_door", default=None, label="opgesteld door")
    made_with: tuple[Member | HouseholdMember, ...] = ref(
        "met", noun="lid van het huishouden of betrokkene", label="opgesteld met")
    goals: tuple[str, ...] = key("doelen", label="doelen")
    evaluations: tuple[dt.date, ...] = key("evaluaties", label="evaluaties")
    next_evaluation: dt.date | None = key("volgende_evaluatie", default=None,
                                          label="volgende evaluatie")
    end: dt.date | None = key("tot", default=None, label="tot")

    def active_on(self, day: dt.date) -> bool:
        return self.made_on <= day <= (self.end or dt.date.max)

    @property
    def with_household(self) -> bool:
        """Made with at least one member of the household (or the household as a party)."""
        return any(isinstance(party, HouseholdMember) or party.is_household
                   for party in self.made_with)


@node
class Bottleneck(Node):
    """A moment the case got stuck and an escalation route applied (`knelpunten`)."""

    NOUN = "knelpunt"

    ladder: Ladder | None = ref("ladder", label="escalatieroute")
    date: dt.date = key("datum", label="datum")
    solved: dt.date | None = key("opgelost", default=None, label="opgelost")


@node
class Reply(Node):
    sender: Actor | None = key("van", default=None, label="van")
    date: dt.date = key("datum", label="datum")


@node
class FilledForm(Node):
    NOUN = "ingevuld formulier"

    id: str = key("id")
    form: Form | None = ref("formulier", label="formulier")
    date: dt.date | None = key("datum", default=None, label="datum")
    values: Mapping[str, Any] = key("velden", label="velden")


class Outcome:
    """How an escalation step ended (`uitkomst`): the values the case schema allows."""

    RUNNING = "lopend"
    SOLUTION = "oplossing"
    NO_RESULT = "geen-resultaat"


class Compliance:
    """How a meeting condition went (`nageleefd`): the values the case schema allows."""

    MET = "ja"
    BREACHED = "nee"
    NOT_APPLICABLE = "niet-van-toepassing"


@node
class ConditionRecord(Node):
    """How one condition of the step's meeting went (`overlegvoorwaarden`); its reason is free
    text and never printed."""

    NOUN = "nageleefde voorwaarde"

    condition_id: str = key("voorwaarde", label="voorwaarde")
    compliance: str = key("nageleefd", label="nageleefd")
    reason: str = key("reden", default="", label="reden")


@node
class Escalation(Node):
    """A step taken on an escalation ladder (`escalaties`)."""

    NOUN = "escalatie"

    ladder: Ladder | None = ref("ladder", label="escalatieroute")
    number: int = key("stap", label="stap")
    date: dt.date = key("datum", label="datum")
    started_by: Actor = key("gestart_door", label="gestart door")
    chosen_by: Actor | None = key("gekozen_door", default=None, label="gekozen door")
    form: FilledForm | None = ref("formulier", label="formulier",
                                  noun="ingevuld formulier (onder formulieren)")
    addressed: tuple[Organisation, ...] = ref("aangeschreven", label="aangeschreven")
    replies: tuple[Reply, ...] = key("antwoorden", label="antwoorden")
    condition_records: tuple[ConditionRecord, ...] = key("overlegvoorwaarden",
                                                         label="overlegvoorwaarden")
    outcome: str | None = key("uitkomst", default=None, label="uitkomst")
    closed: dt.date | None = key("afgerond", default=None, label="afgerond")

    @property
    def index(self) -> int:
        """Its position among the case's escalations, as written."""
        return int(self.path[-1])

    @cached_property
    def step(self) -> Step | None:
        """The region's step this escalation took, or None if its ladder has no such step."""
        return self.ladder.step(self.number) if self.ladder else None

    def record_of(self, condition: MeetingCondition) -> ConditionRecord | None:
        """How the case recorded one of the step's meeting conditions, if it did."""
        return next((record for record in self.condition_records
                     if record.condition_id == condition.id), None)

    @property
    def unknown_condition_records(self) -> list[ConditionRecord]:
        """Records naming a condition the step's meeting does not have."""
        known = {condition.id for condition in self.step.meeting_conditions} if self.step \
            else set()
        return [record for record in self.condition_records if record.condition_id not in known]


@node
class FollowedProtocol(Node):
    NOUN = "gevolgd protocol"

    protocol: Protocol | None = ref("protocol", label="protocol")
    date: dt.date = key("datum", label="datum")
    by: Actor | None = key("door", default=None, label="door")
    recorded: bool = key("vastgelegd", default=True, label="vastgelegd")


@node
class UsedTool(Node):
    NOUN = "gebruikt hulpmiddel"

    tool: Tool | None = ref("hulpmiddel", label="hulpmiddel")
    consulted: dt.date = key("geraadpleegd", label="geraadpleegd")
    updated: dt.date | None = key("bijgewerkt", default=None, label="bijgewerkt")


@node
class LifeGoalsRecord(Node):
    """When the person's life goals were mapped and recorded (`levensdoelen`); the goals
    themselves stay in the file."""

    NOUN = "levensdoelen"

    recorded: dt.date = key("vastgelegd", label="vastgelegd")
    tool: Tool | None = ref("hulpmiddel", label="hulpmiddel")


@node
class WorkedOutProtocol(Node):
    """A protocol worked out for this case (the rode knop procedure), on a date, shared with
    members of the case (`uitgewerkte_protocollen`)."""

    NOUN = "uitgewerkt protocol"
    IDENTITY = "date"

    protocol: Protocol | None = ref("protocol", label="protocol")
    date: dt.date = key("datum", label="datum")
    shared_with: tuple[Member, ...] = ref("gedeeld_met", noun="betrokkene", label="gedeeld met")


@node
class Assessment(Node):
    """An assessment instrument used (`beoordelingen`): the BelRAI Screener with its score, a
    full BelRAI. The score is never printed."""

    NOUN = "beoordeling"
    IDENTITY = "date"

    tool: Tool | None = ref("hulpmiddel", label="hulpmiddel")
    date: dt.date = key("datum", label="datum")
    score: float | None = key("score", default=None, label="score")


# --- a trajectory through a shared protocol (the meldcode) -----------------------------------

@node
class StepSkip(Node):
    """Why a step was skipped (`overgeslagen`): a ground the shared step allows, and the reason
    (free text, never printed)."""

    ground: str = key("grond", label="grond")
    reason: str = key("reden", default="", label="reden")


@node
class TrajectoryStep(Node):
    """A step of the meldcode taken (or skipped) on a date, with what was recorded of it."""

    NOUN = "meldcodestap"
    IDENTITY = "number"

    number: int = key("stap", label="stap")
    date: dt.date = key("datum", label="datum")
    by: Actor | None = key("door", default=None, label="door")
    recorded: tuple[str, ...] = key("vastgelegd", label="vastgelegd")
    skipped: StepSkip | None = key("overgeslagen", default=None, label="overgeslagen")


@node
class Consultation(Node):
    """Veilig Thuis consulted, on a date, in a step (or the step taken last by then)."""

    NOUN = "raadpleging van Veilig Thuis"
    IDENTITY = "date"

    date: dt.date = key("datum", label="datum")
    step_number: int | None = key("stap", default=None, label="stap")


@node
class GivenAnswer(Node):
    """An answer to a question of the afwegingskader (`antwoorden`)."""

    NOUN = "antwoord op een afweging"
    IDENTITY = "question_number"

    question_number: int = key("afweging", label="afweging")
    answer: str = key("antwoord", label="antwoord")
    date: dt.date = key("datum", label="datum")
    with_veilig_thuis: bool = key("samen_met_veilig_thuis", default=False,
                                  label="samen met Veilig Thuis")

    @property
    def index(self) -> int:
        return int(self.path[-1])


@node
class Report(Node):
    """A report to Veilig Thuis (`meldingen`): whether the client was told beforehand, or why
    not (free text, never printed)."""

    NOUN = "melding"
    IDENTITY = "date"

    date: dt.date = key("datum", label="datum")
    client_informed: bool = key("client_geinformeerd", default=False,
                                label="cliënt vooraf ingelicht")
    reason: str = key("reden", default="", label="reden")


@node
class TrajectoryHelp(Node):
    """Help the professional offers or organises, and when it is evaluated."""

    NOUN = "hulp"
    IDENTITY = "start"

    start: dt.date = key("start", label="start")
    evaluation: dt.date | None = key("evaluatie", default=None, label="evaluatie")
    by: Actor | None = key("door", default=None, label="door")


@node
class Closure(Node):
    """The trajectory closed (`afsluiting`), with what was recorded then."""

    NOUN = "afsluiting"

    date: dt.date = key("datum", label="datum")
    recorded: tuple[str, ...] = key("vastgelegd", label="vastgelegd")


@node
class DutyReason(Node):
    """Why a duty of the profile was not done (free text, never printed)."""

    NOUN = "reden"
    IDENTITY = "duty_id"

    duty_id: str = key("plicht", label="plicht")
    reason: str = key("reden", label="reden")


@dataclass(frozen=True)
class Walked:
    """One answer on the path through the afwegingskader, and the branch it took."""

    question: Question
    given: GivenAnswer
    branch: Branch
    with_veilig_thuis: bool
    """An earlier answer said the questions from here on are answered with Veilig Thuis."""


@dataclass(frozen=True)
class Walk:
    """Where a trajectory stands in the afwegingskader."""

    walked: tuple[Walked, ...]
    pending: Question | None
    """The question to answer next; None when the path has ended in its last action."""
    pending_with_veilig_thuis: bool
    off_path: tuple[GivenAnswer, ...]
    """Answers to questions the earlier answers do not lead to."""


@node
class Trajectory(Node):
    """One trajectory through a shared protocol the region refers to (`meldcode`), by one
    professional working under one of the region's profiles."""

    NOUN = "meldcodetraject"

    protocol: Protocol | None = ref("protocol", label="protocol")
    profile: Profile | None = ref("profiel", label="profiel")
    by: Actor | None = key("door", default=None, label="door")
    steps: tuple[TrajectoryStep, ...] = key("stappen", label="stappen")
    consultations: tuple[Consultation, ...] = key("veilig_thuis",
                                                  label="raadplegingen van Veilig Thuis")
    answers: tuple[GivenAnswer, ...] = key("antwoorden", label="antwoorden")
    reports: tuple[Report, ...] = key("meldingen", label="meldingen")
    help: tuple[TrajectoryHelp, ...] = key("hulp", label="hulp")
    closure: Closure | None = key("afsluiting", default=None, label="afsluiting")
    reasons: tuple[DutyReason, ...] = key("redenen", label="redenen")

    @property
    def shared(self) -> SharedProtocol | None:
        """The shared protocol followed, when the region's protocol refers to one."""
        return self.protocol.shared if self.protocol is not None else None

    @property
    def index(self) -> int:
        return int(self.path[-1])

    def reported(self, since: dt.date | None = None) -> bool:
        """A report to Veilig Thuis is recorded (on or after `since`, when given)."""
        return any(since is None or report.date >= since for report in self.reports)

    def helped(self, since: dt.date) -> bool:
        """Help is recorded that started on or after `since`."""
        return any(help_.start >= since for help_ in self.help)

    def step(self, number: int) -> TrajectoryStep | None:
        """The (first) record of step `number`."""
        return next((step for step in self.steps if step.number == number), None)

    @cached_property
    def passed(self) -> dict[int, dt.date]:
        """Each step passed, with the first date: taken or skipped, or (for a step a Veilig
        Thuis consultation counts as) Veilig Thuis consulted, unless the case says that
        consultation was in another step."""
        found: dict[int, dt.date] = {}
        for step in self.steps:
            found[step.number] = min(step.date, found.get(step.number, dt.date.max))
        shared = self.shared
        for counted in shared.steps if shared else ():
            dates = [consultation.date for consultation in self.consultations
                     if consultation.step_number in (None, counted.number)]
            if counted.veilig_thuis_counts and dates:
                found[counted.number] = min(min(dates), found.get(counted.number, dt.date.max))
        return found

    def step_at(self, day: dt.date) -> int | None:
        """The number of the step the trajectory was in on `day` (the last one passed)."""
        numbers = [number for number, passed in self.passed.items() if passed <= day]
        return max(numbers, default=None)

    @cached_property
    def walk(self) -> Walk:
        """The answers along the afwegingskader from its start (the latest answer to a question
        counts), where that leaves the trajectory, and the answers off that path."""
        shared = self.shared
        latest: dict[int, GivenAnswer] = {}
        for answer in sorted(self.answers, key=lambda a: (a.date, a.index)):
            latest[answer.question_number] = answer
        walked: list[Walked] = []
        question = shared.framework.start if shared else None
        together = False
        while question is not None and question.number not in {w.question.number
                                                                for w in walked}:
            given = latest.get(question.number)
            if given is None:
                break
            branch = question.branch(given.answer)
            walked.append(Walked(question, given, branch, together))
            together = together or branch.with_veilig_thuis
            question = branch.next
        on_path = {id(step.given) for step in walked}
        return Walk(tuple(walked), question, together,
                    tuple(a for a in self.answers if id(a) not in on_path))


@node
class Waiver(Node):
    """A rule the case deliberately sets aside (`afwijkingen`); its reason is never printed."""

    NOUN = "afwijking"

    rule_id: str = key("regel", label="regel")
    reason: str = key("reden", label="reden")
    decided_by: Actor = key("besloten_door", label="besloten door")
    date: dt.date | None = key("datum", default=None, label="datum")
    line: int | None = key("regel_nummer", default=None, label="regelnummer")
    place: str | None = key("pad", default=None, label="pad")


@node
class ExpectedFinding(Node):
    """A finding a regression case expects: its rule, and where (a path in the case, which
    survives editing, and/or a line)."""

    NOUN = "verwachte bevinding"

    rule_id: str = key("regel", label="regel")
    place: str | None = key("pad", default=None, label="pad")
    line: int | None = key("regel_nummer", default=None, label="regelnummer")


@node
class CaseHeader(Node):
    """What a case file says about itself, read before the file is known to fit the case format:
    its id (the subject of its findings) and the region whose agreements apply."""

    NOUN = "casus"

    id: str = key("casus", label="casus")
    region_id: str = key("regio", label="regio")


@node
class CaseExpectations(Node):
    """The findings a case file expects when it serves as a regression test (`regiekit test`),
    read whatever the rest of the file holds: a test may expect a schema finding."""

    expected_findings: tuple[ExpectedFinding, ...] | None = key(
        "verwachte_bevindingen", default=None, label="verwachte bevindingen")


@node
class Case(CaseHeader, CaseExpectations):
    """One household's case file, read against its region's agreements."""

    NOUN = "casus"

    description: str = key("omschrijving", default="", label="omschrijving")
    reference_date_given: dt.date | None = key("peildatum", default=None, label="peildatum")
    start: dt.date | None = key("start", default=None, label="start")
    framework: str | None = key("kader", default=None, label="kader")
    target_group: str | None = key("doelgroep", default=None, label="doelgroep")
    household: tuple[HouseholdMember, ...] = key("huishouden", label="huishouden")
    problem_areas: tuple[str, ...] = key("probleemgebieden", label="probleemgebieden")
    signals: tuple[Signal, ...] = ref("signalen", label="signalen", only_if_defined=True)
    members: tuple[Member, ...] = key("betrokkenen", label="betrokkenen")
    assignments: tuple[CaseAssignment, ...] = key("regie", label="regie")
    meetings: tuple[HeldMeeting, ...] = key("overleggen", label="overleggen")
    plans: tuple[Plan, ...] = key("plannen", label="plannen")
    bottlenecks: tuple[Bottleneck, ...] = key("knelpunten", label="knelpunten")
    escalations: tuple[Escalation, ...] = key("escalaties", label="escalaties")
    forms: tuple[FilledForm, ...] = key("formulieren", label="formulieren")
    protocols: tuple[FollowedProtocol, ...] = key("protocollen", label="protocollen")
    tools: tuple[UsedTool, ...] = key("hulpmiddelen", label="hulpmiddelen")
    trajectories: tuple[Trajectory, ...] = key("meldcode", label="meldcodetrajecten")
    life_goals: LifeGoalsRecord | None = key("levensdoelen", default=None, label="levensdoelen")
    worked_out: tuple[WorkedOutProtocol, ...] = key("uitgewerkte_protocollen",
                                                    label="uitgewerkte protocollen")
    assessments: tuple[Assessment, ...] = key("beoordelingen", label="beoordelingen")
    waivers: tuple[Waiver, ...] = key("afwijkingen", label="afwijkingen")

    # --- set by build_case ----------------------------------------------------------------

    @property
    def region(self) -> Region:
        return self.__dict__["_region"]  # type: ignore[no-any-return]

    @property
    def yaml(self) -> YamlDocument:
        return self.__dict__["_yaml"]  # type: ignore[no-any-return]

    @property
    def unresolved(self) -> list[Unresolved]:
        """References that name nothing in the region or the case, in document order."""
        return self.__dict__["_unresolved"]  # type: ignore[no-any-return]

    # --- derived once per case ------------------------------------------------------------

    @cached_property
    def reference_date(self) -> dt.date:
        """`peildatum`, else the latest date written anywhere in the case."""
        return self.reference_date_given or max(dates_in(self), default=dt.date.today())

    @cached_property
    def professionals(self) -> int:
        """How many members are professionals (not network or volunteers)."""
        return sum(1 for member in self.members if member.professional)

    @cached_property
    def escalations_in_order(self) -> list[Escalation]:
        """The escalations by start date, then as written."""
        return sorted(self.escalations, key=lambda event: (event.date, event.index))

    @cached_property
    def _escalations_by_ladder(self) -> dict[Ladder, list[Escalation]]:
        by_ladder: dict[Ladder, list[Escalation]] = {}
        for event in self.escalations_in_order:
            if event.ladder is not None:
                by_ladder.setdefault(event.ladder, []).append(event)
        return by_ladder

    @cached_property
    def unknown_steps(self) -> list[Escalation]:
        """The escalations on a known ladder whose step number that ladder does not have."""
        return [event for event in self.escalations
                if event.ladder is not None and event.step is None]

    def escalations_on(self, ladder: Ladder) -> list[Escalation]:
        """The escalations on one ladder, by start date."""
        return list(self._escalations_by_ladder.get(ladder, ()))

    def ladders_in_use(self) -> list[Ladder]:
        """The region's ladders this case escalated on or is stuck on, in the region's order."""
        used = {event.ladder for event in self.escalations}
        used |= {stuck.ladder for stuck in self.bottlenecks if not stuck.solved}
        return [ladder for ladder in self.region.ladders if ladder in used]

    def actor_roles(self, actor: Actor | None, on: dt.date) -> set[Role]:
        """The actor's role plus the roles assigned to its member (under `regie`) on `on`."""
        if actor is None:
            return set()
        roles = {role} if (role := actor.acting_role) else set()
        if actor.member is not None:
            roles |= {assignment.role for assignment in self.assignments
                      if assignment.member is actor.member and assignment.role is not None
                      and assignment.active_on(on)}
        return roles

    def failed_conditions(self, conditions: Iterable[Condition],
                          assignment: CaseAssignment | None = None) -> list[Condition]:
        """The conditions that do not hold for this case (and assignment, for consent)."""
        return [condition for condition in conditions if not self._holds(condition, assignment)]

    def holds(self, conditions: Iterable[Condition],
              assignment: CaseAssignment | None = None) -> bool:
        return not self.failed_conditions(conditions, assignment)

    def _holds(self, condition: Condition, assignment: CaseAssignment | None) -> bool:
        """Every test the condition names holds (a condition may name several)."""
        if condition.framework is not None and self.framework != condition.framework:
            return False
        if condition.target_group is not None and self.target_group != condition.target_group:
            return False
        if condition.problem_area is not None and \
                condition.problem_area.id not in self.problem_areas:
            return False
        if condition.signal is not None and condition.signal not in self.signals:
            return False
        if condition.min_problem_areas is not None and \
                len(self.problem_areas) < condition.min_problem_areas:
            return False
        if condition.min_professionals is not None and \
                self.professionals < condition.min_professionals:
            return False
        return not (condition.family_consent and assignment is not None
                    and not assignment.family_consent)

    def next_steps(self, step: Step) -> list[Step]:
        """The steps allowed after `step`, skipping steps whose conditions do not hold
        (breadth first, iterative: a ladder of any length)."""
        allowed: list[Step] = []
        pending = deque(step.following)
        seen: set[int] = set()
        while pending:
            following = pending.popleft()
            if following.number in seen:
                continue
            seen.add(following.number)
            if self.holds(following.conditions):
                allowed.append(following)
            else:
                pending.extend(following.following)
        return sorted(allowed, key=lambda s: s.number)

    def companions_due(self, step: Step) -> list[Step]:
        """The steps to take at the same time as `step` that apply to this case (ZOU: for
        youth, the regional doorbraakteam alongside escalating)."""
        return [companion for companion in step.companions if self.holds(companion.conditions)]

    def first_step(self, ladder: Ladder) -> Step | None:
        """The first step of `ladder` that applies to this case."""
        return next((step for step in ladder.steps if self.holds(step.conditions)), None)

    def filled_forms_of(self, form: Form) -> list[FilledForm]:
        return [filled for filled in self.forms if filled.form is form]


CASE_REFERABLE = (Member, HouseholdMember, FilledForm, HeldMeeting)
"""The case's own objects that other parts of the case name by id."""


def read_header(document: YamlDocument) -> CaseHeader:
    """The id and region a file names; its data must be a mapping (validation's `is_case`)."""
    return Builder(()).build(CaseHeader, document.data)


def region_id_of(document: YamlDocument) -> str | None:
    """The id of the region a case file names, read before the case can be built against it."""
    if not isinstance(document.data, Mapping):
        return None
    region_id = read_header(document).region_id
    return region_id if isinstance(region_id, str) else None


def read_expectations(document: YamlDocument) -> tuple[ExpectedFinding, ...] | None:
    """The findings a file expects, or None if it states none (then it is not a test)."""
    if not isinstance(document.data, Mapping):
        return None
    return Builder(()).build(CaseExpectations, document.data).expected_findings


def build_case(document: YamlDocument, region: Region) -> Case:
    """The model of a schema-valid case, its references resolved against `region`."""
    builder = Builder(CASE_REFERABLE)
    case = builder.build(Case, document.data)
    unresolved = builder.resolve(Resolver(builder.index, region.index))
    unresolved += _unknown_problem_areas(case, region)
    case.__dict__.update(_region=region, _yaml=document,
                         _unresolved=sorted(unresolved, key=lambda u: _order(u.path)))
    return case


PROBLEM_AREA_LIKENESS = 0.85
"""How alike (difflib's ratio) a case's own problem area and one of the region's must be to be
taken for a typo of it."""


def _unknown_problem_areas(case: Case, region: Region) -> list[Unresolved]:
    """Problem areas a case names are the region's (`probleemgebieden`: those its conditions
    refer to, such as MEE's intellectual disability) or the case's own words for the others
    (debts, parenting: "meerdere problemen" counts them all). Only an own word that is nearly
    one of the region's is taken for a typo of it, and reported."""
    known = region.problem_area_hints.known
    return [Unresolved(case.at("problem_areas", index), ProblemArea.NOUN, (ProblemArea,))
            for index, area in enumerate(case.problem_areas)
            if area not in known and near_problem_area(region, area) is not None]


def near_problem_area(region: Region, word: str) -> str | None:
    """The id of the region's problem area `word` is nearly (PROBLEM_AREA_LIKENESS, as difflib's
    get_close_matches measures it), or None; near-linear over many areas and words."""
    closest = region.problem_area_hints.closest(word)
    if closest is None or difflib.SequenceMatcher(None, closest, word).ratio() < \
            PROBLEM_AREA_LIKENESS:
        return None
    return closest


def _order(path: tuple[str | int, ...]) -> tuple[tuple[int, str | int], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in path)
