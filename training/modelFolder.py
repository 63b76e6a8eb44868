"""Writes the transformers.js model folder: config.json, tokenizer.json, tokenizer_config.json,
special_tokens_map.json (the ONNX files are written by exportOnnx / quantizeInt8)."""
import json
import os

from bertVocab import SPECIAL_TOKENS


def write_json(path, obj):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write('\n')


def tokenizer_json(vocab):
    ids = {t: i for i, t in enumerate(vocab)}
    added = [{
        'id': ids[t], 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False,
        'normalized': False, 'special': True} for t in SPECIAL_TOKENS]
    added.sort(key=lambda a: a['id'])
    return {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': added,
        'normalizer': {'type': 'BertNormalizer', 'clean_text': True, 'handle_chinese_chars': True,
                       'strip_accents': None, 'lowercase': True},
        'pre_tokenizer': {'type': 'BertPreTokenizer'},
        'post_processor': {
            'type': 'TemplateProcessing',
            'single': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}},
                       {'Sequence': {'id': 'A', 'type_id': 0}},
                       {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}],
            'pair': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}},
                     {'Sequence': {'id': 'A', 'type_id': 0}},
                     {'SpecialToken': {'id': '[SEP]', 'type_id': 0}},
                     {'Sequence': {'id': 'B', 'type_id': 1}},
                     {'SpecialToken': {'id': '[SEP]', 'type_id': 1}}],
            'special_tokens': {t: {'id': t, 'ids': [ids[t]], 'tokens': [t]} for t in ('[CLS]', '[SEP]')},
        },
        'decoder': {'type': 'WordPiece', 'prefix': '##', 'cleanup': True},
        'model': {'type': 'WordPiece', 'unk_token': '[UNK]', 'continuing_subword_prefix': '##',
                  'max_input_chars_per_word': 100, 'vocab': ids},
    }


def tokenizer_config(max_len):
    return {
        'tokenizer_class': 'BertTokenizer',
        'do_lower_case': True,
        'do_basic_tokenize': True,
        'tokenize_chinese_chars': True,
        'strip_accents': None,
        'model_max_length': max_len,
        'clean_up_tokenization_spaces': True,
        'unk_token': '[UNK]', 'sep_token': '[SEP]', 'pad_token': '[PAD]',
        'cls_token': '[CLS]', 'mask_token': '[MASK]',
    }


def model_config(cfg, labels):
    return {
        '_name_or_path': 'cardwright-pii-mini',
        'model_type': 'bert',
        'architectures': ['BertForTokenClassification'],
        'vocab_size': cfg['vocab_size'],
        'hidden_size': cfg['hidden'],
        'num_hidden_layers': cfg['layers'],
        'num_attention_heads': cfg['heads'],
        'intermediate_size': cfg['ffn'],
        'hidden_act': 'gelu',
        'hidden_dropout_prob': 0.1,
        'attention_probs_dropout_prob': 0.1,
        'max_position_embeddings': cfg['max_pos'],
        'type_vocab_size': cfg.get('type_vocab', 2),
        # Cardwright's runtime passes token_type_ids = 1 for tokens of capitalized words (see
        # wordpiece.case_types); a runtime that passes zeros still works, as if the text were lowercase.
        'cardwright_case_token_types': True,
        # With a first-name lexicon (trainReal.py --name-lexicon): + 2 for tokens of a word in it.
        **({'cardwright_name_lexicon': NAME_LEXICON} if cfg.get('type_vocab', 2) == 4 else {}),
        # Trained on sequences of at most this many tokens: position embeddings beyond it never
        # learned anything, so Cardwright's runtime cuts longer text into windows of this size.
        'cardwright_max_tokens': cfg.get('train_max_tokens', 128),
        'initializer_range': 0.02,
        'layer_norm_eps': 1e-12,
        'pad_token_id': 0,
        'position_embedding_type': 'absolute',
        'classifier_dropout': None,
        'id2label': {str(i): l for i, l in enumerate(labels)},
        'label2id': {l: i for i, l in enumerate(labels)},
        'torch_dtype': 'float32',
    }


NAME_LEXICON = 'name-lexicon.txt'


def write_folder(out_dir, vocab, cfg, labels, max_len=512, lexicon=None):
    os.makedirs(os.path.join(out_dir, 'onnx'), exist_ok=True)
    if cfg.get('type_vocab', 2) == 4:
        with open(os.path.join(out_dir, NAME_LEXICON), 'w', encoding='utf-8') as f:
            f.write(''.join(w + '\n' for w in sorted(lexicon)))
    write_json(os.path.join(out_dir, 'config.json'), model_config(cfg, labels))
    write_json(os.path.join(out_dir, 'tokenizer_config.json'), tokenizer_config(min(max_len, cfg['max_pos'])))
    write_json(os.path.join(out_dir, 'special_tokens_map.json'), {
        'unk_token': '[UNK]', 'sep_token': '[SEP]', 'pad_token': '[PAD]',
        'cls_token': '[CLS]', 'mask_token': '[MASK]'})
    with open(os.path.join(out_dir, 'tokenizer.json'), 'w', encoding='utf-8') as f:
        json.dump(tokenizer_json(vocab), f, ensure_ascii=False, separators=(',', ':'))
