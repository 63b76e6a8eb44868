/**
 * Keeps `upstream` and `base_model`/`datasets` in step: add an `upstream` entry for a base model or
 * dataset (one, or all that are missing), or list an upstream id in `base_model`/`datasets`.
 */
import { isScalar, isSeq } from 'yaml';
import { nodeAt } from '../cardDocument';
import { isRecord, asList } from '../rules/rule';
import { appendItem, cardOf, dataString, fixFromText, FixProvider, QuickFix, replaceScalar } from './yamlEdits';

type UpstreamKey = 'base_models' | 'datasets';

function missingEntries(text: string, fileName?: string): Array<{ id: string; upstreamKey: UpstreamKey }> {
  const value = cardOf(text, fileName)?.value;
  if (!isRecord(value)) return [];
  const upstream = isRecord(value.upstream) ? value.upstream : {};
  const out: Array<{ id: string; upstreamKey: UpstreamKey }> = [];
  for (const [top, upstreamKey] of [['base_model', 'base_models'], ['datasets', 'datasets']] as const) {
    const recorded = new Set(asList(upstream[upstreamKey]).map((entry) => (isRecord(entry) ? entry.id : undefined)));
    for (const id of asList(value[top])) if (typeof id === 'string' && !recorded.has(id)) out.push({ id, upstreamKey });
  }
  return out;
}

function addEntries(text: string, entries: Array<{ id: string; upstreamKey: UpstreamKey }>, fileName?: string): string | undefined {
  let next = text;
  for (const { id, upstreamKey } of entries) {
    const card = cardOf(next, fileName);
    const written = card ? appendItem(card, ['upstream', upstreamKey], [`id: ${id}`]) : undefined;
    if (written === undefined) return undefined;
    next = written;
  }
  return next;
}

/** `upstream/missing-base-model`, `upstream/missing-dataset`. */
export const fillUpstream: FixProvider = (text, finding, fileName) => {
  const id = dataString(finding, 'id');
  const upstreamKey = dataString(finding, 'upstreamKey');
  if (!id || (upstreamKey !== 'base_models' && upstreamKey !== 'datasets')) return [];
  const fixes: QuickFix[] = fixFromText(`Add \`${id}\` to \`upstream.${upstreamKey}\` (then record its license)`, text, addEntries(text, [{ id, upstreamKey }], fileName), fileName, true);
  const all = missingEntries(text, fileName);
  if (all.length > 1) fixes.push(...fixFromText(`Fill \`upstream\` from \`base_model\` and \`datasets\` (${all.length} entries)`, text, addEntries(text, all, fileName), fileName));
  return fixes;
};

/** `upstream/unlisted-base-model`, `upstream/unlisted-dataset`: list the id where the Hub reads it. */
export const listUpstreamId: FixProvider = (text, finding, fileName) => {
  const id = dataString(finding, 'id');
  const addTo = dataString(finding, 'addTo');
  const card = cardOf(text, fileName);
  if (!id || (addTo !== 'base_model' && addTo !== 'datasets') || !card) return [];
  const current = nodeAt(card, [addTo]);
  let next: string | undefined;
  if (isScalar(current) && typeof current.value === 'string' && current.value) {
    // A single id becomes a list of two.
    next = replaceScalar(card, current, `[${current.value}, ${id}]`);
  } else if (isSeq(current) || current === undefined || (isScalar(current) && current.value === null)) {
    next = appendItem(card, [addTo], [id]);
  }
  return fixFromText(`Add \`${id}\` to \`${addTo}\``, text, next, fileName, true);
};
