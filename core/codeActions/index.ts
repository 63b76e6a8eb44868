/**
 * Quick fixes by finding code. Each fix is a pure function of the file text and the finding (its
 * code, range and structured data, never its message); "fix all" applies one kind's fixes at once
 * where each fix only rewrites its own finding's range.
 */
import { Finding } from '../finding';
import { withLfBreaks } from '../lineIndex';
import { fillUpstream, listUpstreamId } from './fillUpstream';
import { insertMissingKey, recordDpia } from './insertMissingKey';
import { stripLanguageRegion } from './languageRegion';
import { addLicenseNameAndLink, removeIgnoredLicenseKey } from './licenseOtherFields';
import { licenseSpelling } from './licenseSpelling';
import { moveMisplacedKey } from './moveMisplacedKey';
import { redactWidgetExample } from './redactWidgetExample';
import { renameKey } from './renameKey';
import { requiredValue, suggestedValue } from './replaceValue';
import { missingSample } from './samplePath';
import { cardOf, diffEdit, FixProvider, QuickFix } from './yamlEdits';

export type { FixProvider, QuickFix } from './yamlEdits';

export const FIXES: Readonly<Record<string, readonly FixProvider[]>> = {
  'schema/unknown-key': [renameKey],
  'hub/unknown-key': [renameKey],
  'schema/invalid-value': [suggestedValue],
  'license/unknown-id': [licenseSpelling],
  'license/other-incomplete': [addLicenseNameAndLink],
  'license/name-without-other': [removeIgnoredLicenseKey],
  'hub/language-code': [stripLanguageRegion],
  'schema/missing-key': [insertMissingKey],
  'privacy/missing-pii-categories': [insertMissingKey],
  'privacy/missing-anonymization': [insertMissingKey],
  'privacy/missing-lawful-basis': [insertMissingKey],
  'privacy/special-categories-need-dpia': [recordDpia],
  'privacy/special-categories-contradiction': [requiredValue],
  'compliance/high-risk-needs-documentation': [insertMissingKey],
  'compliance/gpai-needs-training-summary': [insertMissingKey],
  'card/misplaced-key': [moveMisplacedKey],
  'upstream/missing-base-model': [fillUpstream],
  'upstream/missing-dataset': [fillUpstream],
  'upstream/unlisted-base-model': [listUpstreamId],
  'upstream/unlisted-dataset': [listUpstreamId],
  'upstream/sample-not-found': [missingSample],
  'privacy/pii-in-widget-example': [redactWidgetExample],
};

/** "Fix all" is offered for up to this many findings of one kind. */
const MAX_FIX_ALL = 200;

/** Kinds whose fixes only rewrite their own finding's range, so that many apply together safely. */
const FIX_ALL_CODES = new Set(['schema/unknown-key', 'hub/unknown-key', 'schema/invalid-value', 'license/unknown-id', 'hub/language-code']);

/** The quick fixes for one finding; none (never an exception) when the text no longer fits the finding. */
export function quickFixes(fileText: string, finding: Finding, fileName?: string): QuickFix[] {
  const text = withLfBreaks(fileText);
  const providers = FIXES[finding.code] ?? [];
  const out: QuickFix[] = [];
  for (const provider of providers) {
    try {
      out.push(...provider(text, finding, fileName));
    } catch {
      /* a fix that cannot be computed is simply not offered */
    }
  }
  return out;
}

export function canFixAll(code: string): boolean {
  return FIX_ALL_CODES.has(code);
}

/**
 * "Fix all" for one kind: the preferred fix of every finding of `code`, as one edit. Undefined when
 * fewer than two findings have a fix, or when the combined result would not parse.
 */
export function fixAll(fileText: string, findings: Finding[], code: string, fileName?: string, stop: () => boolean = () => false): QuickFix | undefined {
  if (!FIX_ALL_CODES.has(code)) return undefined;
  const text = withLfBreaks(fileText);
  const mine = findings.filter((finding) => finding.code === code);
  // Each fix is checked by parsing its result: beyond this many, "fix all" is not offered.
  if (mine.length > MAX_FIX_ALL) return undefined;
  const local = mine
    .map((finding) => {
      if (stop()) return undefined;
      const fixes = quickFixes(text, finding, fileName);
      const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
      const own = fix && !fix.createFiles && fix.edits.every((e) => e.start >= finding.start && e.end <= finding.end);
      return own ? fix.edits : undefined;
    })
    .filter((edits): edits is NonNullable<typeof edits> => edits !== undefined);
  if (local.length < 2 || stop()) return undefined;
  const edits = local.flat().sort((a, b) => b.start - a.start);
  let next = text;
  let floor = Infinity;
  for (const edit of edits) {
    if (edit.end > floor) return undefined;
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
    floor = edit.start;
  }
  const card = cardOf(next, fileName);
  if (!card || card.doc.errors.length > 0) return undefined;
  return { title: `Fix all ${local.length} \`${code}\` problems in this file`, edits: [diffEdit(text, next)] };
}
