"""Dynamic int8 quantization as an ONNX graph rewrite (onnxruntime's Python quantizer is not
available here).

* MatMul(A, W) with W a constant float initializer [K, N] becomes
      DynamicQuantizeLinear(A) -> (A_q uint8, a_scale, a_zero)
      MatMulInteger(A_q, W_q int8, a_zero, 0) -> int32 -> Cast(float)
      Mul(by a_scale * w_scale)
  with W quantized symmetrically per tensor.
* An embedding Gather on a constant table of at least `min_embedding_rows` rows (the word and
  position embeddings) becomes a Gather on an int8 table with one float16 scale per row, then Cast
  and Mul: the table shrinks 4x and nothing is dequantized ahead of time. (Float16 scales and the
  position table since round 10: they keep the 70,522-word model's file under 10 MB.)
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def _unique(names, base):
    i = 0
    while True:
        n = '%s_%d' % (base, i)
        if n not in names:
            names.add(n)
            return n
        i += 1


def quantize(src, dst, min_embedding_rows=512):
    m = onnx.load(src)
    g = m.graph
    inits = {t.name: t for t in g.initializer}
    names = {n.name for n in g.node} | set(inits) | {o for n in g.node for o in n.output}
    consumers = {}
    for n in g.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    new_nodes, new_inits, drop = [], [], set()

    for node in g.node:
        if node.op_type == 'MatMul' and node.input[1] in inits and len(numpy_helper.to_array(inits[node.input[1]]).shape) == 2:
            w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
            scale = float(np.abs(w).max()) / 127.0 or 1.0
            wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
            base = node.name or node.output[0]
            wq_name = _unique(names, base + '_Wq')
            wzp_name = _unique(names, base + '_Wzero')
            wsc_name = _unique(names, base + '_Wscale')
            new_inits += [numpy_helper.from_array(wq, wq_name),
                          numpy_helper.from_array(np.array(0, dtype=np.int8), wzp_name),
                          numpy_helper.from_array(np.array(scale, dtype=np.float32), wsc_name)]
            aq, asc, azp = (_unique(names, base + s) for s in ('_Aq', '_Ascale', '_Azero'))
            mi, mf, sc = (_unique(names, base + s) for s in ('_int32', '_float', '_scale'))
            new_nodes += [
                helper.make_node('DynamicQuantizeLinear', [node.input[0]], [aq, asc, azp], name=_unique(names, base + '_dq')),
                helper.make_node('MatMulInteger', [aq, wq_name, azp, wzp_name], [mi], name=_unique(names, base + '_mmi')),
                helper.make_node('Cast', [mi], [mf], to=TensorProto.FLOAT, name=_unique(names, base + '_cast')),
                helper.make_node('Mul', [asc, wsc_name], [sc], name=_unique(names, base + '_mulscale')),
                helper.make_node('Mul', [mf, sc], [node.output[0]], name=_unique(names, base + '_out')),
            ]
            drop.add(node.input[1])
            continue
        if node.op_type == 'Gather' and node.input[0] in inits:
            table = numpy_helper.to_array(inits[node.input[0]]).astype(np.float32)
            if table.ndim == 2 and table.shape[0] >= min_embedding_rows:
                base = node.name or node.output[0]
                # Rounded to float16 first, so the stored scale is the one the int8 values were made with.
                row_scale = (np.abs(table).max(axis=1) / 127.0).astype(np.float16).astype(np.float32)
                row_scale[row_scale == 0] = 1.0
                tq = np.clip(np.round(table / row_scale[:, None]), -127, 127).astype(np.int8)
                tq_name, rs_name = _unique(names, base + '_Tq'), _unique(names, base + '_rowscale')
                axes_name = _unique(names, base + '_axes')
                new_inits += [numpy_helper.from_array(tq, tq_name),
                              numpy_helper.from_array(row_scale.astype(np.float16), rs_name),
                              numpy_helper.from_array(np.array([-1], dtype=np.int64), axes_name)]
                gq, gf, gs, gsf, gsu = (_unique(names, base + s) for s in ('_gq', '_gf', '_gs', '_gsf', '_gsu'))
                new_nodes += [
                    helper.make_node('Gather', [tq_name, node.input[1]], [gq], name=_unique(names, base + '_gatherq')),
                    helper.make_node('Cast', [gq], [gf], to=TensorProto.FLOAT, name=_unique(names, base + '_castq')),
                    helper.make_node('Gather', [rs_name, node.input[1]], [gs], name=_unique(names, base + '_gathers')),
                    helper.make_node('Cast', [gs], [gsf], to=TensorProto.FLOAT, name=_unique(names, base + '_casts')),
                    helper.make_node('Unsqueeze', [gsf, axes_name], [gsu], name=_unique(names, base + '_unsq')),
                    helper.make_node('Mul', [gf, gsu], [node.output[0]], name=_unique(names, base + '_deq')),
                ]
                drop.add(node.input[0])
                continue
        new_nodes.append(node)

    still_used = {i for n in new_nodes for i in n.input}
    keep = [t for t in g.initializer if t.name not in drop or t.name in still_used]
    del g.node[:]
    g.node.extend(new_nodes)
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return m
