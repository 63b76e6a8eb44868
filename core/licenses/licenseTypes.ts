/** The shape of Cardwright's knowledge about one Hub license id. Facts are summaries in our own words, each with its source. */

/** Licenses grouped by origin; used for "same terms" decisions and for display. */
export type LicenseFamily =
  | 'apache' | 'mit' | 'bsd' | 'isc' | 'zlib' | 'boost' | 'postgresql' | 'ncsa' | 'wtfpl' | 'unlicense' | 'afl' | 'artistic' | 'ecl'
  | 'gpl' | 'lgpl' | 'agpl' | 'gfdl' | 'mpl' | 'epl' | 'eupl' | 'osl' | 'ms-pl' | 'lppl' | 'ofl'
  | 'cc' | 'cdla' | 'odc' | 'etalab' | 'c-uda' | 'lgpl-lr' | 'openmdw'
  | 'openrail' | 'bigscience-rail' | 'bigcode-rail' | 'creativeml-rail' | 'stability-rail'
  | 'llama' | 'gemma' | 'grok' | 'apple' | 'research' | 'unknown' | 'other';

/**
 * permissive: few conditions beyond notices. weak-copyleft: changes to the licensed files stay under it.
 * strong-copyleft: derived works as a whole stay under it. share-alike: adaptations carry the same
 * (content/data) license. public-domain: no conditions. use-restricted: open terms plus use-based
 * restrictions that must be passed on (RAIL family). proprietary-open: a vendor's own terms with
 * conditions on use and redistribution. unknown: not determinable from the id.
 */
export type LicenseKind =
  | 'permissive' | 'weak-copyleft' | 'strong-copyleft' | 'share-alike' | 'public-domain'
  | 'use-restricted' | 'proprietary-open' | 'unknown';

/** allowed; non-commercial (any non-commercial use); research-only (stricter); conditional (allowed under thresholds or extra terms). */
export type CommercialUse = 'allowed' | 'non-commercial' | 'research-only' | 'conditional' | 'unknown';

/** A statement about a license with where it comes from (clause and link). */
export interface SourcedFact {
  /** Our own one-sentence summary; never the license's text. */
  summary: string;
  /** The clause and a link, e.g. `Sec. 3(b), https://...`. */
  source: string;
}

export interface LicenseFact {
  /** The Hub id. */
  id: string;
  /** SPDX identifier when SPDX has one for exactly this license. */
  spdx?: string;
  /** Full name (the Hub's). */
  name: string;
  /** Where to read the license text or terms. */
  link: string;
  family: LicenseFamily;
  kind: LicenseKind;
  commercial: CommercialUse;
  /** Adaptations/derived works must carry this or a listed compatible license. */
  shareAlike: boolean;
  /** The id names a family, not one license (e.g. `cc`, `gpl`): terms depend on the version. */
  isFamily?: boolean;
  /** Why commercial use is limited (when it is). */
  commercialTerms?: SourcedFact;
  /** The copyleft/share-alike condition, with the Hub ids a derivative may use. */
  shareAlikeTerms?: SourcedFact & { compatible: readonly string[] };
  /** Adapted material may not be shared at all. */
  noDerivatives?: SourcedFact;
  /** Use-based restrictions (RAIL attachments, acceptable-use policies) that derivatives must pass on. */
  useRestrictions?: SourcedFact;
  /** The license's terms govern derivatives (vendor licenses): a derivative cannot be relicensed. */
  termsGovernDerivatives?: SourcedFact;
  /** A required prefix of a derivative model's name. */
  naming?: SourcedFact & { prefix: string; /** Also binds models trained on the licensed model's outputs (synthetic data). */ coversOutputs: boolean };
  /** Attribution or notice duties. */
  attribution?: SourcedFact;
  /** Models trained on data under this license are not bound by its share-alike terms (data licenses that free "results"). */
  trainedModelsExempt?: SourcedFact;
  /** Other conditions a user must know (thresholds, regional limits, output use). */
  conditions?: ReadonlyArray<SourcedFact & { key: string }>;
}
