// Checks the shipped model folder the way Cardwright's server will use it, from Node:
//  1. transformers.js loads it offline (dtype q8) and tags a sentence;
//  2. an input far longer than 512 tokens is truncated, not a crash;
//  3. transformers.js's tokenizer (built from tokenizer.json) yields the same ids as
//     training/wordpiece.py on every eval text (ids dumped by dumpTokenIds.py);
//  4. int8 vs fp32 (training/work/model.onnx) agreement on token labels, via onnxruntime-node.
// usage: node training/verifyRuntime.mjs <modelsDir> <modelName> [ids.jsonl] [fp32.onnx]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.resolve('package.json'));
const [modelsDir, modelName, idsFile, fp32Path] = process.argv.slice(2);
const { pipeline, AutoTokenizer, env } = await import(require.resolve('@huggingface/transformers'));
env.allowRemoteModels = false;
env.localModelPath = path.resolve(modelsDir) + '/';
const report = {};

let t = Date.now();
const p = await pipeline('token-classification', modelName, { dtype: 'q8' });
report.loadMs = Date.now() - t;
const sample = 'My name is Maria Garcia and I live at 42 Elm Street, Springfield. Call me on (555) 123-4567 or mail maria.garcia@example.com.';
report.sample = (await p(sample)).map((e) => `${e.word}:${e.entity}:${e.score.toFixed(2)}`);
const long = 'Contact Jonas Weber at jonas.weber@example.org. '.repeat(200);
const out = await p(long);
report.longInput = { chars: long.length, entities: out.length };

const tok = await AutoTokenizer.from_pretrained(modelName);
if (idsFile && fs.existsSync(idsFile)) {
  let same = 0, total = 0; const diffs = [];
  for (const line of fs.readFileSync(idsFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text, ids } = JSON.parse(line);
    const got = Array.from(tok(text, { truncation: true }).input_ids.data, Number);
    total++;
    if (got.length === ids.length && got.every((v, i) => v === ids[i])) same++;
    else if (diffs.length < 3) diffs.push({ text: text.slice(0, 80), got: got.slice(0, 20), want: ids.slice(0, 20) });
  }
  report.tokenizerAgreement = { same, total, diffs };
}

if (fp32Path && fs.existsSync(fp32Path) && idsFile) {
  const ort = require('onnxruntime-node');
  const q8 = await ort.InferenceSession.create(path.join(modelsDir, modelName, 'onnx', 'model_quantized.onnx'));
  const f32 = await ort.InferenceSession.create(fp32Path);
  let agree = 0, tokens = 0, qMs = 0, fMs = 0;
  const tagsOut = [];
  const lines = fs.readFileSync(idsFile, 'utf8').split('\n').filter((l) => l.trim());
  for (const line of lines) {
    const { ids, types } = JSON.parse(line);
    const n = ids.length;
    const feeds = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, n]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
      token_type_ids: new ort.Tensor('int64', types ? BigInt64Array.from(types.map(BigInt)) : new BigInt64Array(n), [1, n]),
    };
    let s = performance.now(); const a = (await q8.run(feeds)).logits; qMs += performance.now() - s;
    s = performance.now(); const b = (await f32.run(feeds)).logits; fMs += performance.now() - s;
    const L = a.dims[2];
    const tags = [];
    for (let i = 0; i < n; i++) {
      let am = 0, bm = 0;
      for (let k = 1; k < L; k++) {
        if (a.data[i * L + k] > a.data[i * L + am]) am = k;
        if (b.data[i * L + k] > b.data[i * L + bm]) bm = k;
      }
      tokens++; if (am === bm) agree++;
      tags.push(am);
    }
    tagsOut.push(JSON.stringify(tags));
  }
  fs.writeFileSync(path.join(path.dirname(fp32Path), 'int8_tags.jsonl'), tagsOut.join('\n') + '\n');
  report.int8VsFp32 = { tokens, agreement: agree / tokens, int8TokensPerSec: Math.round(tokens / qMs * 1000), fp32TokensPerSec: Math.round(tokens / fMs * 1000) };
}
console.log(JSON.stringify(report, null, 2));
