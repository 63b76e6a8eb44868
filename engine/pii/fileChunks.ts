/**
 * Streams a sample file as string chunks, decoded from UTF-8 or from UTF-16 with a byte order
 * mark; the mark itself is dropped, as editors do, so offsets are those of the text an editor shows.
 */
import * as fs from 'node:fs';
import { decodeSampleBytes, SampleEncoding, sampleDecoder } from '../../core/pii/readers/textEncoding';

export const CHUNK_BYTES = 1 << 16;

export async function* fileChunks(file: string, onBytes?: (bytesRead: number) => void, encoding: SampleEncoding = 'utf-8'): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  // TextDecoder drops a leading byte order mark of its encoding and keeps surrogate pairs and
  // multi-byte sequences cut between two buffers whole.
  const decoder = sampleDecoder(encoding);
  let bytes = 0;
  for await (const buffer of stream as AsyncIterable<Buffer>) {
    bytes += buffer.length;
    const text = decoder.decode(buffer, { stream: true });
    onBytes?.(bytes);
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** The first bytes of a file, for format and binary detection. */
export async function fileHead(file: string, length = 8192): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A whole sample file as the text an editor shows (for redaction of a file that is not open). */
export function readSampleText(file: string): string {
  return decodeSampleBytes(fs.readFileSync(file));
}
