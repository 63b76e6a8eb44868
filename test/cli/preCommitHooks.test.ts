/**
 * The hooks in .pre-commit-hooks.yaml, run as pre-commit runs them: staged file names filtered by
 * `files`, `exclude` and `types`/`types_or`, then `entry` + `args` + the file names (when
 * `pass_filenames`), with the entry's executable resolved through package.json `bin`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../../engine/packageRoot';
import { tempProject } from '../support/runCli';

const root = packageRoot(__dirname);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface HookDefinition {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  types?: string[];
  types_or?: string[];
  exclude_types?: string[];
  args?: string[];
  pass_filenames?: boolean;
  always_run?: boolean;
  require_serial?: boolean;
}

const hooks: HookDefinition[] = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8'));
const hook = (id: string) => {
  const found = hooks.find((h) => h.id === id);
  assert.ok(found, `no hook ${id}`);
  return found;
};

/** A Python regex as pre-commit applies it (`re.search`); `(?i)` at the start becomes the i flag. */
function pythonRegex(source: string): RegExp {
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

/** The tags pre-commit's `identify` gives the files used here. */
function tagsOf(file: string): Set<string> {
  const tags = new Set(['file']);
  const bytes = fs.readFileSync(file);
  tags.add(bytes.includes(0) ? 'binary' : 'text');
  const ext = path.extname(file).toLowerCase();
  const byExtension: Record<string, string[]> = {
    '.yaml': ['yaml'], '.yml': ['yaml'], '.md': ['markdown'], '.json': ['json'], '.csv': ['csv'], '.txt': ['plain-text'],
    '.jsonl': ['jsonl'], '.py': ['python'], '.tsv': ['tsv'],
  };
  for (const tag of byExtension[ext] ?? []) tags.add(tag);
  return tags;
}

/** The staged files pre-commit hands to a hook. */
function filesFor(definition: HookDefinition, staged: string[], cwd: string): string[] {
  const include = pythonRegex(definition.files ?? '');
  const exclude = pythonRegex(definition.exclude ?? '^$');
  return staged.filter((file) => {
    if (!include.test(file) || exclude.test(file)) return false;
    const tags = tagsOf(path.join(cwd, file));
    if (!(definition.types ?? ['file']).every((t) => tags.has(t))) return false;
    const anyOf = definition.types_or ?? [];
    if (anyOf.length > 0 && !anyOf.some((t) => tags.has(t))) return false;
    return !(definition.exclude_types ?? []).some((t) => tags.has(t));
  });
}

interface HookRun {
  ran: boolean;
  code: number | null;
  output: string;
  argv: string[];
}

/** The entry without its `npx --no` prefix (npx resolves the installed package's bin, never downloads). */
function binEntry(entry: string): string[] {
  const words = entry.split(/\s+/);
  assert.deepEqual(words.slice(0, 2), ['npx', '--no'], `${entry}: runs the installed CLI through npx --no`);
  return words.slice(2);
}

/** Runs a hook on staged files as pre-commit would; `ran` is false when pre-commit would skip it. */
function runHook(id: string, staged: string[], cwd: string): HookRun {
  const definition = hook(id);
  const files = filesFor(definition, staged, cwd);
  if (files.length === 0 && !definition.always_run) return { ran: false, code: 0, output: '', argv: [] };
  const [executable, ...entryArgs] = binEntry(definition.entry);
  const argv = [...entryArgs, ...(definition.args ?? []), ...(definition.pass_filenames === false ? [] : files)];
  // `npx --no cardwright` runs the bin of the package the model repository installed: its file here.
  const bin = manifest.bin[executable];
  assert.ok(bin, `${executable} is not a bin of the package`);
  const result = spawnSync(process.execPath, [path.join(root, bin), ...argv], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { ran: true, code: result.status, output: `${result.stdout}${result.stderr}`, argv };
}

describe('pre-commit hooks', function () {
  this.timeout(90_000);
  const project = tempProject({
    'good/model-card.yaml': 'license: mit\nlanguage: en\n',
    'bad/model-card.yaml': 'license: mit\nlanguage: es-ES\n',
    'docs/README.md': '# No front matter\n',
    'hub/README.md': '---\nlicense: apache 2.0\n---\n# Model\n',
    'src/app.py': 'print("hello")\n',
    'package.json': '{"name": "x", "author": "jane.roe@example.org"}\n',
    'bot/model-card.yaml': 'license: mit\ndatasets: [acme/mail]\nupstream:\n  datasets:\n    - id: acme/mail\n      license: cc-by-4.0\n      samples: [data/mail.csv]\nprivacy:\n  personal_data: false\n',
    'bot/data/mail.csv': 'id,contact\n1,jane.roe@example.org\n',
    'bot/data/unlisted.csv': 'id,contact\n1,john.doe@example.com\n',
    'clean/model-card.yaml': 'license: mit\ndatasets: [acme/colours]\nupstream:\n  datasets:\n    - id: acme/colours\n      license: cc0-1.0\n      samples: [colours.csv]\n',
    'clean/colours.csv': 'id,colour\n1,blue\n2,green\n',
  });
  after(() => project.remove());

  it('defines cardwright-check and cardwright-scan as system hooks whose entry is the installed package\'s bin', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['cardwright-check', 'cardwright-scan']);
    for (const h of hooks) {
      assert.equal(h.language, 'system');
      assert.ok(h.name && h.entry && h.files, h.id);
      assert.ok(manifest.bin[binEntry(h.entry)[0]], `${h.id}: entry ${h.entry}`);
      assert.notEqual(h.pass_filenames, false, `${h.id} works on the staged files`);
    }
  });

  it('cardwright-check: passes a clean card, fails a card with errors, skips what is not a card', () => {
    const clean = runHook('cardwright-check', ['good/model-card.yaml', 'docs/README.md', 'src/app.py'], project.dir);
    assert.deepEqual(clean.argv, ['check', 'good/model-card.yaml', 'docs/README.md']);
    assert.equal(clean.code, 0, clean.output);
    assert.match(clean.output, /1 card checked: 0 errors/);

    const bad = runHook('cardwright-check', ['good/model-card.yaml', 'bad/model-card.yaml', 'hub/README.md'], project.dir);
    assert.equal(bad.code, 1, bad.output);
    assert.match(bad.output, /^bad\/model-card\.yaml:2:11: error hub\/language-code: /m);
    assert.match(bad.output, /^hub\/README\.md:2:10: error license\/unknown-id: /m);

    assert.equal(runHook('cardwright-check', ['src/app.py', 'package.json', 'bot/data/mail.csv'], project.dir).ran, false);
  });

  it('cardwright-scan: scans a staged sample a card lists and fails on personal data; leaves other data files alone', () => {
    const sample = runHook('cardwright-scan', ['bot/data/mail.csv', 'src/app.py'], project.dir);
    assert.deepEqual(sample.argv, ['scan', '--card-samples-only', 'bot/data/mail.csv']);
    assert.equal(sample.code, 1, sample.output);
    assert.match(sample.output, /EMAIL_ADDRESS/);
    assert.doesNotMatch(sample.output, /unlisted/);

    const unlisted = runHook('cardwright-scan', ['bot/data/unlisted.csv', 'package.json'], project.dir);
    assert.ok(unlisted.ran, 'pre-commit passes every data file; the hook itself picks the samples');
    assert.equal(unlisted.code, 0, unlisted.output);
    assert.match(unlisted.output, /no card or card sample among the given files/);
  });

  it('cardwright-scan: a staged card scans the samples it lists (once, even when they are staged too)', () => {
    const card = runHook('cardwright-scan', ['bot/model-card.yaml', 'bot/data/mail.csv'], project.dir);
    assert.equal(card.code, 1, card.output);
    assert.match(card.output, /1 finding in 1 file /);
    const clean = runHook('cardwright-scan', ['clean/model-card.yaml', 'clean/colours.csv'], project.dir);
    assert.equal(clean.code, 0, clean.output);
  });
});
