"""ONNX export (opset 14) with the input/output names transformers.js uses for
BertForTokenClassification."""
import torch


def export(model, path):
    model.eval()
    ids = torch.tensor([[101, 2026, 2171, 2003, 3814, 102]], dtype=torch.long)
    mask = torch.ones_like(ids)
    types = torch.zeros_like(ids)
    torch.onnx.export(
        model, (ids, mask, types), path,
        input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['logits'],
        dynamic_axes={'input_ids': {0: 'batch_size', 1: 'sequence_length'},
                      'attention_mask': {0: 'batch_size', 1: 'sequence_length'},
                      'token_type_ids': {0: 'batch_size', 1: 'sequence_length'},
                      'logits': {0: 'batch_size', 1: 'sequence_length'}},
        opset_version=14, do_constant_folding=True)
