/** Completion at `$0` cursors: keys, values, sections, in model-card.yaml and README front matter, mid-typing. */
import * as assert from 'node:assert/strict';
import { testAnalyzer } from '../../support/analyzer';
import { complete } from '../../../core/completion';
import { accept, completionsAt, labels } from './featureFixture';

describe('completion', function () {
  this.timeout(20_000);
  it('offers the keys of the mapping at the cursor, leaving out those already present', () => {
    const top = labels(`
      license: mit
      language: [en]
      $0
    `);
    assert.ok(top.includes('pipeline_tag') && top.includes('base_model') && top.includes('privacy'), top.join());
    assert.ok(!top.includes('license') && !top.includes('language'), 'present keys are left out');
    const privacy = labels(`
      privacy:
        personal_data: true
        $0
        retention: P2Y
    `);
    assert.ok(privacy.includes('pii_categories') && privacy.includes('anonymization'), privacy.join());
    assert.ok(!privacy.includes('personal_data') && !privacy.includes('retention'), privacy.join());
    assert.ok(!privacy.includes('license'), 'only keys of this mapping');
  });

  it('puts required keys first and says so, with the schema description as documentation', () => {
    const { items } = completionsAt(`
      upstream:
        base_models:
          - license: mit
            $0
    `);
    assert.equal(items[0].label, 'id');
    assert.equal(items[0].detail, 'required');
    assert.ok(items.every((item, i) => i === 0 || item.sortText >= items[i - 1].sortText || item.kind === 'snippet'));
    const license = completionsAt('lic$0').items.find((item) => item.label === 'license');
    assert.match(license?.documentation ?? '', /Hub license id/);
  });

  it('writes the key with the value layout its schema expects, at the cursor column', () => {
    assert.equal(accept('compliance:\n  $0', 'gdpr'), 'compliance:\n  gdpr:\n    ');
    assert.equal(accept('privacy:\n  pii$0', 'pii_categories'), 'privacy:\n  pii_categories:\n    - ');
    assert.equal(accept('pipe$0', 'pipeline_tag'), 'pipeline_tag: ');
    assert.equal(accept('pipe$0: x', 'pipeline_tag'), 'pipeline_tag: x', 'an existing colon is kept');
    const item = completionsAt('lic$0').items.find((i) => i.label === 'license');
    assert.equal(item?.retrigger, true, 'a key with choices asks for value completion next');
  });

  it('offers license ids with their names and a one-line summary of restrictions', () => {
    const { items } = completionsAt('license: cc-by-n$0');
    const nc = items.find((item) => item.label === 'cc-by-nc-4.0');
    assert.equal(nc?.detail, 'Creative Commons Attribution Non Commercial 4.0');
    assert.match(nc?.documentation ?? '', /non-commercial/i);
    const llama = items.find((item) => item.label === 'llama3.1');
    assert.match(llama?.documentation ?? '', /700M monthly-active-user/);
    assert.equal(accept('license: cc-by-n$0', 'cc-by-nc-4.0'), 'license: cc-by-nc-4.0');
    assert.equal(accept('license: Apache 2.0$0 # note', 'apache-2.0'), 'license: apache-2.0 # note');
    assert.equal(accept('license:$0', 'mit'), 'license: mit', 'a space is added after a bare colon');
    const upstream = labels('upstream:\n  datasets:\n    - id: acme/x\n      license: $0');
    assert.ok(upstream.includes('cc-by-sa-4.0'), 'upstream licenses too');
  });

  it('offers language codes in block and flow lists, without those already listed', () => {
    const block = completionsAt('language:\n  - en\n  - f$0\n  - de');
    assert.ok(block.items.some((item) => item.label === 'fr' && item.detail === 'French'));
    assert.ok(!block.items.some((item) => item.label === 'en' || item.label === 'de'));
    const flow = labels('language: [en, $0]');
    assert.ok(flow.includes('es') && !flow.includes('en'));
    assert.equal(accept('language: [en, $0]', 'ja'), 'language: [en, ja]');
    assert.equal(accept('language:\n  - $0', 'no'), 'language:\n  - "no"', 'Norwegian is quoted so YAML 1.1 readers do not see false');
    assert.ok(labels('language: $0').includes('yue'), 'common 639-3 codes');
  });

  it('offers enum values with their descriptions: pipeline tags, lawful bases, risk categories, PII categories', () => {
    const tags = completionsAt('---\nlicense: mit\npipeline_tag: text-$0\n---\n# Model\n', { fileName: 'README.md' }).items;
    assert.ok(tags.some((item) => item.label === 'text-generation' && item.documentation));
    const bases = labels('compliance:\n  gdpr:\n    lawful_basis: $0');
    assert.deepEqual(bases, ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests']);
    assert.deepEqual(labels('compliance:\n  eu_ai_act:\n    risk_category: $0').sort(), ['high', 'limited', 'minimal', 'prohibited']);
    const pii = labels('privacy:\n  pii_categories:\n    - PERSON\n    - $0');
    assert.ok(pii.includes('EMAIL_ADDRESS') && !pii.includes('PERSON'));
    assert.ok(labels('library_name: $0').includes('transformers'), 'library names from the schema examples');
    assert.deepEqual(labels('privacy:\n  personal_data: $0'), ['true', 'false']);
  });

  it('offers whole sections as snippets with tab stops, indented where they go', () => {
    const { items } = completionsAt('license: mit\npriv$0');
    const section = items.find((item) => item.label === 'privacy section');
    assert.ok(section?.isSnippet && /\$\{1\|true,false\|\}/.test(section.insertText));
    const text = accept('license: mit\npriv$0', 'privacy section');
    assert.match(text, /^privacy:\n {2}personal_data: true\n {2}pii_categories: \[PERSON\]\n/m);
    assert.ok(!labels('privacy:\n  personal_data: false\n$0').includes('privacy section'), 'not when the section exists');
    const entry = accept('model-index:\n  - $0', 'model-index entry');
    assert.equal(entry.split('\n').slice(0, 4).join('\n'), 'model-index:\n  - name: my-model\n    results:\n      - task:');
    const analysis = testAnalyzer().analyze({ text: entry, fileName: 'model-card.yaml' });
    assert.deepEqual(analysis.findings.map((f) => f.code), [], 'the entry skeleton is a valid model-index');
    for (const name of ['upstream', 'compliance', 'model-index']) {
      const written = accept('license: mit\n$0', `${name} section`);
      const findings = testAnalyzer().analyze({ text: written, fileName: 'model-card.yaml' }).findings;
      assert.ok(!findings.some((f) => f.code.startsWith('yaml/') || f.code.startsWith('schema/')), `${name}: ${findings.map((f) => f.code)}`);
    }
  });

  it('works in README front matter and nowhere else in the README', () => {
    assert.ok(labels('---\nlicense: mit\n$0\n---\n# Title\n', { fileName: 'README.md' }).includes('datasets'));
    assert.deepEqual(labels('---\nlicense: mit\n---\n# Title\n$0', { fileName: 'README.md' }), []);
    assert.deepEqual(labels('# No front matter\n$0', { fileName: 'README.md' }), []);
  });

  it('keeps working in broken YAML mid-typing, and stays quiet in comments and prose', () => {
    const broken = labels(`
      license: [mit
      privacy:
        personal_data: {
        pii$0
    `);
    assert.ok(broken.includes('pii_categories'), broken.join());
    assert.deepEqual(labels('# a comment li$0'), []);
    assert.deepEqual(labels('intended_use: Drafting replies for $0'), []);
    assert.ok(labels('datasets:\n- acme/a\n- $0\nlicense: mit').length === 0, 'dataset ids have no fixed values');
    assert.ok(labels('upstream:\n  datasets:\n  - id: a\n    $0').includes('samples'), 'indentless lists');
  });

  it('uses the line breaks of the file (CRLF)', () => {
    assert.equal(accept('compliance:\r\n  $0', 'gdpr'), 'compliance:\r\n  gdpr:\r\n    ');
  });

  it('never throws and always replaces a range on the cursor line, at every offset of odd inputs', () => {
    const inputs = ['', '-', ':', '- - -', 'a:\n  - b: [c, {d: e}]\n  - "f: g"\n', '---\n---\n', "k: 'x\n", 'license: |\n  text\n  more', '\t\tlicense: mit', '[\n', 'a: &x 1\nb: *x\n'];
    for (const text of inputs) {
      for (let offset = 0; offset <= text.length; offset++) {
        const items = complete(testAnalyzer(), { text, fileName: 'model-card.yaml', offset });
        for (const item of items) assert.ok(item.start <= offset && offset <= item.end && !text.slice(item.start, item.end).includes('\n'), `${JSON.stringify(text)} @${offset}`);
      }
    }
  });
});
