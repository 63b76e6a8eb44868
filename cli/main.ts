/** `cardwright <command>`: the command-line adapter over the same engine as the language server. */
import { CHECK_USAGE, runCheck } from './check';
import { runExport } from './export';
import { runScan } from './scan';
import { packageVersion } from '../engine/packageRoot';
import { CliIo, EXIT_USAGE } from './io';

const USAGE = `Usage: cardwright <command> [options]

Commands:
  check [paths...]   validate model cards and README front matter (--format text|json|sarif)
  scan [paths...]    scan dataset samples for personal data (--format text|json|sarif)
  export [card]      write the card as a CycloneDX 1.6 ML-BOM (--format cyclonedx, -o file)
  help [command]     show help

Run \`cardwright <command> --help\` for a command's options.`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  scan: runScan,
  export: runExport,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    if (rest[0] === 'check') io.stdout(`${CHECK_USAGE}\n`);
    else if (rest[0] && COMMANDS[rest[0]]) return COMMANDS[rest[0]](['--help'], io);
    else io.stdout(`${USAGE}\n`);
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`cardwright: unknown command '${name}'\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  return command(rest, io);
}

if (require.main === module) {
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cardwright: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
