/** Training data with personal data must say which kinds, how it was protected, and on what GDPR basis. */
import { rangeOfPath, valueAt } from '../cardDocument';
import { Finding } from '../finding';
import { isBlank, isRecord, RuleContext } from './rule';

export function personalData({ card, value }: RuleContext): Finding[] {
  const privacy = value.privacy;
  if (!isRecord(privacy) || privacy.personal_data !== true) return [];
  const at = rangeOfPath(card, ['privacy', 'personal_data']);
  const findings: Finding[] = [];
  if (isBlank(privacy.pii_categories)) {
    findings.push({
      code: 'privacy/missing-pii-categories',
      severity: 'error',
      message: '`personal_data: true` needs `privacy.pii_categories`: list which kinds of personal data the training data holds (e.g. PERSON, EMAIL_ADDRESS).',
      ...at,
      data: { section: ['privacy'], key: 'pii_categories' },
      source: 'GDPR Art. 13(1)(e), Art. 30(1)(c)',
    });
  }
  if (isBlank(privacy.anonymization)) {
    findings.push({
      code: 'privacy/missing-anonymization',
      severity: 'error',
      message: '`personal_data: true` needs `privacy.anonymization`: say whether the data was pseudonymized, anonymized, synthesized, or not at all (`none`).',
      ...at,
      data: { section: ['privacy'], key: 'anonymization' },
      source: 'GDPR Art. 25, Art. 32(1)(a)',
    });
  }
  if (isBlank(valueAt(value, ['compliance', 'gdpr', 'lawful_basis']))) {
    findings.push({
      code: 'privacy/missing-lawful-basis',
      severity: 'error',
      message: '`personal_data: true` needs `compliance.gdpr.lawful_basis`: processing personal data for training needs one of the lawful bases of GDPR Art. 6(1).',
      ...at,
      data: { section: ['compliance', 'gdpr'], key: 'lawful_basis' },
      source: 'GDPR Art. 6(1)',
    });
  }
  return findings;
}
