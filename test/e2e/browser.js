// Debian's Chromium driven by playwright-core: one fresh profile per workbench window, the page's
// console kept for the artifacts.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CARDWRIGHT_E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Opens a headless Chromium window on `url`.
 * @param {object} o
 * @param {string} o.url
 * @param {string} o.profileDir   fresh Chromium user-data-dir (created)
 * @param {NodeJS.ProcessEnv} o.env
 * @param {Record<string, Function>} [o.expose]  functions exposed to the page before it loads
 */
async function openWorkbench({ url, profileDir, env, expose = {} }) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install -y chromium)`);
  fs.mkdirSync(profileDir, { recursive: true });
  // A home of its own too: Chromium's crash handler may fall back to ~/.config/chromium.
  const home = `${profileDir}-home`;
  fs.mkdirSync(home, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...env, HOME: home },
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLines = [];
  page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.stack || err.message}`));
  for (const [name, fn] of Object.entries(expose)) await page.exposeFunction(name, fn);
  await page.goto(url);
  return {
    context,
    page,
    consoleLines,
    /** Saves a screenshot and the page console into `dir` under `name`; returns the screenshot path. */
    async saveArtifacts(dir, name) {
      fs.mkdirSync(dir, { recursive: true });
      const shot = path.join(dir, `${name}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      fs.writeFileSync(path.join(dir, `${name}.console.log`), `${consoleLines.join('\n')}\n`);
      return shot;
    },
    close: () => context.close(),
  };
}

module.exports = { openWorkbench };
