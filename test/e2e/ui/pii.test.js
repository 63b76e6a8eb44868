// What a user does with the example project in the workbench: fix a finding from the lightbulb,
// run "Scan Dataset for PII" from the command palette (progress, summary, Findings view, Problems),
// and try the Test Classifier sidebar. One workbench window for the suite, in this order; each test
// ends with a screenshot (1280x800, the size of the README's pictures).
'use strict';

const assert = require('node:assert/strict');
const session = require('./session');
const { waitFor } = require('../waitFor');

const { SQUIGGLE, slug, frameWith } = session;

/** Parks the mouse on blank editor space, so that no tooltip covers a screenshot. */
const REST = [1000, 290];

/** The text of the visible editor lines, with Monaco's non-breaking spaces made plain. */
async function editorText(page) {
  return (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

async function showProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.first().isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.first().waitFor({ state: 'visible', timeout: 15_000 });
  return panel.locator('.monaco-list-row');
}

async function runFromPalette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Records every notification toast that appears from now on (a fast scan's progress may last < 1 s). */
async function recordToasts(page) {
  await page.evaluate(() => {
    const seen = [];
    window.__cardwrightToasts = seen;
    const record = () => {
      for (const toast of document.querySelectorAll('.notification-toast')) {
        const text = toast.querySelector('.notification-list-item-message')?.textContent ?? toast.textContent ?? '';
        const buttons = [...toast.querySelectorAll('.monaco-button')].map((b) => b.textContent.trim()).filter(Boolean);
        const progress = Boolean(toast.querySelector('.monaco-progress-container:not(.done)'));
        if (!seen.some((s) => s.text === text)) seen.push({ text, buttons, progress });
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => window.__cardwrightToasts);
}

/**
 * Widens the side bar by dragging its edge, so that the README screenshots show file names and
 * their descriptions in full. Best effort: a workbench that does not follow leaves the width as is.
 */
async function widenSideBar(page, width) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar || bar.width >= width) return;
  const x = bar.x + bar.width;
  const y = bar.y + bar.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(bar.x + width, y, { steps: 8 });
  await page.mouse.up();
}

describe('PII features in the workbench', function () {
  this.timeout(180_000);
  let win;
  let page;

  before(async () => {
    win = await session.openWindow('pii', { openFile: 'model-card.yaml' });
    page = win.window.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator(SQUIGGLE).first().waitFor({ timeout: 60_000 });
    await widenSideBar(page, 430);
  });

  afterEach(async function () {
    await session.screenshot(win, slug(this.currentTest.fullTitle()));
  });

  after(async () => {
    await session.closeWindow(win);
  });

  it('fixes `es-ES` with the quick fix from the lightbulb', async () => {
    const rows = await showProblems(page);
    await waitFor(async () => (await rows.allInnerTexts()).some((t) => t.includes('es-ES')),
      { timeoutMs: 30_000, what: 'the `es-ES` finding in the Problems panel' });
    await session.screenshot(win, 'readme-diagnostics');

    const token = page.locator('.monaco-editor .view-line span span').filter({ hasText: /^es-ES$/ }).first();
    await token.waitFor({ timeout: 15_000 });
    const box = await token.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row.action').filter({ hasText: 'region suffix' }).first();
    await fix.waitFor({ timeout: 15_000 });
    assert.match(await fix.innerText(), /es-ES.*\bes\b/);
    await session.screenshot(win, 'quick-fix-menu');
    // The menu blocks the mouse until it moves; choose with the keyboard, as most users do.
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    await waitFor(async () => {
      if (/region suffix/.test(await focused.first().innerText().catch(() => ''))) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, { timeoutMs: 10_000, intervalMs: 200, what: 'the region-suffix fix to be focused in the quick fix menu' });
    await page.keyboard.press('Enter');

    await waitFor(async () => {
      const text = await editorText(page);
      return /^\s*- es$/m.test(text) && !text.includes('es-ES');
    }, { timeoutMs: 15_000, what: 'the card to read `- es` instead of `- es-ES`' });
    await waitFor(async () => !(await rows.allInnerTexts()).some((t) => t.includes('es-ES')),
      { timeoutMs: 15_000, what: 'the `es-ES` finding to leave the Problems panel' });
  });

  it('scans the dataset from the command palette and shows the findings', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines').first().click();
    const toasts = await recordToasts(page);
    await runFromPalette(page, 'Cardwright: Scan Dataset for PII');

    const progressText = /scanning for PII/i;
    const summaryText = /\d+ findings? in \d+ files?/;
    const summary = page.locator('.notification-toast').filter({ hasText: summaryText }).first();
    await summary.waitFor({ timeout: 120_000 });
    const seen = await toasts();
    const progress = seen.find((t) => progressText.test(t.text));
    assert.ok(progress, `no progress notification appeared (saw: ${JSON.stringify(seen)})`);
    assert.ok(progress.buttons.includes('Cancel'), `the progress notification has no Cancel button (${JSON.stringify(progress)})`);
    await waitFor(async () => (await page.locator('.notification-toast').filter({ hasText: progressText }).count()) === 0,
      { timeoutMs: 15_000, what: 'the progress notification to end' });
    // The card lists four samples; one of them does not exist.
    assert.match(await summary.innerText(), /findings in 3 files; 1 file skipped: not found/);

    // "Show Findings" on the summary opens the Findings view.
    await summary.locator('.monaco-button').filter({ hasText: 'Show Findings' }).click();
    await page.mouse.move(...REST);
    const findingsPane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Findings/ }) });
    const findingRows = findingsPane.locator('.monaco-list-row');
    await waitFor(async () => {
      const texts = await findingRows.allInnerTexts();
      return texts.some((t) => t.includes('tickets-sample.jsonl')) && texts.some((t) => t.includes('EMAIL_ADDRESS'));
    }, { timeoutMs: 30_000, what: 'Findings view rows for tickets-sample.jsonl and EMAIL_ADDRESS' });

    // The card's own findings come first in the Problems panel; filter to the PII entries as a user would.
    const rows = await showProblems(page);
    const filter = page.locator('.part.panel .viewpane-filter input').first();
    await filter.fill('Cardwright PII');
    try {
      let last = [];
      const texts = await waitFor(async () => {
        last = await rows.allInnerTexts();
        // The list is virtualized: the first sample file (customers-sample.csv) is what is rendered.
        return last.some((t) => /^(customers|tickets|faq)-sample\.(csv|jsonl|txt)/.test(t))
          && last.some((t) => /Cardwright PII\s*\(?EMAIL_ADDRESS/.test(t)) && last;
      }, { timeoutMs: 30_000, what: '"Cardwright PII" EMAIL_ADDRESS entries of a sample file in the Problems panel' })
        .catch((err) => { throw new Error(`${err.message}; rows: ${JSON.stringify(last)}`); });
      assert.ok(!texts.some((t) => t.startsWith('model-card.yaml')), 'the filter left the card\'s findings in the panel');
      await session.screenshot(win, 'readme-scan');
    } finally {
      await filter.fill('');
    }
  });

  it('highlights entities in the Test Classifier sidebar', async () => {
    // The Cardwright container in the activity bar holds the view.
    const container = page.locator('.activitybar .action-item').filter({ has: page.locator('a[aria-label^="Cardwright"]') }).first();
    await container.waitFor({ timeout: 15_000 });
    const header = page.locator('.pane-header').filter({ hasText: /^Test Classifier/ }).first();
    if (!(await header.isVisible())) await container.click();
    await header.waitFor({ timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // Room for the results: fold the Findings view above it.
    const findingsHeader = page.locator('.pane-header').filter({ hasText: /^Findings/ }).first();
    if ((await findingsHeader.getAttribute('aria-expanded')) === 'true') await findingsHeader.click();

    const frame = await frameWith(page, '#cw-text');
    const email = 'dana.w@example.com';
    await frame.locator('#cw-text textarea').fill(`Hi, I'm Dana Whitfield. Write to ${email} or call +1 415 555 0132.`);
    await frame.locator('#cw-run').click();
    const mark = frame.locator('mark.cw-entity[data-type="EMAIL_ADDRESS"]').first();
    await mark.waitFor({ timeout: 90_000 });
    assert.ok((await mark.innerText()).includes(email), `the EMAIL_ADDRESS mark reads "${await mark.innerText()}"`);
    await mark.scrollIntoViewIfNeeded();
    await page.mouse.move(...REST);
    await waitFor(async () => !/^\s*$/.test(await frame.locator('#cw-model').innerText()),
      { timeoutMs: 15_000, what: 'the model description' });
    await session.screenshot(win, 'readme-classifier');

    // The card's widget examples and a random sample record come from the language server.
    await frame.locator('#cw-widget').click();
    await waitFor(async () => {
      const results = await frame.locator('#cw-results').innerText();
      return results.includes('order #4471') && results.includes('ending 4242');
    }, { timeoutMs: 30_000, intervalMs: 250, what: "both widget examples of the card in the results" });
    assert.ok(await frame.locator('#cw-results mark.cw-entity[data-type="EMAIL_ADDRESS"]').count() > 0, 'the second widget example has an email address');
    await frame.locator('#cw-random').click();
    await waitFor(async () => {
      const text = await frame.locator('#cw-text textarea').inputValue();
      return text.length > 0 && !text.startsWith("Hi, I'm Dana Whitfield. Write to");
    }, { timeoutMs: 30_000, intervalMs: 250, what: 'a sample record in the text box' });
  });
});
