/**
 * The compatibility matrix, pair by pair: each case is a realistic card and the complete list of
 * issues expected, written `severity code subject` (subject `license`, `base_model#i`, `dataset#i`).
 */
import assert from 'node:assert/strict';
import { checkCompatibility, CompatibilityInput, LICENSE_RULES, LicenseIssue } from '../../../core/licenses';

const emitted = new Set<string>();

function describeIssue(issue: LicenseIssue): string {
  const subject = issue.subject.index === undefined ? issue.subject.kind : `${issue.subject.kind}#${issue.subject.index}`;
  return `${issue.severity} ${issue.code} ${subject}`;
}

/** Runs one case: the exact set of issues, and every issue well-formed. */
function check(name: string, input: CompatibilityInput, expected: string[]): void {
  it(name, () => {
    const issues = checkCompatibility(input);
    assert.deepEqual(issues.map(describeIssue).sort(), [...expected].sort());
    for (const issue of issues) {
      emitted.add(issue.code);
      assert.match(issue.code, /^license\/[a-z]+(?:-[a-z]+)*$/);
      assert.ok(issue.message.length > 40 && !/undefined|\[object/.test(issue.message), issue.message);
      assert.match(issue.source, /https?:\/\//, issue.source);
    }
  });
}

const llama31 = { id: 'meta-llama/Llama-3.1-8B', license: 'llama3.1' };

describe('checkCompatibility', () => {
  describe('Llama', () => {
    check('Llama 3.1 fine-tune relicensed apache-2.0 and not named Llama', { license: 'apache-2.0', modelName: 'acme/support-8b', baseModels: [llama31] }, [
      'error license/vendor-terms-not-kept base_model#0',
      'error license/naming-required base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3.1 fine-tune under llama3.1 named Llama-3.1-Acme', { license: 'llama3.1', modelName: 'acme/Llama-3.1-Acme-8B', baseModels: [llama31] }, [
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3.1 fine-tune under llama3.1, name not known', { license: 'llama3.1', baseModels: [llama31] }, [
      'information license/naming-required base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3.1 fine-tune under llama3.1 named acme-chat', { license: 'llama3.1', modelName: 'acme-chat', baseModels: [llama31] }, [
      'error license/naming-required base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3 fine-tune named Llama-3-Acme (needs "Llama 3")', { license: 'llama3', modelName: 'Llama-3-Acme', baseModels: [{ id: 'meta-llama/Meta-Llama-3-8B', license: 'llama3' }] }, [
      'information license/upstream-condition base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3 fine-tune named Llama-Acme lacks the "Llama 3" prefix', { license: 'llama3', modelName: 'Llama-Acme', baseModels: [{ id: 'meta-llama/Meta-Llama-3-8B', license: 'llama3' }] }, [
      'error license/naming-required base_model#0',
      'information license/upstream-condition base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 2 fine-tune under llama2 (no naming rule)', { license: 'llama2', modelName: 'acme-7b', baseModels: [{ id: 'meta-llama/Llama-2-7b-hf', license: 'llama2' }] }, [
      'information license/upstream-condition base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3.1 base under the llama3.2 license (another version of the terms)', { license: 'llama3.2', modelName: 'Llama-Acme', baseModels: [llama31] }, [
      'warning license/vendor-terms-not-kept base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3.2 vision fine-tune: EU multimodal condition', { license: 'llama3.2', modelName: 'Llama-3.2-Vision-Acme', baseModels: [{ id: 'meta-llama/Llama-3.2-11B-Vision', license: 'llama3.2' }] }, [
      'information license/upstream-condition base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('the issue example: Llama 3.1 base with a CC-BY-NC dataset under llama3.1', { license: 'llama3.1', modelName: 'Llama-3.1-Support', baseModels: [llama31], datasets: [{ id: 'acme/support-tickets', license: 'cc-by-nc-4.0' }] }, [
      'error license/non-commercial-upstream dataset#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Llama 3.1 synthetic data in an apache-2.0 model named acme-chat', { license: 'apache-2.0', modelName: 'acme-chat', datasets: [{ id: 'acme/llama-synthetic', license: 'llama3.1' }] }, [
      'warning license/naming-required dataset#0',
      'information license/upstream-condition dataset#0',
    ]);
    check('Llama 3 outputs used to train a non-Llama model (naming covers materials, not outputs, in Llama 3)', { license: 'apache-2.0', datasets: [{ id: 'acme/llama3-distill', license: 'llama3' }] }, [
      'information license/upstream-condition dataset#0',
      'warning license/upstream-condition dataset#0',
    ]);
  });

  describe('Gemma and other vendor terms', () => {
    check('Gemma base relicensed apache-2.0', { license: 'apache-2.0', baseModels: [{ id: 'google/gemma-2-9b', license: 'gemma' }] }, [
      'error license/vendor-terms-not-kept base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
    check('Gemma base under gemma', { license: 'gemma', baseModels: [{ id: 'google/gemma-2-9b', license: 'gemma' }] }, [
      'information license/upstream-condition base_model#0',
    ]);
    check('Gemma-generated data distilled into an MIT model', { license: 'mit', datasets: [{ id: 'acme/gemma-distill', license: 'gemma' }] }, [
      'warning license/vendor-terms-not-kept dataset#0',
      'information license/upstream-condition dataset#0',
    ]);
    check('Grok 2 base relicensed apache-2.0', { license: 'apache-2.0', baseModels: [{ id: 'xai-org/grok-2', license: 'grok2-community' }] }, [
      'error license/vendor-terms-not-kept base_model#0',
      'information license/upstream-condition base_model#0',
    ]);
  });

  describe('non-commercial and research-only', () => {
    check('CC-BY-NC dataset in an MIT model', { license: 'mit', datasets: [{ id: 'a/nc', license: 'cc-by-nc-4.0' }] }, ['error license/non-commercial-upstream dataset#0']);
    check('CC-BY-NC dataset in a CC-BY-NC model', { license: 'cc-by-nc-4.0', datasets: [{ id: 'a/nc', license: 'cc-by-nc-4.0' }] }, []);
    check('CC-BY-NC base model relicensed apache-2.0', { license: 'apache-2.0', baseModels: [{ id: 'a/nc-model', license: 'cc-by-nc-4.0' }] }, ['error license/non-commercial-upstream base_model#0']);
    check('CC-BY-NC-ND dataset in an MIT model', { license: 'mit', datasets: [{ id: 'a/ncnd', license: 'cc-by-nc-nd-4.0' }] }, [
      'error license/non-commercial-upstream dataset#0',
      'warning license/no-derivatives-upstream dataset#0',
    ]);
    check('research-only base relicensed apache-2.0', { license: 'apache-2.0', baseModels: [{ id: 'facebook/x', license: 'fair-noncommercial-research-license' }] }, ['error license/research-only-upstream base_model#0']);
    check('research-only dataset in a CC-BY-NC model', { license: 'cc-by-nc-4.0', datasets: [{ id: 'a/research', license: 'apple-amlr' }] }, ['warning license/research-only-upstream dataset#0']);
    check('NC dataset with a custom model license (information only)', { license: 'other', licenseName: 'acme-1.0', datasets: [{ id: 'a/nc', license: 'cc-by-nc-4.0' }] }, ['information license/non-commercial-upstream dataset#0']);
    check('one clean and two non-commercial datasets, one share-alike', { license: 'apache-2.0', datasets: [{ id: 'a/by', license: 'cc-by-4.0' }, { id: 'a/nc', license: 'cc-by-nc-4.0' }, { id: 'a/ncsa', license: 'cc-by-nc-sa-4.0' }] }, [
      'error license/non-commercial-upstream dataset#1',
      'error license/non-commercial-upstream dataset#2',
      'warning license/share-alike-upstream dataset#2',
    ]);
    check('an upstream license spelled the SPDX way is still understood', { license: 'mit', datasets: [{ id: 'a/nc', license: 'CC BY-NC 4.0' }] }, ['error license/non-commercial-upstream dataset#0']);
  });

  describe('share-alike and copyleft', () => {
    check('CC-BY-SA data in an Apache model', { license: 'apache-2.0', datasets: [{ id: 'wikipedia', license: 'cc-by-sa-4.0' }] }, ['warning license/share-alike-upstream dataset#0']);
    check('CC-BY-SA data in a CC-BY-SA model', { license: 'cc-by-sa-4.0', datasets: [{ id: 'wikipedia', license: 'cc-by-sa-4.0' }] }, []);
    check('CC-BY-SA 3.0 data in a CC-BY-SA 4.0 model (later version allowed)', { license: 'cc-by-sa-4.0', datasets: [{ id: 'old-wiki', license: 'cc-by-sa-3.0' }] }, []);
    check('CC-BY-SA base model relicensed MIT', { license: 'mit', baseModels: [{ id: 'a/sa-model', license: 'cc-by-sa-4.0' }] }, ['error license/share-alike-upstream base_model#0']);
    check('GPL-3.0 base model relicensed apache-2.0', { license: 'apache-2.0', baseModels: [{ id: 'a/gpl-model', license: 'gpl-3.0' }] }, ['error license/share-alike-upstream base_model#0']);
    check('GPL-3.0 base model under AGPL-3.0', { license: 'agpl-3.0', baseModels: [{ id: 'a/gpl-model', license: 'gpl-3.0' }] }, []);
    check('GPL code dataset in an MIT code model', { license: 'mit', datasets: [{ id: 'a/gpl-code', license: 'gpl-3.0' }] }, ['warning license/share-alike-upstream dataset#0']);
    check('MPL-2.0 base model relicensed apache-2.0', { license: 'apache-2.0', baseModels: [{ id: 'a/mpl-model', license: 'mpl-2.0' }] }, ['warning license/weak-copyleft-upstream base_model#0']);
    check('LGPL dataset in an MIT model (weak copyleft data: no finding)', { license: 'mit', datasets: [{ id: 'a/lgpl', license: 'lgpl-3.0' }] }, []);
    check('CDLA-Sharing data in an Apache model (trained models exempt)', { license: 'apache-2.0', datasets: [{ id: 'a/cdla', license: 'cdla-sharing-1.0' }] }, []);
    check('ODbL data in an Apache model (produced work)', { license: 'apache-2.0', datasets: [{ id: 'osm', license: 'odbl' }] }, []);
    check('CC-BY-ND base model, even under the same license', { license: 'cc-by-nd-4.0', baseModels: [{ id: 'a/nd-model', license: 'cc-by-nd-4.0' }] }, ['error license/no-derivatives-upstream base_model#0']);
  });

  describe('RAIL family', () => {
    check('OpenRAIL-M base in an MIT model', { license: 'mit', baseModels: [{ id: 'bigscience/bloomz', license: 'bigscience-openrail-m' }] }, ['error license/use-restrictions-dropped base_model#0']);
    check('CreativeML OpenRAIL-M base under the same license', { license: 'creativeml-openrail-m', baseModels: [{ id: 'CompVis/stable-diffusion-v1-4', license: 'creativeml-openrail-m' }] }, []);
    check('CreativeML OpenRAIL-M base under OpenRAIL++', { license: 'openrail++', baseModels: [{ id: 'CompVis/stable-diffusion-v1-4', license: 'creativeml-openrail-m' }] }, ['information license/use-restrictions-review base_model#0']);
    check('BigCode OpenRAIL-M base with GPL code data under the same RAIL license', { license: 'bigcode-openrail-m', baseModels: [{ id: 'bigcode/starcoder', license: 'bigcode-openrail-m' }], datasets: [{ id: 'a/gpl-code', license: 'gpl-3.0' }] }, ['warning license/share-alike-upstream dataset#0']);
    check('RAIL-licensed dataset in an Apache model', { license: 'apache-2.0', datasets: [{ id: 'a/rail-data', license: 'openrail' }] }, [
      'information license/family-upstream-license dataset#0',
      'warning license/use-restrictions-dropped dataset#0',
    ]);
  });

  describe('clean combinations', () => {
    check('apache base + apache data', { license: 'apache-2.0', baseModels: [{ id: 'a/base', license: 'apache-2.0' }], datasets: [{ id: 'a/data', license: 'apache-2.0' }] }, []);
    check('mit model + cc-by-4.0 data', { license: 'mit', datasets: [{ id: 'a/data', license: 'cc-by-4.0' }] }, []);
    check('merge of an apache and an MIT model under apache-2.0', { license: 'apache-2.0', baseModels: [{ id: 'a/x', license: 'apache-2.0' }, { id: 'b/y', license: 'mit' }] }, []);
    check('CC0 and public-domain data in a BSD model', { license: 'bsd-3-clause', datasets: [{ id: 'a/cc0', license: 'cc0-1.0' }, { id: 'a/pd', license: 'pddl' }] }, []);
    check('no upstream at all', { license: 'mit' }, []);
    check('nothing at all', {}, []);
  });

  describe('missing and unclear licenses', () => {
    check('base model without a license', { license: 'mit', baseModels: [{ id: 'a/base' }] }, ['warning license/missing-upstream-license base_model#0']);
    check('dataset with license unknown', { license: 'mit', datasets: [{ id: 'a/data', license: 'unknown' }] }, ['warning license/unknown-upstream-license dataset#0']);
    check('dataset with a custom license', { license: 'mit', datasets: [{ id: 'a/data', license: 'other', licenseName: 'acme-data-1.0' }] }, ['information license/custom-upstream-license dataset#0']);
    check('dataset with the cc family id', { license: 'mit', datasets: [{ id: 'a/data', license: 'cc' }] }, ['information license/family-upstream-license dataset#0']);
    check('model without a license but with upstream licenses', { baseModels: [{ id: 'a/base', license: 'apache-2.0' }] }, ['warning license/missing-license license']);
    check('model under the cc family id', { license: 'cc', baseModels: [{ id: 'a/base', license: 'apache-2.0' }] }, ['information license/family-id license']);
    check('malformed input never throws', { license: 42 as unknown as string, baseModels: [null as unknown as { id: string }, { id: 'x', license: 7 as unknown as string }], datasets: 'nope' as unknown as [] }, [
      'warning license/missing-upstream-license base_model#0',
      'warning license/missing-upstream-license base_model#1',
    ]);
  });

  after(() => {
    // Every code the engine emitted in this matrix is documented in the README rule matrix.
    const documented = new Set(LICENSE_RULES.map((r) => r.code));
    for (const code of emitted) assert.ok(documented.has(code), `${code} is missing from LICENSE_RULES`);
  });
});
