#!/usr/bin/env node
// Installs the pinned code-server (VS Code's real server, extension host and workbench) into a
// cached tools folder outside the project's dependencies: <repo>/.tools/code-server-<version>/.
//
//   node test/e2e/installCodeServer.js     installs if missing, prints the entry point
//
// Idempotent: a folder that holds a finished, verified install is reused as is. The install works
// offline except for the npm registry, given the system packages in .ci/prerequisites.txt:
//   - code-server 4.100.3 is the last release whose install script accepts Node 20;
//   - @vscode/ripgrep's postinstall downloads from GitHub, so its download cache is pre-seeded with
//     Debian's /usr/bin/rg packed as the tarball it expects;
//   - kerberos builds from source against Debian's libkrb5-dev;
//   - node-pty's install runs `npx node-gyp`, which npm refuses unless npm_config_yes=true;
//   - code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true, and it
//     runs its own nested `npm install` in lib/vscode and lib/vscode/extensions.
// npm 11 lists dependency install scripts that no `allowScripts` entry covers, but still runs them
// (advisory mode). The outer ones are approved in the tools package.json below; the nested installs
// read code-server's own package.json, which has no such field, so a future npm that blocks
// unreviewed scripts would skip them: `verifyInstall` then fails with a message saying so.
// An install is staged in .tools/code-server-<version>.partial-<pid>/ and renamed when complete; a
// failed or interrupted install removes its staging folder, and the next run removes any left by
// a process that no longer exists.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { SetupError, checkPrerequisites } = require('./prerequisites');

const CODE_SERVER_VERSION = '4.100.3';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TOOLS_DIR = path.join(REPO_ROOT, '.tools', `code-server-${CODE_SERVER_VERSION}`);
const MARKER = '.install-complete.json';

// What @vscode/ripgrep 1.15.11 (pinned by code-server 4.100.3) looks for in its download cache.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Files that exist only when every native install script of code-server ran. */
const NATIVE_PARTS = [
  'lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'lib/vscode/node_modules.asar',
];

function codeServerPaths(root = TOOLS_DIR) {
  const pkgDir = path.join(root, 'node_modules', 'code-server');
  return { root, pkgDir, entry: path.join(pkgDir, 'out', 'node', 'entry.js') };
}

/** Runs `code-server --version` without letting it write into the home folder. */
function readVersion(entry) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-cs-version-'));
  try {
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_CACHE_HOME: path.join(scratch, 'cache'),
    };
    const res = spawnSync(process.execPath, [entry, '--version'], { env, encoding: 'utf8', timeout: 60_000 });
    // It prints a log line before the version when it writes its default config.
    const match = /^(\d+\.\d+\.\d+) /m.exec(`${res.stdout || ''}`);
    return match ? match[1] : `${res.stdout || ''}${res.stderr || ''}`.trim();
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Returns a list of problems with the install at `root` (empty when it is usable). */
function verifyInstall(root = TOOLS_DIR) {
  const { pkgDir, entry } = codeServerPaths(root);
  if (!fs.existsSync(entry)) return [`missing ${entry}`];
  const problems = [];
  for (const rel of NATIVE_PARTS) {
    if (!fs.existsSync(path.join(pkgDir, rel))) {
      problems.push(`missing ${rel} (an install script did not run; if npm now blocks unreviewed install scripts, ` +
        'set npm_config_dangerously_allow_all_scripts=true for this install only)');
    }
  }
  if (problems.length === 0) {
    const version = readVersion(entry);
    if (version !== CODE_SERVER_VERSION) problems.push(`\`code-server --version\` printed "${version}"`);
  }
  return problems;
}

function isInstalled(root = TOOLS_DIR) {
  return fs.existsSync(path.join(root, MARKER)) && verifyInstall(root).length === 0;
}

function seedRipgrepCache(tmpDir) {
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new SetupError('ripgrep is not installed (apt-get install -y ripgrep): code-server needs it offline');
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const packDir = path.join(tmpDir, 'rg-pack');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(packDir, { recursive: true });
  fs.copyFileSync(rg, path.join(packDir, 'rg'));
  fs.chmodSync(path.join(packDir, 'rg'), 0o755);
  const res = spawnSync('tar', ['czf', path.join(cacheDir, RIPGREP_ASSET), '-C', packDir, 'rg'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('could not pack /usr/bin/rg for the @vscode/ripgrep cache');
}

/** The staging folders of installs whose process is gone (killed, or the machine restarted). */
function stalePartials(toolsDir = path.dirname(TOOLS_DIR)) {
  if (!fs.existsSync(toolsDir)) return [];
  return fs.readdirSync(toolsDir)
    .map((name) => ({ name, match: /^code-server-.+\.partial-(\d+)$/.exec(name) }))
    .filter(({ match }) => match && !processExists(Number(match[1])))
    .map(({ name }) => path.join(toolsDir, name));
}

function processExists(pid) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function runLogged(cmd, args, options, logFile, onChild = () => {}) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', log, log] });
    onChild(child);
    child.on('error', reject);
    child.on('close', (code) => {
      fs.closeSync(log);
      resolve(code);
    });
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Makes sure the pinned code-server is installed and returns its paths.
 * @param {{log?: (line: string) => void}} [options]
 */
async function ensureCodeServer({ log = (line) => console.log(line) } = {}) {
  for (const stale of stalePartials()) {
    log(`e2e: removing ${path.relative(REPO_ROOT, stale)}, left by an install that did not finish`);
    fs.rmSync(stale, { recursive: true, force: true });
  }
  if (isInstalled()) return codeServerPaths();

  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    throw new SetupError(`code-server ${CODE_SERVER_VERSION} installs only on Node 20 (this is Node ${process.versions.node})`);
  }
  checkPrerequisites({ installing: true });
  const staging = `${TOOLS_DIR}.partial-${process.pid}`;
  // Whatever ends the install early (an error, Ctrl-C, a kill), the staging folder goes with it.
  let child;
  const removeStaging = () => fs.rmSync(staging, { recursive: true, force: true });
  const onSignal = (signal) => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
    removeStaging();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await install(staging, log, (c) => (child = c));
  } catch (err) {
    removeStaging();
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

async function install(staging, log, onChild) {
  const logFile = `${TOOLS_DIR}.install.log`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, '.tmp'), { recursive: true });
  fs.writeFileSync(logFile, '');
  const started = Date.now();
  log(`e2e: installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, TOOLS_DIR)} (log: ${logFile})`);

  // Its own package.json makes `staging` the npm project: the repository's package.json and
  // .npmrc are not read.
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify({
    name: 'cardwright-e2e-tools',
    private: true,
    description: 'code-server for Cardwright end-to-end tests; installed by test/e2e/installCodeServer.js',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  }, null, 2)}\n`);
  seedRipgrepCache(path.join(staging, '.tmp'));

  const env = {
    ...process.env,
    TMPDIR: path.join(staging, '.tmp'),
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    XDG_CONFIG_HOME: path.join(staging, '.tmp', 'config'),
    XDG_DATA_HOME: path.join(staging, '.tmp', 'data'),
    XDG_CACHE_HOME: path.join(staging, '.tmp', 'cache'),
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = await runLogged(npm, ['install', '--foreground-scripts'], { cwd: staging, env }, logFile, onChild);
  if (code !== 0) {
    throw new SetupError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); last lines of ${logFile}:\n${tail(logFile, 30)}`);
  }
  const problems = verifyInstall(staging);
  if (problems.length > 0) throw new SetupError(`code-server install is incomplete:\n  ${problems.join('\n  ')}\nsee ${logFile}`);

  fs.rmSync(path.join(staging, '.tmp'), { recursive: true, force: true });
  const seconds = Math.round((Date.now() - started) / 1000);
  fs.writeFileSync(path.join(staging, MARKER), `${JSON.stringify({ version: CODE_SERVER_VERSION, seconds, node: process.version, at: new Date().toISOString() })}\n`);
  fs.rmSync(TOOLS_DIR, { recursive: true, force: true });
  fs.renameSync(staging, TOOLS_DIR);
  log(`e2e: code-server@${CODE_SERVER_VERSION} installed in ${seconds} s`);
  return codeServerPaths();
}

module.exports = { CODE_SERVER_VERSION, TOOLS_DIR, ensureCodeServer, verifyInstall, isInstalled, stalePartials };

if (require.main === module) {
  ensureCodeServer().then(
    (paths) => console.log(paths.entry),
    (err) => {
      console.error(`e2e: ${err instanceof SetupError ? err.message : err.stack}`);
      process.exit(1);
    },
  );
}
