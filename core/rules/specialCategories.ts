/** Special categories of personal data (GDPR Art. 9) need a completed DPIA, and are personal data. */
import { rangeOfPath, valueAt } from '../cardDocument';
import { Finding } from '../finding';
import { isRecord, RuleContext } from './rule';

export function specialCategories({ card, value }: RuleContext): Finding[] {
  const privacy = value.privacy;
  if (!isRecord(privacy) || !Array.isArray(privacy.special_categories) || privacy.special_categories.length === 0) return [];
  const at = rangeOfPath(card, ['privacy', 'special_categories'], 'key');
  const findings: Finding[] = [];
  if (valueAt(value, ['compliance', 'gdpr', 'dpia', 'completed']) !== true) {
    findings.push({
      code: 'privacy/special-categories-need-dpia',
      severity: 'error',
      message: 'Special categories of personal data need a completed data protection impact assessment: set `compliance.gdpr.dpia.completed: true` with its `reference`.',
      ...at,
      data: { section: ['compliance', 'gdpr', 'dpia'], key: 'completed' },
      source: 'GDPR Art. 9, Art. 35(3)(b)',
    });
  }
  if (privacy.personal_data === false) {
    findings.push({
      code: 'privacy/special-categories-contradiction',
      severity: 'error',
      message: '`special_categories` lists personal data, but `personal_data` is false.',
      ...rangeOfPath(card, ['privacy', 'personal_data']),
      data: { path: ['privacy', 'personal_data'], value: true },
      source: 'GDPR Art. 9(1)',
    });
  }
  return findings;
}
