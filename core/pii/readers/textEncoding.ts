/**
 * The text encodings a sample file may have: UTF-8 (with or without a byte order mark) and UTF-16
 * little or big endian with a byte order mark (Excel's "Unicode Text", many Windows tools). The
 * text the readers see is the decoded text without the byte order mark, as an editor shows it, so
 * every offset is a UTF-16 code unit of that text.
 */

export type SampleEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The encoding a file's first bytes announce (a byte order mark), else UTF-8; or why it cannot be read. */
export function encodingOfHead(bytes: Uint8Array): { encoding: SampleEncoding } | { unsupported: string } {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { unsupported: 'UTF-32 text is not supported; save the file as UTF-8 or UTF-16' };
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { unsupported: 'UTF-32 text is not supported; save the file as UTF-8 or UTF-16' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be' };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom' };
  return { encoding: 'utf-8' };
}

/** The WHATWG name TextDecoder knows the encoding by. */
export function decoderLabel(encoding: SampleEncoding): 'utf-8' | 'utf-16le' | 'utf-16be' {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

/** A decoder that drops the byte order mark (a stream decoder: pass `{ stream: true }` for all but the last call). */
export interface SampleDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

export function sampleDecoder(encoding: SampleEncoding): SampleDecoder {
  return new TextDecoder(decoderLabel(encoding));
}

/**
 * Decodes bytes (the whole file or its head) as the encoding their byte order mark announces,
 * without the mark; a sequence cut at the end becomes U+FFFD. UTF-32 is decoded as UTF-8 (it is
 * refused before reading anyway).
 */
export function decodeSampleBytes(bytes: Uint8Array): string {
  const found = encodingOfHead(bytes);
  return sampleDecoder('encoding' in found ? found.encoding : 'utf-8').decode(bytes);
}
