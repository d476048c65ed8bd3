"""The one explicit registry of check kinds and named Python checks: no import side effects, no decorators.

A kind (or a named check) is its parameter schema, the function that runs it, the step templates it needs
(lexicons/rule_steps.yaml section `texts_key`, overridable per rule) — nothing else. To find a rule's code: its
YAML names the kind (or `kind: python` and the check's name), and this table names the module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from auditor.model import Finding
from auditor.rules.checks import (
    appraisal_notice,
    bail_deposit,
    charge_names,
    extension_approver,
    interrogation_officers,
    investigation_custody,
    juvenile_interrogation,
    non_prosecution,
    non_prosecution_delivery,
    probation_term,
    prosecution_review,
    rights_notice,
    supplementary_investigation,
)
from auditor.rules.kinds import citation, consistency, deadline, duration, phrase, required_documents, term


@dataclass(frozen=True)
class Kind:
    name: str
    params: type[BaseModel]
    run: Callable[..., list[Finding]]
    steps: tuple[str, ...]  # step template names the check uses (each must have a template)
    texts_key: str  # its section of lexicons/rule_steps.yaml


def _kind(name: str, params: type[BaseModel], run: Callable[..., list[Finding]], steps: tuple[str, ...],
          texts_key: str | None = None) -> Kind:
    return Kind(name, params, run, steps, texts_key or name)


# Declarative kinds: a rule of one of these is one YAML file.
KINDS: dict[str, Kind] = {k.name: k for k in [
    _kind("deadline", deadline.DeadlineParams, deadline.run, deadline.STEPS),
    _kind("required_documents", required_documents.RequiredDocumentsParams, required_documents.run,
          required_documents.STEPS),
    _kind("term", term.TermParams, term.run, term.STEPS),
    _kind("citation", citation.CitationParams, citation.run, citation.STEPS),
    _kind("consistency", consistency.ConsistencyParams, consistency.run, consistency.STEPS),
    _kind("phrase", phrase.PhraseParams, phrase.run, phrase.STEPS),
    _kind("duration", duration.DurationParams, duration.run, duration.STEPS),
]}

_np = non_prosecution
# Named Python checks (`kind: python`, `name: …`): what data cannot say, one module per subject.
CHECKS: dict[str, Kind] = {k.name: k for k in [
    _kind("investigation_custody", investigation_custody.InvestigationCustodyParams, investigation_custody.run,
          investigation_custody.STEPS),
    _kind("prosecution_review", prosecution_review.ProsecutionReviewParams, prosecution_review.run,
          prosecution_review.STEPS),
    _kind("supplementary_investigation", supplementary_investigation.SupplementaryParams,
          supplementary_investigation.run, supplementary_investigation.STEPS),
    _kind("rights_notice", rights_notice.RightsNoticeParams, rights_notice.run, rights_notice.STEPS),
    _kind("bail_deposit_below_minimum", bail_deposit.BailDepositParams, bail_deposit.run, bail_deposit.STEPS,
          "bail_deposit"),
    _kind("non_prosecution_wrong_article", _np.DecisionParams, _np.wrong_article, _np.STEPS["wrong_article"],
          "wrong_article"),
    _kind("non_prosecution_type_article_mismatch", _np.DecisionParams, _np.type_article_mismatch,
          _np.STEPS["type_mismatch"], "type_mismatch"),
    _kind("non_prosecution_suspect_appeal_notice_missing", _np.DecisionParams, _np.suspect_appeal_notice_missing,
          _np.STEPS["suspect_appeal_missing"], "suspect_appeal_missing"),
    _kind("non_prosecution_suspect_appeal_notice_wrong", _np.DecisionParams, _np.suspect_appeal_notice_wrong,
          _np.STEPS["suspect_appeal_wrong"], "suspect_appeal_wrong"),
    _kind("non_prosecution_victim_notice_missing", _np.DecisionParams, _np.victim_notice_missing,
          _np.STEPS["victim_notice_missing"], "victim_notice_missing"),
    _kind("non_prosecution_victim_notice_wrong_level", _np.DecisionParams, _np.victim_notice_wrong_level,
          _np.STEPS["victim_notice_wrong_level"], "victim_notice_wrong_level"),
    _kind("conditional_non_prosecution_private_prosecution_notice", _np.DecisionParams,
          _np.private_prosecution_notice, _np.STEPS["private_prosecution"], "private_prosecution"),
    _kind("conditional_non_prosecution_probation_term", _np.DecisionParams, probation_term.run, probation_term.STEPS,
          "probation_term"),
    _kind("non_prosecution_delivery_missing", _np.DecisionParams, non_prosecution_delivery.run,
          non_prosecution_delivery.STEPS, "delivery"),
    _kind("interrogation_officers", interrogation_officers.OfficersParams, interrogation_officers.run,
          interrogation_officers.STEPS),
    _kind("extension_approver", extension_approver.ApproverParams, extension_approver.run, extension_approver.STEPS),
    _kind("charge_names", charge_names.ChargeNameParams, charge_names.run, charge_names.STEPS),
    _kind("appraisal_notice", appraisal_notice.AppraisalParams, appraisal_notice.run, appraisal_notice.STEPS),
    _kind("juvenile_interrogation", juvenile_interrogation.JuvenileParams, juvenile_interrogation.run,
          juvenile_interrogation.STEPS),
]}
