// Shared state of one e2e run for the UI suites: the code-server instances (one with workspace
// trust off, one with it on, started on first use), fresh workspace copies, and workbench windows
// whose screenshot and console land in the artifacts folder after each test.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { startCodeServer, isolatedEnv } = require('../codeServer');
const { openWorkbench } = require('../browser');
const { slug } = require('../screenshotName');
const { waitFor } = require('../waitFor');

/** An error or warning squiggle in any editor. */
const SQUIGGLE = '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning';

const state = {
  options: null,
  servers: new Map(),
  windows: [],
  workspaces: 0,
  screenshots: [],
};

/**
 * Called once by the runner before any suite runs.
 * @param {{entry: string, runDir: string, artifactsDir: string, examplesDir: string, vsixes: string[], log: (s: string) => void}} options
 */
function configure(options) {
  state.options = options;
}

function options() {
  if (!state.options) throw new Error('the e2e session is not configured (run the suites through test/e2e/run.js)');
  return state.options;
}

/** The code-server instance for this trust mode, started on first use. */
async function server({ trust = false } = {}) {
  const key = trust ? 'trust-on' : 'trust-off';
  if (!state.servers.has(key)) {
    const o = options();
    const started = startCodeServer({
      entry: o.entry,
      runDir: path.join(o.runDir, `srv-${key}`),
      workspace: copyWorkspace(`${key}-default`),
      vsixes: o.vsixes,
      trust,
      log: o.log,
    });
    state.servers.set(key, started);
    started.catch(() => state.servers.delete(key));
  }
  return state.servers.get(key);
}

/** The sentiment card with its own tiny model (training/tinyTextClassifier.py), copied in as card-model/. */
const CARD_MODEL_FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'card-model');

/** A fresh copy of the example project, so that no test sees another test's edits. */
function copyWorkspace(name) {
  const o = options();
  state.workspaces += 1;
  const dir = path.join(o.runDir, 'ws', `${String(state.workspaces).padStart(2, '0')}-${name}`);
  fs.cpSync(o.examplesDir, dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'card-model'))) fs.cpSync(CARD_MODEL_FIXTURE, path.join(dir, 'card-model'), { recursive: true });
  return dir;
}

/**
 * Opens a workbench window on a fresh workspace copy.
 * @param {string} name  used for the workspace, profile and artifact names
 * @param {{trust?: boolean, openFile?: string, payload?: [string, string][], expose?: Record<string, Function>}} [o]
 */
async function openWindow(name, { trust = false, openFile, payload = [], expose } = {}) {
  const o = options();
  const srv = await server({ trust });
  const workspace = copyWorkspace(name);
  const entries = [...payload];
  if (openFile) {
    if (!fs.existsSync(path.join(workspace, openFile))) throw new Error(`the example project has no ${openFile}`);
    entries.push(['openFile', srv.remoteUri(path.join(workspace, openFile))], ['skipWelcome', 'true']);
  }
  const window = await openWorkbench({
    url: srv.workbenchUrl(workspace, entries),
    profileDir: path.join(o.runDir, 'chromium', name),
    env: isolatedEnv(path.join(o.runDir, 'chr')),
    expose,
  });
  const entry = { name, window, workspace, server: srv };
  state.windows.push(entry);
  return entry;
}

/** Saves a screenshot and the console of a window into the artifacts folder. */
async function screenshot(entry, label = entry.name) {
  if (!entry) return;
  const shot = await entry.window.saveArtifacts(path.join(options().artifactsDir, 'screenshots'), label);
  state.screenshots.push(shot);
}

/** Closes a window (after a last screenshot when `label` is given). */
async function closeWindow(entry, label) {
  if (!entry) return;
  if (label) await screenshot(entry, label);
  await entry.window.close().catch(() => undefined);
  state.windows = state.windows.filter((w) => w !== entry);
}

/** Stops every server and closes every window; returns the servers' user-data folders. */
async function shutdown() {
  for (const w of [...state.windows]) await closeWindow(w, `${w.name}-at-shutdown`);
  const userDataDirs = [];
  for (const [key, pending] of state.servers) {
    const srv = await pending.catch(() => null);
    if (!srv) continue;
    await srv.stop();
    userDataDirs.push({ key, userDataDir: srv.userDataDir, serverLog: srv.serverLog });
  }
  state.servers.clear();
  return userDataDirs;
}

/** The frame (inside the webview's nested iframes) that holds the element `selector`. */
async function frameWith(page, selector) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    return undefined;
  }, { timeoutMs: 30_000, intervalMs: 250, what: `a webview frame with ${selector}` });
}

module.exports = { SQUIGGLE, slug, frameWith, configure, server, copyWorkspace, openWindow, screenshot, closeWindow, shutdown, state };
