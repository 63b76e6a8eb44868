import * as assert from 'node:assert/strict';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { PiiFinding, RecognizerInput } from '../../../core/pii/piiTypes';
import { PackedFindings, PackedInputs, packFindings, packInputs, transferables, unpackFindings, unpackInputs } from '../../../engine/pii/batchCodec';

/** Posts `value` through a real MessageChannel (structured clone, buffers transferred) and reads it back. */
function throughPort<T>(value: T, transfer: ArrayBuffer[]): T {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(value, transfer);
    const received = receiveMessageOnPort(port2);
    assert.ok(received, 'a message arrived');
    return received.message as T;
  } finally {
    port1.close();
    port2.close();
  }
}

describe('worker batch codec', () => {
  it('carries inputs with and without fields, repeated and unusual column names, through a port', () => {
    const inputs: RecognizerInput[] = [
      { text: 'Dana,dana@example.com', fields: [{ start: 0, end: 4, name: 'name' }, { start: 5, end: 21, name: 'email' }] },
      { text: 'plain text, no fields' },
      { text: '', fields: [] },
      { text: 'Zoë 😀,x', fields: [{ start: 0, end: 6, name: 'naïve name 😀' }, { start: 7, end: 8, name: 'name' }] },
    ];
    const packed = packInputs(inputs);
    assert.deepEqual(packed.names, ['name', 'email', 'naïve name 😀'], 'each column name once');
    const received = throughPort<PackedInputs>(packed, transferables(packed));
    assert.equal(packed.fieldStarts.byteLength, 0, 'the buffers were transferred, not copied');
    assert.deepEqual(unpackInputs(received), inputs);
  });

  it('carries findings with several detectors, test values and exact scores back', () => {
    const findings: PiiFinding[][] = [
      [
        { type: 'EMAIL_ADDRESS', start: 5, end: 21, score: 0.9, detectors: ['email-address'] },
        { type: 'PERSON', start: 0, end: 4, score: 0.8765432101, detectors: ['model', 'person-field'] },
      ],
      [],
      [{ type: 'CREDIT_CARD', start: 3, end: 22, score: 0.2, detectors: ['credit-card'], testValue: true }],
      [{ type: 'PERSON', start: 1, end: 2, score: 1, detectors: ['model', 'person-field'] }],
    ];
    const packed = packFindings(findings);
    const received = throughPort<PackedFindings>(packed, transferables(packed));
    const back = unpackFindings(received);
    assert.deepEqual(back, findings);
    back[0][1].detectors.push('changed');
    assert.deepEqual(back[3][0].detectors, ['model', 'person-field'], 'findings do not share detector arrays');
    assert.deepEqual(unpackFindings(packFindings([])), []);
  });
});
