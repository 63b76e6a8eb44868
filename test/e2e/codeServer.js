// One code-server instance for the end-to-end tests: isolated folders under a run folder, a free
// loopback port, no auth, the extension installed before start, and a process group of its own
// that `stop()` ends (only that group).
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const http = require('node:http');
const { spawn, spawnSync } = require('node:child_process');
const { waitFor } = require('./waitFor');

/** User settings that keep the workbench quiet and deterministic. */
function userSettings({ trust }) {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'files.autoSave': 'off',
    'editor.hover.delay': 100,
    'security.workspace.trust.enabled': trust,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
    'security.workspace.trust.untrustedFiles': 'open',
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * The environment for code-server and everything it starts: XDG folders and TMPDIR inside the
 * run folder, so nothing is written into the home folder or /tmp.
 */
function isolatedEnv(runDir) {
  const env = { ...process.env };
  for (const [name, sub] of [['XDG_CONFIG_HOME', 'xdg/config'], ['XDG_DATA_HOME', 'xdg/data'], ['XDG_CACHE_HOME', 'xdg/cache'], ['TMPDIR', 'tmp']]) {
    env[name] = path.join(runDir, sub);
    fs.mkdirSync(env[name], { recursive: true });
  }
  // The extension host inherits this environment; nothing in it may point at the developer's VS Code.
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') delete env[name];
  }
  return env;
}

/**
 * Starts code-server.
 * @param {object} o
 * @param {string} o.entry        code-server's out/node/entry.js
 * @param {string} o.runDir       folder for this instance's state and logs (created)
 * @param {string} o.workspace    folder to open
 * @param {string[]} [o.vsixes]   extensions to install before start
 * @param {boolean} [o.trust]     workspace trust on (restricted mode) or off
 * @param {(line: string) => void} [o.log]
 */
async function startCodeServer({ entry, runDir, workspace, vsixes = [], trust = false, log = () => {} }) {
  fs.mkdirSync(runDir, { recursive: true });
  const env = isolatedEnv(runDir);
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings({ trust }), null, 2)}\n`);
  const port = await freePort();
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of vsixes) {
    const res = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
    fs.appendFileSync(path.join(runDir, 'install-extension.log'), `${res.stdout}\n${res.stderr}\n`);
    if (res.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${res.status}): ${res.stderr || res.stdout}`);
  }

  const serverLog = path.join(runDir, 'code-server.log');
  const out = fs.openSync(serverLog, 'a');
  const args = [
    entry, ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trust ? [] : ['--disable-workspace-trust']),
    workspace,
  ];
  // detached: the server leads a new session and process group (setsid), so stop() can end it
  // with everything it started (extension hosts, language servers) and nothing else.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  // Ends the whole group even when the server itself already exited: extension hosts and
  // language servers it started may still be running.
  const stop = async () => {
    const group = -child.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      return; // no process of the group is left
    }
    const gone = () => {
      try {
        process.kill(group, 0);
        return false;
      } catch {
        return true;
      }
    };
    try {
      await waitFor(gone, { timeoutMs: 5000, what: 'code-server process group to exit' });
    } catch {
      try {
        process.kill(group, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  try {
    await waitFor(async () => {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${serverLog}`);
      return (await httpStatus(`${baseUrl}/healthz`)) === 200;
    }, { timeoutMs: 60_000, intervalMs: 200, what: `code-server /healthz on port ${port}` });
  } catch (err) {
    await stop();
    throw err;
  }
  log(`e2e: code-server on ${baseUrl} (pid ${child.pid}, trust ${trust ? 'on' : 'off'}, log ${serverLog})`);

  return {
    port,
    baseUrl,
    runDir,
    userDataDir,
    serverLog,
    /** A workbench URL for `folder` with the given payload entries. */
    workbenchUrl(folder, payload = []) {
      const params = new URLSearchParams({ folder });
      if (payload.length > 0) params.set('payload', JSON.stringify(payload));
      return `${baseUrl}/?${params}`;
    },
    /** A `vscode-remote:` URI for a path on this server, as the browser must name it. */
    remoteUri(fsPath) {
      return `vscode-remote://127.0.0.1:${port}${fsPath}`;
    },
    stop,
  };
}

module.exports = { startCodeServer, isolatedEnv };
