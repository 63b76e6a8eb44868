/**
 * ORGANIZATION and LOCATION on the real server, with a model that has those labels
 * (test/fixtures/context-model): the Test Classifier's request always shows them, marked as
 * context; a scan reports them only when the setting lists them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClassifyTextResult, Requests, ScanDatasetResult } from '../../protocol/messages';
import { packageRoot } from '../../engine/packageRoot';
import { startServer, TestServer } from '../support/lspClient';
import { tempProject } from '../support/runCli';

const model = path.join(packageRoot(__dirname), 'test', 'fixtures', 'context-model');
const TEXT = 'The car I rented from Hertz at Heathrow had miles on it. Hi, I am Dana Whitfield.';

describe('language server: context entity types (ORGANIZATION, LOCATION)', function () {
  this.timeout(120_000);
  const project = tempProject({ 'notes.txt': `${TEXT}\n` });
  const notes = pathToFileURL(path.join(project.dir, 'notes.txt')).href;
  const servers: TestServer[] = [];
  after(async () => {
    for (const server of servers) await server.stop();
    project.remove();
  });

  async function server(entities: string[]): Promise<TestServer> {
    const started = await startServer({ pii: { model, entities, threshold: 0.5 } });
    servers.push(started);
    // The server pulls its settings after `initialized`: wait until it runs the fixture model.
    for (let tries = 0; ; tries++) {
      const probe: ClassifyTextResult = await started.connection.sendRequest(Requests.classifyText, { text: 'x' });
      if (probe.model?.name === 'context-model') break;
      assert.ok(tries < 50, `the server does not load ${model}: ${JSON.stringify(probe.model)}`);
    }
    return started;
  }

  function shown(result: ClassifyTextResult): Array<[string, string, boolean]> {
    return result.spans.map((s) => [s.type, TEXT.slice(s.start, s.end), s.context === true]);
  }

  it('the Test Classifier shows organizations and places, marked as context, whatever the setting', async () => {
    const defaults = await server([]);
    const result: ClassifyTextResult = await defaults.connection.sendRequest(Requests.classifyText, { text: TEXT });
    assert.equal(result.modelError, undefined);
    assert.deepEqual(shown(result), [
      ['ORGANIZATION', 'Hertz', true],
      ['LOCATION', 'Heathrow', true],
      ['PERSON', 'Dana Whitfield', false],
    ]);
    // A scan with the same settings reports the person only.
    const scan: ScanDatasetResult = await defaults.connection.sendRequest(Requests.scanDataset, { uris: [notes] });
    assert.deepEqual(scan.findings.map((f) => f.type), ['PERSON']);
    assert.deepEqual(scan.byType, { PERSON: 1 });

    const emailsOnly = await server(['EMAIL_ADDRESS']);
    const narrowed: ClassifyTextResult = await emailsOnly.connection.sendRequest(Requests.classifyText, { text: TEXT });
    assert.deepEqual(shown(narrowed), [
      ['ORGANIZATION', 'Hertz', true],
      ['LOCATION', 'Heathrow', true],
    ]);
  });

  it('a scan reports them when the setting lists them, as Information diagnostics', async () => {
    const listed = await server(['PERSON', 'ORGANIZATION']);
    const scan: ScanDatasetResult = await listed.connection.sendRequest(Requests.scanDataset, { uris: [notes] });
    assert.deepEqual(scan.byType, { ORGANIZATION: 1, PERSON: 1 });
    const published = listed.published.filter((p) => p.uri === notes).pop();
    assert.ok(published, 'diagnostics for notes.txt');
    const text = fs.readFileSync(path.join(project.dir, 'notes.txt'), 'utf8');
    const organization = published.diagnostics.find((d) => d.code === 'ORGANIZATION');
    assert.ok(organization);
    assert.equal(organization.severity, 3, 'Information');
    assert.equal(text.slice(organization.range.start.character, organization.range.end.character), 'Hertz');
    assert.equal(published.diagnostics.find((d) => d.code === 'PERSON')?.severity, 2, 'Warning');
  });
});
