/**
 * Tolerant recognition of what people write as a license (`Apache 2.0`, `MIT License`, `CC BY-NC 4.0`,
 * `GPL-2.0+`, `llama 3`) → the Hub id, for quick fixes and for upstream licenses copied from elsewhere.
 */
import { editDistance } from '../didYouMean';
import { HUB_LICENSES } from './hubLicenseIds';
import { LICENSE_FACTS } from './licenseTable';

/** exact: already a Hub id. high: an unambiguous spelling of one id (safe to fix). low: a guess to offer, not to apply silently. */
export type NormalizeConfidence = 'exact' | 'high' | 'low';

export interface NormalizedLicense {
  id: string;
  confidence: NormalizeConfidence;
  /** What the user should know about the mapping (or-later, assumed version, dual licensing). */
  note?: string;
}

interface Alias {
  id: string;
  confidence: 'high' | 'low';
  note?: string;
}

/** Spellings beyond the id, the SPDX id and the Hub's full name, which are always recognized. */
const EXTRA_ALIASES: Record<string, string[]> = {
  'apache-2.0': ['Apache License, Version 2.0', 'ASL 2.0', 'Apache Software License 2.0', 'Apache'],
  mit: ['Expat', 'MIT License'],
  'bsd-2-clause': ['Simplified BSD', 'FreeBSD License', '2-Clause BSD', 'BSD-2'],
  'bsd-3-clause': ['New BSD', 'Revised BSD', 'Modified BSD', '3-Clause BSD', 'BSD-3'],
  'bsl-1.0': ['Boost', 'Boost License'],
  'cc0-1.0': ['CC0', 'CC Zero'],
  'openrail': ['OpenRAIL-M', 'Open RAIL', 'Open RAIL-M'],
  'openrail++': ['OpenRAIL++-M', 'Open RAIL++-M', 'OpenRAIL++'],
  'creativeml-openrail-m': ['Stable Diffusion License', 'CreativeML Open RAIL-M'],
  'bigscience-openrail-m': ['BigScience Open RAIL-M'],
  'bigcode-openrail-m': ['BigCode OpenRAIL-M'],
  'bigscience-bloom-rail-1.0': ['BLOOM RAIL', 'BLOOM RAIL 1.0'],
  'odc-by': ['ODC-BY 1.0', 'Open Data Commons Attribution License'],
  odbl: ['Open Database License', 'ODbL 1.0'],
  gemma: ['Gemma License', 'Gemma Terms'],
  'fair-noncommercial-research-license': ['FAIR Noncommercial Research'],
  'apple-ascl': ['Apple Sample Code License'],
};

/** Spellings that leave something open (no version, several candidates): offered, never applied silently. */
const VAGUE_ALIASES: Array<[string, string, string]> = [
  ['CC BY', 'cc-by-4.0', 'No version was given; 4.0 is assumed. Check the version the work was released under.'],
  ['CC BY-SA', 'cc-by-sa-4.0', 'No version was given; 4.0 is assumed. Check the version the work was released under.'],
  ['CC BY-NC', 'cc-by-nc-4.0', 'No version was given; 4.0 is assumed. Check the version the work was released under.'],
  ['CC BY-ND', 'cc-by-nd-4.0', 'No version was given; 4.0 is assumed. Check the version the work was released under.'],
  ['CC BY-NC-SA', 'cc-by-nc-sa-4.0', 'No version was given; 4.0 is assumed. Check the version the work was released under.'],
  ['CC BY-NC-ND', 'cc-by-nc-nd-4.0', 'No version was given; 4.0 is assumed. Check the version the work was released under.'],
  ['Public Domain', 'cc0-1.0', '"Public domain" is not a license id; CC0 1.0 is the usual dedication (also consider `unlicense` or `pddl`).'],
  ['Proprietary', 'other', 'A proprietary license is `other`: also set `license_name` and `license_link`.'],
  ['All rights reserved', 'other', 'A proprietary license is `other`: also set `license_name` and `license_link`.'],
  ['Custom', 'other', 'A custom license is `other`: also set `license_name` and `license_link`.'],
  ['Commercial', 'other', 'A commercial license is `other`: also set `license_name` and `license_link`.'],
];

const WORD_RULES: Array<[RegExp, string]> = [
  [/\blicen[cs]es?\b/g, ' '],
  [/\bgnu\b/g, ' '],
  [/\baffero general public\b/g, 'agpl'],
  [/\b(?:lesser|library) general public\b/g, 'lgpl'],
  [/\bgeneral public\b/g, 'gpl'],
  [/\bfree documentation\b|\bfdl\b/g, 'gfdl'],
  [/\bcreative commons\b/g, 'cc'],
  [/\bcc zero\b/g, 'cc0'],
  [/\battribution\b/g, 'by'],
  [/\bnon ?commercial\b/g, 'nc'],
  [/\bshare ?alike\b/g, 'sa'],
  [/\bno ?deriv(?:ative)?s\b/g, 'nd'],
  [/\b(?:the|agreement|version|community|meta|terms|of|use|only|international|unported|generic|universal|family)\b/g, ' '],
  [/\bv(?=\d)/g, ''],
  [/([a-z])v(?=\d)/g, '$1'],
];

/** Reduces a spelling to a comparison key: `Apache License, Version 2.0` → `apache2`, `CC BY-NC 4.0` → `ccbync4`. */
export function licenseKey(text: string): string {
  let s = ` ${text.toLowerCase().replace(/[_,;:()"'`[\]{}&-]/g, ' ').replace(/\s+/g, ' ')} `;
  for (const [pattern, replacement] of WORD_RULES) s = s.replace(pattern, replacement);
  return s
    .replace(/(\d)\.0(?!\d)/g, '$1')
    .replace(/[^a-z0-9.+]/g, '')
    .replace(/(?<!\d)\.|\.(?!\d)/g, '');
}

function buildAliases(): { aliases: Map<string, Alias>; collisions: string[] } {
  const aliases = new Map<string, Alias>();
  const collisions: string[] = [];
  const add = (spelling: string, alias: Alias) => {
    const key = licenseKey(spelling);
    if (!key) return;
    const existing = aliases.get(key);
    if (existing && existing.id !== alias.id) collisions.push(`${key}: ${existing.id} / ${alias.id}`);
    if (!existing) aliases.set(key, alias);
  };
  for (const entry of HUB_LICENSES) {
    add(entry.id, { id: entry.id, confidence: 'high' });
    const spdx = LICENSE_FACTS.get(entry.id)?.spdx;
    if (spdx) add(spdx, { id: entry.id, confidence: 'high' });
    add(entry.fullName, { id: entry.id, confidence: 'high' });
    for (const extra of EXTRA_ALIASES[entry.id] ?? []) add(extra, { id: entry.id, confidence: 'high' });
  }
  for (const [spelling, id, note] of VAGUE_ALIASES) add(spelling, { id, confidence: 'low', note });
  return { aliases, collisions };
}

const ALIASES = buildAliases();

/** Keys that map to two different ids (should be none; checked by tests). */
export const ALIAS_COLLISIONS: readonly string[] = ALIASES.collisions;

const OR_LATER = /(?:[\s-]*or[\s-]*(?:any[\s-]*)?later(?:[\s-]*version)?|\+)\s*$/i;

/**
 * Recognizes a license as written by a person and returns the Hub id, or undefined when nothing
 * sensible matches. Never throws.
 */
export function normalizeLicense(text: unknown): NormalizedLicense | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().replace(/^["']|["']$/g, '').trim();
  if (!trimmed || trimmed.length > 200) return undefined;
  if (LICENSE_FACTS.has(trimmed)) return { id: trimmed, confidence: 'exact' };
  const lower = trimmed.toLowerCase();
  if (LICENSE_FACTS.has(lower)) return { id: lower, confidence: 'high', note: 'The Hub\'s license ids are lower case.' };
  return recognizeOne(trimmed) ?? recognizeExpression(trimmed) ?? closest(trimmed);
}

function recognizeOne(text: string): NormalizedLicense | undefined {
  const direct = ALIASES.aliases.get(licenseKey(text));
  if (direct) return { id: direct.id, confidence: direct.confidence, ...(direct.note ? { note: direct.note } : {}) };
  const unwrapped = text.replace(/^\((.*)\)$/, '$1');
  if (OR_LATER.test(unwrapped)) {
    const base = ALIASES.aliases.get(licenseKey(unwrapped.replace(OR_LATER, '')));
    if (base) {
      return {
        id: base.id,
        confidence: base.confidence,
        note: `The Hub has no "or later" license ids; \`${base.id}\` is the closest. State "or (at your option) any later version" in the LICENSE file or the card text.`,
      };
    }
  }
  return undefined;
}

/** SPDX-style expressions: the Hub takes one id, so suggest one and explain. */
function recognizeExpression(text: string): NormalizedLicense | undefined {
  const withMatch = /^(.+?)\s+WITH\s+(.+)$/i.exec(text);
  if (withMatch) {
    const base = recognizeOne(withMatch[1].trim());
    if (base) return { id: base.id, confidence: 'low', note: `The Hub has no ids with exceptions; \`${base.id}\` is the closest. Mention the exception (${withMatch[2].trim()}) in the LICENSE file.` };
  }
  const orParts = text.split(/\s+OR\s+|\s*\/\s*/i).map((p) => p.trim().replace(/^\(|\)$/g, ''));
  if (orParts.length > 1) {
    const recognized = orParts.map((p) => recognizeOne(p)).filter((r): r is NormalizedLicense => r !== undefined);
    if (recognized.length === orParts.length) {
      return { id: recognized[0].id, confidence: 'low', note: `A choice of licenses (${recognized.map((r) => `\`${r.id}\``).join(' or ')}): the Hub takes one id, so name the one you distribute under and mention the alternative in the card text.` };
    }
  }
  const andParts = text.split(/\s+AND\s+|\s*\+\s+/i).map((p) => p.trim());
  if (andParts.length > 1 && andParts.every((p) => recognizeOne(p))) {
    return { id: 'other', confidence: 'low', note: 'Several licenses apply at once: the Hub takes one id, so use `other` with `license_link` pointing to a LICENSE file that lists them all.' };
  }
  return undefined;
}

/** A likely typo of a known spelling. */
function closest(text: string): NormalizedLicense | undefined {
  const key = licenseKey(text);
  if (key.length < 4) return undefined;
  const limit = Math.max(1, Math.floor(key.length / 5));
  let best: Alias | undefined;
  let bestDistance = Infinity;
  for (const [candidate, alias] of ALIASES.aliases) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const distance = editDistance(key, candidate, limit);
    if (distance <= limit && distance < bestDistance) {
      best = alias;
      bestDistance = distance;
    }
  }
  return best ? { id: best.id, confidence: 'low', note: `"${text}" is not a known license spelling; \`${best.id}\` is the closest.` } : undefined;
}
