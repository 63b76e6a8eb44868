// Redaction fed by the real PII recognizers and readers on the example project's samples: the
// engine's file offsets (through CSV quotes and JSON escapes) and the redaction must fit together.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createReader } from '../../../core/pii/readers/createReader';
import { sniffDelimiter } from '../../../core/pii/readers/csvReader';
import { fileEndOf, fileOffsetOf } from '../../../core/pii/readers/textUnit';
import { recognizeAll } from '../../../core/pii/recognizeAll';
import { redactionFormatOf, redactText, RedactionTarget } from '../../../core/redaction/redactSample';
import { packageRoot } from '../../../engine/packageRoot';

const dataDir = path.join(packageRoot(__dirname), 'examples', 'data');

function engineTargets(text: string, fileName: string): RedactionTarget[] {
  const format = redactionFormatOf(fileName, text)!;
  const reader = createReader(format, format === 'csv' ? sniffDelimiter(text.slice(0, 65536)) : undefined);
  const units = [...reader.push(text), ...reader.end()];
  return units.flatMap((unit) =>
    recognizeAll({ text: unit.text, fields: unit.fields }).map((span) => ({
      start: fileOffsetOf(unit, span.start),
      end: fileEndOf(unit, span.end),
      type: span.type,
    })),
  );
}

function records(text: string, fileName: string): unknown {
  const format = redactionFormatOf(fileName, text);
  if (format === 'jsonl') return text.split('\n').filter((l) => l.trim()).map((l) => Object.keys(JSON.parse(l)));
  if (format === 'csv') {
    // Field counts per record through the engine's own CSV reader (one unit per record).
    const reader = createReader('csv', sniffDelimiter(text));
    return [...reader.push(text), ...reader.end()].map((u) => u.fields?.length ?? 0);
  }
  return text.split(/\n\s*\n/).length;
}

describe('redaction of the example samples with the engine’s findings', () => {
  for (const name of fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => /\.(csv|jsonl|txt)$/.test(f)) : []) {
    it(`${name}: every recognized value is gone, the file keeps its records`, () => {
      const text = fs.readFileSync(path.join(dataDir, name), 'utf8');
      const targets = engineTargets(text, name);
      if (!/faq/.test(name)) assert.ok(targets.length > 0, 'the recognizers found nothing to redact');
      for (const style of ['placeholder', 'pseudonym'] as const) {
        const out = redactText(text, targets, { format: redactionFormatOf(name, text)!, style });
        assert.deepEqual(records(out, name), records(text, name));
        for (const t of targets) {
          const original = text.slice(t.start, t.end);
          if (original.length >= 6) assert.ok(!out.includes(original), `${style}: ${JSON.stringify(original)} is still there`);
        }
      }
    });
  }
});
