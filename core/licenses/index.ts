/** License knowledge: Hub ids and their facts, tolerant recognition, and compatibility checks. */
export type { LicenseFact, LicenseFamily, LicenseKind, CommercialUse, SourcedFact } from './licenseTypes';
export { HUB_LICENSES, HUB_LICENSE_SNAPSHOT, licenseFacts, hubLicenseIds, allLicenseFacts, summarizeLicense, KIND_LABELS, COMMERCIAL_LABELS } from './licenseFacts';
export { normalizeLicense, licenseKey } from './normalizeLicense';
export type { NormalizedLicense, NormalizeConfidence } from './normalizeLicense';
export { checkCompatibility, sourcesOf } from './licenseCompatibility';
export type { CompatibilityInput, LicenseIssue, LicenseIssueSeverity, UpstreamLicense } from './licenseCompatibility';
export { LICENSE_RULES, licenseRuleMatrixMarkdown, licenseFactsMarkdown } from './licenseRuleMatrix';
