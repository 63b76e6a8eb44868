/** `cardwright/exportCycloneDx` on the real bundled server: a valid BOM, what was left out, the last scan of the samples. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportCycloneDxResult, Requests, ScanDatasetResult } from '../../protocol/messages';
import { validateCycloneDx16 } from '../support/cycloneDxSchema';
import { startServer, TestServer } from '../support/lspClient';
import { tempProject } from '../support/runCli';

type Json = Record<string, any>;

describe('language server CycloneDX export', function () {
  this.timeout(60_000);
  let server: TestServer;
  const card = ['license: mit', 'upstream:', '  datasets:', '    - id: acme/mail', '      license: cc-by-4.0', '      samples: [mail.csv]', 'widget:', '  - text: hi', ''].join('\n');
  const project = tempProject({ 'acme-bot/model-card.yaml': card, 'acme-bot/mail.csv': 'id,contact\n1,jane.roe@example.org\n' });
  const cardUri = pathToFileURL(path.join(project.dir, 'acme-bot', 'model-card.yaml')).href;

  before(async () => {
    server = await startServer({ validation: { enable: true, debounceMs: 0 } });
  });
  after(async () => {
    await server?.stop();
    project.remove();
  });

  it('answers with a valid CycloneDX 1.6 BOM and what it left out', async () => {
    const result = await server.connection.sendRequest<ExportCycloneDxResult>(Requests.exportCycloneDx, { uri: cardUri, text: card });
    assert.equal(result.error, undefined);
    assert.deepEqual(validateCycloneDx16(result.bom), []);
    const bom = result.bom as Json;
    assert.equal(bom.metadata.component.name, 'acme-bot', 'named after the folder');
    assert.equal(bom.components[0].licenses[0].license.id, 'CC-BY-4.0');
    assert.deepEqual(result.leftOut.map((item) => item.path), ['model_name', 'widget']);
    assert.equal(bom.components[0].data[0].sensitiveData, undefined, 'no scan yet');
  });

  it('records the last scan of the card\'s samples in its datasets', async () => {
    const scan = await server.connection.sendRequest<ScanDatasetResult>(Requests.scanDataset, { cardUri });
    assert.ok(scan.byType.EMAIL_ADDRESS > 0, scan.summary);
    const result = await server.connection.sendRequest<ExportCycloneDxResult>(Requests.exportCycloneDx, { uri: cardUri, text: card });
    assert.deepEqual(validateCycloneDx16(result.bom), []);
    const mail = (result.bom as Json).components[0];
    assert.deepEqual(mail.data[0].sensitiveData, ['EMAIL_ADDRESS']);
    assert.ok(mail.properties.some((p: Json) => p.name === 'cardwright:pii_scan.found.EMAIL_ADDRESS'));
  });

  it('says why when there is nothing to export', async () => {
    const broken = await server.connection.sendRequest<ExportCycloneDxResult>(Requests.exportCycloneDx, { uri: cardUri, text: 'license: [mit\n' });
    assert.match(broken.error ?? '', /cannot be read/);
    assert.equal(broken.bom, undefined);
    const nothing = await server.connection.sendRequest<ExportCycloneDxResult>(Requests.exportCycloneDx, {});
    assert.match(nothing.error ?? '', /No card/);
  });
});
