/** Did-you-mean for a value outside an enum, and other findings that name the value they need (`data.value`). */
import { dataString, FixProvider, spanHolds } from './yamlEdits';

/** `schema/invalid-value`: replace the value with the closest allowed one. */
export const suggestedValue: FixProvider = (text, finding) => {
  const value = dataString(finding, 'value');
  const suggestion = dataString(finding, 'suggestion');
  if (value === undefined || !suggestion || !spanHolds(text, finding, value)) return [];
  return [{ title: `Change \`${value}\` to \`${suggestion}\``, edits: [{ start: finding.start, end: finding.end, text: suggestion }], isPreferred: true }];
};

/** A finding whose data names the value that resolves it (e.g. `personal_data` must be true). */
export const requiredValue: FixProvider = (text, finding) => {
  const wanted = finding.data?.value;
  if (wanted === undefined || wanted === null || typeof wanted === 'object') return [];
  const current = text.slice(finding.start, finding.end);
  if (current.includes('\n') || current === String(wanted)) return [];
  return [{ title: `Set to \`${String(wanted)}\``, edits: [{ start: finding.start, end: finding.end, text: String(wanted) }] }];
};
