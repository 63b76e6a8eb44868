/** Runs the bundled CLI (dist/cli.js) as a user would, capturing output and exit code. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from '../../engine/packageRoot';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, timeoutMs = 120_000, env: Record<string, string> = {}): CliRun {
  const cli = path.join(packageRoot(__dirname), 'dist', 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding the given files (relative path -> content), removed by the returned function. */
export function tempProject(files: Record<string, string | Buffer>): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-test-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
