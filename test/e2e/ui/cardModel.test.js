// The card's own model in the workbench: the fixture sentiment card (card-model/, its tiny model next
// to it) open, the Test Classifier switched to "This card's model", its widget examples run from the
// sidebar, every label shown as a bar with its score under the example's title.
'use strict';

const assert = require('node:assert/strict');
const session = require('./session');
const { waitFor } = require('../waitFor');

const { SQUIGGLE, slug, frameWith } = session;

describe('the card\'s own model in the Test Classifier', function () {
  this.timeout(180_000);
  let win;
  let page;

  before(async () => {
    win = await session.openWindow('card-model', { openFile: 'card-model/model-card.yaml' });
    page = win.window.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    // The email address in the third widget example is a warning on the card.
    await page.locator(SQUIGGLE).first().waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    await session.screenshot(win, slug(this.currentTest.fullTitle()));
  });

  after(async () => {
    await session.closeWindow(win);
  });

  it('runs the card\'s widget examples on its model and shows each label\'s score', async () => {
    const container = page.locator('.activitybar .action-item').filter({ has: page.locator('a[aria-label^="Cardwright"]') }).first();
    await container.waitFor({ timeout: 15_000 });
    const header = page.locator('.pane-header').filter({ hasText: /^Test Classifier/ }).first();
    if (!(await header.isVisible())) await container.click();
    await header.waitFor({ timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const findingsHeader = page.locator('.pane-header').filter({ hasText: /^Findings/ }).first();
    if ((await findingsHeader.getAttribute('aria-expanded')) === 'true') await findingsHeader.click();

    const frame = await frameWith(page, '#cw-target-card');
    await frame.locator('#cw-target-card').click();
    const described = frame.locator('#cw-card-model');
    await waitFor(async () => /cardwright-tiny-sentiment/.test(await described.innerText()),
      { timeoutMs: 30_000, intervalMs: 250, what: "the card's model described in the sidebar" });
    const line = await described.innerText();
    assert.match(line, /text-classification/);
    assert.match(line, /KB/);
    assert.match(line, /next to the card/);

    await frame.locator('#cw-widget').click();
    const results = frame.locator('#cw-results');
    await waitFor(async () => (await results.locator('.cw-card-result').count()) === 3,
      { timeoutMs: 90_000, intervalMs: 250, what: 'three widget example results' });
    const first = results.locator('.cw-card-result').first();
    assert.equal(await first.locator('.cw-title').innerText(), 'Happy customer');
    const rows = first.locator('.cw-bar-row');
    assert.equal(await rows.count(), 2);
    assert.equal(await rows.nth(0).getAttribute('data-label'), 'POSITIVE');
    assert.ok(Number(await rows.nth(0).getAttribute('data-score')) > 0.9);
    assert.equal(await rows.nth(1).getAttribute('data-label'), 'NEGATIVE');
    assert.match(await rows.nth(0).innerText(), /POSITIVE\s*0\.9\d\d/);
    const width = await rows.nth(0).locator('.cw-bar-fill').evaluate((el) => el.getBoundingClientRect().width / el.parentElement.getBoundingClientRect().width);
    assert.ok(width > 0.9, `the POSITIVE bar fills ${width} of its track`);
    const second = results.locator('.cw-card-result').nth(1);
    assert.equal(await second.locator('.cw-title').innerText(), 'Unhappy customer');
    assert.equal(await second.locator('.cw-bar-row').first().getAttribute('data-label'), 'NEGATIVE');
    assert.equal(await results.locator('.cw-mismatch').count(), 0);
    await first.scrollIntoViewIfNeeded();
    await session.screenshot(win, 'readme-card-model');
  });
});
