/** `upstream/sample-not-found`: create the sample file (to fill in), or drop the entry from `samples`. */
import { cardOf, dataString, fixFromText, FixProvider, pathOfScalarAt, QuickFix, removeItem } from './yamlEdits';

export const missingSample: FixProvider = (text, finding, fileName) => {
  const sample = dataString(finding, 'sample');
  const card = cardOf(text, fileName);
  if (!sample || !card) return [];
  const fixes: QuickFix[] = [];
  if (!/^([a-zA-Z]:)?[\\/]/.test(sample) && !sample.split(/[\\/]/).includes('..')) {
    fixes.push({ title: `Create the sample file \`${sample}\``, edits: [], createFiles: [sample] });
  }
  const path = pathOfScalarAt(card, ['upstream', 'datasets'], finding.start);
  const index = path?.[path.length - 1];
  if (path && typeof index === 'number' && path[path.length - 2] === 'samples') {
    fixes.push(...fixFromText(`Remove \`${sample}\` from \`samples\``, text, removeItem(card, path.slice(0, -1), index), fileName));
  }
  return fixes;
};
