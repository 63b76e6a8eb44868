/**
 * Writes a minimal Parquet file for tests (no Parquet writer is installed): one row group,
 * required UTF-8 string columns, PLAIN encoding, uncompressed data pages v1, and the footer in
 * Thrift's compact protocol, as the Parquet format specification describes.
 */
import * as fs from 'node:fs';

class Compact {
  bytes: number[] = [];
  private last: number[] = [0];

  varint(value: number | bigint): void {
    let v = BigInt(value);
    while (v >= 0x80n) {
      this.bytes.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.bytes.push(Number(v));
  }
  zigzag(value: number): void {
    const v = BigInt(value);
    this.varint((v << 1n) ^ (v >> 63n));
  }
  field(id: number, type: number): void {
    const delta = id - this.last[this.last.length - 1];
    if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
    else {
      this.bytes.push(type);
      this.zigzag(id);
    }
    this.last[this.last.length - 1] = id;
  }
  i32(id: number, value: number): void {
    this.field(id, 5);
    this.zigzag(value);
  }
  i64(id: number, value: number): void {
    this.field(id, 6);
    this.zigzag(value);
  }
  binary(id: number, text: string): void {
    this.field(id, 8);
    this.rawBinary(text);
  }
  rawBinary(text: string): void {
    const data = Buffer.from(text, 'utf8');
    this.varint(data.length);
    this.bytes.push(...data);
  }
  list(id: number, elementType: number, size: number): void {
    this.field(id, 9);
    if (size < 15) this.bytes.push((size << 4) | elementType);
    else {
      this.bytes.push(0xf0 | elementType);
      this.varint(size);
    }
  }
  begin(id?: number): void {
    if (id !== undefined) this.field(id, 12);
    this.last.push(0);
  }
  end(): void {
    this.bytes.push(0);
    this.last.pop();
  }
}

export function writeTinyParquet(file: string, columns: Record<string, string[]>): void {
  const names = Object.keys(columns);
  const rows = columns[names[0]].length;
  const chunks: Buffer[] = [Buffer.from('PAR1')];
  let offset = 4;
  const metas: Array<{ name: string; pageOffset: number; size: number }> = [];
  for (const name of names) {
    const values = Buffer.concat(columns[name].map((v) => {
      const data = Buffer.from(v, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(data.length);
      return Buffer.concat([length, data]);
    }));
    const header = new Compact();
    header.begin();
    header.i32(1, 0); // DATA_PAGE
    header.i32(2, values.length);
    header.i32(3, values.length);
    header.begin(5);
    header.i32(1, rows);
    header.i32(2, 0); // PLAIN
    header.i32(3, 3); // RLE
    header.i32(4, 3);
    header.end();
    header.end();
    const page = Buffer.concat([Buffer.from(header.bytes), values]);
    metas.push({ name, pageOffset: offset, size: page.length });
    chunks.push(page);
    offset += page.length;
  }
  const meta = new Compact();
  meta.begin();
  meta.i32(1, 1);
  meta.list(2, 12, names.length + 1);
  meta.begin();
  meta.binary(4, 'schema');
  meta.i32(5, names.length);
  meta.end();
  for (const name of names) {
    meta.begin();
    meta.i32(1, 6); // BYTE_ARRAY
    meta.i32(3, 0); // REQUIRED
    meta.binary(4, name);
    meta.i32(6, 0); // UTF8
    meta.end();
  }
  meta.i64(3, rows);
  meta.list(4, 12, 1);
  meta.begin();
  meta.list(1, 12, names.length);
  for (const m of metas) {
    meta.begin();
    meta.i64(2, m.pageOffset);
    meta.begin(3);
    meta.i32(1, 6);
    meta.list(2, 5, 1);
    meta.zigzag(0);
    meta.list(3, 8, 1);
    meta.rawBinary(m.name);
    meta.i32(4, 0);
    meta.i64(5, rows);
    meta.i64(6, m.size);
    meta.i64(7, m.size);
    meta.i64(9, m.pageOffset);
    meta.end();
    meta.end();
  }
  meta.i64(2, metas.reduce((a, m) => a + m.size, 0));
  meta.i64(3, rows);
  meta.end();
  meta.end();
  const footer = Buffer.from(meta.bytes);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(footer.length);
  chunks.push(footer, length, Buffer.from('PAR1'));
  fs.writeFileSync(file, Buffer.concat(chunks));
}
