"""casus-verwijzingen: every id the case uses exists in its region (or in the case itself).

Runs first; the other checks skip what does not resolve, so one typo gives one finding here.
Messages never repeat the unknown value (it was written in the case): the line points at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from generator.checks.base import CaseContext, Data, Violation
from generator.loader import JsonPath

KIND = "casus-verwijzingen"


def check(case: CaseContext) -> Iterator[Violation]:
    region, data = case.region, case.data
    household = {member["id"] for member in data.get("huishouden") or ()}
    people = set(case.members) | household
    for index, member in _each(data, "betrokkenen"):
        yield from _ref(("betrokkenen", index, "rol"), member.get("rol"), region.roles, "rol")
        yield from _ref(("betrokkenen", index, "organisatie"), member.get("organisatie"),
                        region.organisations, "organisatie")
        yield from _ref(("betrokkenen", index, "huishoudlid"), member.get("huishoudlid"),
                        household, "lid van het huishouden")
    for index, assignment in _each(data, "regie"):
        yield from _ref(("regie", index, "rol"), assignment["rol"], region.roles, "rol")
        yield from _ref(("regie", index, "betrokkene"), assignment["betrokkene"], case.members,
                        "betrokkene")
        yield from _actor(case, ("regie", index, "besloten_door"), assignment.get("besloten_door"))
    for index, meeting in _each(data, "overleggen"):
        yield from _ref(("overleggen", index, "overleg"), meeting["overleg"], region.meetings,
                        "overleg")
        yield from _refs(("overleggen", index, "deelnemers"), meeting.get("deelnemers"), people,
                         "betrokkene")
    for index, stuck in _each(data, "knelpunten"):
        yield from _ref(("knelpunten", index, "ladder"), stuck["ladder"], region.ladders,
                        "escalatieroute")
    yield from _escalations(case)
    for index, filled in _each(data, "formulieren"):
        yield from _ref(("formulieren", index, "formulier"), filled["formulier"], region.forms,
                        "formulier")
    for index, followed in _each(data, "protocollen"):
        yield from _ref(("protocollen", index, "protocol"), followed["protocol"],
                        region.protocols, "protocol")
        yield from _actor(case, ("protocollen", index, "door"), followed.get("door"))
    for index, used in _each(data, "hulpmiddelen"):
        yield from _ref(("hulpmiddelen", index, "hulpmiddel"), used["hulpmiddel"], region.tools,
                        "hulpmiddel")
    if region.signals:
        yield from _refs(("signalen",), data.get("signalen"), region.signals, "signaal")
    if region.problem_areas:
        yield from _refs(("probleemgebieden",), data.get("probleemgebieden"),
                         region.problem_areas, "probleemgebied")
    for index, waiver in _each(data, "afwijkingen"):
        yield from _actor(case, ("afwijkingen", index, "besloten_door"), waiver["besloten_door"])


def _escalations(case: CaseContext) -> Iterator[Violation]:
    region = case.region
    for index, event in _each(case.data, "escalaties"):
        path: JsonPath = ("escalaties", index)
        ladder = region.ladders.get(event["ladder"])
        yield from _ref(path + ("ladder",), event["ladder"], region.ladders, "escalatieroute")
        if ladder is not None and region.step(event["ladder"], event["stap"]) is None:
            numbers = ", ".join(str(step["nummer"]) for step in ladder["stappen"])
            yield Violation(path + ("stap",), f"'{ladder['naam']}' heeft alleen stap {numbers}")
        for key in ("gestart_door", "gekozen_door"):
            yield from _actor(case, path + (key,), event.get(key))
        yield from _ref(path + ("formulier",), event.get("formulier"), case.filled_forms,
                        "ingevuld formulier (onder formulieren)")
        yield from _refs(path + ("aangeschreven",), event.get("aangeschreven"),
                         region.organisations, "organisatie")
        for number, reply in enumerate(event.get("antwoorden") or ()):
            yield from _actor(case, path + ("antwoorden", number, "van"), reply.get("van"))


def _actor(case: CaseContext, path: JsonPath, actor: Data | None) -> Iterator[Violation]:
    if not actor:
        return
    yield from _ref(path + ("betrokkene",), actor.get("betrokkene"), case.members, "betrokkene")
    yield from _ref(path + ("rol",), actor.get("rol"), case.region.roles, "rol")
    yield from _ref(path + ("organisatie",), actor.get("organisatie"),
                    case.region.organisations, "organisatie")


def _each(data: Data, key: str) -> Iterable[tuple[int, Data]]:
    return enumerate(data.get(key) or ())


def _ref(path: JsonPath, value: Any, known: Iterable[str], what: str) -> Iterator[Violation]:
    if value is not None and value not in known:
        yield Violation(path, f"onbekende {what}: niet gedefinieerd in de regio of de casus")


def _refs(path: JsonPath, values: Iterable[Any] | None, known: Iterable[str],
          what: str) -> Iterator[Violation]:
    for index, value in enumerate(values or ()):
        yield from _ref(path + (index,), value, known, what)
