/**
 * The card against its own model: a `pipeline_tag` the model's head cannot serve, widget output
 * labels the model does not have, expected widget outputs the model does not give, personal data
 * in widget examples, and a `cardwright.model_path` that names no model. Pure: the server finds the
 * model, reads its config.json, runs it and the PII detector on the examples, and passes the facts.
 */
import { nodeAt, rangeOfPath, spanOfNode } from '../cardDocument';
import { compareOutputs } from '../cardModel/outputComparison';
import { ModelConfigFacts, tasksServedBy } from '../cardModel/modelTasks';
import { entityOf } from '../cardModel/tokenSpans';
import { fileSpanOf, LabelScore, widgetExamplesOf } from '../cardModel/widgetExamples';
import { Finding } from '../finding';
import { RuleContext } from './rule';

export interface CardModelFacts {
  /** The model found for the card (its config.json), if any. */
  model?: ModelConfigFacts & { folder: string; foundBy: 'card-folder' | 'model-path' };
  /** Why `cardwright.model_path` names no usable model (absent when it is unset or fine). */
  modelPathProblem?: string;
  /** The model's answer per widget example text (label tasks). */
  outputs?: ReadonlyMap<string, readonly LabelScore[]>;
  /** Personal data the PII detector found per widget example text; offsets into the text. */
  pii?: ReadonlyMap<string, ReadonlyArray<{ start: number; end: number; type: string; score: number }>>;
}

export function cardModelChecks(context: RuleContext, facts: CardModelFacts | undefined): Finding[] {
  if (!facts) return [];
  return [...modelPath(context, facts), ...taskMismatch(context, facts), ...unknownLabels(context, facts), ...outputMismatches(context, facts), ...piiInExamples(context, facts)];
}

function modelPath({ card }: RuleContext, facts: CardModelFacts): Finding[] {
  if (!facts.modelPathProblem) return [];
  return [
    {
      code: 'widget/model-not-found',
      severity: 'warning',
      message: `\`cardwright.model_path\` names no usable model: ${facts.modelPathProblem}. A model folder holds config.json, tokenizer.json and onnx/model.onnx (or onnx/model_quantized.onnx).`,
      ...rangeOfPath(card, ['cardwright', 'model_path']),
      data: { problem: facts.modelPathProblem },
    },
  ];
}

function taskMismatch({ card, value }: RuleContext, facts: CardModelFacts): Finding[] {
  const model = facts.model;
  const tag = value.pipeline_tag;
  if (!model || typeof tag !== 'string') return [];
  const served = tasksServedBy(model);
  if (!served || served.has(tag)) return [];
  return [
    {
      code: 'widget/task-mismatch',
      severity: 'warning',
      message: `\`pipeline_tag: ${tag}\` does not fit the card's model: ${model.name} is a ${model.architectures.join(', ')}, which serves ${[...served].join(', ')}. The Hub's widget and the sidebar would run the wrong task.`,
      ...rangeOfPath(card, ['pipeline_tag']),
      data: { pipelineTag: tag, served: [...served], architectures: [...model.architectures], model: model.name },
    },
  ];
}

/** Labels the model can answer with: id2label, without B-/I- for token classification. */
function modelLabels(model: ModelConfigFacts): Set<string> {
  const labels = new Set<string>();
  for (const label of model.labels) {
    if (typeof label !== 'string') continue;
    labels.add(label);
    const entity = entityOf(label);
    if (entity) labels.add(entity.entity);
  }
  return labels;
}

function unknownLabels(context: RuleContext, facts: CardModelFacts): Finding[] {
  const model = facts.model;
  // Zero-shot labels are the example's own candidates, not the model's.
  if (!model || model.labels.length === 0 || context.value.pipeline_tag === 'zero-shot-classification') return [];
  const known = modelLabels(model);
  const findings: Finding[] = [];
  for (const example of widgetExamplesOf(context.card)) {
    (example.expected ?? []).forEach((item, j) => {
      if (known.has(item.label)) return;
      const path = ['widget', example.index, 'output', j, 'label'];
      findings.push({
        code: 'widget/unknown-label',
        severity: 'warning',
        message: `The widget example's output label \`${item.label}\` is not one of the model's labels (${[...model.labels].join(', ')}).`,
        ...(spanOfNode(context.card, nodeAt(context.card, path)) ?? rangeOfPath(context.card, ['widget', example.index, 'output'], 'key')),
        data: { label: item.label, labels: [...model.labels], example: example.index },
      });
    });
  }
  return findings;
}

function outputMismatches(context: RuleContext, facts: CardModelFacts): Finding[] {
  if (!facts.outputs || !facts.model) return [];
  const findings: Finding[] = [];
  for (const example of widgetExamplesOf(context.card)) {
    const actual = facts.outputs.get(example.text);
    if (!example.expected || !actual) continue;
    const mismatch = compareOutputs(example.expected, actual);
    if (!mismatch) continue;
    const shown = actual.map((a) => `${a.label} ${(a.score ?? 0).toFixed(2)}`).join(', ');
    findings.push({
      code: 'widget/output-mismatch',
      severity: 'warning',
      message:
        mismatch.reason === 'top-label'
          ? `The card expects \`${mismatch.expected}\` for this example, but ${facts.model.name} answers \`${mismatch.actual}\` (${shown}).`
          : `The card gives \`${mismatch.label}\` a score of ${mismatch.expected}, but ${facts.model.name} gives ${mismatch.actual.toFixed(2)} (${shown}).`,
      ...rangeOfPath(context.card, ['widget', example.index, 'output'], 'key'),
      data: { example: example.index, mismatch, actual: actual.map((a) => ({ label: a.label, score: a.score })) },
    });
  }
  return findings;
}

function piiInExamples(context: RuleContext, facts: CardModelFacts): Finding[] {
  if (!facts.pii) return [];
  const findings: Finding[] = [];
  for (const example of widgetExamplesOf(context.card)) {
    for (const span of facts.pii.get(example.text) ?? []) {
      if (!(span.start >= 0 && span.end > span.start && span.end <= example.text.length)) continue;
      const at = fileSpanOf(context.card, example, span.start, span.end);
      findings.push({
        code: 'privacy/pii-in-widget-example',
        severity: 'warning',
        message: `Possible ${span.type} in a widget example (score ${span.score.toFixed(2)}): widget examples are published with the card and shown on the model page.`,
        start: at.start,
        end: at.end,
        data: { type: span.type, score: span.score, example: example.index, valueStart: span.start, valueEnd: span.end, exact: at.exact },
      });
    }
  }
  return findings;
}
