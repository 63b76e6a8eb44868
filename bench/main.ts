/**
 * `npm run bench -- <name> [--option value ...] ...`: runs the named benchmarks (all the quick ones
 * when none is named) and prints numbers. Options after a name go to that benchmark.
 */
import { benchComplete } from './complete';
import { benchFuzzServer } from './fuzzServer';
import { benchFuzzScan } from './fuzzScan';
import { benchModelLoad } from './modelLoad';
import { benchTypingDuringScan } from './typingDuringScan';
import { benchValidate } from './validate';

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  validate: benchValidate,
  complete: benchComplete,
  typing: benchTypingDuringScan,
  fuzz: benchFuzzServer,
  'fuzz-scan': benchFuzzScan,
  'model-load': benchModelLoad,
};

/** Long-running benchmarks run only when named. */
const ON_REQUEST = new Set(['fuzz', 'fuzz-scan']);

async function main(): Promise<void> {
  const runs: { name: string; args: string[] }[] = [];
  for (const arg of process.argv.slice(2)) {
    if (Object.hasOwn(BENCHES, arg)) runs.push({ name: arg, args: [] });
    else if (runs.length > 0 && (arg.startsWith('--') || runs[runs.length - 1].args.length > 0)) runs[runs.length - 1].args.push(arg);
    else {
      console.error(`unknown bench '${arg}'; available: ${Object.keys(BENCHES).join(', ')}`);
      process.exitCode = 2;
      return;
    }
  }
  if (runs.length === 0) for (const name of Object.keys(BENCHES)) if (!ON_REQUEST.has(name)) runs.push({ name, args: [] });
  for (const { name, args } of runs) {
    console.log(`== ${name}`);
    await BENCHES[name](args);
  }
}

void main();
