/**
 * Runs a card's own model on texts for the task the card declares, through transformers.js
 * (text-classification, fill-mask, zero-shot-classification pipelines) or, for
 * token-classification, through Cardwright's token classifier, whose tokenizer knows each token's
 * offsets. Loading happens on first use; a model that fails to load says which file and why.
 */
import * as path from 'node:path';
import type { RunnableTask } from '../../core/cardModel/modelTasks';
import { groupTokenLabels, LabelledSpan, TokenPrediction } from '../../core/cardModel/tokenSpans';
import type { LabelScore } from '../../core/cardModel/widgetExamples';
import { firstWindowTokenLabels, loadLocalPipeline, loadTokenClassifier, ModelLoadError, TaskPipeline, TokenClassifier } from '../pii/modelRuntime';
import type { LocalModel } from './findCardModel';

export type TaskOutput =
  | { kind: 'labels'; labels: Array<{ label: string; score: number }> }
  | { kind: 'spans'; spans: LabelledSpan[] }
  | { kind: 'fills'; fills: Array<{ token: string; sequence: string; score: number }> };

export interface RunOptions {
  /** Zero-shot: the labels to choose from. */
  candidateLabels?: readonly string[];
}

export interface CardModelRunner {
  readonly model: LocalModel;
  readonly task: RunnableTask;
  run(text: string, options?: RunOptions): Promise<TaskOutput>;
  dispose(): Promise<void>;
}

/** Texts are cut to this many characters (the sidebar shows one page of results). */
const MAX_TEXT = 5000;

export async function loadCardModelRunner(model: LocalModel, task: RunnableTask): Promise<CardModelRunner> {
  const onnx = path.relative(model.folder, model.onnxFile);
  const failed = (error: unknown): ModelLoadError =>
    new ModelLoadError(`could not load ${model.name} (${onnx} in ${model.folder}): ${error instanceof Error ? error.message : String(error)}`);
  if (task === 'token-classification') {
    let classifier: TokenClassifier;
    try {
      classifier = await loadTokenClassifier({ model: model.folder, dtype: model.dtype, labelMapping: {} });
    } catch (error) {
      throw failed(error);
    }
    return {
      model,
      task,
      run: async (text) => ({ kind: 'spans', spans: await tokenSpans(classifier, text.slice(0, MAX_TEXT)) }),
      dispose: () => classifier.dispose(),
    };
  }
  let pipe: TaskPipeline;
  try {
    pipe = await loadLocalPipeline(task, model.folder, model.dtype);
  } catch (error) {
    throw failed(error);
  }
  return {
    model,
    task,
    run: (text, options) => runPipeline(pipe, task, text.slice(0, MAX_TEXT), options ?? {}),
    dispose: async () => {
      await pipe.dispose?.();
    },
  };
}

async function runPipeline(pipe: TaskPipeline, task: RunnableTask, text: string, options: RunOptions): Promise<TaskOutput> {
  if (task === 'text-classification') {
    const answer = await pipe(text, { top_k: null });
    return { kind: 'labels', labels: sortLabels(flatList(answer)) };
  }
  if (task === 'zero-shot-classification') {
    const candidates = (options.candidateLabels ?? []).filter((label) => label.trim());
    if (candidates.length === 0) throw new Error('zero-shot classification needs candidate labels: add `candidate_labels: a, b, c` to the widget example');
    const answer = (await (pipe as unknown as (t: string, labels: string[], o: object) => Promise<unknown>)(text, [...candidates], {})) as { labels?: string[]; scores?: number[] };
    const labels = (answer.labels ?? []).map((label, i) => ({ label, score: Number(answer.scores?.[i] ?? 0) }));
    return { kind: 'labels', labels: sortLabels(labels) };
  }
  // fill-mask
  const mask = (pipe as unknown as { tokenizer?: { mask_token?: string } }).tokenizer?.mask_token ?? '[MASK]';
  if (!text.includes(mask)) throw new Error(`fill-mask needs the mask token ${mask} in the text`);
  const answer = await pipe(text, { top_k: 5 });
  const fills = flatList(answer).map((item) => {
    const fill = item as unknown as { token_str?: string; sequence?: string; score?: number };
    return { token: String(fill.token_str ?? ''), sequence: String(fill.sequence ?? ''), score: Number(fill.score ?? 0) };
  });
  return { kind: 'fills', fills };
}

function flatList(answer: unknown): Array<{ label: string; score: number }> {
  const list = Array.isArray(answer) ? (Array.isArray(answer[0]) ? answer[0] : answer) : [answer];
  return (list as Array<Record<string, unknown>>).filter((item) => item && typeof item === 'object').map((item) => ({ ...item, label: String(item.label ?? ''), score: Number(item.score ?? 0) }));
}

function sortLabels(labels: Array<{ label: string; score: number }>): Array<{ label: string; score: number }> {
  return labels.map(({ label, score }) => ({ label, score })).sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

/** Per-token argmax over the first window of the text, grouped into labelled spans. */
async function tokenSpans(model: TokenClassifier, text: string): Promise<LabelledSpan[]> {
  const predictions: TokenPrediction[] = await firstWindowTokenLabels(model, text);
  return groupTokenLabels(predictions);
}

/** The labels of an output, for comparing with the card's expected `output`. */
export function labelsOf(output: TaskOutput): LabelScore[] | undefined {
  return output.kind === 'labels' ? output.labels : undefined;
}
