/** What a new user sees of the package: an icon, README images that resolve inside the .vsix, a changelog. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../../core/glob';
import { packageRoot } from '../../engine/packageRoot';

const root = packageRoot(__dirname);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** Whether .vscodeignore (deny all, then `!` allow-list) ships a file. */
function shippedInVsix(file: string): boolean {
  const lines = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let shipped = true;
  for (const line of lines) {
    const negated = line.startsWith('!');
    if (globToRegExp(negated ? line.slice(1) : line).test(file)) shipped = negated;
  }
  return shipped;
}

describe('packaging', () => {
  it('ships every file the model needs at run time in the .vsix, and none of the training outputs', () => {
    const model = path.join('models', 'cardwright-pii-mini');
    const config = JSON.parse(fs.readFileSync(path.join(root, model, 'config.json'), 'utf8')) as { cardwright_name_lexicon?: string };
    const needed = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', ...(config.cardwright_name_lexicon ? [config.cardwright_name_lexicon] : [])];
    for (const file of needed) {
      assert.ok(fs.existsSync(path.join(root, model, file)), file);
      assert.ok(shippedInVsix(`${model}/${file}`.split(path.sep).join('/')), file);
    }
    assert.ok(!shippedInVsix('training/stage1/cardwright-pii-stage1.fp16.pt'));
    assert.ok(!shippedInVsix('models/cardwright-pii-mini/onnx/model.onnx'));
  });

  it('has a 128x128 PNG icon that the .vsix ships', () => {
    const icon = fs.readFileSync(path.join(root, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.ok(shippedInVsix(manifest.icon));
  });

  it('README images are relative paths to files the .vsix ships, kept relative by vsce, and named in full', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3);
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/, `${image} should be a relative path`);
      assert.ok(fs.existsSync(path.join(root, image)), `${image} exists`);
      assert.ok(shippedInVsix(image), `${image} is in the .vsix`);
      assert.match(path.basename(image), /^screenshot-[a-z]+(?:-[a-z]+)*\.png$/, image);
    }
    assert.match(manifest.scripts.package, /--no-rewrite-relative-links/);
    // Relative links other than images point to files the .vsix ships too.
    for (const [, link] of readme.matchAll(/[^!]\[[^\]]*\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(link)) continue;
      assert.ok(shippedInVsix(link), `${link} is linked from README.md but not in the .vsix`);
    }
  });

  it('has no placeholder repository URL', () => {
    assert.equal(manifest.repository, undefined);
    assert.doesNotMatch(fs.readFileSync(path.join(root, 'cli', 'sarif.ts'), 'utf8'), /github\.com\/cardwright/);
  });

  it('has a CHANGELOG.md that the .vsix ships, with an entry for the current version', () => {
    const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
    assert.ok(changelog.includes(`## [${manifest.version}]`));
    assert.ok(shippedInVsix('CHANGELOG.md'));
  });
});
