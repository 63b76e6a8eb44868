/** EU AI Act obligations that follow from the declared role, risk category and GPAI status. */
import { rangeOfPath } from '../cardDocument';
import { Finding } from '../finding';
import { isBlank, isRecord, RuleContext } from './rule';

export function aiActRisk({ card, value }: RuleContext): Finding[] {
  const compliance = value.compliance;
  const act = isRecord(compliance) ? compliance.eu_ai_act : undefined;
  if (!isRecord(act)) return [];
  const findings: Finding[] = [];
  if (act.risk_category === 'high' && isBlank(act.technical_documentation)) {
    findings.push({
      code: 'compliance/high-risk-needs-documentation',
      severity: 'error',
      message: '`risk_category: high` needs `technical_documentation`: high-risk AI systems must have the technical documentation of Annex IV before they are placed on the market.',
      ...rangeOfPath(card, ['compliance', 'eu_ai_act', 'risk_category']),
      data: { section: ['compliance', 'eu_ai_act'], key: 'technical_documentation' },
      source: 'EU AI Act Art. 11 and Annex IV',
    });
  }
  if (act.risk_category === 'prohibited') {
    findings.push({
      code: 'compliance/prohibited-practice',
      severity: 'error',
      message: '`risk_category: prohibited` declares an AI practice that may not be placed on the EU market at all.',
      ...rangeOfPath(card, ['compliance', 'eu_ai_act', 'risk_category']),
      source: 'EU AI Act Art. 5',
    });
  }
  if (act.gpai === true && isBlank(act.training_content_summary)) {
    findings.push({
      code: 'compliance/gpai-needs-training-summary',
      severity: 'error',
      message: '`gpai: true` needs `training_content_summary`: providers of general-purpose AI models must publish a sufficiently detailed summary of the training content.',
      ...rangeOfPath(card, ['compliance', 'eu_ai_act', 'gpai']),
      data: { section: ['compliance', 'eu_ai_act'], key: 'training_content_summary' },
      source: 'EU AI Act Art. 53(1)(d)',
    });
  }
  return findings;
}
