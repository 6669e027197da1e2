"""geschikte-organisatie: a role held by an eligible organisation, under its conditions.

Reads `rollen[].geschikte_organisaties` (e.g. MEE only for an intellectual disability, Indigo only
for psychiatric problems). Checked for every assignment (the assigned role, held through the
member's organisation) and for every member's own role.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Data, Violation, source_of, texts
from generator.loader import JsonPath

KIND = "geschikte-organisatie"
MAX_LISTED = 6


def check(case: CaseContext) -> Iterator[Violation]:
    for index, member in enumerate(case.data.get("betrokkenen") or ()):
        yield from _check(case, member["rol"], member, ("betrokkenen", index, "organisatie"),
                          None)
    for index, assignment in enumerate(case.data.get("regie") or ()):
        member = case.members.get(assignment["betrokkene"])
        if member is not None:
            yield from _check(case, assignment["rol"], member, ("regie", index, "betrokkene"),
                              assignment)


def _check(case: CaseContext, role_id: str, member: Data, path: JsonPath,
           assignment: Data | None) -> Iterator[Violation]:
    role = case.region.roles.get(role_id)
    eligible = {entry["organisatie"]: entry for entry in (role or {}).get("geschikte_organisaties")
                or ()}
    if not eligible:
        return
    region = case.region
    organisation = member.get("organisatie")
    if organisation is None:
        yield Violation(path, f"{region.role_name(role_id)}: organisatie van de betrokkene "
                        "ontbreekt", source_of(role))
    elif organisation not in eligible:
        names = [region.organisation_name(org) for org in list(eligible)[:MAX_LISTED]]
        more = ", ..." if len(eligible) > MAX_LISTED else ""
        yield Violation(path, f"{region.organisation_name(organisation)} komt niet in aanmerking "
                        f"als {region.role_name(role_id)} (wel: {texts(names)}{more})",
                        source_of(role))
    else:
        entry = eligible[organisation]
        failed = case.failed_conditions(entry.get("voorwaarden"), assignment)
        if failed:
            yield Violation(path, f"{region.organisation_name(organisation)} als "
                            f"{region.role_name(role_id)} alleen onder voorwaarde: "
                            f"{texts(c['tekst'] for c in failed)}", source_of(entry) or
                            source_of(role))
