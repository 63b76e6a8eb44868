/**
 * A model card as a CycloneDX 1.6 ML-BOM (JSON): the model is the BOM's subject
 * (`metadata.component`, `type: machine-learning-model`, with a `modelCard`), its base models and
 * training datasets are components with their licenses, and `dependencies` links the model to them.
 *
 * Pure and deterministic: the serial number and timestamp are injected. Whatever the card holds,
 * a BOM comes out; what had no place in it is listed in `leftOut` with the reason.
 */
import { parseCard } from '../cardDocument';
import { locateCard, sourceKindOf } from '../cardSource';
import { licenseFacts } from '../licenses';
import { asList, isRecord } from '../rules/rule';
import { cardCategoryOf, isPersonalDataType } from '../pii/cardCategories';

export const CYCLONEDX_SPEC_VERSION = '1.6';
/** Property names Cardwright writes start with this (CycloneDX recommends a namespace per producer). */
export const PROPERTY_PREFIX = 'cardwright:';

type Json = Record<string, unknown>;

export interface CycloneDxOptions {
  /** `urn:uuid:` + a random UUID; injected so that the same card and options give the same BOM. */
  serialNumber: string;
  /** ISO 8601 date-time of the export. */
  timestamp: string;
  /** Cardwright's version, named as the tool that made the BOM. */
  toolVersion: string;
  /** The model's name when the card names none (e.g. the card's folder). */
  fallbackName?: string;
  /** A PII scan of the card's samples that ran now; takes the place of the card's `privacy.pii_scan`. */
  scan?: ScanFacts;
}

/** What a scan of the card's samples found, as the BOM records it. */
export interface ScanFacts {
  /** Findings by entity type. */
  found: Record<string, number>;
  date?: string;
  tool?: string;
  model?: string;
  /** The scanned files relative to the card; when given, only datasets with one of them as a sample get the results. */
  files?: string[];
  /** Findings by type per scanned file (relative to the card): each dataset then gets its own samples' counts. */
  byFile?: Record<string, Record<string, number>>;
}

export interface LeftOut {
  /** Where in the card, as a dotted path (`widget`, `model-index[0].results[1].metrics[0]`). */
  path: string;
  reason: string;
}

export interface CycloneDxExport {
  bom: Json;
  leftOut: LeftOut[];
}

export type CycloneDxTextExport = CycloneDxExport | { error: string };

/** Top-level card keys the export maps (everything else is reported in `leftOut`). */
const MAPPED_KEYS = new Set([
  'model_name', 'license', 'license_name', 'license_link', 'language', 'library_name', 'tags', 'pipeline_tag',
  'base_model', 'base_model_relation', 'datasets', 'metrics', 'model-index', 'upstream', 'privacy', 'compliance',
  'intended_use', 'out_of_scope_use', 'limitations', 'new_version',
]);

const NO_PLACE: Record<string, string> = {
  widget: 'inference widget examples have no place in a BOM',
  inference: 'Hub inference settings have no place in a BOM',
  thumbnail: 'a display image has no place in a BOM',
  co2_eq_emissions: 'emissions are not mapped to environmentalConsiderations yet',
};

/** Exports the card in a file's text (`model-card.yaml` or a Markdown front matter). */
export function cycloneDxFromText(text: string, fileName: string, options: CycloneDxOptions): CycloneDxTextExport {
  const source = locateCard(text, sourceKindOf(fileName) ?? 'yaml');
  if (!source) return { error: 'The file has no YAML front matter: there is no card to export.' };
  const card = parseCard(text, source);
  const fatal = card.findings.find((finding) => finding.severity === 'error');
  if (fatal || card.value === undefined) return { error: `The card's YAML cannot be read (${fatal?.message ?? 'no data'}); fix it before exporting.` };
  if (!isRecord(card.value)) return { error: 'The card is not a mapping of keys to values; there is nothing to export.' };
  return cycloneDx(card.value, options);
}

/** Exports a card given as plain data. Never throws on card content. */
export function cycloneDx(card: Record<string, unknown>, options: CycloneDxOptions): CycloneDxExport {
  const leftOut: LeftOut[] = [];
  const refs = new RefAllocator();
  const name = modelName(card, options, leftOut);
  const modelRef = refs.take(`model:${name}`);

  const baseModels = collectBaseModels(card, leftOut);
  const datasets = collectDatasets(card, leftOut);
  const privacy = isRecord(card.privacy) ? card.privacy : {};
  const scan = options.scan ?? recordedScan(privacy);

  const baseComponents = baseModels.map((base) => baseModelComponent(base, refs.take(`base-model:${base.id}`), leftOut));
  const datasetComponents = datasets.map((dataset) => datasetComponent(dataset, refs.take(`dataset:${dataset.id}`), privacy, scan, leftOut));

  const model: Json = {
    type: 'machine-learning-model',
    'bom-ref': modelRef,
    name,
  };
  const licenses = licenseChoice(card.license, card.license_name, card.license_link, 'license', leftOut);
  if (licenses) model.licenses = licenses;
  const tags = stringList(card.tags, 'tags', leftOut);
  if (tags.length) model.tags = unique(tags);
  model.modelCard = modelCard(card, datasetComponents, leftOut);
  const properties = modelProperties(card, privacy, scan, leftOut);
  if (properties.length) model.properties = properties;

  for (const key of Object.keys(card)) {
    if (MAPPED_KEYS.has(key)) continue;
    leftOut.push({ path: key, reason: NO_PLACE[key] ?? (key.startsWith('extra_gated') ? 'access gating has no place in a BOM' : 'no CycloneDX field for it') });
  }

  const components = [...baseComponents, ...datasetComponents];
  const dependsOn = components.map((component) => String(component['bom-ref']));
  const bom: Json = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: CYCLONEDX_SPEC_VERSION,
    serialNumber: options.serialNumber,
    version: 1,
    metadata: {
      timestamp: options.timestamp,
      tools: { components: [{ type: 'application', group: 'cardwright', name: 'cardwright', version: options.toolVersion }] },
      component: model,
    },
    components,
    dependencies: [{ ref: modelRef, dependsOn }, ...dependsOn.map((ref) => ({ ref }))],
  };
  return { bom, leftOut };
}

// ---- the model -------------------------------------------------------------------------------------

function modelName(card: Json, options: CycloneDxOptions, leftOut: LeftOut[]): string {
  if (typeof card.model_name === 'string' && card.model_name.trim()) return card.model_name.trim();
  const index = asList(card['model-index']).find(isRecord);
  if (index && typeof index.name === 'string' && index.name.trim()) return index.name.trim();
  const fallback = options.fallbackName?.trim();
  leftOut.push({ path: 'model_name', reason: `the card names no model (model_name or model-index[].name); the BOM calls it "${fallback || 'model'}"` });
  return fallback || 'model';
}

function modelCard(card: Json, datasets: Json[], leftOut: LeftOut[]): Json {
  const result: Json = {};
  const parameters: Json = {};
  const task = typeof card.pipeline_tag === 'string' && card.pipeline_tag.trim() ? card.pipeline_tag.trim() : firstTaskType(card);
  if (task) parameters.task = task;
  if (datasets.length) parameters.datasets = datasets.map((dataset) => ({ ref: dataset['bom-ref'] }));
  if (Object.keys(parameters).length) result.modelParameters = parameters;
  const metrics = performanceMetrics(card['model-index'], leftOut);
  if (metrics.length) result.quantitativeAnalysis = { performanceMetrics: metrics };
  const considerations: Json = {};
  const useCases = stringList(card.intended_use, 'intended_use', leftOut);
  if (useCases.length) considerations.useCases = useCases;
  const limitations = [
    ...stringList(card.limitations, 'limitations', leftOut),
    ...stringList(card.out_of_scope_use, 'out_of_scope_use', leftOut).map((text) => `Out of scope: ${text}`),
  ];
  if (limitations.length) considerations.technicalLimitations = limitations;
  if (Object.keys(considerations).length) result.considerations = considerations;
  const compliance = isRecord(card.compliance) ? flatten(card.compliance, 'compliance', leftOut) : [];
  if (card.compliance !== undefined && !isRecord(card.compliance)) leftOut.push({ path: 'compliance', reason: 'not a mapping' });
  if (compliance.length) result.properties = compliance;
  return result;
}

function firstTaskType(card: Json): string | undefined {
  for (const entry of asList(card['model-index'])) {
    if (!isRecord(entry)) continue;
    for (const result of asList(entry.results)) {
      const task = isRecord(result) && isRecord(result.task) ? result.task : undefined;
      if (task && typeof task.type === 'string' && task.type.trim()) return task.type.trim();
    }
  }
  return undefined;
}

function performanceMetrics(modelIndex: unknown, leftOut: LeftOut[]): Json[] {
  const metrics: Json[] = [];
  asList(modelIndex).forEach((entry, i) => {
    if (!isRecord(entry)) return void leftOut.push({ path: `model-index[${i}]`, reason: 'not a mapping' });
    asList(entry.results).forEach((result, j) => {
      const at = `model-index[${i}].results[${j}]`;
      if (!isRecord(result)) return void leftOut.push({ path: at, reason: 'not a mapping' });
      const slice = sliceOf(result);
      asList(result.metrics).forEach((metric, k) => {
        const path = `${at}.metrics[${k}]`;
        if (!isRecord(metric)) return void leftOut.push({ path, reason: 'not a mapping' });
        const type = [metric.type, metric.name].find((v): v is string => typeof v === 'string' && v.trim() !== '');
        const value = scalarText(metric.value);
        if (!type || value === undefined) {
          leftOut.push({ path, reason: !type ? 'the metric has no type or name' : 'the metric value is not a number or text' });
          return;
        }
        metrics.push({ type: type.trim(), value, ...(slice ? { slice } : {}) });
      });
    });
  });
  return metrics;
}

/** "dataset name (config, split)" for a model-index result; CycloneDX's slice is free text. */
function sliceOf(result: Json): string | undefined {
  const dataset = isRecord(result.dataset) ? result.dataset : {};
  const name = [dataset.name, dataset.type].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const details = [dataset.config, dataset.split].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (!name) return details.length ? details.join(', ') : undefined;
  return details.length ? `${name.trim()} (${details.join(', ')})` : name.trim();
}

function modelProperties(card: Json, privacy: Json, scan: ScanFacts | undefined, leftOut: LeftOut[]): Json[] {
  const properties: Json[] = [];
  const add = (name: string, value: unknown) => {
    const text = scalarText(value);
    if (text !== undefined) properties.push({ name: PROPERTY_PREFIX + name, value: text });
  };
  for (const language of stringList(card.language, 'language', leftOut)) add('language', language);
  add('library_name', card.library_name);
  add('new_version', card.new_version);
  for (const metric of stringList(card.metrics, 'metrics', leftOut)) add('metric', metric);
  if (card.privacy !== undefined && !isRecord(card.privacy)) leftOut.push({ path: 'privacy', reason: 'not a mapping' });
  for (const property of flatten(privacy, 'privacy', leftOut, ['pii_scan'])) properties.push(property);
  if (scan) properties.push(...scanProperties(scan, 'card'));
  return properties;
}

// ---- base models -------------------------------------------------------------------------------------

interface BaseModel {
  id: string;
  entry?: Json;
  path: string;
  relation?: string;
}

function collectBaseModels(card: Json, leftOut: LeftOut[]): BaseModel[] {
  const byId = new Map<string, BaseModel>();
  const upstream = isRecord(card.upstream) ? card.upstream : {};
  if (card.upstream !== undefined && !isRecord(card.upstream)) leftOut.push({ path: 'upstream', reason: 'not a mapping' });
  asList(upstream.base_models).forEach((entry, i) => {
    const path = `upstream.base_models[${i}]`;
    const id = isRecord(entry) ? idOf(entry.id) : undefined;
    if (!isRecord(entry) || !id) return void leftOut.push({ path, reason: 'a base model without an id' });
    if (!byId.has(id)) byId.set(id, { id, entry, path, relation: typeof entry.relation === 'string' ? entry.relation : undefined });
  });
  const listed = asList(card.base_model);
  listed.forEach((value, i) => {
    const id = idOf(value);
    if (!id) return void leftOut.push({ path: Array.isArray(card.base_model) ? `base_model[${i}]` : 'base_model', reason: 'not a model id' });
    const known = byId.get(id);
    const relation = typeof card.base_model_relation === 'string' ? card.base_model_relation : undefined;
    if (known) known.relation ??= relation;
    else byId.set(id, { id, path: 'base_model', relation });
  });
  return [...byId.values()];
}

function baseModelComponent(base: BaseModel, ref: string, leftOut: LeftOut[]): Json {
  const component: Json = { type: 'machine-learning-model', 'bom-ref': ref, name: base.id, ...purlOf(base.id) };
  const licenses = base.entry ? licenseChoice(base.entry.license, base.entry.license_name, base.entry.license_link, `${base.path}.license`, leftOut) : undefined;
  if (licenses) component.licenses = licenses;
  else if (!base.entry || base.entry.license === undefined) leftOut.push({ path: base.path, reason: `no license given for base model ${base.id} (add it under upstream.base_models)` });
  if (base.relation) component.properties = [{ name: `${PROPERTY_PREFIX}relation`, value: base.relation }];
  return component;
}

// ---- datasets ----------------------------------------------------------------------------------------

interface Dataset {
  id: string;
  entry?: Json;
  path: string;
  samples: string[];
}

function collectDatasets(card: Json, leftOut: LeftOut[]): Dataset[] {
  const byId = new Map<string, Dataset>();
  const upstream = isRecord(card.upstream) ? card.upstream : {};
  asList(upstream.datasets).forEach((entry, i) => {
    const path = `upstream.datasets[${i}]`;
    const id = isRecord(entry) ? idOf(entry.id) : undefined;
    if (!isRecord(entry) || !id) return void leftOut.push({ path, reason: 'a dataset without an id' });
    const samples = asList(entry.samples).filter((s): s is string => typeof s === 'string' && s.trim() !== '');
    if (!byId.has(id)) byId.set(id, { id, entry, path, samples: unique(samples) });
  });
  asList(card.datasets).forEach((value, i) => {
    const id = idOf(value);
    if (!id) return void leftOut.push({ path: Array.isArray(card.datasets) ? `datasets[${i}]` : 'datasets', reason: 'not a dataset id' });
    if (!byId.has(id)) byId.set(id, { id, path: 'datasets', samples: [] });
  });
  return [...byId.values()];
}

function datasetComponent(dataset: Dataset, ref: string, privacy: Json, scan: ScanFacts | undefined, leftOut: LeftOut[]): Json {
  const component: Json = { type: 'data', 'bom-ref': ref, name: dataset.id };
  const licenses = dataset.entry ? licenseChoice(dataset.entry.license, dataset.entry.license_name, dataset.entry.license_link, `${dataset.path}.license`, leftOut) : undefined;
  if (licenses) component.licenses = licenses;
  else if (!dataset.entry || dataset.entry.license === undefined) leftOut.push({ path: dataset.path, reason: `no license given for dataset ${dataset.id} (add it under upstream.datasets)` });

  const data: Json = { type: 'dataset', name: dataset.id };
  const categories = [...stringList(privacy.pii_categories, 'privacy.pii_categories', []), ...stringList(privacy.special_categories, 'privacy.special_categories', [])];
  const scanned = scan && scanOfDataset(scan, dataset);
  const foundTypes = scanned ? Object.keys(scanned.found).filter((type) => scanned.found[type] > 0).sort() : [];
  // Organizations and places (optional scan types) are not personal data by themselves;
  // an organization has no personal-data category.
  const personalFound = foundTypes.some(isPersonalDataType);
  const found = foundTypes.map(cardCategoryOf).filter((category): category is string => category !== undefined);
  if (privacy.personal_data === true) {
    data.classification = stringList(privacy.special_categories, 'privacy.special_categories', []).length ? 'personal data, including special categories (GDPR Art. 9)' : 'personal data';
  } else if (privacy.personal_data === false) {
    data.classification = personalFound ? 'personal data found by a scan (the card declares none)' : 'no personal data';
  } else if (personalFound) {
    data.classification = 'personal data found by a scan';
  }
  const sensitive = unique(privacy.personal_data === true ? [...categories, ...found] : personalFound ? found : []);
  if (sensitive.length) data.sensitiveData = sensitive;
  if (dataset.samples.length) data.contents = { properties: dataset.samples.map((sample) => ({ name: `${PROPERTY_PREFIX}sample`, value: sample })) };
  component.data = [data];

  const properties: Json[] = [];
  if (typeof privacy.personal_data === 'boolean') properties.push({ name: `${PROPERTY_PREFIX}personal_data`, value: String(privacy.personal_data) });
  const citation = dataset.entry?.citation;
  if (typeof citation === 'string' && citation.trim() !== '') properties.push({ name: `${PROPERTY_PREFIX}citation`, value: citation.trim() });
  if (scanned) properties.push(...scanProperties(scanned, 'dataset'));
  if (properties.length) component.properties = properties;
  return component;
}

/** The part of a scan about a dataset's samples; undefined when none of them was scanned. */
function scanOfDataset(scan: ScanFacts, dataset: Dataset): ScanFacts | undefined {
  if (dataset.samples.length === 0) return undefined;
  const samples = dataset.samples.map(normalizePath);
  if (scan.byFile) {
    const byFile = new Map(Object.entries(scan.byFile).map(([file, counts]) => [normalizePath(file), counts]));
    const covered = samples.filter((sample) => byFile.has(sample));
    if (covered.length === 0) return undefined;
    const found: Record<string, number> = {};
    for (const sample of covered) {
      for (const [type, count] of Object.entries(byFile.get(sample) ?? {})) if (Number.isFinite(count)) found[type] = (found[type] ?? 0) + count;
    }
    return { ...scan, found, files: covered };
  }
  if (!scan.files) return scan;
  const files = new Set(scan.files.map(normalizePath));
  return samples.some((sample) => files.has(sample)) ? scan : undefined;
}

function normalizePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** The card's own record of its last scan (`privacy.pii_scan`). */
function recordedScan(privacy: Json): ScanFacts | undefined {
  const recorded = isRecord(privacy.pii_scan) ? privacy.pii_scan : undefined;
  if (!recorded) return undefined;
  const found: Record<string, number> = {};
  if (isRecord(recorded.counts)) {
    for (const [type, count] of Object.entries(recorded.counts)) if (typeof count === 'number' && Number.isFinite(count) && count >= 0) found[type] = count;
  }
  return {
    found,
    date: scalarText(recorded.date),
    tool: scalarText(recorded.tool),
    model: scalarText(recorded.model),
    files: Array.isArray(recorded.files) ? recorded.files.filter((f): f is string => typeof f === 'string') : undefined,
  };
}

function scanProperties(scan: ScanFacts, scope: 'card' | 'dataset'): Json[] {
  const properties: Json[] = [];
  const add = (name: string, value: string | undefined) => value !== undefined && properties.push({ name: `${PROPERTY_PREFIX}pii_scan.${name}`, value });
  if (scope === 'card') {
    add('date', scan.date);
    add('tool', scan.tool);
    add('model', scan.model);
    for (const file of scan.files ?? []) add('file', file);
  }
  for (const type of Object.keys(scan.found).sort()) add(`found.${type}`, String(scan.found[type]));
  return properties;
}

// ---- licenses ----------------------------------------------------------------------------------------

/**
 * A CycloneDX license choice for a Hub license id: the SPDX id where SPDX has one, else the
 * license's name and link; the Hub id always as a property (`cardwright:hub_license`).
 */
export function licenseChoice(license: unknown, licenseName: unknown, licenseLink: unknown, path: string, leftOut: LeftOut[]): Json[] | undefined {
  if (license === undefined || license === null) return undefined;
  if (typeof license !== 'string' || !license.trim()) {
    leftOut.push({ path, reason: 'the license is not a Hub license id' });
    return undefined;
  }
  const id = license.trim();
  const hub = [{ name: `${PROPERTY_PREFIX}hub_license`, value: id }];
  const link = typeof licenseLink === 'string' && licenseLink.trim() ? { url: licenseLink.trim() } : {};
  if (id === 'unknown') {
    leftOut.push({ path, reason: 'the license is `unknown`' });
    return undefined;
  }
  if (id === 'other') {
    const name = typeof licenseName === 'string' && licenseName.trim() ? licenseName.trim() : undefined;
    if (!name) leftOut.push({ path, reason: '`license: other` without a license_name' });
    return [{ license: { name: name ?? 'other', ...link, properties: hub } }];
  }
  const fact = licenseFacts(id);
  if (!fact) {
    leftOut.push({ path, reason: `\`${id}\` is not a Hub license id; exported as a license name` });
    return [{ license: { name: id, ...link, properties: hub } }];
  }
  if (fact.spdx && !fact.isFamily) return [{ license: { id: fact.spdx, properties: hub } }];
  return [{ license: { name: fact.name, ...(fact.link ? { url: fact.link } : {}), properties: hub } }];
}

// ---- helpers -----------------------------------------------------------------------------------------

/** Gives each component a unique `bom-ref`. */
class RefAllocator {
  private readonly used = new Set<string>();
  take(wanted: string): string {
    let ref = wanted;
    for (let n = 2; this.used.has(ref); n++) ref = `${wanted}#${n}`;
    this.used.add(ref);
    return ref;
  }
}

/** `pkg:huggingface/owner/name` for Hub model ids (the purl type for Hugging Face models). */
function purlOf(id: string): { purl?: string } {
  const parts = id.split('/');
  if (parts.length > 2 || !parts.every((part) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part))) return {};
  return { purl: `pkg:huggingface/${parts.map(encodeURIComponent).join('/')}` };
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

/** Strings from one string or a list; other items are reported. */
function stringList(value: unknown, path: string, leftOut: LeftOut[]): string[] {
  const out: string[] = [];
  const list = asList(value);
  list.forEach((item, i) => {
    const text = scalarText(item);
    if (text !== undefined) out.push(text.trim());
    else leftOut.push({ path: Array.isArray(value) ? `${path}[${i}]` : path, reason: 'not text' });
  });
  return out;
}

/** Scalars and lists of scalars of a section as `cardwright:section.key.sub` properties. */
function flatten(section: Json, path: string, leftOut: LeftOut[], skip: string[] = []): Json[] {
  const properties: Json[] = [];
  const visit = (value: unknown, at: string, depth: number): void => {
    const text = scalarText(value);
    if (text !== undefined) return void properties.push({ name: PROPERTY_PREFIX + at, value: text });
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const itemText = scalarText(item);
        if (itemText !== undefined) properties.push({ name: PROPERTY_PREFIX + at, value: itemText });
        else if (item !== null && item !== undefined) leftOut.push({ path: `${at}[${i}]`, reason: 'nested lists and mappings in lists are not mapped' });
      });
      return;
    }
    if (isRecord(value) && depth < 4) {
      for (const key of Object.keys(value)) visit(value[key], `${at}.${key}`, depth + 1);
      return;
    }
    if (value !== null && value !== undefined) leftOut.push({ path: at, reason: 'too deeply nested to map' });
  };
  for (const key of Object.keys(section)) if (!skip.includes(key)) visit(section[key], `${path}.${key}`, 1);
  return properties;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
