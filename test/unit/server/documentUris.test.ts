import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { fileNameOf, filePathOf, folderOf } from '../../../server/documentUris';

describe('document URIs', () => {
  it('turns file URIs into paths, folders and names, decoding escapes', () => {
    const uri = pathToFileURL('/tmp/my models/café/model-card.yaml').href;
    assert.equal(filePathOf(uri), '/tmp/my models/café/model-card.yaml');
    assert.equal(folderOf(uri), '/tmp/my models/café');
    assert.equal(fileNameOf(uri), 'model-card.yaml');
    assert.equal(fileNameOf('file:///x/na%C3%AFve%20card.yaml?query#frag'), 'naïve card.yaml');
  });

  it('never throws: other schemes, remote hosts and broken escapes have no path, and a name as written', () => {
    assert.equal(filePathOf('untitled:Untitled-1'), undefined);
    assert.equal(folderOf('untitled:Untitled-1'), undefined);
    assert.equal(fileNameOf('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(filePathOf('file://server/share/model-card.yaml'), undefined, 'a UNC host is not a local path here');
    assert.equal(filePathOf('vscode-remote://ssh/home/model-card.yaml'), undefined);
    assert.equal(fileNameOf('file:///x/%E0%A4%A.yaml'), '%E0%A4%A.yaml');
    assert.equal(filePathOf('file:///x/%2F.yaml'), undefined, 'an encoded slash is not a path');
  });
});
