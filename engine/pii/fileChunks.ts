/** Streams a UTF-8 file as string chunks (a byte order mark is dropped, as editors do). */
import * as fs from 'node:fs';

export const CHUNK_BYTES = 1 << 16;

export async function* fileChunks(file: string, onBytes?: (bytesRead: number) => void): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const decoder = new TextDecoder('utf-8');
  let first = true;
  let bytes = 0;
  for await (const buffer of stream as AsyncIterable<Buffer>) {
    bytes += buffer.length;
    let text = decoder.decode(buffer, { stream: true });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
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
