// node training/speedProbe.mjs SECONDS a.onnx b.onnx ... : raw tokens/s of each int8 model with
// onnxruntime-node (one session, one intra-op thread, batch 32 x 128 tokens), the models measured
// in turn, three rounds, best round reported (a shared machine's load only slows a round down).
import ort from 'onnxruntime-node';

const [secondsArg, ...files] = process.argv.slice(2);
const seconds = Number(secondsArg);
const B = 32, L = 128;
const ids = new BigInt64Array(B * L), mask = new BigInt64Array(B * L).fill(1n), types = new BigInt64Array(B * L);
let seed = 7;
for (let i = 0; i < ids.length; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; ids[i] = BigInt(1000 + (seed % 29000)); types[i] = BigInt(seed % 2); }
const feeds = {
  input_ids: new ort.Tensor('int64', ids, [B, L]),
  attention_mask: new ort.Tensor('int64', mask, [B, L]),
  token_type_ids: new ort.Tensor('int64', types, [B, L]),
};
const sessions = [];
for (const f of files) sessions.push(await ort.InferenceSession.create(f, { intraOpNumThreads: 1, interOpNumThreads: 1 }));
const best = files.map(() => 0);
for (let round = 0; round < 3; round++) {
  for (let k = 0; k < files.length; k++) {
    await sessions[k].run(feeds);
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < (seconds * 1000) / 3) { await sessions[k].run(feeds); n++; }
    best[k] = Math.max(best[k], (n * B * L) / ((performance.now() - t0) / 1000));
  }
}
files.forEach((f, k) => console.log(`${f}: ${Math.round(best[k] / 1000)}k tokens/s (1 thread, best of 3 rounds)`));
