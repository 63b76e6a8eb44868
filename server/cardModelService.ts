/**
 * The card's own model, on the LSP connection: `cardwright/cardModel` (which model, where found,
 * which task), `cardwright/runCardModel` (the sidebar runs it, cancellable), and the facts the
 * card's checks need (core/rules/cardModel): the model's config, its answers on the widget examples
 * that record an expected `output`, and personal data in the examples. Facts are computed in the
 * background when a card's examples or model change; the card is validated again when they arrive.
 */
import * as fs from 'node:fs';
import { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cardOf } from '../core/codeActions/yamlEdits';
import { RunnableTask, taskToRun } from '../core/cardModel/modelTasks';
import { compareOutputs } from '../core/cardModel/outputComparison';
import { LabelScore, widgetExamplesOf } from '../core/cardModel/widgetExamples';
import type { CardModelFacts } from '../core/rules/cardModel';
import { isRecord } from '../core/rules/rule';
import { sourceKindOf } from '../core/cardSource';
import { CardModelRunner, labelsOf, loadCardModelRunner } from '../engine/cardModel/cardModelRunner';
import { CardModelLookup, findCardModel, LocalModel } from '../engine/cardModel/findCardModel';
import {
  CardModelDto,
  CardModelParams,
  CardModelResult,
  CardModelRunItemDto,
  ClassifierInputsParams,
  Requests,
  RunCardModelParams,
  RunCardModelResult,
} from '../protocol/messages';
import { classifierInputs } from './classifierInputs';
import { fileNameOf, filePathOf } from './documentUris';
import type { PiiService } from './piiService';

export interface CardModelServiceHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  pii: Pick<PiiService, 'detectTexts'>;
  /** Whether checks run at all (`cardwright.validation.enable`). */
  enabled(): boolean;
  /** New facts for a card: validate it again. */
  onFactsChanged(cardUri: string): void;
}

export interface CardModelService {
  /** The facts last computed for this card; starts computing new ones when the card's examples or model changed. */
  factsOf(cardUri: string, text: string): CardModelFacts | undefined;
  forget(cardUri: string): void;
  dispose(): Promise<void>;
}

const NO_MODEL_HELP =
  'Put the model next to the card (config.json, tokenizer.json and onnx/model.onnx or onnx/model_quantized.onnx, as transformers.js loads it), or point `cardwright.model_path` in the card at its folder.';

/** The labels tasks, whose answers can be compared with a card's expected `output`. */
const LABEL_TASKS: readonly RunnableTask[] = ['text-classification', 'zero-shot-classification'];

export function registerCardModelService(host: CardModelServiceHost): CardModelService {
  const { connection, documents } = host;
  const facts = new Map<string, { key: string; facts?: CardModelFacts; pending?: boolean }>();
  let loaded: { key: string; runner: Promise<CardModelRunner> } | undefined;

  /** One loaded model at a time (the last card's); loaded on first use. */
  function runnerFor(model: LocalModel, task: RunnableTask): { runner: Promise<CardModelRunner>; fresh: boolean } {
    const key = JSON.stringify([model.version, task]);
    if (loaded?.key === key) return { runner: loaded.runner, fresh: false };
    const previous = loaded;
    const runner = loadCardModelRunner(model, task);
    runner.catch(() => undefined);
    loaded = { key, runner };
    void previous?.runner.then((r) => r.dispose()).catch(() => undefined);
    return { runner, fresh: true };
  }

  function cardText(cardUri: string): { text: string; file: string } | { error: string } {
    const file = filePathOf(cardUri);
    if (!file) return { error: 'The card is not a file on disk: save it first.' };
    const open = documents.get(cardUri)?.getText();
    if (open !== undefined) return { text: open, file };
    try {
      return { text: fs.readFileSync(file, 'utf8'), file };
    } catch (error) {
      return { error: `Cannot read the card: ${(error as Error).message}` };
    }
  }

  function describe(cardUri: string | undefined): { result: CardModelResult; model?: LocalModel; task?: RunnableTask; text?: string } {
    if (!cardUri) return { result: { message: `No model card is open. Open a model-card.yaml to try its model. ${NO_MODEL_HELP}` } };
    const read = cardText(cardUri);
    if ('error' in read) return { result: { cardUri, message: read.error } };
    const card = cardOf(read.text, fileNameOf(cardUri));
    const value = isRecord(card?.value) ? card.value : {};
    const lookup = findCardModel(read.file, isRecord(value.cardwright) ? value.cardwright.model_path : undefined);
    if (!lookup.model) {
      const why = lookup.problem ? `\`cardwright.model_path\` names no usable model: ${lookup.problem}.` : `No model next to the card in ${lookup.searched}.`;
      return { result: { cardUri, message: `${why} ${NO_MODEL_HELP}` }, text: read.text };
    }
    const pipelineTag = typeof value.pipeline_tag === 'string' ? value.pipeline_tag : undefined;
    const plan = taskToRun(pipelineTag, lookup.model);
    return {
      result: { cardUri, model: toDto(lookup.model, pipelineTag, plan) },
      model: lookup.model,
      task: 'task' in plan ? plan.task : undefined,
      text: read.text,
    };
  }

  connection.onRequest(Requests.cardModel, (params: CardModelParams): CardModelResult => describe(params?.cardUri).result);

  connection.onRequest(Requests.runCardModel, async (params: RunCardModelParams, token: CancellationToken): Promise<RunCardModelResult> => {
    const started = Date.now();
    const described = describe(params?.cardUri);
    const { model, task } = described;
    const dto = described.result.model;
    if (!model || !task) return { model: dto, items: [], error: dto?.unsupported ?? described.result.message, cancelled: false, inferenceMs: 0 };
    const card = described.text !== undefined ? cardOf(described.text, fileNameOf(params.cardUri!)) : undefined;
    const examples = card ? widgetExamplesOf(card) : [];
    const defaultCandidates = examples.find((e) => e.candidateLabels)?.candidateLabels;
    let inputs: Array<{ text: string; title?: string; expected?: LabelScore[]; candidateLabels?: string[] }>;
    if (params.source === 'widgetExamples') {
      inputs = examples.map((e) => ({ text: e.text, title: e.title, expected: e.expected, candidateLabels: e.candidateLabels }));
      if (inputs.length === 0) return { model: dto, items: [], error: 'The card has no `widget` examples with a `text`.', cancelled: false, inferenceMs: 0 };
    } else if (params.source === 'sampleRecord') {
      const sample: ClassifierInputsParams = { kind: 'sampleRecord', cardUri: params.cardUri, sampleUris: params.sampleUris };
      const [record] = classifierInputs(sample, documents).texts;
      if (!record) return { model: dto, items: [], error: 'No sample file with records was found. List samples in the card or scan a dataset first.', cancelled: false, inferenceMs: 0 };
      inputs = [{ text: record }];
    } else {
      const text = typeof params.text === 'string' ? params.text : '';
      if (!text.trim()) return { model: dto, items: [], error: 'Enter some text first.', cancelled: false, inferenceMs: 0 };
      inputs = [{ text }];
    }
    const { runner: pending, fresh } = runnerFor(model, task);
    let runner: CardModelRunner;
    try {
      runner = await pending;
    } catch (error) {
      return { model: dto, items: [], error: errorText(error), cancelled: false, inferenceMs: 0 };
    }
    const loadMs = fresh ? Date.now() - started : undefined;
    const inferenceStarted = Date.now();
    const items: CardModelRunItemDto[] = [];
    for (const input of inputs) {
      if (token.isCancellationRequested) return { model: dto, items, cancelled: true, ...(loadMs !== undefined ? { loadMs } : {}), inferenceMs: Date.now() - inferenceStarted };
      const item: CardModelRunItemDto = { text: input.text, ...(input.title ? { title: input.title } : {}), ...(input.expected ? { expected: input.expected } : {}) };
      try {
        item.output = await runner.run(input.text, { candidateLabels: input.candidateLabels ?? defaultCandidates });
        const actual = labelsOf(item.output);
        const mismatch = input.expected && actual ? compareOutputs(input.expected, actual) : undefined;
        if (mismatch) {
          item.mismatch = mismatch.reason === 'top-label'
            ? `The card expects ${mismatch.expected}; the model answers ${mismatch.actual}.`
            : `The card gives ${mismatch.label} ${mismatch.expected}; the model gives ${mismatch.actual.toFixed(2)}.`;
        }
      } catch (error) {
        item.error = errorText(error);
      }
      items.push(item);
    }
    return { model: dto, items, cancelled: false, ...(loadMs !== undefined ? { loadMs } : {}), inferenceMs: Date.now() - inferenceStarted };
  });

  async function compute(cardUri: string, text: string, lookup: CardModelLookup, pipelineTag: string | undefined): Promise<CardModelFacts> {
    const card = cardOf(text, fileNameOf(cardUri));
    const examples = card ? widgetExamplesOf(card) : [];
    const out: CardModelFacts = {};
    if (lookup.model) out.model = lookup.model;
    else if (lookup.problem) out.modelPathProblem = lookup.problem;
    const texts = [...new Set(examples.map((e) => e.text))];
    if (texts.length > 0) {
      const found = await host.pii.detectTexts(texts);
      out.pii = new Map(texts.map((t, i) => [t, found[i] ?? []]));
    }
    const withExpected = examples.filter((e) => e.expected);
    if (lookup.model && withExpected.length > 0) {
      const plan = taskToRun(pipelineTag, lookup.model);
      if ('task' in plan && LABEL_TASKS.includes(plan.task)) {
        try {
          const runner = await runnerFor(lookup.model, plan.task).runner;
          const outputs = new Map<string, LabelScore[]>();
          const candidates = examples.find((e) => e.candidateLabels)?.candidateLabels;
          for (const example of withExpected) {
            const labels = labelsOf(await runner.run(example.text, { candidateLabels: example.candidateLabels ?? candidates }));
            if (labels) outputs.set(example.text, labels);
          }
          out.outputs = outputs;
        } catch (error) {
          connection.console.warn(`Cardwright could not run the card's model: ${errorText(error)}`);
        }
      }
    }
    return out;
  }

  return {
    factsOf(cardUri, text) {
      const file = filePathOf(cardUri);
      if (!file || !host.enabled() || !sourceKindOf(fileNameOf(cardUri))) return undefined;
      const card = cardOf(text, fileNameOf(cardUri));
      const value = isRecord(card?.value) ? card.value : undefined;
      if (!card || !value) return facts.get(cardUri)?.facts;
      const modelPath = isRecord(value.cardwright) ? value.cardwright.model_path : undefined;
      const lookup = findCardModel(file, modelPath);
      const pipelineTag = typeof value.pipeline_tag === 'string' ? value.pipeline_tag : undefined;
      const examples = widgetExamplesOf(card).map((e) => [e.text, e.expected ?? null, e.candidateLabels ?? null]);
      const key = JSON.stringify([lookup.model?.version ?? null, 'problem' in lookup ? lookup.problem ?? null : null, pipelineTag ?? null, examples]);
      const known = facts.get(cardUri);
      if (known?.key === key) return known.facts;
      // Until the new facts are in, the old ones stand (they are keyed by example text, so a stale one cannot land on another example).
      const entry: { key: string; facts?: CardModelFacts; pending?: boolean } = { key, facts: known?.facts, pending: true };
      facts.set(cardUri, entry);
      void compute(cardUri, text, lookup, pipelineTag).then(
        (computed) => {
          if (facts.get(cardUri) !== entry) return;
          entry.facts = computed;
          entry.pending = false;
          host.onFactsChanged(cardUri);
        },
        (error) => connection.console.error(`Cardwright could not check the card's model: ${errorText(error)}`),
      );
      return entry.facts;
    },
    forget(cardUri) {
      facts.delete(cardUri);
    },
    async dispose() {
      await loaded?.runner.then((r) => r.dispose()).catch(() => undefined);
    },
  };
}

function toDto(model: LocalModel, pipelineTag: string | undefined, plan: { task: RunnableTask } | { unsupported: string }): CardModelDto {
  return {
    name: model.name,
    folder: model.folder,
    sizeBytes: model.sizeBytes,
    quantization: model.dtype === 'q8' ? 'int8' : 'fp32',
    architectures: [...model.architectures],
    labels: [...model.labels],
    foundBy: model.foundBy,
    ...(pipelineTag ? { pipelineTag } : {}),
    ...('task' in plan ? { task: plan.task } : { unsupported: plan.unsupported }),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
