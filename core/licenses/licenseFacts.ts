/** Looking up what Cardwright knows about a Hub license id, and saying it in one line. */
import { HUB_LICENSE_SNAPSHOT, HUB_LICENSES } from './hubLicenseIds';
import { LICENSE_FACTS } from './licenseTable';
import { CommercialUse, LicenseFact, LicenseKind } from './licenseTypes';

export { HUB_LICENSE_SNAPSHOT, HUB_LICENSES };

/** The facts about a Hub license id (exact, case-sensitive as the Hub is); undefined for anything else. */
export function licenseFacts(id: string): LicenseFact | undefined {
  return typeof id === 'string' ? LICENSE_FACTS.get(id) : undefined;
}

/** Every Hub license id, in the Hub's order. */
export function hubLicenseIds(): string[] {
  return HUB_LICENSES.map((entry) => entry.id);
}

/** Every license fact, in the Hub's order. */
export function allLicenseFacts(): LicenseFact[] {
  return [...LICENSE_FACTS.values()];
}

export const KIND_LABELS: Record<LicenseKind, string> = {
  permissive: 'permissive',
  'weak-copyleft': 'weak copyleft',
  'strong-copyleft': 'strong copyleft',
  'share-alike': 'share-alike',
  'public-domain': 'public domain',
  'use-restricted': 'open with use-based restrictions',
  'proprietary-open': 'open weights under vendor terms',
  unknown: 'terms unknown',
};

export const COMMERCIAL_LABELS: Record<CommercialUse, string> = {
  allowed: 'commercial use allowed',
  'non-commercial': 'non-commercial only',
  'research-only': 'research only',
  conditional: 'commercial use with conditions',
  unknown: 'commercial use unknown',
};

/** One line for completion items and schema descriptions, e.g. "Share-alike; commercial use allowed; ...". */
export function summarizeLicense(fact: LicenseFact): string {
  if (fact.id === 'other') return 'A license not in the Hub list: set license_name and license_link.';
  if (fact.id === 'unknown') return 'The license is not known: nobody can tell what reuse is allowed.';
  const parts: string[] = [];
  // "Permissive" next to "non-commercial only" would mislead: such licenses are only attribution-light.
  const kind = fact.kind === 'permissive' && fact.commercial !== 'allowed' ? 'attribution' : KIND_LABELS[fact.kind];
  parts.push(kind.charAt(0).toUpperCase() + kind.slice(1));
  parts.push(COMMERCIAL_LABELS[fact.commercial]);
  if (fact.noDerivatives) parts.push('no shared adaptations');
  if (fact.useRestrictions) parts.push('use restrictions flow down to derivatives');
  if (fact.naming) parts.push(`derivative names must start with "${fact.naming.prefix}"`);
  if (fact.conditions?.some((c) => c.key === 'monthly-active-users')) parts.push('700M monthly-active-user threshold');
  if (fact.trainedModelsExempt && fact.shareAlike) parts.push('trained models exempt from share-alike');
  if (fact.isFamily) parts.push('a family id: prefer the exact version');
  return `${parts.join('; ')}.`;
}
