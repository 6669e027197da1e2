"""What every case check shares: the Violation it yields, the rule it runs for, and a read-only
view of one case against its region (indexes by id, conditions, actors, the working-day calendar).

Checks read their parameters from the region (terms, initiators, forms, cadences), never from
code. Messages name only ids, dates, step numbers and names from the REGION, never free text or
anything else written in the case.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from generator.findings import Severity
from generator.loader import JsonPath
from generator.workdays import WorkdayCalendar, calendar_for

Data = dict[str, Any]


@dataclass(frozen=True)
class Violation:
    """One breach of a rule at `path` in the case; the runner stamps rule id and severity.

    `source` is the `bron` of the region element the check read, when it has one; the runner
    turns it into text with the source document's title.
    """

    path: JsonPath
    message: str
    source: Data | None = None


@dataclass(frozen=True)
class Rule:
    """One entry of rules/regels.yaml."""

    id: str
    title: str
    severity: Severity
    kind: str
    source: str
    reads: tuple[str, ...] = ()


def source_of(element: Data | None) -> Data | None:
    """A region element's own `bron` (document id and section), if it has one."""
    return (element or {}).get("bron")


def parse_date(value: Any) -> date | None:
    """A case date (validated by the schema) as a date; None when absent."""
    return date.fromisoformat(value) if isinstance(value, str) else None


def _by_id(items: Iterable[Data] | None) -> dict[str, Data]:
    return {str(item["id"]): item for item in items or ()}


class RegionModel:
    """A validated region's data with indexes; built once per region per process."""

    def __init__(self, data: Data, file: str) -> None:
        self.data = data
        self.file = file
        self.id = str(data["id"])
        self.roles = _by_id(data.get("rollen"))
        self.organisations = _by_id(data.get("organisaties"))
        self.ladders = _by_id(data.get("ladders"))
        self.forms = _by_id(data.get("formulieren"))
        self.protocols = _by_id(data.get("protocollen"))
        self.tools = _by_id(data.get("hulpmiddelen"))
        self.meetings = _by_id(data.get("overleggen"))
        self.signals = _by_id(data.get("signalen"))
        self.problem_areas = _by_id(data.get("probleemgebieden"))
        self.assignments: list[Data] = list(data.get("toewijzingen") or ())
        self.calendar: WorkdayCalendar = calendar_for(data)
        self._steps: dict[tuple[str, int], Data] = {}
        for ladder_id, ladder in self.ladders.items():
            for step in ladder.get("stappen") or ():
                self._steps.setdefault((ladder_id, step["nummer"]), step)
        self._assignments_by_role: dict[str, list[Data]] = {}
        for entry in self.assignments:
            self._assignments_by_role.setdefault(entry["rol"], []).append(entry)
        self._source_titles = {str(item["id"]): str(item["titel"])
                               for item in data.get("bronnen") or ()}
        self.cache: dict[Any, Any] = {}
        """Per-region memo for checks (compiled form validators, ...)."""

    def describe_source(self, bron: Data | None) -> str | None:
        """`<title of the source document>, <section>` for a `bron` of this region."""
        if not bron:
            return None
        document = self._source_titles.get(bron["document"], bron["document"])
        return f"{document} – {bron['sectie']}"

    def role_name(self, role_id: str | None) -> str:
        role = self.roles.get(role_id or "")
        return str(role["naam"]) if role else "een onbekende rol"

    def role_names(self, role_ids: Iterable[str]) -> str:
        return ", ".join(self.role_name(role_id) for role_id in role_ids)

    def organisation_name(self, organisation_id: str | None) -> str:
        organisation = self.organisations.get(organisation_id or "")
        return str(organisation["naam"]) if organisation else "een onbekende organisatie"

    def step(self, ladder_id: str, number: int) -> Data | None:
        """The (first) step `number` of ladder `ladder_id`, from an index built once."""
        try:
            return self._steps.get((ladder_id, number))
        except TypeError:  # an unhashable value where a schema-valid case has a number
            return None

    def assignments_for(self, role_id: str) -> list[Data]:
        return list(self._assignments_by_role.get(role_id, ()))


@dataclass(frozen=True)
class Escalation:
    """One escalation event of the case with its index and region step."""

    index: int
    data: Data
    step: Data | None

    @property
    def path(self) -> JsonPath:
        return ("escalaties", self.index)

    @cached_property
    def number(self) -> int:
        return int(self.data["stap"])

    @cached_property
    def started(self) -> date:
        return date.fromisoformat(self.data["datum"])


class CaseContext:
    """One schema-valid case read against its region.

    Built once per case and shared by every rule: whatever several rules derive from the case
    (escalations per ladder, members, condition answers) is computed once, on first use.
    """

    def __init__(self, data: Data, region: RegionModel) -> None:
        self.data = data
        self.region = region
        self.members = _by_id(data.get("betrokkenen"))
        self.filled_forms = _by_id(data.get("formulieren"))

    @cached_property
    def reference_date(self) -> date:
        """`peildatum`, else the latest date written anywhere in the case."""
        given = parse_date(self.data.get("peildatum"))
        return given or max(_dates(self.data), default=date.today())

    @cached_property
    def problem_areas(self) -> list[str]:
        return list(self.data.get("probleemgebieden") or ())

    @cached_property
    def signals(self) -> list[str]:
        return list(self.data.get("signalen") or ())

    def actor_role(self, actor: Data | None) -> str | None:
        """The region role of an actor: its `rol`, else the role of the case member it names."""
        return self._actor_field(actor, "rol")

    def actor_roles(self, actor: Data | None, on: date) -> set[str]:
        """The actor's region role plus the roles assigned to it (under `regie`) on `on`."""
        roles = {role} if (role := self.actor_role(actor)) else set()
        member = (actor or {}).get("betrokkene")
        for assignment in self.data.get("regie") or () if member else ():
            end = parse_date(assignment.get("tot")) or date.max
            if assignment["betrokkene"] == member and \
                    date.fromisoformat(assignment["van"]) <= on <= end:
                roles.add(str(assignment["rol"]))
        return roles

    def actor_organisation(self, actor: Data | None) -> str | None:
        """The organisation of an actor: its own, else that of the case member it names."""
        return self._actor_field(actor, "organisatie")

    def _actor_field(self, actor: Data | None, key: str) -> str | None:
        """`key` of an actor as written, else of the case member (`betrokkene`) it names."""
        if not actor:
            return None
        if actor.get(key):
            return str(actor[key])
        member = self.members.get(str(actor.get("betrokkene")))
        return str(member[key]) if member and member.get(key) else None

    @cached_property
    def professionals(self) -> int:
        """How many case members are professionals (`professioneel`, default true)."""
        return sum(1 for member in self.members.values() if member.get("professioneel", True))

    def escalations(self, ladder_id: str | None = None) -> list[Escalation]:
        """The case's escalations (of one ladder), ordered by start date, then file order."""
        if ladder_id is None:
            return list(self._escalations)
        return list(self._escalations_by_ladder.get(ladder_id, ()))

    @cached_property
    def _escalations(self) -> list[Escalation]:
        events = [
            Escalation(index, event, self.region.step(event["ladder"], event["stap"]))
            for index, event in enumerate(self.data.get("escalaties") or ())
        ]
        return sorted(events, key=lambda event: (event.data["datum"], event.index))

    @cached_property
    def _escalations_by_ladder(self) -> dict[str, list[Escalation]]:
        by_ladder: dict[str, list[Escalation]] = {}
        for event in self._escalations:  # sorted, so each ladder's list is sorted too
            by_ladder.setdefault(event.data["ladder"], []).append(event)
        return by_ladder

    def failed_conditions(self, conditions: Iterable[Data] | None,
                          assignment: Data | None = None) -> list[Data]:
        """The conditions (region `voorwaarden`) that do not hold for this case."""
        return [condition for condition in conditions or ()
                if not self._holds(condition, assignment)]

    def holds(self, conditions: Iterable[Data] | None, assignment: Data | None = None) -> bool:
        return not self.failed_conditions(conditions, assignment)

    def _holds(self, condition: Data, assignment: Data | None) -> bool:
        """Every test the condition names holds (a condition may name several)."""
        case = self.data
        if "kader" in condition and case["kader"] != condition["kader"]:
            return False
        if "doelgroep" in condition and case["doelgroep"] != condition["doelgroep"]:
            return False
        if "probleemgebied" in condition and \
                condition["probleemgebied"] not in self.problem_areas:
            return False
        if "signaal" in condition and condition["signaal"] not in self.signals:
            return False
        if "min_probleemgebieden" in condition and \
                not len(self.problem_areas) >= condition["min_probleemgebieden"]:
            return False
        if "min_betrokken_hulpverleners" in condition and \
                not self.professionals >= condition["min_betrokken_hulpverleners"]:
            return False
        if "instemming_gezin" in condition and condition["instemming_gezin"] and \
                assignment is not None and not assignment.get("instemming_gezin"):
            return False
        return True

    def next_steps(self, ladder_id: str, step: Data) -> list[int]:
        """Step numbers allowed after `step`, skipping steps whose conditions do not hold."""
        allowed: list[int] = []
        pending = list((step.get("vervolg") or {}).get("stappen") or ())
        seen: set[int] = set()
        while pending:
            number = pending.pop(0)
            following = self.region.step(ladder_id, number)
            if number in seen or following is None:
                continue
            seen.add(number)
            if self.holds(following.get("voorwaarden")):
                allowed.append(number)
            else:
                pending.extend((following.get("vervolg") or {}).get("stappen") or ())
        return sorted(allowed)

    def first_step(self, ladder_id: str) -> Data | None:
        ladder = self.region.ladders.get(ladder_id) or {}
        for step in ladder.get("stappen") or ():
            if self.holds(step.get("voorwaarden")):
                return step  # type: ignore[no-any-return]
        return None


def _dates(value: Any) -> Iterator[date]:
    """Every date-looking value in the case (the schema has checked their format)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "velden":
                yield from _dates(item)
    elif isinstance(value, list):
        for item in value:
            yield from _dates(item)
    elif isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            yield date.fromisoformat(value)
        except ValueError:
            return


def texts(values: Iterable[Any]) -> str:
    return ", ".join(str(value) for value in values)
