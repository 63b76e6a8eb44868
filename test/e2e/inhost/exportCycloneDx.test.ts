// "Cardwright: Export CycloneDX ML-BOM" in a real VS Code: the BOM lands next to the card.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceRoot } from './workbench';

describe('CycloneDX export command', () => {
  it('writes model-card.cdx.json next to the card the explorer names', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'e2e-scratch', 'cyclonedx', 'acme-bot');
    await vscode.workspace.fs.createDirectory(folder);
    const card = vscode.Uri.joinPath(folder, 'model-card.yaml');
    await vscode.workspace.fs.writeFile(card, Buffer.from('license: mit\nbase_model: org/base\nwidget:\n  - text: hi\n', 'utf8'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('cardwright.exportCycloneDx', card);
    assert.equal(written?.toString(), vscode.Uri.joinPath(folder, 'model-card.cdx.json').toString());
    const bom = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(written!)));
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.6');
    assert.equal(bom.metadata.component.name, 'acme-bot');
    assert.equal(bom.metadata.component.licenses[0].license.id, 'MIT');
    assert.deepEqual(bom.dependencies[0].dependsOn, ['base-model:org/base']);
  });
});
