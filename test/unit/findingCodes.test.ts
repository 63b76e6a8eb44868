/** Every finding code the product can emit is in the registry, documented in the README, and described in SARIF. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findingCodeInfo, findingCodes, findingCodesMarkdown, piiCode } from '../../core/findingCodes';
import { PII_ENTITY_TYPES } from '../../core/pii/piiTypes';
import { packageRoot } from '../../engine/packageRoot';
import { runCli } from '../support/runCli';

const root = packageRoot(__dirname);
const AREAS = 'yaml|card|hub|license|schema|upstream|privacy|compliance|pii|widget';

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(rel) : entry.name.endsWith('.ts') ? [rel] : [];
  });
}

/** Schema keywords that checkSchema turns into `schema/<keyword>` (the others have their own codes). */
const GENERIC_KEYWORDS = ['minItems', 'maxItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'uniqueItems', 'propertyNames', 'multipleOf', 'minProperties', 'maxProperties', 'contains', 'not', 'format', 'dependentRequired', 'false schema'];

function schemaKeywords(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => schemaKeywords(item, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (GENERIC_KEYWORDS.includes(key)) out.add(key);
      if (key === 'properties' || key === '$defs') Object.values(value as object).forEach((sub) => schemaKeywords(sub, out));
      else if (key !== 'enum' && key !== 'examples' && key !== 'defaultSnippets') schemaKeywords(value, out);
    }
  }
  return out;
}

/** The codes the source can produce: every literal code, and each known template expanded. */
function emittableCodes(): Set<string> {
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  const kebab = (keyword: string) => keyword.replace(/ /g, '-').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  for (const file of ['core', 'engine', 'server', 'cli'].flatMap(sources)) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(new RegExp(`'((?:${AREAS})/[a-z0-9-]+)'`, 'g'))) codes.add(match[1]);
    // A finding of an area this list does not know yet is still caught where it is made.
    for (const match of text.matchAll(/\bcode: '([a-z]+\/[a-z0-9-]+)'/g)) codes.add(match[1]);
    for (const match of text.matchAll(new RegExp(`\`((?:${AREAS})/[^\`]*\\$\\{[^\`]*)\``, 'g'))) {
      const template = match[1];
      if (template.startsWith('upstream/unlisted-') || template.startsWith('upstream/missing-')) {
        for (const subject of ['base-model', 'dataset']) codes.add(template.replace(/\$\{.*\}$/, subject));
      } else if (template === 'schema/${kebab(error.keyword)}') {
        for (const schema of fs.readdirSync(path.join(root, 'schemas'))) {
          for (const keyword of schemaKeywords(JSON.parse(fs.readFileSync(path.join(root, 'schemas', schema), 'utf8')))) codes.add(`schema/${kebab(keyword)}`);
        }
      } else if (template.startsWith('pii/')) {
        for (const type of PII_ENTITY_TYPES) codes.add(piiCode(type));
      } else unknownTemplates.push(`${file}: \`${template}\``);
    }
  }
  assert.deepEqual(unknownTemplates, [], 'a finding code built from a template this test does not know: teach emittableCodes() its values');
  return codes;
}

describe('finding codes', () => {
  const registered = new Set(findingCodes().map((info) => info.code));

  it('every code the product can emit is registered', () => {
    const emitted = emittableCodes();
    assert.ok(emitted.size > 60, `only ${emitted.size} codes found in the source`);
    assert.deepEqual([...emitted].filter((code) => !registered.has(code)).sort(), []);
  });

  it('every registered code can be emitted (no stale documentation), each once, with a real description', () => {
    const emitted = emittableCodes();
    assert.deepEqual([...registered].filter((code) => !emitted.has(code)).sort(), []);
    assert.equal(registered.size, findingCodes().length, 'a code is registered twice');
    for (const info of findingCodes()) {
      assert.match(info.code, /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, info.code);
      assert.ok(info.summary.length > 20 && info.summary !== info.code, info.code);
      assert.match(info.severity, /^(error|warning|information)\b/, info.code);
      if (info.link) assert.match(info.link, /^https:\/\//, info.code);
    }
  });

  it("the README's table is the generated one", function () {
    this.timeout(30_000); // the generator bundles core/findingCodes.ts with esbuild: seconds on a loaded machine
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /<!-- finding-codes:start[^>]*-->\n([\s\S]*?)\n<!-- finding-codes:end -->/.exec(readme);
    assert.ok(block, 'README.md has the finding-codes block');
    assert.equal(block[1], findingCodesMarkdown(), 'run npm run docs:rules');
    for (const code of ['schema/unknown-key', 'yaml/syntax', 'card/binary', 'card/empty', 'pii/person']) assert.ok(block[1].includes(`\`${code}\``), code);
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'generateRuleTable.js'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('check --format sarif describes each rule from the registry, with a help link where one exists', function () {
    this.timeout(30_000);
    const run = runCli(['check', 'examples', '--format', 'sarif'], root);
    assert.equal(run.code, 1, run.stderr);
    const sarif = JSON.parse(run.stdout);
    const rules: Array<{ id: string; shortDescription: { text: string }; fullDescription?: { text: string }; helpUri?: string; help?: { markdown: string } }> = sarif.runs[0].tool.driver.rules;
    assert.ok(rules.length >= 5, `${rules.length} rules`);
    for (const rule of rules) {
      const info = findingCodeInfo(rule.id);
      assert.ok(info, rule.id);
      assert.equal(rule.shortDescription.text, info.summary);
      assert.ok(rule.fullDescription?.text.includes(info.summary));
      assert.equal(rule.helpUri, info.link);
      assert.ok(rule.help?.markdown.includes(rule.id));
    }
    assert.ok(rules.some((rule) => rule.id === 'hub/language-code' && rule.helpUri?.startsWith('https://huggingface.co/')));
    for (const result of sarif.runs[0].results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  });
});
