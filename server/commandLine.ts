/**
 * The server's own command line, for editors other than VS Code that start it as
 * `cardwright-language-server --stdio`. VS Code's client passes `--node-ipc`; with no transport
 * at all the server talks over stdio, as most editors expect.
 */
import { packageVersion } from '../engine/packageRoot';

const TRANSPORTS = ['--stdio', '--node-ipc', '--pipe', '--socket'];

export const LANGUAGE_SERVER_USAGE = `Usage: cardwright-language-server [--stdio]

Cardwright's language server for model cards (model-card.yaml, README.md front matter) and their
dataset samples. It speaks the Language Server Protocol over stdio; configure your editor to start
it and to send it YAML and Markdown files. See README.md, "The language server in other editors".

  --stdio     talk over stdin/stdout (the default)
  --version   print the version
  --help      print this help`;

/** Handles --help/--version (and exits); adds --stdio when no transport was given. */
export function handleCommandLine(argv: string[] = process.argv, io: { out: (text: string) => void; exit: (code: number) => void } = defaultIo()): void {
  const args = argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return io.exit((io.out(`${LANGUAGE_SERVER_USAGE}\n`), 0));
  if (args.includes('--version') || args.includes('-v')) return io.exit((io.out(`${packageVersion()}\n`), 0));
  const hasTransport = args.some((arg) => TRANSPORTS.some((transport) => arg === transport || arg.startsWith(`${transport}=`)));
  if (!hasTransport && typeof process.send !== 'function') argv.push('--stdio');
}

function defaultIo() {
  return { out: (text: string) => void process.stdout.write(text), exit: (code: number) => process.exit(code) };
}
