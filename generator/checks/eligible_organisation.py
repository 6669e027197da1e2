"""geschikte-organisatie: a role held by an eligible organisation, under its conditions.

Reads `rollen[].geschikte_organisaties` (e.g. MEE only for an intellectual disability, Indigo only
for psychiatric problems). Checked for every assignment (the assigned role, held through the
member's organisation) and for every member's own role. A party without a role in the agreement
(an external party, the household itself) comes from no organisation of the region: whether it
may hold the role at all is REGISSEUR-KADER's question, so it is passed by here.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import (
    Violation,
    conditions_text,
    organisation_name,
    role_name,
    should,
    texts,
)
from generator.loader import JsonPath
from generator.model.case import Case, CaseAssignment, Member
from generator.model.region import Role

KIND = "geschikte-organisatie"
MAX_LISTED = 6


def check(case: Case) -> Iterator[Violation]:
    for member in case.members:
        yield from _check(case, member.role, member, member.at("organisation"), None)
    for assignment in case.assignments:
        holder = assignment.member
        if holder is not None and holder.external is None and not holder.is_household:
            yield from _check(case, assignment.role, holder, assignment.at("member"), assignment)


def _check(case: Case, role: Role | None, member: Member, path: JsonPath,
           assignment: CaseAssignment | None) -> Iterator[Violation]:
    if role is None:
        return
    eligible = {entry.organisation: entry for entry in role.eligible_organisations}
    if not eligible:
        return
    organisation = member.organisation
    if organisation is None and member.resolves("organisation"):
        yield Violation(path, should(f"een {role_name(role)}", "van een geschikte organisatie "
                                     "te komen", "organisatie van de betrokkene niet vastgelegd"),
                        role.source)
    elif organisation is None or organisation not in eligible:
        names = [organisation_name(org) for org in list(eligible)[:MAX_LISTED]]
        more = ", ..." if len(eligible) > MAX_LISTED else ""
        yield Violation(path, should(f"een {role_name(role)}", f"te komen van: {texts(names)}"
                                     f"{more}", organisation_name(organisation)), role.source)
    else:
        entry = eligible[organisation]
        failed = case.failed_conditions(entry.conditions, assignment)
        if failed:
            yield Violation(path, should(
                f"{organisation_name(organisation)} als {role_name(role)}",
                f"alleen ingezet te worden als geldt: {conditions_text(entry.conditions)}",
                f"niet voldaan aan: {conditions_text(failed)}"), entry.source or role.source)
