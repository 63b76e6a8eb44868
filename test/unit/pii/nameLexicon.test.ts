/**
 * A model's first-name lexicon (config `cardwright_name_lexicon`): read from the model folder,
 * passed to the token types, and refused with a clear error when missing or outside the folder.
 * Uses a copy of the shipped model's folder with its config rewritten.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ModelLoadError, loadTokenClassifier } from '../../../engine/pii/modelRuntime';
import { defaultModelFolder } from '../../../engine/packageRoot';

describe('pii model name lexicon', function () {
  this.timeout(60000);
  let folder: string;
  let config: Record<string, unknown>;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-lexicon-'));
    const shipped = defaultModelFolder();
    assert.ok(shipped, 'the shipped model folder');
    fs.cpSync(shipped, folder, { recursive: true });
    config = JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  function withConfig(change: Record<string, unknown>): void {
    const next: Record<string, unknown> = { ...config, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete next[key];
    fs.writeFileSync(path.join(folder, 'config.json'), JSON.stringify(next));
  }

  it('reads the lexicon the config names, one word a line', async () => {
    fs.writeFileSync(path.join(folder, 'names-test.txt'), 'ana\n\nzoe\r\nbjorn\n');
    withConfig({ cardwright_name_lexicon: 'names-test.txt' });
    const classifier = await loadTokenClassifier({ model: folder });
    try {
      assert.deepEqual([...(classifier.nameLexicon ?? [])].sort(), ['ana', 'bjorn', 'zoe']);
    } finally {
      await classifier.dispose();
    }
  });

  it('has none when the config names none', async () => {
    withConfig({ cardwright_name_lexicon: undefined });
    const classifier = await loadTokenClassifier({ model: folder });
    try {
      assert.equal(classifier.nameLexicon, undefined);
    } finally {
      await classifier.dispose();
    }
  });

  it('refuses a missing lexicon and one outside the model folder', async () => {
    withConfig({ cardwright_name_lexicon: 'no-such-file.txt' });
    await assert.rejects(loadTokenClassifier({ model: folder }), (error: Error) => error instanceof ModelLoadError && /name lexicon no-such-file\.txt/.test(error.message));
    for (const file of ['../outside.txt', '/etc/passwd', 'a/../../b.txt']) {
      withConfig({ cardwright_name_lexicon: file });
      await assert.rejects(loadTokenClassifier({ model: folder }), (error: Error) => error instanceof ModelLoadError && /inside the model folder/.test(error.message), file);
    }
  });
});
