// With workspace trust on, the example project opens in Restricted Mode; validation still works.
'use strict';

const session = require('./session');
const { SQUIGGLE, slug } = session;

describe('an untrusted workspace (Restricted Mode)', function () {
  this.timeout(180_000);
  let current;

  afterEach(async function () {
    await session.closeWindow(current, slug(this.currentTest.fullTitle()));
    current = undefined;
  });

  it('still validates the card', async () => {
    current = await session.openWindow('restricted', { trust: true, openFile: 'model-card.yaml' });
    const { page } = current.window;
    await page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
    await page.locator(SQUIGGLE).first().waitFor({ timeout: 60_000 });
  });
});
