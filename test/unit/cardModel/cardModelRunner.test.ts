/**
 * engine/cardModel with the tiny sentiment model of test/fixtures/card-model: finding it, loading
 * it offline through transformers.js, running text-classification, and clear load failures.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCardModelRunner } from '../../../engine/cardModel/cardModelRunner';
import { findCardModel, readModelFolder } from '../../../engine/cardModel/findCardModel';
import { tempProject } from '../../support/runCli';

const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'card-model');
const TASKS = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'card-model-tasks');

describe('card model: finding and running it', function () {
  this.timeout(60_000);

  it('the fixture is a small transformers.js folder with a sequence-classification head', () => {
    const found = findCardModel(path.join(FIXTURE, 'model-card.yaml'));
    assert.ok(found.model);
    assert.equal(found.model.foundBy, 'card-folder');
    assert.equal(found.model.dtype, 'q8');
    assert.deepEqual(found.model.architectures, ['BertForSequenceClassification']);
    assert.deepEqual(found.model.labels, ['NEGATIVE', 'POSITIVE']);
    let total = 0;
    for (const file of fs.readdirSync(FIXTURE, { recursive: true }) as string[]) {
      const full = path.join(FIXTURE, file);
      if (fs.statSync(full).isFile()) total += fs.statSync(full).size;
    }
    assert.ok(total < 1_000_000, `${total} bytes`);
  });

  it('names what is missing or unreadable', () => {
    const project = tempProject({ 'card/model-card.yaml': 'license: mit\n' });
    try {
      const card = path.join(project.dir, 'card', 'model-card.yaml');
      const none = findCardModel(card);
      assert.equal(none.model, undefined);
      assert.equal((none as { problem?: string }).problem, undefined, 'a card folder without a model is no problem');
      const model = path.join(project.dir, 'm');
      fs.cpSync(FIXTURE, model, { recursive: true });
      assert.ok(findCardModel(card, '../m').model);
      fs.rmSync(path.join(model, 'tokenizer.json'));
      assert.match((readModelFolder(model, 'model-path') as { problem: string }).problem, /tokenizer\.json is missing/);
      fs.cpSync(path.join(FIXTURE, 'tokenizer.json'), path.join(model, 'tokenizer.json'));
      fs.writeFileSync(path.join(model, 'config.json'), '{ nope');
      assert.match((readModelFolder(model, 'model-path') as { problem: string }).problem, /config\.json in .* cannot be read/);
      fs.cpSync(path.join(FIXTURE, 'config.json'), path.join(model, 'config.json'));
      fs.rmSync(path.join(model, 'onnx'), { recursive: true });
      assert.match((readModelFolder(model, 'model-path') as { problem: string }).problem, /no onnx\/model_quantized\.onnx or onnx\/model\.onnx/);
      const gone = findCardModel(card, '../gone');
      assert.match('problem' in gone ? String(gone.problem) : '', /gone is not a folder/);
    } finally {
      project.remove();
    }
  });

  it('runs text-classification offline: every label with a score, the right one on top, int8 close to fp32', async () => {
    const found = findCardModel(path.join(FIXTURE, 'model-card.yaml'));
    assert.ok(found.model);
    const int8 = await loadCardModelRunner(found.model, 'text-classification');
    const fp32 = await loadCardModelRunner({ ...found.model, dtype: 'fp32', onnxFile: path.join(FIXTURE, 'onnx', 'model.onnx') }, 'text-classification');
    try {
      for (const [text, label] of [
        ['I love this phone, the battery is great.', 'POSITIVE'],
        ['The delivery was slow and the staff was rude.', 'NEGATIVE'],
        ['the coffee was not good', 'NEGATIVE'],
        ['we recommend the hotel', 'POSITIVE'],
      ]) {
        const a = await int8.run(text);
        const b = await fp32.run(text);
        assert.ok(a.kind === 'labels' && b.kind === 'labels');
        assert.equal(a.labels.length, 2);
        assert.equal(a.labels[0].label, label, `${text}: ${JSON.stringify(a.labels)}`);
        assert.ok(Math.abs(a.labels[0].score - b.labels.find((l) => l.label === a.labels[0].label)!.score) < 0.05);
      }
    } finally {
      await int8.dispose();
      await fp32.dispose();
    }
  });

  it('runs zero-shot-classification (an NLI head) over the candidate labels, and fill-mask (a masked-LM head) at [MASK]', async () => {
    // Untrained models (training/tinyTextClassifier.py --plumbing): only the shapes of the answers mean something.
    const nli = readModelFolder(path.join(TASKS, 'nli'), 'card-folder');
    assert.ok(!('problem' in nli));
    const zeroShot = await loadCardModelRunner(nli, 'zero-shot-classification');
    try {
      const answer = await zeroShot.run('the phone was great', { candidateLabels: ['phone', 'food', 'hotel'] });
      assert.ok(answer.kind === 'labels');
      assert.deepEqual(answer.labels.map((l) => l.label).sort(), ['food', 'hotel', 'phone']);
      assert.ok(Math.abs(answer.labels.reduce((sum, l) => sum + l.score, 0) - 1) < 1e-4);
      await assert.rejects(zeroShot.run('no labels'), /candidate labels/);
    } finally {
      await zeroShot.dispose();
    }
    const mlm = readModelFolder(path.join(TASKS, 'mlm'), 'card-folder');
    assert.ok(!('problem' in mlm));
    const fillMask = await loadCardModelRunner(mlm, 'fill-mask');
    try {
      const answer = await fillMask.run('the phone was [MASK].');
      assert.ok(answer.kind === 'fills');
      assert.equal(answer.fills.length, 5);
      for (const fill of answer.fills) {
        assert.ok(fill.token.length > 0 && fill.score > 0 && fill.score < 1);
        assert.ok(!fill.sequence.includes('[MASK]'), fill.sequence);
      }
      await assert.rejects(fillMask.run('no mask here'), /needs the mask token \[MASK\]/);
    } finally {
      await fillMask.dispose();
    }
  });

  it('runs token-classification with its own labels and offsets (the shipped PII model as a card\'s model)', async () => {
    const folder = path.join(__dirname, '..', '..', '..', '..', 'models', 'cardwright-pii-mini');
    const model = readModelFolder(folder, 'card-folder');
    assert.ok(!('problem' in model));
    const runner = await loadCardModelRunner(model, 'token-classification');
    try {
      // The raw model, without the scan's recognizers and clean-up: B-PERSON, I-PERSON become one span.
      const text = 'My colleague Maria Gonzalez called yesterday.';
      const answer = await runner.run(text);
      assert.ok(answer.kind === 'spans');
      assert.deepEqual(answer.spans.map((s) => [s.label, text.slice(s.start, s.end)]), [['PERSON', 'Maria Gonzalez']]);
      assert.ok(answer.spans[0].score > 0.5);
    } finally {
      await runner.dispose();
    }
  });

  it('a model that fails to load says which file and why', async () => {
    const project = tempProject({});
    try {
      const model = path.join(project.dir, 'broken');
      fs.cpSync(FIXTURE, model, { recursive: true });
      fs.writeFileSync(path.join(model, 'onnx', 'model_quantized.onnx'), 'not a model');
      const read = readModelFolder(model, 'card-folder');
      assert.ok(!('problem' in read));
      await assert.rejects(loadCardModelRunner(read, 'text-classification'), (error: Error) => {
        assert.match(error.message, new RegExp(`onnx[\\\\/]model_quantized\\.onnx in ${model.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}`));
        return true;
      });
    } finally {
      project.remove();
    }
  });
});
