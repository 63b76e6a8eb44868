/**
 * `cardwright/classifierInputs`: the texts the Test Classifier view runs on. The server reads the
 * card (the editor's text when it is open) and the sample files, so the extension host only asks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cardSamplePaths, randomRecord, widgetExamples } from '../core/classifierInputs';
import { detectBinary } from '../core/pii/readers/sampleFormat';
import { decodeSampleBytes } from '../core/pii/readers/textEncoding';
import { ClassifierInputsParams, ClassifierInputsResult, Requests } from '../protocol/messages';
import { filePathOf } from './documentUris';

/** How much of a sample file is read to pick a record from. */
const MAX_SAMPLE_BYTES = 1 << 20;

export function registerClassifierInputs(connection: Connection, documents: TextDocuments<TextDocument>): void {
  connection.onRequest(Requests.classifierInputs, (params: ClassifierInputsParams): ClassifierInputsResult => classifierInputs(params, documents));
}

export function classifierInputs(params: ClassifierInputsParams, documents: TextDocuments<TextDocument>, random: () => number = Math.random): ClassifierInputsResult {
  const card = params?.cardUri ? filePathOf(params.cardUri) : undefined;
  const cardText = card && params.cardUri ? (documents.get(params.cardUri)?.getText() ?? readHead(card)) : undefined;
  if (params?.kind === 'widgetExamples') return { texts: cardText ? widgetExamples(cardText) : [] };

  const candidates: string[] = [];
  if (card && cardText) candidates.push(...cardSamplePaths(cardText).map((p) => path.resolve(path.dirname(card), p)));
  for (const uri of Array.isArray(params?.sampleUris) ? params.sampleUris : []) {
    const file = filePathOf(uri);
    if (file) candidates.push(file);
  }
  const readable = [...new Set(candidates)].filter((file) => !/\.(parquet|pq)$/i.test(file) && isFile(file));
  for (const file of shuffle(readable, random)) {
    const record = randomRecord(documents.get(pathToFileURL(file).href)?.getText() ?? readHead(file) ?? '', file, random);
    if (record) return { texts: [record] };
  }
  return { texts: [] };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first MiB of a file as text; undefined when it cannot be read or is binary (no records to show). */
function readHead(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(Math.min(MAX_SAMPLE_BYTES, fs.fstatSync(fd).size));
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, read);
    return detectBinary(head.subarray(0, 8192)).binary ? undefined : decodeSampleBytes(head);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
