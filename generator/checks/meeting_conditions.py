"""overlegvoorwaarden: a step whose meeting has conditions records that each was met.

E.g. the fysieke zorgtafel (Apeldoorn step 4): content experts present, participants with a
mandate, a fixed pool, parents and youth at the table where possible, no finances discussed.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Violation, source_of, texts

KIND = "overlegvoorwaarden"


def check(case: CaseContext) -> Iterator[Violation]:
    for event in case.escalations():
        conditions = (event.step or {}).get("overlegvoorwaarden") or []
        met = set(event.data.get("nageleefde_voorwaarden") or ())
        missing = [condition for condition in conditions if condition["id"] not in met]
        if missing:
            where = "nageleefde_voorwaarden" if "nageleefde_voorwaarden" in event.data else "stap"
            yield Violation(event.path + (where,),
                            f"stap {event.number} ({event.step and event.step['naam']}): niet "
                            f"vastgelegd dat is voldaan aan: {texts(c['id'] for c in missing)}",
                            source_of(event.step))
