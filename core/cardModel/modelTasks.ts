/**
 * Which tasks (`pipeline_tag`s) a model can serve, read from its config.json alone (the
 * `architectures` class names and `id2label`): no model run. The sidebar runs four of them.
 */

/** What config.json says about a model, as the server read it. */
export interface ModelConfigFacts {
  /** The folder's name. */
  name: string;
  /** `architectures`, e.g. `BertForSequenceClassification`. */
  architectures: readonly string[];
  /** `id2label` values by id. */
  labels: readonly string[];
}

/** Tasks the sidebar can run on a card's own model. */
export const RUNNABLE_TASKS = ['text-classification', 'token-classification', 'fill-mask', 'zero-shot-classification'] as const;
export type RunnableTask = (typeof RUNNABLE_TASKS)[number];

/** Tasks by the suffix of an architecture's class name (Hugging Face's naming). */
const TASKS_BY_HEAD: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/ForSequenceClassification$/, ['text-classification']],
  [/ForTokenClassification$/, ['token-classification']],
  [/ForMaskedLM$/, ['fill-mask']],
  [/ForQuestionAnswering$/, ['question-answering']],
  [/ForMultipleChoice$/, ['multiple-choice']],
  [/(ForCausalLM|LMHeadModel)$/, ['text-generation']],
  [/(ForConditionalGeneration|ForSeq2SeqLM)$/, ['text2text-generation', 'translation', 'summarization', 'text-generation']],
  [/ForImageClassification$/, ['image-classification']],
  [/ForObjectDetection$/, ['object-detection']],
  [/ForAudioClassification$/, ['audio-classification']],
  [/ForCTC$/, ['automatic-speech-recognition']],
  [/ForSpeechSeq2Seq$/, ['automatic-speech-recognition']],
  [/(Model|ForPreTraining)$/, ['feature-extraction', 'sentence-similarity']],
];

/** An NLI head (an `entailment` label) also serves zero-shot classification. */
export function hasEntailmentLabel(labels: readonly string[]): boolean {
  return labels.some((label) => typeof label === 'string' && /^entail/i.test(label));
}

/**
 * The tasks the model's heads serve; undefined when no architecture is one this table knows
 * (then nothing is claimed about the card's `pipeline_tag`).
 */
export function tasksServedBy(model: ModelConfigFacts): Set<string> | undefined {
  const tasks = new Set<string>();
  let known = false;
  for (const architecture of model.architectures) {
    for (const [pattern, served] of TASKS_BY_HEAD) {
      if (!pattern.test(architecture)) continue;
      known = true;
      for (const task of served) tasks.add(task);
      break;
    }
  }
  if (!known) return undefined;
  if (tasks.has('text-classification') && hasEntailmentLabel(model.labels)) tasks.add('zero-shot-classification');
  return tasks;
}

/** The task to run for a card's `pipeline_tag` on this model, or why it cannot be run here. */
export function taskToRun(pipelineTag: string | undefined, model: ModelConfigFacts): { task: RunnableTask } | { unsupported: string } {
  const served = tasksServedBy(model);
  const tag = pipelineTag ?? guessTask(served);
  if (!tag) return { unsupported: 'The card has no `pipeline_tag`, and the model\'s config.json does not say which task it serves.' };
  if (!(RUNNABLE_TASKS as readonly string[]).includes(tag)) {
    return { unsupported: `\`${tag}\` is not supported here; the sidebar runs ${RUNNABLE_TASKS.join(', ')}.` };
  }
  if (served && !served.has(tag)) {
    return { unsupported: `The model (${model.architectures.join(', ')}) cannot serve \`${tag}\`; it serves ${[...served].join(', ')}.` };
  }
  return { task: tag as RunnableTask };
}

function guessTask(served: Set<string> | undefined): string | undefined {
  return served ? RUNNABLE_TASKS.find((task) => served.has(task)) : undefined;
}
