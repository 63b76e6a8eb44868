// A UTF-16 sample end to end: scanned (findings at offsets of the decoded text, as the editor shows
// it), read back for redaction the way the server reads a file that is not open, redacted, and
// written as UTF-16 with its byte order mark again: every value gone, nothing else changed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSampleText } from '../../../engine/pii/fileChunks';
import { scanFiles } from '../../../engine/pii/scanFiles';
import { redactFile } from '../../../server/redaction';

describe('redaction of a UTF-16 sample', () => {
  it('redacts exactly the values the scan found, and the copy re-encoded as UTF-16 scans clean', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-utf16-'));
    const file = path.join(folder, 'people.csv');
    const text = 'name,email,phone\r\nZoë 😀 Ruiz,zoe.ruiz@corp-mail.com,+1 415 555 2671\r\n"Ünal, 🎉",unal@corp-mail.com,n/a\r\n';
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const scanned = await scanFiles([file], { model: null });
    const findings = scanned.files[0].findings;
    assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['zoe.ruiz@corp-mail.com', '+1 415 555 2671', 'unal@corp-mail.com']);

    const onDisk = readSampleText(file);
    assert.equal(onDisk, text);
    const uri = pathToFileURL(file).href;
    const document = TextDocument.create(uri, 'plaintext', 0, onDisk);
    for (const f of findings) {
      assert.equal(document.offsetAt({ line: f.line, character: f.character }), f.start);
      assert.equal(document.offsetAt({ line: f.endLine, character: f.endCharacter }), f.end);
    }
    const targets = findings.map((f) => ({ range: { start: { line: f.line, character: f.character }, end: { line: f.endLine, character: f.endCharacter } }, type: f.type }));
    const result = redactFile(document, { uri, style: 'placeholder', targets, copy: true });
    assert.equal(result.error, undefined);
    const redacted = result.text ?? '';
    assert.equal(redacted, 'name,email,phone\r\nZoë 😀 Ruiz,[EMAIL_ADDRESS],[PHONE_NUMBER]\r\n"Ünal, 🎉",[EMAIL_ADDRESS],n/a\r\n');

    const copy = path.join(folder, 'people.redacted.csv');
    fs.writeFileSync(copy, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(redacted, 'utf16le')]));
    assert.equal(readSampleText(copy), redacted);
    const again = await scanFiles([copy], { model: null });
    assert.equal(again.files[0].skipped, undefined);
    assert.deepEqual(again.files[0].findings, []);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
