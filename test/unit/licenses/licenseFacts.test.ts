/** The license facts: every Hub id covered, generated files current, facts sourced and consistent. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allLicenseFacts, HUB_LICENSES, hubLicenseIds, licenseFacts, licenseFactsMarkdown, licenseRuleMatrixMarkdown, LICENSE_RULES, SourcedFact, sourcesOf, summarizeLicense } from '../../../core/licenses';
import { EXTRA_FACT_IDS } from '../../../core/licenses/licenseTable';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const ROOT = findRoot(__dirname);
// The Hub's license table, committed with its notice (scripts/data/NOTICE.md).
const TSV = path.join(ROOT, 'scripts', 'data', 'hub-licenses.tsv');

describe('license facts', () => {
  it('cover the 83 Hub license ids, and nothing else', () => {
    assert.equal(HUB_LICENSES.length, 83);
    assert.deepEqual(allLicenseFacts().map((f) => f.id), hubLicenseIds());
    assert.deepEqual(EXTRA_FACT_IDS, []);
  });

  it("list the same ids, names and info links, in the same order, as the Hub's table", () => {
    const [header, ...rows] = fs.readFileSync(TSV, 'utf8').split(/\r?\n/).filter((l) => l.trim());
    assert.equal(header, 'id\tfull_name\tinfo_link');
    const table = rows.map((l) => l.split('\t')).map(([id, name, link]) => ({ id, fullName: name.replace(/\\(.)/g, '$1'), infoLink: link || undefined }));
    assert.equal(table.length, 83);
    assert.deepEqual(hubLicenseIds(), table.map((e) => e.id));
    assert.deepEqual(HUB_LICENSES.map((e) => ({ id: e.id, fullName: e.fullName, infoLink: e.infoLink })), table);
    for (const id of ['apache-2.0', 'mit', 'llama3.1', 'gemma', 'cc-by-nc-4.0', 'other', 'unknown']) assert.ok(table.some((e) => e.id === id), id);
  });

  it('match the generated license schema, and the generator reports everything up to date', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'license.schema.json'), 'utf8'));
    assert.deepEqual(schema.enum, hubLicenseIds());
    assert.equal(schema.enumDescriptions.length, 83);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generateLicenses.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('give every fact a summary and a source with a link', () => {
    for (const fact of allLicenseFacts()) {
      assert.match(fact.link, /^https:\/\//, `${fact.id} link`);
      assert.ok(summarizeLicense(fact).length > 10, fact.id);
      for (const sourced of sourcesOf(fact) as SourcedFact[]) {
        assert.ok(sourced.summary.length > 10, `${fact.id}: ${sourced.summary}`);
        assert.match(sourced.source, /https?:\/\//, `${fact.id}: ${sourced.source}`);
      }
    }
  });

  it('are consistent: restricted commercial use and share-alike come with their terms', () => {
    for (const fact of allLicenseFacts()) {
      if (fact.commercial === 'non-commercial' || fact.commercial === 'research-only') assert.ok(fact.commercialTerms, `${fact.id} commercialTerms`);
      if (fact.shareAlike) {
        assert.ok(fact.shareAlikeTerms, `${fact.id} shareAlikeTerms`);
        assert.ok(fact.shareAlikeTerms!.compatible.includes(fact.id), `${fact.id} is compatible with itself`);
      }
      for (const id of fact.shareAlikeTerms?.compatible ?? []) assert.ok(licenseFacts(id), `${fact.id}: ${id} is a Hub id`);
      if (fact.spdx) assert.match(fact.spdx, /^[A-Za-z0-9.+-]+$/, fact.id);
      if (fact.kind === 'use-restricted') assert.ok(fact.useRestrictions, fact.id);
    }
  });

  it('record the facts that matter for model derivatives', () => {
    assert.equal(licenseFacts('llama2')?.naming, undefined);
    assert.equal(licenseFacts('llama3')?.naming?.prefix, 'Llama 3');
    for (const id of ['llama3.1', 'llama3.2', 'llama3.3', 'llama4']) assert.equal(licenseFacts(id)?.naming?.prefix, 'Llama', id);
    for (const id of ['llama2', 'llama3', 'llama3.1', 'llama3.2', 'llama3.3', 'llama4']) {
      const fact = licenseFacts(id)!;
      assert.equal(fact.commercial, 'conditional', id);
      assert.ok(fact.conditions?.some((c) => c.key === 'monthly-active-users' && /700 million/.test(c.summary)), id);
      assert.ok(fact.useRestrictions && fact.termsGovernDerivatives, id);
    }
    assert.ok(licenseFacts('llama3.2')?.conditions?.some((c) => c.key === 'eu-multimodal'));
    assert.ok(licenseFacts('gemma')?.conditions?.some((c) => c.key === 'distillation-is-derivative'));
    assert.equal(licenseFacts('cc-by-nc-4.0')?.commercial, 'non-commercial');
    assert.equal(licenseFacts('cc-by-nc-nd-4.0')?.noDerivatives !== undefined, true);
    assert.equal(licenseFacts('cc-by-sa-4.0')?.shareAlike, true);
    assert.ok(licenseFacts('cdla-sharing-1.0')?.trainedModelsExempt);
    assert.equal(licenseFacts('gpl-2.0')?.spdx, 'GPL-2.0-only');
    assert.equal(licenseFacts('apache-2.0')?.kind, 'permissive');
    assert.equal(licenseFacts('cc0-1.0')?.kind, 'public-domain');
    assert.equal(licenseFacts('bigscience-openrail-m')?.kind, 'use-restricted');
    assert.equal(licenseFacts('fair-noncommercial-research-license')?.commercial, 'research-only');
    for (const id of ['cc', 'gpl', 'lgpl', 'bsd', 'openrail', 'gfdl']) assert.equal(licenseFacts(id)?.isFamily, true, id);
  });

  it('are looked up exactly, as the Hub does', () => {
    assert.equal(licenseFacts('Apache-2.0'), undefined);
    assert.equal(licenseFacts(42 as unknown as string), undefined);
  });

  it('render a rule matrix and a facts table in Markdown', () => {
    const matrix = licenseRuleMatrixMarkdown();
    for (const rule of LICENSE_RULES) assert.ok(matrix.includes(`\`${rule.code}\``), rule.code);
    assert.equal(licenseFactsMarkdown().split('\n').length, 2 + 83);
  });
});
