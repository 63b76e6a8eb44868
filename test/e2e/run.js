#!/usr/bin/env node
// End-to-end tests of the packaged extension in a real VS Code (code-server + Debian Chromium).
//
//   npm run test:e2e [-- options]           (node test/e2e/run.js)
//     --only inhost|ui     run one kind of test
//     --grep TEXT          only tests whose title contains TEXT (both kinds)
//     --repeat N           run everything N times on fresh servers (flakiness check)
//     --vsix FILE          test this .vsix instead of running `npm run package`
//     --examples DIR       workspace template instead of examples/
//     --keep               keep the run's state folders (user data, extensions, workspaces)
//
// Two kinds of tests: mocha suites inside the extension host with the real `vscode` API
// (test/e2e/inhost/*.ts, started through the workbench payload), and UI tests driving the
// workbench in Chromium (test/e2e/ui/*.test.js). Screenshots and the code-server, workbench and
// extension-host logs of each run go to .e2e/runs/<timestamp>/artifacts/.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { spawnSync } = require('node:child_process');
const Mocha = require('mocha');
const { ensureCodeServer, isInstalled } = require('./installCodeServer');
const { SetupError, checkPrerequisites } = require('./prerequisites');
const { buildInhostHarness } = require('./inhostHarness');
const { waitFor } = require('./waitFor');
const session = require('./ui/session');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RUNS_DIR = path.join(REPO_ROOT, '.e2e', 'runs');
const KEEP_RUNS = 10;
const INHOST_TIMEOUT_MS = 300_000;

function parseArgs(argv) {
  const args = { only: null, grep: null, repeat: 1, vsix: null, examples: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new SetupError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--only') args.only = value();
    else if (a === '--grep') args.grep = value();
    else if (a === '--repeat') args.repeat = Number(value());
    else if (a === '--vsix') args.vsix = value();
    else if (a === '--examples') args.examples = value();
    else if (a === '--keep') args.keep = true;
    else throw new SetupError(`unknown option ${a}`);
  }
  if (args.only && !['inhost', 'ui'].includes(args.only)) throw new SetupError('--only takes inhost or ui');
  if (!Number.isInteger(args.repeat) || args.repeat < 1) throw new SetupError('--repeat takes a positive integer');
  return args;
}

function log(line) {
  console.log(line);
}

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/**
 * The .vsix to test: --vsix, $CARDWRIGHT_E2E_VSIX, or a fresh `npm run package` written into
 * `outDir` (not the repository root, which other runs may be packaging into at the same time).
 */
function resolveVsix(explicit, outDir) {
  const given = explicit || process.env.CARDWRIGHT_E2E_VSIX;
  if (given) {
    const file = path.resolve(given);
    if (!fs.existsSync(file)) throw new SetupError(`${file} does not exist`);
    return file;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) throw new SetupError('package.json has no "package" script; pass --vsix FILE');
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${pkg.name}-${pkg.version}.vsix`);
  const res = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', file], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) throw new SetupError(`npm run package failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  if (!fs.existsSync(file)) throw new SetupError(`npm run package did not produce ${file}`);
  log(`e2e: packaged ${path.relative(REPO_ROOT, file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${seconds(started)} s`);
  return file;
}

/** Runs the in-host mocha suites in a workbench window; returns {passed, failed}. */
async function runInhostSuites({ runDir, artifactsDir }) {
  const started = Date.now();
  const harness = buildInhostHarness(path.join(runDir, 'harness'));
  const srv = await session.server();
  let exit = null;
  const automationLog = [];
  let echo = false;
  const win = await session.openWindow('inhost', {
    payload: [
      ['extensionDevelopmentPath', srv.remoteUri(harness.dir)],
      ['extensionTestsPath', srv.remoteUri(harness.entry)],
    ],
    expose: {
      codeAutomationExit: (code, logs) => {
        exit = { code, logs };
      },
      codeAutomationLog: (type, args) => {
        const text = Array.isArray(args) ? util.format(...args) : String(args);
        automationLog.push(`[${type}] ${text}`);
        // Echo the mocha report (and whatever the extension host logs meanwhile) as it comes.
        if (text.includes('cardwright-e2e: in-host suites end')) echo = false;
        if (echo) log(text);
        if (text.includes('cardwright-e2e: in-host suites start')) echo = true;
      },
    },
  });
  let summary;
  try {
    await waitFor(() => exit, { timeoutMs: INHOST_TIMEOUT_MS, intervalMs: 250, what: 'the in-host suites to report (codeAutomationExit)' });
    summary = fs.existsSync(harness.resultFile)
      ? JSON.parse(fs.readFileSync(harness.resultFile, 'utf8'))
      : { passed: 0, failed: 1, failures: [{ title: 'in-host suites', error: `exit code ${exit.code} and no result.json: the suites did not load` }] };
    if (exit.code !== 0 && summary.failed === 0) {
      summary.failed = 1;
      summary.failures.push({ title: 'in-host suites', error: `the extension host reported exit code ${exit.code} although no test failed` });
    }
  } catch (err) {
    summary = { passed: 0, failed: 1, failures: [{ title: 'in-host suites', error: err.message }] };
  }
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(path.join(artifactsDir, 'inhost.log'), `${automationLog.join('\n')}\n`);
  for (const item of exit?.logs ?? []) {
    const file = path.join(artifactsDir, 'logs', 'inhost-workbench', item.relativePath ?? 'unnamed.log');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, item.contents ?? '');
  }
  await session.closeWindow(win, 'inhost-suites');
  log(`\nin-host suites (${seconds(started)} s): ${summary.passed} passing, ${summary.failed} failing`);
  for (const f of summary.failures) log(`  FAILED ${f.title}\n    ${f.error.split('\n').slice(0, 6).join('\n    ')}`);
  return { passed: summary.passed, failed: summary.failed };
}

/** Runs the UI suites with mocha in this process; returns {passed, failed}. */
async function runUiSuites({ grep }) {
  const started = Date.now();
  const mocha = new Mocha({ reporter: 'spec', timeout: 180_000, color: false });
  if (grep) mocha.grep(grep);
  const dir = path.join(__dirname, 'ui');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const counts = { passed: 0, failed: 0 };
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
  });
  mocha.unloadFiles();
  log(`UI suites (${seconds(started)} s): ${counts.passed} passing, ${counts.failed} failing`);
  return counts;
}

function copyLogs(servers, artifactsDir) {
  for (const { key, userDataDir, serverLog } of servers) {
    const dest = path.join(artifactsDir, 'logs', key);
    fs.mkdirSync(dest, { recursive: true });
    if (fs.existsSync(path.join(userDataDir, 'logs'))) fs.cpSync(path.join(userDataDir, 'logs'), dest, { recursive: true });
    if (fs.existsSync(serverLog)) fs.copyFileSync(serverLog, path.join(dest, 'code-server.log'));
  }
}

function pruneOldRuns() {
  if (!fs.existsSync(RUNS_DIR)) return;
  const runs = fs.readdirSync(RUNS_DIR).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_RUNS))) fs.rmSync(path.join(RUNS_DIR, old), { recursive: true, force: true });
}

async function runOnce(args, { entry, vsix, examplesDir }) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const runDir = path.join(RUNS_DIR, stamp);
  // Servers, browsers and workspaces live under a short temporary folder: Chromium and VS Code
  // create Unix sockets in TMPDIR, whose paths may not exceed 107 bytes.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-e2e-'));
  const artifactsDir = path.join(runDir, 'artifacts');
  fs.mkdirSync(artifactsDir, { recursive: true });
  session.configure({ entry, runDir: stateDir, artifactsDir, examplesDir, vsixes: [vsix], log });
  const counts = { passed: 0, failed: 0 };
  const add = (c) => {
    counts.passed += c.passed;
    counts.failed += c.failed;
  };
  try {
    if (args.only !== 'ui') add(await runInhostSuites({ runDir, artifactsDir }));
    if (args.only !== 'inhost') add(await runUiSuites(args));
  } catch (err) {
    log(`e2e: ${err.stack || err.message}`);
    counts.failed += 1;
  } finally {
    copyLogs(await session.shutdown(), artifactsDir);
    if (args.keep) log(`e2e: kept state in ${stateDir}`);
    else fs.rmSync(stateDir, { recursive: true, force: true });
  }
  log(`artifacts: ${artifactsDir}`);
  for (const shot of session.state.screenshots.splice(0)) log(`  screenshot ${path.relative(artifactsDir, shot)}`);
  log(`  logs       ${path.join(artifactsDir, 'logs')}`);
  return counts;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.grep) process.env.CARDWRIGHT_E2E_GREP = args.grep;
  const started = Date.now();
  // Every missing system package at once, before anything is built or installed.
  checkPrerequisites({ installing: !isInstalled() });
  const { entry } = await ensureCodeServer({ log });
  const vsix = resolveVsix(args.vsix, path.join(RUNS_DIR, '..', 'package'));
  const examplesDir = path.resolve(args.examples || process.env.CARDWRIGHT_E2E_EXAMPLES || path.join(REPO_ROOT, 'examples'));
  if (!fs.existsSync(examplesDir)) throw new SetupError(`${examplesDir} does not exist`);
  pruneOldRuns();

  const total = { passed: 0, failed: 0 };
  const rounds = [];
  for (let round = 1; round <= args.repeat; round++) {
    const roundStart = Date.now();
    if (args.repeat > 1) log(`\n=== e2e round ${round}/${args.repeat} ===`);
    const counts = await runOnce(args, { entry, vsix, examplesDir });
    rounds.push({ round, ...counts, seconds: seconds(roundStart) });
    total.passed += counts.passed;
    total.failed += counts.failed;
  }
  if (args.repeat > 1) {
    for (const r of rounds) log(`round ${r.round}: ${r.passed} passed, ${r.failed} failed, ${r.seconds} s`);
    log(`${rounds.filter((r) => r.failed === 0).length}/${args.repeat} rounds green`);
  }
  log(`e2e: ${seconds(started)} s in all`);
  log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // A set-up problem is told in its own words; anything else is a bug and keeps its stack.
    console.error(`e2e: ${err instanceof SetupError ? err.message : err.stack || err.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
