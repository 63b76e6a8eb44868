// The Test Classifier page in a real browser (headless Chromium, no VS Code): the strict CSP lets the
// nonce-tagged @vscode-elements bundle and page script run and nothing else, and hostile dataset
// text posted to the page stays text. Needs Debian's Chromium, one of the README's prerequisites.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { classifierHtml, createNonce } from '../../../client/webview/classifierHtml';
import { packageRoot } from '../../../engine/packageRoot';

const CHROMIUM = process.env.CARDWRIGHT_E2E_CHROMIUM || '/usr/bin/chromium';
const ORIGIN = 'https://cardwright-webview.test';
const root = packageRoot(__dirname);
const ELEMENTS = ['dist/webview/bundled.js', 'node_modules/@vscode-elements/elements/dist/bundled.js'].find((p) => fs.existsSync(path.join(root, p)))!;
const HOSTILE = 'Dana <img src=x onerror="window.__xss=1"> </script><script>window.__xss=2</script> <svg onload="window.__xss=3"></svg> dana@example.com';

describe('Test Classifier page in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} not found: install the prerequisites (README, "Set-up"; apt-get install -y chromium)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    const html = classifierHtml({
      cspSource: ORIGIN,
      nonce: createNonce(),
      elementsUri: `${ORIGIN}/${ELEMENTS}`,
      scriptUri: `${ORIGIN}/media/classifier.js`,
      styleUri: `${ORIGIN}/media/classifier.css`,
      initialText: HOSTILE,
      strings: {
        title: 'Test Classifier',
        placeholder: 'Type <img src=x onerror="window.__xss=4">',
        run: 'Run',
        tokens: 'Per-token scores',
        widgetExamples: 'Run on card widget examples',
        randomRow: 'Random sample row',
        model: 'Model',
        pickModel: 'Change…',
        noModel: 'No model',
        runtime: { running: 'Running…', entities: 'entities' },
      },
    });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
      const file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: fs.readFileSync(file) });
    });
    // Stands in for VS Code's webview host; injected by the browser, not by the page. (Browser code is
    // passed as strings: this project's TypeScript has no DOM types.)
    await page.addInitScript(`
      window.__posted = [];
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });
    `);
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(`window.__posted.some((m) => m.type === 'ready')`, undefined, { timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
  });

  it('runs the component library and the page script under the strict policy, with no violations', async () => {
    assert.equal(await page.evaluate(`Boolean(customElements.get('vscode-button') && customElements.get('vscode-textarea'))`), true);
    assert.deepEqual(await page.evaluate('window.__violations'), []);
  });

  it('enforces the policy: an inline script added to the page does not run', async () => {
    await page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s); })()`);
    await page.waitForFunction('window.__violations.length > 0', undefined, { timeout: 5_000 });
    assert.equal(await page.evaluate('window.__inline'), undefined);
    assert.match(String(await page.evaluate('window.__violations[0]')), /^script-src/);
  });

  it('posts Run with the text box content', async () => {
    await page.click('#cw-run');
    const posted = (await page.evaluate('window.__posted')) as Array<{ type: string; text?: string }>;
    const run = posted.find((m) => m.type === 'run');
    assert.ok(run, JSON.stringify(posted));
    assert.equal(run.text, HOSTILE);
  });

  it('renders hostile results as text: highlighted spans, no new elements, no script ran', async () => {
    const emailStart = HOSTILE.indexOf('dana@');
    const message = {
      type: 'results',
      items: [
        {
          text: HOSTILE,
          result: {
            spans: [
              { start: 0, end: 4, type: 'PERSON', score: 0.91, detectors: ['model'] },
              { start: emailStart, end: HOSTILE.length, type: 'EMAIL_ADDRESS<img src=x onerror="window.__xss=5">', score: 0.99, detectors: ['email'] },
            ],
            tokens: [{ start: 0, end: 4, token: '<svg onload="window.__xss=6">', label: 'B-PERSON', score: 0.9 }],
            inferenceMs: 7,
          },
        },
      ],
      model: { name: 'pii-small', path: '/m', sizeBytes: 1048576, quantization: 'int8', loadMs: 300 },
    };
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    await page.waitForSelector('#cw-results mark.cw-entity');
    const dom = (await page.evaluate(`({
      marks: [...document.querySelectorAll('#cw-results mark.cw-entity')].map((m) => [m.getAttribute('data-type'), m.firstChild && m.firstChild.textContent]),
      text: document.querySelector('#cw-results .cw-text').textContent,
      injected: document.querySelectorAll('#cw-results img, #cw-results svg, #cw-results script, body img, body svg').length,
      scripts: document.querySelectorAll('script[src]').length,
      xss: window.__xss,
      model: document.getElementById('cw-model').textContent,
      tokenCell: document.querySelector('#cw-results td.cw-token').textContent,
    })`)) as { marks: string[][]; text: string; injected: number; scripts: number; xss?: number; model: string; tokenCell: string };
    assert.equal(dom.xss, undefined);
    assert.equal(dom.injected, 0);
    assert.equal(dom.scripts, 2);
    assert.deepEqual(dom.marks, [
      ['PERSON', 'Dana'],
      ['EMAIL_ADDRESS<img src=x onerror="window.__xss=5">', 'dana@example.com'],
    ]);
    assert.ok(dom.text.includes('</script><script>window.__xss=2</script>'));
    assert.equal(dom.tokenCell, '<svg onload="window.__xss=6">');
    assert.match(dom.model, /^pii-small · 1\.0 MB · int8 · load 300 ms · inference 7 ms$/);
    const shot = path.join(os.tmpdir(), 'cardwright-classifier-page.png');
    await page.screenshot({ path: shot, fullPage: true });
  });

  it('draws context spans (organizations, places) unlike personal data, with a legend', async () => {
    const text = 'Dana rented from Hertz';
    const message = {
      type: 'results',
      items: [
        {
          text,
          result: {
            spans: [
              { start: 0, end: 4, type: 'PERSON', score: 0.91, detectors: ['model'] },
              { start: 17, end: 22, type: 'ORGANIZATION', score: 0.95, detectors: ['model'], context: true },
            ],
          },
        },
      ],
    };
    // What VS Code's webview host sets on <html> (a few theme colours of Dark Modern).
    const theme = {
      '--vscode-editor-findMatchHighlightBackground': 'rgba(234, 92, 0, 0.33)',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-orange': '#d18616',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-widget-border': '#313131',
      '--vscode-badge-background': '#616161',
      '--vscode-badge-foreground': '#f8f8f8',
      '--vscode-foreground': '#cccccc',
      '--vscode-editor-background': '#1f1f1f',
    };
    await page.evaluate(`(() => { for (const [name, value] of Object.entries(${JSON.stringify(theme)})) document.documentElement.style.setProperty(name, value); })()`);
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    await page.waitForSelector('#cw-results .cw-legend');
    const styles = (await page.evaluate(`(() => {
      const style = (selector) => { const s = getComputedStyle(document.querySelector(selector)); return [s.borderBottomStyle, s.backgroundColor, s.borderBottomColor]; };
      return {
        person: style('#cw-results .cw-text mark[data-type="PERSON"]'),
        organization: style('#cw-results .cw-text mark[data-type="ORGANIZATION"]'),
        legendMark: style('#cw-results .cw-legend mark'),
        legend: document.querySelector('#cw-results .cw-legend').textContent,
        visible: document.querySelector('#cw-results .cw-legend').getBoundingClientRect().height > 0,
      };
    })()`)) as { person: string[]; organization: string[]; legendMark: string[]; legend: string; visible: boolean };
    assert.deepEqual(styles.person, ['solid', 'rgba(234, 92, 0, 0.33)', 'rgb(55, 148, 255)']);
    assert.deepEqual(styles.organization, ['dashed', 'rgba(0, 0, 0, 0)', 'rgb(157, 157, 157)'], 'no fill, a dashed grey line');
    assert.deepEqual(styles.legendMark, styles.organization, 'the legend shows the same mark');
    assert.ok(styles.visible);
    assert.equal(styles.legend, 'ORGANIZATION context: not personal data by itself');
    await page.screenshot({ path: path.join(os.tmpdir(), 'cardwright-classifier-context.png'), fullPage: true });
  });
});
