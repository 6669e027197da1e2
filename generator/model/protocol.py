"""A shared protocol (protocols/<id>.yaml) as typed objects: the meldcode, once for every region.

A shared protocol holds numbered steps, an afwegingskader (numbered questions whose ja/nee
branches lead to an action, a next question, or both), norms, and profiles per professional
group (which step holds which questions, extra duties). A region refers to it by id and chooses
its profiles (`generator.model.region.Protocol.shared`); a case records a trajectory through it
(`generator.model.case.Trajectory`). Questions and steps are named by number, so they are looked
up through the protocol (`step(n)`, `question(n)`), not resolved as references.
"""

from __future__ import annotations

from functools import cached_property

from generator.loader import YamlDocument
from generator.model.mapping import Builder, Node, Resolver, key, node, ref
from generator.model.sources import Source, SourceDocument


class ActionKind:
    """What an action asks of a case (`soort`): the kinds the checks implement."""

    CLOSE = "afsluiten"
    REPORT = "melden"
    HELP = "hulp"
    ALL = (CLOSE, REPORT, HELP)


class DutyKind:
    """The extra duties a profile may add (`plichten[].soort`)."""

    CONSULT_VEILIG_THUIS = "veilig-thuis-raadplegen"
    ALL = (CONSULT_VEILIG_THUIS,)


class Answer:
    """The two answers to a question of the afwegingskader, as a case writes them."""

    YES = "ja"
    NO = "nee"
    ALL = (YES, NO)


@node
class Item(Node):
    """Something to record, or a ground for skipping a step: an id and its text."""

    NOUN = "onderdeel"

    id: str = key("id")
    text: str = key("tekst", label="tekst")


@node
class SkipRule(Node):
    """When a step may be skipped (`overslaan`): only on these grounds, with a recorded reason."""

    grounds: tuple[Item, ...] = key("gronden", label="gronden")
    source: Source = key("bron", label="bron")

    def ground(self, ground_id: str) -> Item | None:
        return next((ground for ground in self.grounds if ground.id == ground_id), None)


@node
class ProtocolStep(Node):
    """One step of a shared protocol (the meldcode's five)."""

    NOUN = "stap"
    IDENTITY = "number"

    number: int = key("nummer", label="nummer")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", label="omschrijving")
    records: tuple[Item, ...] = key("vastleggen", label="vast te leggen")
    veilig_thuis_counts: bool = key("raadpleging_veilig_thuis_telt", default=False,
                                    label="een raadpleging van Veilig Thuis telt als deze stap")
    skip: SkipRule | None = key("overslaan", default=None, label="overslaan")
    source: Source = key("bron", label="bron")


@node
class Norm(Node):
    NOUN = "norm"

    id: str = key("id")
    text: str = key("tekst", label="tekst")
    action_kind: str | None = key("bij_actie", default=None, label="geldt bij de actie")
    source: Source = key("bron", label="bron")


@node
class Action(Node):
    """What an answer leads to: closing, reporting to Veilig Thuis, or help (`acties`)."""

    NOUN = "actie"

    id: str = key("id")
    name: str = key("naam", label="naam")
    kind: str = key("soort", label="soort")
    description: str = key("omschrijving", label="omschrijving")
    records: tuple[Item, ...] = key("vastleggen", label="vast te leggen")
    new_report: bool = key("nieuwe_melding", default=False,
                           label="een nieuwe melding na de afweging")
    source: Source = key("bron", label="bron")


@node
class Branch(Node):
    """What follows one answer: an action, the next question, or both."""

    action: Action | None = ref("actie", label="actie")
    next_number: int | None = key("vraag", default=None, label="volgende afweging")
    with_veilig_thuis: bool = key("samen_met_veilig_thuis", default=False,
                                  label="verder samen met Veilig Thuis")

    @property
    def next(self) -> Question | None:
        """The question this branch leads to (set when the protocol is built)."""
        return self.__dict__.get("_next")


@node
class Question(Node):
    """One question (afweging) of the afwegingskader."""

    NOUN = "afweging"
    IDENTITY = "number"

    number: int = key("nummer", label="nummer")
    text: str = key("vraag", label="vraag")
    short: str = key("kort", label="korte vorm")
    yes: Branch = key("ja", label="bij ja")
    no: Branch = key("nee", label="bij nee")
    source: Source = key("bron", label="bron")

    def branch(self, answer: str) -> Branch:
        return self.yes if answer == Answer.YES else self.no


@node
class Framework(Node):
    """The afwegingskader: questions as a graph from `begin`, and the actions they lead to."""

    NOUN = "afwegingskader"

    name: str = key("naam", label="naam")
    start_number: int = key("begin", label="begin")
    questions: tuple[Question, ...] = key("vragen", label="afwegingen")
    actions: tuple[Action, ...] = key("acties", label="acties")
    source: Source = key("bron", label="bron")

    @cached_property
    def _by_number(self) -> dict[int, Question]:
        numbered: dict[int, Question] = {}
        for question in self.questions:
            numbered.setdefault(question.number, question)
        return numbered

    def question(self, number: object) -> Question | None:
        return self._by_number.get(number) if isinstance(number, int) else None

    @property
    def start(self) -> Question | None:
        return self.question(self.start_number)


@node
class Placement(Node):
    """Which questions a step holds, in one profile."""

    step_number: int = key("stap", label="stap")
    question_numbers: tuple[int, ...] = key("vragen", label="afwegingen")


@node
class Duty(Node):
    """An extra duty of a professional group (KNMG: Veilig Thuis advice in step 2)."""

    NOUN = "plicht"

    id: str = key("id")
    kind: str = key("soort", label="soort")
    step_number: int = key("stap", label="stap")
    reason_allowed: bool = key("of_reden", default=False,
                               label="of een vastgelegde reden waarom niet")
    text: str = key("tekst", label="tekst")
    source: Source = key("bron", label="bron")


@node
class Profile(Node):
    """How one professional group works with the protocol (`profielen`)."""

    NOUN = "profiel"

    id: str = key("id")
    name: str = key("naam", label="naam")
    description: str = key("omschrijving", label="omschrijving")
    placements: tuple[Placement, ...] = key("plaatsing", label="plaatsing van de afwegingen")
    duties: tuple[Duty, ...] = key("plichten", label="plichten")
    source: Source = key("bron", label="bron")

    def step_of(self, question: int) -> int | None:
        """The number of the step that holds question `question` in this profile."""
        return next((placement.step_number for placement in self.placements
                     if question in placement.question_numbers), None)

    def questions_in(self, step: int) -> tuple[int, ...]:
        return tuple(number for placement in self.placements if placement.step_number == step
                     for number in placement.question_numbers)

    @property
    def protocol(self) -> SharedProtocol:
        return self.__dict__["_protocol"]  # type: ignore[no-any-return]


@node
class SharedProtocol(Node):
    """One shared protocol: what every region that refers to it follows."""

    NOUN = "gedeeld protocol"

    id: str = key("id")
    name: str = key("naam", label="naam")
    country: str = key("land", label="land")
    description: str = key("omschrijving", label="omschrijving")
    source: Source = key("bron", label="bron")
    sources: tuple[SourceDocument, ...] = key("bronnen", label="bronnen")
    steps: tuple[ProtocolStep, ...] = key("stappen", label="stappen")
    norms: tuple[Norm, ...] = key("normen", label="normen")
    framework: Framework = key("afwegingskader", label="afwegingskader")
    profiles: tuple[Profile, ...] = key("profielen", label="profielen")

    @cached_property
    def _steps(self) -> dict[int, ProtocolStep]:
        numbered: dict[int, ProtocolStep] = {}
        for step in self.steps:
            numbered.setdefault(step.number, step)
        return numbered

    def step(self, number: object) -> ProtocolStep | None:
        return self._steps.get(number) if isinstance(number, int) else None

    def norm_source(self, kind: str) -> Source:
        """The source of the norm for actions of `kind` (informing the client of a report,
        an evaluation date for help), else the protocol's own."""
        return next((norm.source for norm in self.norms if norm.action_kind == kind),
                    self.source)

    def profile(self, profile_id: str) -> Profile | None:
        return next((profile for profile in self.profiles if profile.id == profile_id), None)

    @property
    def file(self) -> str:
        return str(self.__dict__["_file"])


PROTOCOL_REFERABLE: tuple[type[Node], ...] = (SourceDocument, Action)
"""The classes a shared protocol's own references name (sources, actions)."""


def build_protocol(document: YamlDocument) -> SharedProtocol:
    """The model of a validated shared protocol (every reference and number resolves)."""
    builder = Builder(PROTOCOL_REFERABLE)
    protocol = builder.build(SharedProtocol, document.data)
    unresolved = builder.resolve(Resolver(builder.index))
    if unresolved:  # validation reports these first; reaching here is a bug, not bad input
        raise ValueError(f"unresolved references in a validated protocol: {unresolved}")
    framework = protocol.framework
    for question in framework.questions:
        for branch in (question.yes, question.no):
            branch.__dict__["_next"] = framework.question(branch.next_number)
    for profile in protocol.profiles:
        profile.__dict__["_protocol"] = protocol
    protocol.__dict__["_file"] = document.file
    return protocol
