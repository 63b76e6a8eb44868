/**
 * `privacy/pii-in-widget-example`: replace the personal data in the example with a placeholder
 * (`[EMAIL_ADDRESS]`, preferred) or a pseudonym (`person1@example.com`, still readable to the
 * model). Edits only the matched characters when the file holds them verbatim, else rewrites the
 * example as one double-quoted string; either way the card must still read the new text.
 */
import { isScalar } from 'yaml';
import { nodeAt, spanOfNode } from '../cardDocument';
import { Finding } from '../finding';
import { placeholderFor, pseudonymFor } from '../redaction/pseudonyms';
import { cardOf, dataString, fixFromText, QuickFix, replaceScalar } from './yamlEdits';

export function redactWidgetExample(text: string, finding: Finding, fileName?: string): QuickFix[] {
  const type = dataString(finding, 'type');
  const { example, valueStart, valueEnd } = finding.data ?? {};
  if (!type || typeof example !== 'number' || typeof valueStart !== 'number' || typeof valueEnd !== 'number') return [];
  const card = cardOf(text, fileName);
  const path = ['widget', example, 'text'];
  const node = card ? nodeAt(card, path) : undefined;
  if (!card || !isScalar(node) || typeof node.value !== 'string') return [];
  const value = node.value;
  const scalar = spanOfNode(card, node);
  // The example changed since the finding was made: offer nothing rather than a wrong edit.
  if (!scalar || valueEnd > value.length || valueStart >= valueEnd || finding.start < scalar.start || finding.end > scalar.end) return [];
  const original = value.slice(valueStart, valueEnd);
  const verbatim = text.slice(finding.start, finding.end) === original;
  const choices: Array<[string, string, boolean]> = [
    [`Replace ${type} in the widget example with ${placeholderFor(type)}`, placeholderFor(type), true],
    [`Replace ${type} in the widget example with a pseudonym (${pseudonymFor(type, 1, original)})`, pseudonymFor(type, 1, original), false],
  ];
  const fixes: QuickFix[] = [];
  for (const [title, replacement, preferred] of choices) {
    const wanted = value.slice(0, valueStart) + replacement + value.slice(valueEnd);
    let after: string | undefined;
    if (verbatim) {
      after = text.slice(0, finding.start) + replacement + text.slice(finding.end);
      if (!reads(after, path, wanted, fileName)) after = undefined;
    }
    if (after === undefined) {
      const rewritten = replaceScalar(card, node, JSON.stringify(wanted));
      after = rewritten !== undefined && reads(rewritten, path, wanted, fileName) ? rewritten : undefined;
    }
    fixes.push(...fixFromText(title, text, after, fileName, preferred));
  }
  return fixes;
}

function reads(text: string, path: Array<string | number>, wanted: string, fileName?: string): boolean {
  const card = cardOf(text, fileName);
  if (!card || card.doc.errors.length > 0) return false;
  const node = nodeAt(card, path);
  return isScalar(node) && node.value === wanted;
}
