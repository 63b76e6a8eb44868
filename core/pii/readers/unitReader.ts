/** The shape every sample-file reader has: push string chunks in file order, get finished units. */
import { TextUnit } from './textUnit';

export interface UnitReader {
  push(chunk: string): TextUnit[];
  /** The file ended: flush what is pending. */
  end(): TextUnit[];
  /** Problems the reader tolerated (malformed JSON lines...), for the scan report. */
  readonly warnings: string[];
}

/** Default size limits: units are split beyond these so memory stays bounded. */
export const MAX_UNIT_CHARS = 16384;

/** Reads a whole stream of string chunks through a reader, yielding units as they complete. */
export async function* readUnits(chunks: AsyncIterable<string> | Iterable<string>, reader: UnitReader): AsyncGenerator<TextUnit> {
  for await (const chunk of chunks) {
    for (const unit of reader.push(chunk)) yield unit;
  }
  for (const unit of reader.end()) yield unit;
}
