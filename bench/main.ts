/** `npm run bench -- <name...>`: runs the named benchmarks (all when none is named) and prints numbers. */
import { benchComplete } from './complete';
import { benchFuzzScan } from './fuzzScan';
import { benchTypingDuringScan } from './typingDuringScan';
import { benchValidate } from './validate';

const BENCHES: Record<string, () => Promise<void>> = {
  validate: benchValidate,
  complete: benchComplete,
  typing: benchTypingDuringScan,
  'fuzz-scan': benchFuzzScan,
};

async function main(): Promise<void> {
  // Bench names come first; options after them (`fuzz-scan --seconds 60`) are read by the benches.
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((arg) => arg.startsWith('--'));
  const names = firstOption < 0 ? args : args.slice(0, firstOption);
  const chosen = names.length ? names : Object.keys(BENCHES);
  for (const name of chosen) {
    const bench = BENCHES[name];
    if (!bench) {
      console.error(`unknown bench '${name}'; available: ${Object.keys(BENCHES).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    console.log(`== ${name}`);
    await bench();
  }
}

void main();
