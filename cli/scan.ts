// PLACEHOLDER written by the lead so the build compiles; the PII-engine engineer owns this file and replaces it whole.
import { CliIo, EXIT_USAGE } from './io';

export async function runScan(_argv: string[], io: CliIo): Promise<number> {
  io.stderr('cardwright scan: not available in this build\n');
  return EXIT_USAGE;
}
