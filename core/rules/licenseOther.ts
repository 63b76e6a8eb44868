/** `license: other` needs `license_name` (a slug) and `license_link` (the Hub's rule). */
import { rangeOfPath } from '../cardDocument';
import { Finding } from '../finding';
import { isBlank, RuleContext } from './rule';

const HUB_SPEC = 'https://huggingface.co/docs/hub/model-cards#model-card-metadata';

export function licenseOther({ card, value }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (value.license === 'other') {
    const missing = ['license_name', 'license_link'].filter((key) => isBlank(value[key]));
    if (missing.length > 0) {
      findings.push({
        code: 'license/other-incomplete',
        severity: 'error',
        message: `\`license: other\` needs ${missing.map((k) => `\`${k}\``).join(' and ')}: the Hub rejects a custom license without a name slug and a link to its text (LICENSE, LICENSE.md or a URL).`,
        ...rangeOfPath(card, ['license']),
        data: { missing },
        source: HUB_SPEC,
      });
    }
  } else if (value.license !== undefined) {
    for (const key of ['license_name', 'license_link']) {
      if (!isBlank(value[key])) {
        findings.push({
          code: 'license/name-without-other',
          severity: 'warning',
          message: `\`${key}\` is only read by the Hub when \`license: other\`; with \`license: ${String(value.license)}\` it is ignored.`,
          ...rangeOfPath(card, [key], 'key'),
          data: { key },
          source: HUB_SPEC,
        });
      }
    }
  }
  return findings;
}
