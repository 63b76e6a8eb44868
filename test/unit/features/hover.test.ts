/** Hover at `$0` cursors: field meaning and rule, license facts, enum values, language codes, findings. */
import * as assert from 'node:assert/strict';
import { hover } from '../../../core/hover';
import { testAnalyzer } from '../../support/analyzer';
import { hoverAt } from './featureFixture';

describe('hover', function () {
  this.timeout(20_000);
  it('explains a key with its schema description and the rule behind it', () => {
    const result = hoverAt('privacy:\n  personal_d$0ata: true');
    assert.ok(result);
    assert.match(result.markdown, /\*\*personal_data\*\* in `privacy`/);
    assert.match(result.markdown, /GDPR Art\. 4\(1\)/, 'the schema description');
    assert.match(result.markdown, /_Rule:_ .*pii_categories.*lawful_basis/, 'the rule JSON Schema cannot state');
    assert.equal(result.markdown.includes('Why'), false, 'no finding here');
    const nested = hoverAt('upstream:\n  datasets:\n    - id: a\n      sam$0ples: [x.csv]', { files: ['x.csv'] });
    assert.match(nested?.markdown ?? '', /\*\*samples\*\* in `upstream.datasets\[\]`[\s\S]*must exist/);
  });

  it('marks required keys and lists short enums', () => {
    const result = hoverAt('model-index:\n  - na$0me: m\n    results: []');
    assert.match(result?.markdown ?? '', /\*\*name\*\* in `model-index\[\]` \(required\)/);
    assert.match(hoverAt('compliance:\n  eu_ai_act:\n    risk_cat$0egory: high\n    technical_documentation: d.md')?.markdown ?? '', /Values: `prohibited`, `high`, `limited`, `minimal`/);
  });

  it('gives a license id its facts, sources and link', () => {
    const result = hoverAt('license: llama$03.1');
    assert.ok(result);
    assert.match(result.markdown, /\*\*Llama 3\.1 Community License Agreement\*\*/);
    assert.match(result.markdown, /700 million monthly active users/);
    assert.match(result.markdown, /begins with "Llama"/);
    assert.match(result.markdown, /\[License terms\]\(https:\/\/huggingface\.co\/meta-llama/);
    assert.match(result.markdown, /not legal advice/);
    const sa = hoverAt('upstream:\n  datasets:\n    - id: a\n      license: cc-by-sa-4$0.0');
    assert.match(sa?.markdown ?? '', /Share-alike: .*Sec\. 3\(b\)/);
    const misspelt = hoverAt('license: Apache 2$0.0');
    assert.match(misspelt?.markdown ?? '', /reads as `apache-2.0`/);
  });

  it('explains enum values and language codes', () => {
    assert.match(hoverAt('compliance:\n  gdpr:\n    lawful_basis: legitimate_inte$0rests')?.markdown ?? '', /^\*\*legitimate_interests\*\*: .*Art\. 6\(1\)\(f\)/);
    assert.equal(hoverAt('language:\n  - f$0r')?.markdown, '**fr**: French (ISO 639)');
    assert.match(hoverAt('language: [en, es-E$0S]')?.markdown ?? '', /accepts only `es` \(Spanish\)/);
  });

  it('says why a finding under the cursor exists, with its source', () => {
    const typo = hoverAt('licen$0ce: mit');
    assert.match(typo?.markdown ?? '', /\*\*Why `hub\/unknown-key`:\*\* The Hub keeps keys it does not know/);
    const rule = hoverAt('privacy:\n  personal_data: tr$0ue');
    assert.match(rule?.markdown ?? '', /Why `privacy\/missing-pii-categories`[\s\S]*Source: GDPR Art\. 13/);
  });

  it('has nothing to say on blank lines, comments and unknown values; never throws', () => {
    assert.equal(hoverAt('license: mit\n$0\n'), undefined);
    assert.equal(hoverAt('license: mit\n# a comm$0ent'), undefined);
    assert.equal(hoverAt('---\nlicense: mit\n---\n# Ti$0tle', { fileName: 'README.md' }), undefined);
    for (const text of ['', ':', '- [', 'a: {b: [c', '"unterminated: x\n', 'k: |\n  x']) {
      for (let offset = 0; offset <= text.length; offset++) hover(testAnalyzer(), { text, fileName: 'model-card.yaml', offset });
    }
  });

  it('works in README front matter', () => {
    const result = hoverAt('---\nlicense: m$0it\n---\n# Model\n', { fileName: 'README.md' });
    assert.match(result?.markdown ?? '', /\*\*MIT\*\*/);
    assert.equal(result?.start, 13);
  });
});
