// The example card in the workbench, as a user sees it: squiggles, Problems entries, hovers and
// the command palette. One workbench window for the suite (opening one costs ~20 s on 2 cores);
// every test starts by closing what the previous one opened, and ends with a screenshot.
'use strict';

const assert = require('node:assert/strict');
const session = require('./session');
const { waitFor } = require('../waitFor');

const { SQUIGGLE, slug } = session;

describe('the example card in the workbench', function () {
  this.timeout(180_000);
  let win;
  let page;

  before(async () => {
    win = await session.openWindow('card', { openFile: 'model-card.yaml' });
    page = win.window.page;
    await page.locator(SQUIGGLE).first().waitFor({ timeout: 60_000 });
  });

  beforeEach(async () => {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines').first().click();
  });

  afterEach(async function () {
    await session.screenshot(win, slug(this.currentTest.fullTitle()));
  });

  after(async () => {
    await session.closeWindow(win);
  });

  it('shows squiggles and Cardwright entries in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    const texts = await waitFor(async () => {
      const all = await rows.allInnerTexts();
      return all.some((t) => t.includes('Cardwright')) && all;
    }, { timeoutMs: 30_000, what: 'a Cardwright row in the Problems panel' });
    assert.ok(texts.filter((t) => t.includes('Cardwright')).length >= 1);
    await session.screenshot(win, 'problems-panel');
    await page.keyboard.press('Control+Shift+M');
  });

  it('shows the finding in a hover over a squiggle', async () => {
    const squiggle = page.locator(SQUIGGLE).first();
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Cardwright' });
    // The hover opens where the mouse rests; move onto the squiggle until it shows.
    await waitFor(async () => {
      const box = await squiggle.boundingBox();
      if (!box) return false;
      await page.mouse.move(box.x + 1, box.y + box.height / 2);
      await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
      return hover.first().waitFor({ timeout: 2000 }).then(() => true, () => false);
    }, { timeoutMs: 30_000, intervalMs: 250, what: 'a hover naming Cardwright over the first squiggle' });
    assert.match(await hover.first().innerText(), /Cardwright/);
  });

  it('runs "Cardwright: Show Output" from the command palette', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill('>Cardwright: Show Output');
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Show Output' }).first();
    await row.waitFor({ timeout: 15_000 });
    await session.screenshot(win, 'command-palette');
    await page.keyboard.press('Enter');
    // The Output view opens with the extension's channel chosen in its channel picker.
    const picker = page.locator('.part.panel select.monaco-select-box');
    await waitFor(async () => {
      if (!(await picker.first().isVisible())) return false;
      const chosen = await picker.first().evaluate((el) => el.options[el.selectedIndex]?.text ?? '');
      return /Cardwright/.test(chosen);
    }, { timeoutMs: 15_000, what: 'the Output view showing the Cardwright channel' });
  });
});
