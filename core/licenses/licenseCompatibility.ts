/**
 * License compatibility across a card's `license`, `upstream.base_models[].license` and
 * `upstream.datasets[].license`. Pure: takes plain values, returns issues with stable codes; the rule
 * module in core/rules places them on YAML nodes. Messages are guidance, not legal advice.
 */
import { licenseFacts } from './licenseFacts';
import { LicenseFact, SourcedFact } from './licenseTypes';
import { normalizeLicense } from './normalizeLicense';

export interface UpstreamLicense {
  /** Hub id of the base model or dataset. */
  id?: string;
  /** Hub license id as written in the card. */
  license?: string;
  /** `license_name` when `license: other`. */
  licenseName?: string;
}

export interface CompatibilityInput {
  /** The model's own `license`. */
  license?: string;
  /** The model's `license_name` (for `other`). */
  licenseName?: string;
  /** The name the model is published under (repo name or `model-index[0].name`); for naming rules. */
  modelName?: string;
  baseModels?: UpstreamLicense[];
  datasets?: UpstreamLicense[];
}

export type LicenseIssueSeverity = 'error' | 'warning' | 'information';

export interface LicenseIssue {
  /** `license/kebab-case`, stable. */
  code: string;
  severity: LicenseIssueSeverity;
  /** Explains the rule and what to do; guidance, not legal advice. */
  message: string;
  /** Clause and link the rule rests on. */
  source: string;
  /** What the issue is about: the model's license, or one upstream entry (index into its list). */
  subject: { kind: 'license' | 'base_model' | 'dataset'; index?: number };
  /** Structured facts for quick fixes and hovers. */
  data?: Record<string, unknown>;
}

type SubjectKind = 'base_model' | 'dataset';

const HUB_LICENSES_DOC = 'https://huggingface.co/docs/hub/repositories-licenses';
const COMMERCIAL_RANK = { allowed: 0, conditional: 1, 'non-commercial': 2, 'research-only': 3, unknown: -1 } as const;
/** Conditions that limit training other models on outputs: they matter most when data (not a base model) carries them. */
const OUTPUT_TRAINING_LIMITS = new Set(['no-improving-other-llms', 'no-training-other-models']);

export function checkCompatibility(input: CompatibilityInput): LicenseIssue[] {
  const issues: LicenseIssue[] = [];
  const modelLicense = typeof input.license === 'string' && input.license.trim() ? input.license.trim() : undefined;
  const model = modelLicense ? resolve(modelLicense) : undefined;
  const custom = model?.id === 'other' || model?.id === 'unknown';
  const baseModels = Array.isArray(input.baseModels) ? input.baseModels : [];
  const datasets = Array.isArray(input.datasets) ? input.datasets : [];
  const upstreams: Array<{ entry: UpstreamLicense; kind: SubjectKind; index: number }> = [
    ...baseModels.map((entry, index) => ({ entry: entry ?? {}, kind: 'base_model' as const, index })),
    ...datasets.map((entry, index) => ({ entry: entry ?? {}, kind: 'dataset' as const, index })),
  ];
  const baseFamilies = new Set(baseModels.map((b) => (b && typeof b.license === 'string' ? resolve(b.license)?.family : undefined)).filter(Boolean));
  const conditionsSeen = new Set<string>();

  if (model?.isFamily) {
    issues.push({
      code: 'license/family-id',
      severity: 'information',
      message: `\`${model.id}\` names a license family, not one license; the obligations depend on the exact version. Use the precise id if the Hub has it (e.g. ${familyExamples(model.id)}).`,
      source: HUB_LICENSES_DOC,
      subject: { kind: 'license' },
      data: { license: model.id },
    });
  }
  if (!modelLicense && upstreams.some((u) => typeof u.entry.license === 'string' && u.entry.license.trim())) {
    issues.push({
      code: 'license/missing-license',
      severity: 'warning',
      message: 'The card has no `license`, but its upstream licenses carry conditions: without a license, others cannot tell what reuse is allowed, and the upstream conditions are not passed on.',
      source: HUB_LICENSES_DOC,
      subject: { kind: 'license' },
    });
  }

  for (const { entry, kind, index } of upstreams) {
    const subject = { kind, index };
    const noun = kind === 'base_model' ? 'base model' : 'dataset';
    const label = typeof entry.id === 'string' && entry.id ? `The ${noun} \`${entry.id}\`` : `${kind === 'base_model' ? 'Base model' : 'Dataset'} #${index + 1}`;
    const upstreamLicense = typeof entry.license === 'string' && entry.license.trim() ? entry.license.trim() : undefined;
    if (!upstreamLicense) {
      issues.push({
        code: 'license/missing-upstream-license',
        severity: 'warning',
        message: `${label} has no license recorded: its terms cannot be checked against yours. Look it up on its page and add \`license:\` (use \`unknown\` only if it truly has none, which means no reuse is granted).`,
        source: HUB_LICENSES_DOC,
        subject,
      });
      continue;
    }
    const upstream = resolve(upstreamLicense);
    if (!upstream) continue; // not recognizable at all: the schema reports the invalid id
    const push = (code: string, severity: LicenseIssueSeverity, message: string, source: string, data: Record<string, unknown> = {}) => {
      issues.push({ code, severity, message, source, subject, data: { upstreamLicense: upstream.id, modelLicense: model?.id, ...data } });
    };
    if (upstream.id === 'unknown') {
      push('license/unknown-upstream-license', 'warning', `${label} has license \`unknown\`: without a license, no reuse is granted. Find its terms (or permission from its owner) before you build on it.`, HUB_LICENSES_DOC);
      continue;
    }
    if (upstream.id === 'other') {
      const name = entry.licenseName ? ` (\`${entry.licenseName}\`)` : '';
      push('license/custom-upstream-license', 'information', `${label} uses a custom license${name} that Cardwright cannot read: review its terms by hand for commercial-use limits, share-alike and use restrictions that would apply to your model.`, HUB_LICENSES_DOC);
      continue;
    }
    if (upstream.isFamily) {
      push('license/family-upstream-license', 'information', `${label} has the family id \`${upstream.id}\`; the obligations depend on the exact version. Record the precise license (e.g. ${familyExamples(upstream.id)}) so it can be checked.`, HUB_LICENSES_DOC);
    }
    if (!model) continue; // no license of our own to compare with (reported above when upstreams exist)

    const same = model.id === upstream.id;
    const severityFor = (forBase: LicenseIssueSeverity, forData: LicenseIssueSeverity): LicenseIssueSeverity =>
      custom ? 'information' : kind === 'base_model' ? forBase : forData;
    const yours = custom
      ? `Your license is \`${model.id}\`${input.licenseName ? ` (\`${input.licenseName}\`)` : ''}, which Cardwright cannot read: make sure its terms keep this condition.`
      : undefined;
    let commercialReported = false;

    // 1. Non-commercial or research-only upstream.
    const upRank = COMMERCIAL_RANK[upstream.commercial];
    const modelRank = COMMERCIAL_RANK[model.commercial];
    if (!same && upRank >= 2 && (custom || modelRank < 2)) {
      const what = upstream.commercial === 'research-only' ? 'research use only' : 'non-commercial use only';
      const why = kind === 'base_model'
        ? 'A fine-tuned, quantized or merged model is built from those weights, so it cannot grant more than they allow.'
        : 'Whether a trained model is an adaptation of its training data is unsettled; the cautious reading is that the limit carries over, and the licensor may see it that way.';
      push(
        upstream.commercial === 'research-only' ? 'license/research-only-upstream' : 'license/non-commercial-upstream',
        severityFor('error', 'error'),
        custom
          ? `${label} is licensed for ${what} (\`${upstream.id}\`). ${why} ${yours}`
          : `${label} is licensed for ${what} (\`${upstream.id}\`), but \`${model.id}\` allows commercial use. ${why} Use a license with the same limit (e.g. \`${suggestRestrictive(upstream)}\`), replace the ${noun}, or get permission from its licensor.`,
        upstream.commercialTerms?.source ?? upstream.link,
        { suggestion: suggestRestrictive(upstream) },
      );
      commercialReported = true;
    } else if (!same && !custom && upstream.commercial === 'research-only' && model.commercial === 'non-commercial') {
      push('license/research-only-upstream', 'warning',
        `${label} is licensed for research use only (\`${upstream.id}\`), which is narrower than the non-commercial use \`${model.id}\` allows (e.g. non-commercial products). Say in the card that the model is for research only, or get permission.`,
        upstream.commercialTerms?.source ?? upstream.link);
      commercialReported = true;
    }

    // 2. No derivatives.
    if (upstream.noDerivatives) {
      push('license/no-derivatives-upstream', custom ? 'information' : kind === 'base_model' ? 'error' : 'warning',
        kind === 'base_model'
          ? `${label} is under \`${upstream.id}\`, which does not allow sharing adapted material: a model derived from it may not be published, whatever its license.`
          : `${label} is under \`${upstream.id}\`, which does not allow sharing adapted material. If the trained model counts as an adaptation of the data, publishing it is not licensed; get the licensor's permission or replace the dataset.`,
        upstream.noDerivatives.source);
    }

    // 3. Share-alike and copyleft.
    const terms = upstream.shareAlikeTerms;
    if (terms && !terms.compatible.includes(model.id) && !(kind === 'dataset' && upstream.trainedModelsExempt)) {
      if (upstream.shareAlike) {
        push('license/share-alike-upstream', severityFor('error', 'warning'),
          kind === 'base_model'
            ? `${label} is under \`${upstream.id}\`: ${lowerFirst(terms.summary)} A model derived from it must use ${listIds(terms.compatible)}, not \`${model.id}\`.`
            : `${label} is under \`${upstream.id}\`: ${lowerFirst(terms.summary)} Whether a model trained on the data is such a derived work is unsettled; to be safe, license the model under ${listIds(terms.compatible)}, or document why the model is not an adaptation of the data.${yours ? ` ${yours}` : ''}`,
          terms.source, { compatible: terms.compatible });
      } else if (kind === 'base_model') {
        push('license/weak-copyleft-upstream', custom ? 'information' : 'warning',
          `${label} is under \`${upstream.id}\`: ${lowerFirst(terms.summary)} The derived weights are modified files of the base model, so they stay under \`${upstream.id}\` even if your own additions use \`${model.id}\`.`,
          terms.source, { compatible: terms.compatible });
      }
    }

    // 4. Use-based restrictions (RAIL family): they must be passed on.
    if (upstream.useRestrictions && !upstream.termsGovernDerivatives && !same) {
      if (!model.useRestrictions) {
        push('license/use-restrictions-dropped', severityFor('error', 'warning'),
          `${label} is under \`${upstream.id}\`, whose use-based restrictions must be passed on to every derivative and included in the license you distribute it under. \`${model.id}\` has no such restrictions. ${yours ?? `Keep \`${upstream.id}\`, or add its use restrictions to your license (then use \`other\`).`}`,
          upstream.useRestrictions.source, { suggestion: upstream.id });
      } else {
        push('license/use-restrictions-review', 'information',
          `${label} is under \`${upstream.id}\` and your model under \`${model.id}\`: both carry use restrictions, but not necessarily the same ones. Make sure every restriction of \`${upstream.id}\` is also in your license.`,
          upstream.useRestrictions.source);
      }
    }

    // 5. Vendor terms that govern derivatives (Llama, Gemma, Grok, research licenses).
    const vendorApplies = kind === 'base_model' || upstream.family === 'gemma';
    if (upstream.termsGovernDerivatives && vendorApplies && !same && !commercialReported) {
      const sameFamily = model.family === upstream.family;
      push('license/vendor-terms-not-kept', custom ? 'information' : sameFamily ? 'warning' : kind === 'base_model' ? 'error' : 'warning',
        `${label} is under \`${upstream.id}\`. ${upstream.termsGovernDerivatives.summary}${upstream.useRestrictions ? ` ${upstream.useRestrictions.summary}` : ''} ${
          sameFamily
            ? `\`${model.id}\` is a different version of the same terms: a derivative stays under \`${upstream.id}\`.`
            : kind === 'dataset'
              ? `A model trained on this data (e.g. by distillation) falls under those terms, so \`${model.id}\` cannot be its license.`
              : `Relicensing it as \`${model.id}\` is not possible; use \`license: ${upstream.id}\`.`
        }`,
        upstream.termsGovernDerivatives.source, { suggestion: upstream.id });
    }

    // 6. Required naming (Llama 3.x and later).
    if (upstream.naming && (kind === 'base_model' || upstream.naming.coversOutputs)) {
      const name = typeof input.modelName === 'string' && input.modelName.trim() ? input.modelName.trim().split('/').pop()! : undefined;
      const prefix = upstream.naming.prefix;
      if (name === undefined) {
        push('license/naming-required', 'information',
          `${label} is under \`${upstream.id}\`: ${lowerFirst(upstream.naming.summary)} Make sure the published model name starts with "${prefix}".`,
          upstream.naming.source, { prefix });
      } else if (!name.toLowerCase().replace(/[-_ ]+/g, ' ').startsWith(prefix.toLowerCase())) {
        push('license/naming-required', kind === 'base_model' ? 'error' : 'warning',
          `${label} is under \`${upstream.id}\`: ${lowerFirst(upstream.naming.summary)} "${name}" does not; rename it, e.g. "${prefix}-${name}".`,
          upstream.naming.source, { prefix, modelName: name, suggestion: `${prefix.replace(/ /g, '-')}-${name}` });
      }
    }

    // 7. Other conditions users must know, once per license and condition.
    for (const condition of upstream.conditions ?? []) {
      const key = `${upstream.id}|${condition.key}`;
      if (conditionsSeen.has(key)) continue;
      conditionsSeen.add(key);
      const limitsTraining = kind === 'dataset' && OUTPUT_TRAINING_LIMITS.has(condition.key) && !baseFamilies.has(upstream.family);
      push('license/upstream-condition', limitsTraining ? 'warning' : 'information',
        `${label} is under \`${upstream.id}\`: ${lowerFirst(condition.summary)}${limitsTraining ? ' Training this model on that data may therefore not be allowed.' : ''}`,
        condition.source, { condition: condition.key });
    }
  }
  return issues;
}

/** The facts for an id as written; tolerant of spellings the schema would flag (`Apache-2.0`). */
function resolve(license: string): LicenseFact | undefined {
  const exact = licenseFacts(license);
  if (exact) return exact;
  const normalized = normalizeLicense(license);
  return normalized && normalized.confidence !== 'low' ? licenseFacts(normalized.id) : undefined;
}

/** A license that keeps an upstream's commercial limit: the upstream's own id, or a familiar equivalent. */
function suggestRestrictive(upstream: LicenseFact): string {
  if (upstream.family === 'cc' && !upstream.noDerivatives) return upstream.id;
  if (upstream.family === 'cc') return 'cc-by-nc-4.0';
  return upstream.id;
}

function familyExamples(id: string): string {
  const examples: Record<string, string[]> = {
    cc: ['cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0'],
    gpl: ['gpl-2.0', 'gpl-3.0'],
    lgpl: ['lgpl-2.1', 'lgpl-3.0'],
    bsd: ['bsd-2-clause', 'bsd-3-clause'],
    openrail: ['bigscience-openrail-m', 'creativeml-openrail-m', 'openrail++'],
    gfdl: ['`other` with the GFDL version as license_name'],
  };
  return (examples[id] ?? []).map((e) => (e.startsWith('`') ? e : `\`${e}\``)).join(', ') || 'the exact version';
}

function listIds(ids: readonly string[]): string {
  const quoted = ids.map((id) => `\`${id}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The sources a fact carries, for hovers. */
export function sourcesOf(fact: LicenseFact): SourcedFact[] {
  return [fact.commercialTerms, fact.shareAlikeTerms, fact.noDerivatives, fact.useRestrictions, fact.termsGovernDerivatives, fact.naming, fact.attribution, fact.trainedModelsExempt, ...(fact.conditions ?? [])]
    .filter((f): f is SourcedFact => f !== undefined);
}
