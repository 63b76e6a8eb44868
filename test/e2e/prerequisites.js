// The system packages the end-to-end tests need (.ci/prerequisites.txt, the one list that .ci/run
// and README.md use too), checked all at once so that a new machine learns everything it lacks
// from one line, with the command that installs it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const LIST = path.resolve(__dirname, '..', '..', '.ci', 'prerequisites.txt');

/** An error whose message is the whole story: the runner prints it without a stack trace. */
class SetupError extends Error {}

/** @returns {{name: string, proof: string, when: 'browser'|'install', why: string}[]} */
function readPrerequisites(file = LIST) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [name, proof, when, ...why] = line.trim().split(/\s+/);
      if (!/^(file|command):/.test(proof) || !['browser', 'install'].includes(when)) throw new Error(`${file}: cannot read "${line}"`);
      return { name, proof, when, why: why.join(' ') };
    });
}

function onPath(command, env) {
  return (env.PATH || '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The packages that are missing.
 * @param {{installing: boolean, env?: NodeJS.ProcessEnv, exists?: (file: string) => boolean, list?: string}} options
 *   installing: code-server still has to be installed (its build tools are needed too)
 */
function missingPrerequisites({ installing, env = process.env, exists = fs.existsSync, list = LIST }) {
  return readPrerequisites(list)
    .filter((p) => installing || p.when === 'browser')
    .filter((p) => {
      const [kind, what] = [p.proof.slice(0, p.proof.indexOf(':')), p.proof.slice(p.proof.indexOf(':') + 1)];
      if (p.name === 'chromium' && env.CARDWRIGHT_E2E_CHROMIUM) return !exists(env.CARDWRIGHT_E2E_CHROMIUM);
      return kind === 'file' ? !exists(what) : !onPath(what, env);
    })
    .map((p) => p.name);
}

/** The one line that says what is missing and how to install it. */
function missingMessage(names) {
  return `missing system packages: ${names.join(', ')}. Install them (as root) with: apt-get install -y ${names.join(' ')}`;
}

/** Throws a SetupError naming every missing package. */
function checkPrerequisites(options) {
  const missing = missingPrerequisites(options);
  if (missing.length > 0) throw new SetupError(missingMessage(missing));
}

module.exports = { SetupError, readPrerequisites, missingPrerequisites, missingMessage, checkPrerequisites, LIST };
