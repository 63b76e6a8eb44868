/** `npm run bench -- <name...>`: runs the named benchmarks (all when none is named) and prints numbers. */
import { benchComplete } from './complete';
import { benchTypingDuringScan } from './typingDuringScan';
import { benchValidate } from './validate';

const BENCHES: Record<string, () => Promise<void>> = {
  validate: benchValidate,
  complete: benchComplete,
  typing: benchTypingDuringScan,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
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
