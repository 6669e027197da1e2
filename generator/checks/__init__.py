"""The explicit registry of case-check kinds: kind id -> module.

Each module declares `KIND` and `check(case) -> Iterator[Violation]`; which rules use a kind, with
what severity and source, is data in rules/regels.yaml, and every parameter is read from the
region's regio.yaml. To add a kind: write the module, import it here, add it to CHECKS.
"""

from __future__ import annotations

from types import ModuleType

from generator.checks import (
    assessment_threshold,
    assignment_candidate,
    assignment_conditions,
    assignment_decision,
    assignment_silence,
    eligible_organisation,
    escalation_route,
    form_complete,
    ladder_initiator,
    ladder_order,
    life_goals,
    meeting_cadence,
    meeting_chair,
    meeting_conditions,
    meeting_consent,
    meeting_disciplines,
    meeting_presence,
    meeting_requester,
    meldcode_client,
    meldcode_close,
    meldcode_duty,
    meldcode_evaluation,
    meldcode_help,
    meldcode_order,
    meldcode_question_path,
    meldcode_question_step,
    meldcode_records,
    meldcode_report,
    meldcode_skip,
    meldcode_together,
    meldcode_trajectory,
    plan,
    protocol_shared,
    protocol_signals,
    references,
    reply_term,
    single_regisseur,
    step_closure,
    temporary_role,
    tool_currency,
)
from generator.errors import RegiekitError

CHECKS: dict[str, ModuleType] = {
    references.KIND: references,
    ladder_order.KIND: ladder_order,
    ladder_initiator.KIND: ladder_initiator,
    form_complete.KIND: form_complete,
    reply_term.KIND: reply_term,
    assignment_candidate.KIND: assignment_candidate,
    assignment_conditions.KIND: assignment_conditions,
    single_regisseur.KIND: single_regisseur,
    meeting_cadence.KIND: meeting_cadence,
    eligible_organisation.KIND: eligible_organisation,
    protocol_signals.KIND: protocol_signals,
    meeting_conditions.KIND: meeting_conditions,
    step_closure.KIND: step_closure,
    escalation_route.KIND: escalation_route,
    tool_currency.KIND: tool_currency,
    # issue 8: who decided, silence in the agreement, the plan
    assignment_decision.KIND: assignment_decision,
    assignment_silence.KIND: assignment_silence,
    plan.KIND: plan,
    meldcode_trajectory.KIND: meldcode_trajectory,
    meldcode_records.KIND: meldcode_records,
    meldcode_order.KIND: meldcode_order,
    meldcode_skip.KIND: meldcode_skip,
    meldcode_question_step.KIND: meldcode_question_step,
    meldcode_question_path.KIND: meldcode_question_path,
    meldcode_together.KIND: meldcode_together,
    meldcode_report.KIND: meldcode_report,
    meldcode_client.KIND: meldcode_client,
    meldcode_help.KIND: meldcode_help,
    meldcode_evaluation.KIND: meldcode_evaluation,
    meldcode_close.KIND: meldcode_close,
    meldcode_duty.KIND: meldcode_duty,
    # issue 13: empact (the MDO, the rode knop, life goals, the temporary casemanager, BelRAI)
    meeting_requester.KIND: meeting_requester,
    meeting_chair.KIND: meeting_chair,
    meeting_disciplines.KIND: meeting_disciplines,
    meeting_consent.KIND: meeting_consent,
    meeting_presence.KIND: meeting_presence,
    life_goals.KIND: life_goals,
    temporary_role.KIND: temporary_role,
    protocol_shared.KIND: protocol_shared,
    assessment_threshold.KIND: assessment_threshold,
}


class UnknownCheckKind(RegiekitError):
    """A rule names a check kind that is not in the registry."""


def get_check(kind: str) -> ModuleType:
    """The module registered as `kind`; fails loudly on an unknown kind."""
    try:
        return CHECKS[kind]
    except KeyError:
        known = ", ".join(sorted(CHECKS))
        raise UnknownCheckKind(f"onbekende soort controle '{kind}' in de regelcatalogus "
                               f"(bekend: {known})") from None
