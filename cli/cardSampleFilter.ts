/**
 * `cardwright scan --card-samples-only`: of the files given (as pre-commit passes staged files),
 * keep the cards and the files some model card lists as a sample. A data file is looked up in the
 * cards of its folder and the folders above it, up to the working folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cardSamplesOfYaml } from '../core/cardSampleList';
import { locateCard, sourceKindOf } from '../core/cardSource';

const CARD_NAMES = ['model-card.yaml', 'model-card.yml', 'README.md'];

export interface SampleSelection {
  kept: string[];
  /** Given files that are neither a card nor a listed sample. */
  dropped: string[];
}

export function selectCardSamples(given: string[], cwd: string): SampleSelection {
  const samplesByFolder = new Map<string, Set<string>>();
  const listedIn = (folder: string): Set<string> => {
    let listed = samplesByFolder.get(folder);
    if (!listed) {
      listed = new Set();
      for (const name of CARD_NAMES) {
        const yaml = cardYaml(path.join(folder, name));
        if (yaml !== undefined) for (const sample of cardSamplesOfYaml(yaml).samples) listed.add(path.resolve(folder, sample));
      }
      samplesByFolder.set(folder, listed);
    }
    return listed;
  };
  const root = path.resolve(cwd);
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const argument of given) {
    const file = path.resolve(cwd, argument);
    if (cardYaml(file) !== undefined) {
      kept.push(argument);
      continue;
    }
    let listed = false;
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
      if (listedIn(folder).has(file)) {
        listed = true;
        break;
      }
      const up = path.dirname(folder);
      if (folder === root || up === folder || path.relative(root, folder).startsWith('..')) break;
    }
    (listed ? kept : dropped).push(argument);
  }
  // A card given expands to its samples: its samples given as well would be scanned twice.
  const ofGivenCards = new Set<string>();
  for (const argument of kept) {
    const file = path.resolve(cwd, argument);
    const yaml = cardYaml(file);
    if (yaml !== undefined) for (const sample of cardSamplesOfYaml(yaml).samples) ofGivenCards.add(path.resolve(path.dirname(file), sample));
  }
  return { kept: kept.filter((argument) => !ofGivenCards.has(path.resolve(cwd, argument)) || cardYaml(path.resolve(cwd, argument)) !== undefined), dropped };
}

/** The card YAML in a file, or undefined when the file holds no card (or cannot be read). */
function cardYaml(file: string): string | undefined {
  const kind = sourceKindOf(file);
  if (!kind) return undefined;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    return locateCard(fs.readFileSync(file, 'utf8'), kind)?.yaml;
  } catch {
    return undefined;
  }
}
