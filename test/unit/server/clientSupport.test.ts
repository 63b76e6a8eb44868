/** What the server assumes about editors other than VS Code, and where their settings come from. */
import * as assert from 'node:assert/strict';
import { clientSupportOf, pushedSettings } from '../../../server/clientSupport';
import { handleCommandLine } from '../../../server/commandLine';
import { DEFAULT_SETTINGS } from '../../../protocol/settings';

describe('client support', () => {
  it('reads the capabilities the server adapts to', () => {
    const bare = clientSupportOf({ processId: null, rootUri: null, capabilities: {} });
    assert.deepEqual(bare, { snippets: false, createFiles: false, retriggerCommand: undefined, configurationPull: false });
    const full = clientSupportOf({
      processId: null,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } },
        textDocument: { completion: { completionItem: { snippetSupport: true } } },
      },
      initializationOptions: { retriggerCompletionCommand: 'editor.action.triggerSuggest' },
    });
    assert.deepEqual(full, { snippets: true, createFiles: true, retriggerCommand: 'editor.action.triggerSuggest', configurationPull: true });
  });

  it('takes pushed settings with or without the cardwright section, and ignores anything else', () => {
    const off = { ...DEFAULT_SETTINGS, validation: { ...DEFAULT_SETTINGS.validation, enable: false } };
    assert.deepEqual(pushedSettings({ cardwright: { validation: { enable: false } } }), off);
    assert.deepEqual(pushedSettings({ validation: { enable: false } }), off);
    assert.equal(pushedSettings(undefined), undefined);
    assert.equal(pushedSettings(null), undefined);
    assert.equal(pushedSettings({ yaml: { schemas: {} } }), undefined);
    assert.equal(pushedSettings([1, 2]), undefined);
    assert.equal(pushedSettings({ cardwright: { pii: { threshold: 7 } } })?.pii.threshold, DEFAULT_SETTINGS.pii.threshold, 'bad values fall back');
  });

  it('talks over stdio unless told otherwise; --version and --help exit', () => {
    const run = (args: string[]) => {
      const argv = ['node', 'server.js', ...args];
      const out: string[] = [];
      let code: number | undefined;
      handleCommandLine(argv, { out: (text) => out.push(text), exit: (c) => void (code = c) });
      return { argv: argv.slice(2), out: out.join(''), code };
    };
    assert.deepEqual(run([]).argv, ['--stdio']);
    assert.deepEqual(run(['--stdio']).argv, ['--stdio']);
    assert.deepEqual(run(['--node-ipc', '--clientProcessId=1']).argv, ['--node-ipc', '--clientProcessId=1']);
    assert.deepEqual(run(['--socket=5000']).argv, ['--socket=5000']);
    assert.equal(run(['--version']).code, 0);
    assert.match(run(['--help']).out, /--stdio/);
  });
});
