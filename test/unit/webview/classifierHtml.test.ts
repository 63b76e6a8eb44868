import * as assert from 'node:assert/strict';
import { classifierHtml, ClassifierPage, ClassifierStrings, contentSecurityPolicy, createNonce, escapeHtml } from '../../../client/webview/classifierHtml';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '<!-- --><iframe src="javascript:alert(1)"></iframe>',
];

function strings(label: (key: string) => string): ClassifierStrings {
  const keys = ['title', 'placeholder', 'run', 'tokens', 'widgetExamples', 'randomRow', 'model', 'pickModel', 'noModel', 'piiModel', 'cardModel', 'cancel'] as const;
  return { ...Object.fromEntries(keys.map((k) => [k, label(k)])), runtime: { running: label('running'), empty: label('empty') } } as unknown as ClassifierStrings;
}

function page(overrides: Partial<ClassifierPage> = {}): ClassifierPage {
  return {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
    elementsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/bundled.js',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/classifier.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/classifier.css',
    strings: strings((key) => `Label ${key}`),
    ...overrides,
  };
}

/** Tag names and attribute names of the markup, in order (a tiny tokenizer that honours quotes). */
function tags(html: string): Array<{ name: string; attributes: string[] }> {
  const out: Array<{ name: string; attributes: string[] }> = [];
  const tag = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
  for (const m of html.matchAll(tag)) {
    const attributes = [...m[2].matchAll(/\s+([^\s=>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g)].map((a) => a[1].toLowerCase());
    out.push({ name: m[1].toLowerCase(), attributes });
  }
  return out;
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'no CSP meta tag');
  return m[1].replace(/&#39;/g, "'");
}

describe('Test Classifier HTML', () => {
  it('has a strict Content-Security-Policy before any resource', () => {
    const html = classifierHtml(page());
    const csp = cspOf(html);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-bm9uY2Utb2YtdGhlLXRlc3Q='"]);
    for (const [name, values] of directives) {
      for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", '*', 'https:', 'http:']) assert.ok(!values.includes(forbidden), `${name} allows ${forbidden}`);
    }
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), 'CSP must come before the stylesheet');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'CSP must come before scripts');
  });

  it('loads only nonce-tagged external scripts, with no inline code, handlers or styles', () => {
    const html = classifierHtml(page());
    const scripts = tags(html).filter((t) => t.name === 'script');
    assert.equal(scripts.length, 2);
    assert.equal([...html.matchAll(/<script type="module" nonce="bm9uY2Utb2YtdGhlLXRlc3Q=" src="[^"]+"><\/script>/g)].length, 2);
    for (const t of tags(html)) {
      assert.ok(!t.attributes.some((a) => a.startsWith('on')), `<${t.name}> has an inline handler`);
      assert.ok(!t.attributes.includes('style'), `<${t.name}> has an inline style`);
    }
    assert.doesNotMatch(html, /javascript:/i);
    assert.doesNotMatch(html, /<style/i);
  });

  it('keeps hostile labels and initial text inert (same tags as with plain text)', () => {
    const plain = tags(classifierHtml(page({ initialText: 'hello' }))).map((t) => `${t.name}(${t.attributes.join(',')})`);
    for (const payload of PAYLOADS) {
      const html = classifierHtml(page({ initialText: payload, strings: strings((key) => `${key} ${payload}`) }));
      assert.deepEqual(tags(html).map((t) => `${t.name}(${t.attributes.join(',')})`), plain, payload);
      assert.ok(html.includes(escapeHtml(payload)), 'the payload is shown, escaped');
      assert.equal(html.split('</script>').length - 1, 2, 'no extra script end tags');
    }
  });

  it('passes runtime labels as an escaped JSON data attribute that round-trips', () => {
    const runtime = { running: PAYLOADS[1], empty: PAYLOADS[0] };
    const html = classifierHtml(page({ strings: { ...strings((k) => k), runtime } }));
    const m = /<body data-l10n="([^"]*)">/.exec(html);
    assert.ok(m);
    const decoded = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), runtime);
  });

  it('escapes resource URIs and the nonce', () => {
    const html = classifierHtml(page({ scriptUri: 'https://x/a.js"><script>alert(1)</script>', nonce: 'a"b' }));
    assert.equal(tags(html).filter((t) => t.name === 'script').length, 2);
    assert.ok(cspOf(html).includes("'nonce-a\"b'") || cspOf(html).includes("'nonce-a&quot;b'"));
  });

  it('creates a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]+=*$/);
      assert.equal(Buffer.from(nonce, 'base64').length, 16);
    }
  });

  it('the policy names the webview source for styles and fonts only', () => {
    const csp = contentSecurityPolicy('vscode-webview://abc', 'n');
    assert.match(csp, /style-src vscode-webview:\/\/abc(;|$)/);
    assert.match(csp, /font-src vscode-webview:\/\/abc(;|$)/);
    assert.doesNotMatch(csp, /connect-src|frame-src/);
  });
});
