/**
 * The license compatibility rules as data, for the README's rule matrix and for hovers on a finding
 * code. Tests check that every code `checkCompatibility` emits is described here.
 */
import { allLicenseFacts, COMMERCIAL_LABELS, KIND_LABELS } from './licenseFacts';

export interface LicenseRule {
  code: string;
  /** When the rule fires. */
  when: string;
  /** Severity when the subject is a base model / a dataset ("—" when the rule does not apply). */
  baseModel: string;
  dataset: string;
  /** Why: the principle behind it. */
  why: string;
}

export const LICENSE_RULES: readonly LicenseRule[] = [
  { code: 'license/non-commercial-upstream', when: 'Upstream is non-commercial (e.g. `cc-by-nc-4.0`) and the model license allows commercial use', baseModel: 'error', dataset: 'error', why: 'A derivative cannot grant more than its sources allow; for training data the question is unsettled, so the cautious reading applies.' },
  { code: 'license/research-only-upstream', when: 'Upstream is research-only and the model license allows commercial (error) or general non-commercial (warning) use', baseModel: 'error / warning', dataset: 'error / warning', why: 'Research-only terms are narrower than non-commercial ones.' },
  { code: 'license/no-derivatives-upstream', when: 'Upstream forbids sharing adapted material (`-nd-`)', baseModel: 'error', dataset: 'warning', why: 'A fine-tuned model is adapted material of its base; for training data it may be.' },
  { code: 'license/share-alike-upstream', when: 'Upstream is share-alike or strong copyleft (`cc-by-sa-*`, `gpl-*`, `agpl-3.0`, `odbl` ...) and the model license is not the same or a listed compatible one', baseModel: 'error', dataset: 'warning', why: 'Derived works must carry the same license; whether a model is derived from its training data is unsettled. Data licenses that free trained models (`cdla-*`, `c-uda`, `odbl` produced works) are exempt for datasets.' },
  { code: 'license/weak-copyleft-upstream', when: 'Base model is weak copyleft (`mpl-2.0`, `lgpl-*`, `epl-*` ...) and the model license differs', baseModel: 'warning', dataset: '—', why: 'Modified files (the weights) stay under the base license.' },
  { code: 'license/use-restrictions-dropped', when: 'Upstream is an OpenRAIL/RAIL license and the model license has no use-based restrictions', baseModel: 'error', dataset: 'warning', why: 'RAIL licenses require their use restrictions in the license of every derivative.' },
  { code: 'license/use-restrictions-review', when: 'Upstream and model are different RAIL-style licenses', baseModel: 'information', dataset: 'information', why: 'Both carry restrictions, not necessarily the same ones.' },
  { code: 'license/vendor-terms-not-kept', when: 'Base model under Llama, Gemma, Grok or a research license, and the model uses another license (a Gemma-licensed dataset too: distillation makes a derivative)', baseModel: 'error (warning for another version of the same terms)', dataset: 'warning (Gemma only)', why: 'These terms govern derivatives and must be passed on with them.' },
  { code: 'license/naming-required', when: 'Upstream is Llama 3 or later and the model name does not start with "Llama" ("Llama 3" for Llama 3)', baseModel: 'error (information when the name is unknown)', dataset: 'warning (Llama 3.1 and later, whose naming rule also covers outputs)', why: 'The Llama 3.x/4 licenses require the prefix for models built with Llama materials or outputs.' },
  { code: 'license/upstream-condition', when: 'Upstream has a notable condition (700M monthly-active-user threshold, EU limit for multimodal Llama, output-use limits, Gemma distillation)', baseModel: 'information', dataset: 'information (warning for output-training limits)', why: 'Conditions the user must know even when licenses match.' },
  { code: 'license/missing-upstream-license', when: 'An upstream entry has no `license`', baseModel: 'warning', dataset: 'warning', why: 'Nothing can be checked.' },
  { code: 'license/unknown-upstream-license', when: 'An upstream entry has `license: unknown`', baseModel: 'warning', dataset: 'warning', why: 'Without a license no reuse is granted.' },
  { code: 'license/custom-upstream-license', when: 'An upstream entry has `license: other`', baseModel: 'information', dataset: 'information', why: 'Custom terms need a human review.' },
  { code: 'license/family-upstream-license', when: 'An upstream entry has a family id (`cc`, `gpl`, `bsd`, `openrail` ...)', baseModel: 'information', dataset: 'information', why: 'Obligations depend on the exact version.' },
  { code: 'license/family-id', when: 'The model license is a family id', baseModel: '—', dataset: '—', why: 'Obligations depend on the exact version.' },
  { code: 'license/missing-license', when: 'Upstream licenses are recorded but the model has no `license`', baseModel: 'warning', dataset: 'warning', why: 'Upstream conditions are not passed on.' },
];

/** When the model license is `other` or `unknown`, conflicts are reported as information: Cardwright cannot read custom terms. */
export const CUSTOM_LICENSE_NOTE = 'When the model license is `other` or `unknown`, conflict rules report information only: Cardwright cannot read custom terms, so it asks you to check them.';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The rule matrix as a Markdown table, for the README. */
export function licenseRuleMatrixMarkdown(): string {
  const rows = LICENSE_RULES.map((r) => `| \`${r.code}\` | ${cell(r.when)} | ${cell(r.baseModel)} | ${cell(r.dataset)} | ${cell(r.why)} |`);
  return [
    '| Code | When | Base model | Dataset | Why |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    CUSTOM_LICENSE_NOTE,
    '',
    'Guidance, not legal advice.',
  ].join('\n');
}

/** Every Hub license id with its classification, as a Markdown table. */
export function licenseFactsMarkdown(): string {
  const yes = (b: unknown) => (b ? 'yes' : '');
  const rows = allLicenseFacts().map((f) =>
    `| \`${f.id}\` | ${f.spdx ? `\`${f.spdx}\`` : ''} | ${KIND_LABELS[f.kind]} | ${COMMERCIAL_LABELS[f.commercial]} | ${yes(f.shareAlike)} | ${yes(f.useRestrictions)} | ${f.naming ? `"${f.naming.prefix}"` : ''} |`,
  );
  return ['| Hub id | SPDX | Kind | Commercial | Share-alike | Use restrictions | Name prefix |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}
