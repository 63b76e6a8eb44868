"""Tests of the `real` recipe's data mix: /usr/bin/python3 -m unittest training/testRealMix.py"""
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import corpus  # noqa: E402
import evalReal  # noqa: E402
import realMix  # noqa: E402
import templateRender as R  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

FK = {
    'person': {'de': ['Karoline Kolb', 'Jonas Weber'], 'es': ['Norma Flórez Lozada'], 'en_US': ['Greta Graham']},
    'firstName': {'de': ['Ronja'], 'es': ['Ariadna'], 'en_US': ['Kayden']},
    'lastName': {'de': ['Stolle'], 'es': ['Pichardo Barreto'], 'en_US': ['Windler']},
    'company': {'de': ['Weiler, Mewes und Garatva'], 'es': ['Grijalva Sáenz S.A.'], 'en_US': ['Ritchie and Schumm']},
    'city': {'de': ['Daumburg'], 'es': ['Telde'], 'en_US': ['Lake Emmybury']},
    'street': {'de': ['Quettinger Str.'], 'es': ['Arrabal Rodrigo'], 'en_US': ['Ola Oval']},
    'address': {'de': ['Am Blauen Berg 553\n33446 Ashleydorf'], 'es': ['Masía Vigil 9\n32012 Fuenlabrada\nZamora'],
                'en_US': ['4986 Nelda Estates\nSouth Hellenstead, CT 87120']},
    'addressOneLine': {'de': ['Neukronenberger Str. 10b, 53147 Behrenbruchdorf'], 'es': ['Prolongación Octavio 1, 14302 Palencia'],
                       'en_US': ['370 Littel Estate, Corwinshire, WV 00563']},
    'streetAddress': {'de': ['Theodor-Fliedner-Str. 83a'], 'es': ['Rambla Francisco s/n.'], 'en_US': ['6420 Aufderhar Vista']},
    'phoneNational': {'de': ['04161 08736051'], 'es': ['907 15 52 96'], 'en_US': ['(903) 409-8582']},
    'phoneInternational': {'de': ['+49477192421413'], 'es': ['+34914126598'], 'en_US': ['+18433921437']},
    'email': {'de': ['David48@gmail.com'], 'es': ['catalina@hotmail.com'], 'en_US': ['eb75@hotmail.com']},
    'country': {'de': ['Dschibuti'], 'es': ['Mongolia'], 'en_US': ['Saint Lucia']},
    'state': {'en_US': ['Arkansas']},
}
VALUES = {v for kind in FK.values() for vals in kind.values() for v in vals}


class RealMixTest(unittest.TestCase):
    def test_label_list_keeps_the_shipped_order(self):
        labels, types = realMix.label_list(realMix.CONTRAST_TYPES)
        self.assertEqual(labels[:len(corpus.LABELS)], corpus.LABELS)
        self.assertEqual(labels[-2:], ['B-PRODUCT', 'I-PRODUCT'])
        self.assertEqual(realMix.label_list([])[0], corpus.LABELS)

    def test_types_outside_the_label_list_are_o(self):
        tok = WordPieceTokenizer()
        labels, _ = realMix.label_list([])
        lid = {l: i for i, l in enumerate(labels)}
        text, spans = 'Google Inc hired Jane Doe', [(0, 10, 'ORGANIZATION'), (17, 25, 'PERSON')]
        _, y, _ = realMix.encode(tok, text, spans, 32, lid)
        self.assertEqual([labels[i] for i in y if i >= 0], ['O', 'O', 'O', 'B-PERSON', 'I-PERSON'])
        labels, _ = realMix.label_list(['ORGANIZATION'])
        lid = {l: i for i, l in enumerate(labels)}
        _, y, _ = realMix.encode(tok, text, spans, 32, lid)
        self.assertEqual([labels[i] for i in y if i >= 0],
                         ['B-ORGANIZATION', 'I-ORGANIZATION', 'O', 'B-PERSON', 'I-PERSON'])

    def test_generated_documents_have_valid_spans(self):
        rng = random.Random(5)
        mix = realMix.Mix(FK)
        pool, _ = corpus.name_pools()
        seen = set()
        for k in range(400):
            text, spans = realMix.faker_document(rng, mix) if k % 2 else realMix.prose_document(rng, mix, pool)
            for s, e, t in spans:
                self.assertTrue(0 <= s < e <= len(text), (text, spans))
                self.assertEqual(text[s:e], text[s:e].strip(), (text, spans))
                seen.add(t)
            for a, b in zip(sorted(spans), sorted(spans)[1:]):
                self.assertLessEqual(a[1], b[0], (text, spans))
        self.assertTrue({'PERSON', 'ORGANIZATION', 'LOCATION', 'STREET_ADDRESS', 'PHONE_NUMBER',
                         'EMAIL_ADDRESS', 'PRODUCT'} <= seen, seen)

    def test_faker_values_are_whole_spans(self):
        rng = random.Random(9)
        mix = realMix.Mix(FK)
        hits = 0
        for _ in range(200):
            text, spans = realMix.faker_document(rng, mix)
            for s, e, t in spans:
                v = text[s:e]
                hits += v in VALUES or v in {x.replace('\n', ', ') for x in VALUES}
        self.assertGreater(hits, 300)

    def test_mention_replacement_moves_every_span(self):
        rng = random.Random(5)
        mix = realMix.Mix(FK)
        text = 'Ana Ruiz met IBM in Paris, call 555-0100 or mail ana@x.org.'
        spans = [(0, 8, 'PERSON'), (13, 16, 'ORGANIZATION'), (20, 25, 'LOCATION'), (32, 40, 'PHONE_NUMBER'), (49, 58, 'EMAIL_ADDRESS')]
        changed = 0
        for _ in range(20):
            t2, s2 = realMix.replace_mentions(rng, mix, text, spans)
            self.assertEqual([t for _, _, t in s2], [t for _, _, t in spans])
            self.assertEqual([t2[a:b] for a, b, typ in s2 if typ in ('PHONE_NUMBER', 'EMAIL_ADDRESS')], ['555-0100', 'ana@x.org'])
            self.assertTrue(t2.endswith('.') and ' met ' in t2 and ', call ' in t2)
            for a, b, typ in s2:
                if typ in ('PERSON', 'ORGANIZATION', 'LOCATION'):
                    self.assertTrue(t2[a:b].strip(), (t2, a, b))
            changed += t2 != text
        self.assertGreater(changed, 15)

    def test_wordnet_classes(self):
        import wordnetEntities as W
        common = {'death', 'creation'}
        self.assertEqual(W.classify(W.PERSON, True, 'Abraham_Lincoln', common), 'PERSON')
        self.assertIsNone(W.classify(W.PERSON, True, 'President_Lincoln', common))  # a title is not the name
        self.assertIsNone(W.classify(W.PERSON, True, 'Death', common))  # also a common noun
        self.assertEqual(W.classify(W.LOCATION, True, 'Port_of_Spain', common), 'LOCATION')
        self.assertEqual(W.classify(W.OBJECT, True, 'Danube', common), 'LOCATION')
        self.assertEqual(W.classify(W.GROUP, False, 'Red_Cross', common), 'ORGANIZATION')
        self.assertEqual(W.classify(W.COMMUNICATION, False, 'Ilocano', common), 'O')  # a language
        self.assertEqual(W.classify(W.ARTIFACT, True, 'Merrimac', common), 'O')  # a ship
        self.assertIsNone(W.classify(W.GROUP, False, 'United_States_intelligence_agency', common))
        self.assertIsNone(W.classify(W.PERSON, True, 'Henry_VIII_1', common))
        self.assertIsNone(W.classify(5, False, 'Felis', common))  # a genus

    def test_wordnet_definitions(self):
        import wordnetEntities as W
        entries = W.load()
        classes = {c for c, _, _ in entries}
        self.assertEqual(classes, {'PERSON', 'LOCATION', 'ORGANIZATION', 'O'})
        self.assertTrue(all(names and all(n.strip() == n and n for n in names) and gloss for _, names, gloss in entries))
        rng = random.Random(3)
        named = {c: set(v) for c, v in W.values(entries).items()}
        seen = set()
        for _ in range(500):
            text, spans = W.document(rng, entries)
            typed = [(a, b, t) for a, b, t in spans if t != realMix.IGNORE]
            for a, b, t in spans:
                self.assertTrue(0 <= a < b <= len(text), (text, spans))
            for a, b, t in typed:
                self.assertIn(text[a:b], named[t])  # the named thing, exactly
                seen.add(t)
            for a, b, t in spans:
                if t == realMix.IGNORE:  # capitalized words of a gloss, never the named thing
                    self.assertTrue(text[a].isupper() and not any(x < b and a < y for x, y, _ in typed), (text, spans))
        self.assertEqual(seen, {'PERSON', 'LOCATION', 'ORGANIZATION'})
        # an O entry (a language, a people, a work) is not a span at all
        o_entry = next(e for e in entries if e[0] == 'O')
        text, spans = W.definition(random.Random(1), o_entry)
        self.assertTrue(all(t == realMix.IGNORE for _, _, t in spans))

    def test_wordnet_values_in_mention_replacement(self):
        rng = random.Random(7)
        mix = realMix.Mix(FK)
        wordnet = {'PERSON': ['Giuseppe Verdi'], 'LOCATION': ['Montevideo'], 'ORGANIZATION': ['Red Cross']}
        text = 'Ana Ruiz met IBM in Paris.'
        spans = [(0, 8, 'PERSON'), (13, 16, 'ORGANIZATION'), (20, 25, 'LOCATION')]
        got = set()
        for _ in range(40):
            t2, s2 = realMix.replace_mentions(rng, mix, text, spans, wordnet=(0.5, wordnet))
            got.update(t2[a:b] for a, b, _ in s2)
        self.assertTrue({'Giuseppe Verdi', 'Montevideo', 'Red Cross'} <= got)
        self.assertTrue(got - {'Giuseppe Verdi', 'Montevideo', 'Red Cross'})  # faker values too
        # without WordNet the same seed gives the same replacements as before (the shipped recipe)
        a = [realMix.replace_mentions(random.Random(9), mix, text, spans) for _ in range(3)]
        b = [realMix.replace_mentions(random.Random(9), mix, text, spans, wordnet=None) for _ in range(3)]
        self.assertEqual(a, b)

    def test_unlabelled_handles(self):
        text = 'RT @dana_w : ask @Acme or mail me@x.org, cc @Bob'
        spans = [(17, 22, 'ORGANIZATION')]
        self.assertEqual(realMix.label_handles(text, spans, 'keep'), spans)
        self.assertEqual(realMix.label_handles(text, spans, 'ignore'),
                         [(3, 10, 'IGNORE'), (17, 22, 'ORGANIZATION'), (44, 48, 'IGNORE')])
        self.assertEqual(realMix.label_handles(text, spans, 'person'),
                         [(3, 10, 'PERSON'), (17, 22, 'ORGANIZATION'), (44, 48, 'PERSON')])
        # The -wnut17 policies touch WNUT-17 only (its guidelines leave handles unlabelled).
        self.assertEqual(realMix.label_handles(text, spans, 'ignore-wnut17', 'btc-train'), spans)
        self.assertEqual(realMix.label_handles(text, spans, 'ignore-wnut17', 'wnut17-train'),
                         realMix.label_handles(text, spans, 'ignore'))
        self.assertEqual(realMix.label_handles(text, spans, 'person-wnut17', 'wnut17-train'),
                         realMix.label_handles(text, spans, 'person'))
        # An ignored handle's tokens are out of the loss; the next name still starts with B-.
        tok = WordPieceTokenizer()
        labels, _ = realMix.label_list(['ORGANIZATION'])
        lid = {l: i for i, l in enumerate(labels)}
        t2 = '@dana_w Jane Doe'
        _, y, _ = realMix.encode(tok, t2, realMix.label_handles(t2, [(8, 16, 'PERSON')], 'ignore'), 32, lid)
        ids, starts, _ = tok.encode(t2, max_len=32)
        inside = [lab for lab, st in zip(y, starts) if 0 <= st < 7]
        self.assertTrue(inside and all(lab == -100 for lab in inside), y)
        self.assertEqual([labels[i] for i in y if i >= 0], ['B-PERSON', 'I-PERSON'])

    def test_handles_stay_handles_in_mention_replacement(self):
        rng = random.Random(3)
        mix = realMix.Mix(FK)
        text = 'RT @dana_w : thanks @AcmeCorp and Jane Doe'
        spans = [(3, 10, 'PERSON'), (20, 29, 'ORGANIZATION'), (34, 42, 'PERSON')]
        for _ in range(30):
            t2, s2 = realMix.replace_mentions(rng, mix, text, spans, handles=True)
            self.assertTrue(t2.startswith('RT @'), t2)
            a, b, _ = s2[0]
            self.assertRegex(t2[a:b], r'^@\w+$')
            a, b, _ = s2[1]
            self.assertRegex(t2[a:b], r'^@\w+$')
            a, b, _ = s2[2]
            self.assertFalse(t2[a:b].startswith('@'), t2)
        # Without the option a handle becomes a name, as before.
        t3, s3 = realMix.replace_mentions(random.Random(3), mix, text, spans)
        self.assertFalse(t3[s3[0][0]:s3[0][1]].startswith('@'), t3)

    def test_brand_handles_for_organizations(self):
        fk = dict(FK, brandWord={'en_US': ['Games', 'jazz', 'mango', 'Soft Rock']})
        text = 'RT @dana_w : thanks @AcmeCorp and Jane Doe'
        spans = [(3, 10, 'PERSON'), (20, 29, 'ORGANIZATION'), (34, 42, 'PERSON')]
        mix = realMix.Mix(fk, brand_handles=1.0)
        rng = random.Random(5)
        brand = 0
        for _ in range(50):
            t2, s2 = realMix.replace_mentions(rng, mix, text, spans, handles=True)
            a, b, typ = s2[1]
            self.assertEqual(typ, 'ORGANIZATION')
            self.assertRegex(t2[a:b], r'^@\w{1,18}$')  # 15 letters, then up to 3 digits
            brand += any(w in t2[a:b].lower() for w in ('games', 'jazz', 'mango', 'softrock', 'soft_rock'))
            # people's handles are never brand handles
            a, b, _ = s2[0]
            self.assertRegex(t2[a:b], r'^@\w+$')
        self.assertGreater(brand, 25)
        # Off (the default), the random draws are those of before the option existed.
        plain = [realMix.replace_mentions(random.Random(7), realMix.Mix(fk), text, spans, handles=True) for _ in range(3)]
        self.assertEqual(plain, [realMix.replace_mentions(random.Random(7), realMix.Mix(FK), text, spans, handles=True)] * 3)

    def test_faker_values_without_brand_words_are_written_again(self):
        import tempfile
        with tempfile.TemporaryDirectory() as work:
            path = os.path.join(work, 'fakerValues.jsonl')
            with open(path, 'w', encoding='utf-8') as f:
                f.write('{"locale":"en_US","kind":"person","value":"Old Value"}\n')
            fk = realMix.load_faker(work)
            self.assertIn('en_US', fk['brandWord'])
            self.assertNotIn('Old Value', fk['person']['en_US'])

    def test_lowercase_names(self):
        text = 'Ana Ruiz met @Bob and İnci Öz at IBM.'
        spans = [(0, 8, 'PERSON'), (13, 17, 'PERSON'), (22, 29, 'PERSON'), (33, 36, 'ORGANIZATION')]
        self.assertEqual(realMix.lower_names(random.Random(1), text, spans, 0.0), text)
        low = realMix.lower_names(random.Random(1), text, spans, 1.0)
        # Names lowercased in place (İ, whose lowercase is two characters, stays); handles and
        # organizations keep their case.
        self.assertEqual(low, 'ana ruiz met @Bob and İnci öz at IBM.')
        self.assertEqual(len(low), len(text))

    def test_code_documents(self):
        import re
        rng = random.Random(11)
        mix = realMix.Mix(FK)
        pool, _ = corpus.name_pools()
        at_words = labelled = 0
        with realMix.contrast_rendering(mix):
            for _ in range(300):
                text, spans = realMix.code_document(rng, mix, pool)
                for s, e, t in spans:
                    self.assertTrue(0 <= s < e <= len(text) and text[s:e] == text[s:e].strip(), (text, spans))
                    labelled += 1
                for m in re.finditer(r'(?<![\w.+-])@\w+', text):
                    inside = [t for s, e, t in spans if s <= m.start() < e]
                    # An @word is O unless it is a rendered handle, which is PERSON.
                    self.assertIn(inside, ([], ['PERSON']), (text, spans))
                    at_words += not inside
        self.assertGreater(at_words, 200)
        self.assertGreater(labelled, 50)

    def test_multiline_address_is_one_span(self):
        rng = random.Random(3)
        mix = realMix.Mix(FK)
        found = False
        for _ in range(200):
            text, spans = realMix.faker_document(rng, mix)
            found |= any(t == 'STREET_ADDRESS' and '\n' in text[s:e] for s, e, t in spans)
        self.assertTrue(found)

    def test_contrast_rendering_is_scoped(self):
        original = R.render
        with realMix.contrast_rendering(realMix.Mix(FK)):
            text, spans = R.render('{first} works at {org} in {city}.', random.Random(1),
                                   R.Context(random.Random(2), corpus.name_pools()[0]))
            self.assertEqual(sorted(t for _, _, t in spans), ['LOCATION', 'ORGANIZATION', 'PERSON'])
        self.assertIs(R.render, original)
        _, spans = R.render('{first} works at {org} in {city}.', random.Random(1),
                            R.Context(random.Random(2), corpus.name_pools()[0]))
        self.assertEqual([t for _, _, t in spans], ['PERSON'])

    def test_eval_scoring(self):
        self.assertEqual(evalReal.match([(0, 10, 'PERSON')], [(0, 5, 'PERSON')]), 1)
        self.assertEqual(evalReal.match([(0, 10, 'PERSON')], [(0, 4, 'PERSON')]), 0)
        self.assertEqual(evalReal.match([(0, 4, 'PERSON'), (5, 9, 'PERSON')], [(0, 9, 'PERSON')]), 0)
        self.assertEqual(evalReal.tags_to_spans(['O', 'B-PERSON', 'I-PERSON', 'I-LOCATION', 'O'],
                                                [-1, 0, 5, 9, -1], [-1, 4, 8, 12, -1]),
                         [(0, 8, 'PERSON'), (9, 12, 'LOCATION')])

    def test_name_lexicon_types(self):
        from wordpiece import WordPieceTokenizer
        tok = WordPieceTokenizer()
        text = 'No intent to hurt Cindy . Hope she is okay .'
        try:
            self.assertEqual(''.join(map(str, tok.case_types(text))), '10001010000')
            WordPieceTokenizer.lexicon = frozenset(['cindy', 'hope'])
            self.assertEqual(''.join(map(str, tok.case_types(text))), '10003030000')
            # Without capitals the lexicon bit stays; a drop hides it (generated documents only).
            self.assertEqual(''.join(map(str, tok.case_types(text, case=False))), '00002020000')
            self.assertEqual(''.join(map(str, tok.case_types(text, drop=lambda: True))), '10001010000')
        finally:
            WordPieceTokenizer.lexicon = None

    def test_grow_layers(self):
        import torch
        import trainReal
        from model import BertForTokenClassification
        cfg = dict(vocab_size=30522, hidden=32, layers=2, heads=2, ffn=64, max_pos=64, dropout=0.0, type_vocab=4)
        torch.manual_seed(1)
        small = BertForTokenClassification(cfg, 5).eval()
        # Give the top layer's output LayerNorm values of its own, as training would.
        with torch.no_grad():
            small.bert.encoder.layer[1].output.LayerNorm.weight.uniform_(0.8, 1.2)
            small.bert.encoder.layer[1].output.LayerNorm.bias.uniform_(-0.1, 0.1)
        ids = torch.randint(1000, 5000, (3, 12))
        mask, types = torch.ones(3, 12, dtype=torch.long), torch.zeros(3, 12, dtype=torch.long)
        before = small(ids, mask, types)
        for how in ('zero', 'copy'):
            deep = BertForTokenClassification(dict(cfg, layers=3), 5).eval()
            state = dict(small.state_dict())
            self.assertEqual(trainReal.grow_layers(deep, state, how), 1)
            deep.load_state_dict(state)  # strict: every key there
            top = {k[len('bert.encoder.layer.1.'):]: v for k, v in state.items() if k.startswith('bert.encoder.layer.1.')}
            new = {k[len('bert.encoder.layer.2.'):]: v for k, v in state.items() if k.startswith('bert.encoder.layer.2.')}
            self.assertEqual(sorted(top), sorted(new))
            if how == 'copy':
                self.assertTrue(all(torch.equal(top[k], new[k]) for k in top))
            else:
                self.assertTrue(torch.equal(new['output.dense.weight'], torch.zeros_like(new['output.dense.weight'])))
                self.assertTrue(torch.equal(new['attention.output.dense.weight'], torch.zeros_like(new['attention.output.dense.weight'])))
                # Near the identity: the same best label for almost every token.
                agree = (deep(ids, mask, types).argmax(-1) == before.argmax(-1)).float().mean().item()
                self.assertGreater(agree, 0.9)
        self.assertEqual(trainReal.grow_layers(small, dict(small.state_dict()), 'zero'), 0)

    def test_glove_embedding_starts_neutral_and_folds_exactly(self):
        import torch
        import trainReal
        from model import BertForTokenClassification
        cfg = dict(vocab_size=300, hidden=32, layers=1, heads=2, ffn=64, max_pos=64, dropout=0.0, type_vocab=4)
        for hidden in (0, 16):  # a linear projection, and a two-layer network
            with self.subTest(hidden=hidden):
                torch.manual_seed(2)
                model = BertForTokenClassification(cfg, 5).eval()
                table = torch.randn(300, 10)
                table[0] = 0
                ids = torch.randint(1, 300, (2, 9))
                ids[0, 0] = 0  # a word without a vector
                mask, types = torch.ones(2, 9, dtype=torch.long), torch.zeros(2, 9, dtype=torch.long)
                before = model(ids, mask, types)
                emb = model.bert.embeddings.word_embeddings
                model.bert.embeddings.word_embeddings = trainReal.GloveEmbedding(emb, table, hidden)
                self.assertTrue(torch.allclose(model(ids, mask, types), before))  # last layer zero: unchanged
                self.assertNotIn('bert.embeddings.word_embeddings.glove', model.state_dict())  # not in checkpoints
                with torch.no_grad():
                    for p in model.bert.embeddings.word_embeddings.proj.parameters():
                        p.normal_(0, 0.3)
                trained = model(ids, mask, types)
                self.assertFalse(torch.allclose(trained, before))
                wrapped = model.bert.embeddings.word_embeddings
                model.bert.embeddings.word_embeddings = wrapped.folded()
                self.assertTrue(torch.allclose(model(ids, mask, types), trained, atol=1e-5))
                self.assertTrue(torch.equal(model.bert.embeddings.word_embeddings.weight[0], emb.weight[0]))  # no vector, no change
                plain = BertForTokenClassification(cfg, 5)
                plain.load_state_dict(model.state_dict())  # strict: the folded model has the plain layout

    def test_extra_vocabulary(self):
        import torch
        import trainReal
        base = WordPieceTokenizer()
        pieces = [tid for tid, _, _ in base._wordpiece('netanyahu')]
        self.assertGreater(len(pieces), 1)  # cut into pieces by bert-base-uncased
        try:
            WordPieceTokenizer.extra_vocab = ('netanyahu', 'pyongyang')
            tok = WordPieceTokenizer()
            self.assertEqual(len(tok.vocab), len(base.vocab) + 2)
            ids, starts, ends = tok.encode('Netanyahu visited Pyongyang.', max_len=32)
            self.assertEqual(ids[1:2], [len(base.vocab)])  # one token, the first appended id
            self.assertEqual(ids[3:4], [len(base.vocab) + 1])
            self.assertEqual((starts[1], ends[1]), (0, 9))
        finally:
            WordPieceTokenizer.extra_vocab = ()
        weight = torch.randn(len(base.vocab), 8)
        grown = trainReal.extend_embeddings(weight, base, ['netanyahu', 'pyongyang'])
        self.assertEqual(tuple(grown.shape), (len(base.vocab) + 2, 8))
        self.assertTrue(torch.equal(grown[:len(base.vocab)], weight))
        self.assertTrue(torch.allclose(grown[len(base.vocab)], weight[pieces].mean(0)))

    def test_glove_table_files_join_in_order(self):
        import tempfile
        import torch
        import gloveVocab
        with tempfile.TemporaryDirectory() as d:
            a, b = torch.randn(3, 4).half(), torch.randn(2, 4).half()
            torch.save(a, os.path.join(d, 'a.pt'))
            torch.save(b, os.path.join(d, 'b.pt'))
            joined = gloveVocab.load_table(os.path.join(d, 'a.pt') + ',' + os.path.join(d, 'b.pt'))
            self.assertTrue(torch.equal(joined, torch.cat([a, b]).float()))
        self.assertEqual(gloveVocab.split_names('x/glove.f16.pt', 2), ['x/glove-base.f16.pt', 'x/glove-extra.f16.pt'])
        self.assertEqual(gloveVocab.split_names('x/glove.i8.pt', 2), ['x/glove-base.i8.pt', 'x/glove-extra.i8.pt'])

    def test_glove_table_int8(self):
        import tempfile
        import torch
        import gloveVocab
        import rowInt8
        torch.manual_seed(3)
        table = torch.randn(50, 20)
        table[4] = 0  # a word without a vector stays zero
        stored = rowInt8.to_int8(table)
        self.assertEqual(stored['int8'].dtype, torch.int8)
        with tempfile.TemporaryDirectory() as d:
            torch.save(stored, os.path.join(d, 'q.pt'))
            torch.save(table.half(), os.path.join(d, 'h.pt'))
            back = gloveVocab.load_table(os.path.join(d, 'q.pt') + ',' + os.path.join(d, 'h.pt'))
        self.assertEqual(tuple(back.shape), (100, 20))
        self.assertTrue(torch.equal(back[4], torch.zeros(20)))
        err = (back[:50] - table).abs().amax(1) / table.abs().amax(1).clamp_min(1e-9)
        self.assertLess(err.max().item(), 0.006)  # half a step of 127 per row, plus the float16 scale
        self.assertGreater(err.max().item(), 0)  # it is rounded
        with tempfile.TemporaryDirectory() as d:  # a state_dict with its embedding table stored so
            state = {rowInt8.EMBEDDING: table.half(), 'other.weight': torch.ones(2, 2).half(), 'ids': torch.arange(3)}
            compact = dict(state, **{rowInt8.EMBEDDING: rowInt8.to_int8(state[rowInt8.EMBEDDING])})
            torch.save(compact, os.path.join(d, 's.pt'))
            loaded = rowInt8.load_state(os.path.join(d, 's.pt'))
        self.assertEqual(loaded['other.weight'].dtype, torch.float32)
        self.assertTrue(torch.equal(loaded['ids'], torch.arange(3)))
        self.assertTrue(torch.allclose(loaded[rowInt8.EMBEDDING], table, atol=0.03))

    def test_int8_rewrite_of_embedding_tables(self):
        import tempfile
        import numpy as np
        import onnx
        from onnx import TensorProto, helper, numpy_helper
        import quantizeInt8
        rng = np.random.default_rng(5)
        table = rng.normal(0, 0.2, (600, 8)).astype(np.float32)
        table[3] = 0
        small = rng.normal(0, 0.2, (4, 8)).astype(np.float32)  # too few rows: stays float
        graph = helper.make_graph(
            [helper.make_node('Gather', ['table', 'ids'], ['a']), helper.make_node('Gather', ['small', 'ids2'], ['b'])],
            'g', [helper.make_tensor_value_info('ids', TensorProto.INT64, [None]),
                  helper.make_tensor_value_info('ids2', TensorProto.INT64, [None])],
            [helper.make_tensor_value_info('a', TensorProto.FLOAT, [None, 8]),
             helper.make_tensor_value_info('b', TensorProto.FLOAT, [None, 8])],
            [numpy_helper.from_array(table, 'table'), numpy_helper.from_array(small, 'small')])
        with tempfile.TemporaryDirectory() as d:
            src, dst = os.path.join(d, 'm.onnx'), os.path.join(d, 'q.onnx')
            onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid('', 14)]), src)
            quantizeInt8.quantize(src, dst)
            inits = {t.name: numpy_helper.to_array(t) for t in onnx.load(dst).graph.initializer}
        tq = next(v for k, v in inits.items() if k.endswith('_Tq_0'))
        scale = next(v for k, v in inits.items() if k.endswith('_rowscale_0'))
        self.assertEqual((tq.dtype, scale.dtype), (np.int8, np.float16))
        self.assertNotIn('table', inits)
        self.assertTrue(np.array_equal(inits['small'], small))
        back = tq.astype(np.float32) * scale.astype(np.float32)[:, None]
        self.assertTrue(np.array_equal(back[3], np.zeros(8, np.float32)))
        step = scale.astype(np.float32)[:, None]
        self.assertTrue(np.all(np.abs(back - table) <= 0.5 * step + 1e-7))  # half a step, with the stored scale

    def test_contrast_weights(self):
        import trainReal
        labels, _ = realMix.label_list(['ORGANIZATION', 'LOCATION'])
        self.assertIsNone(trainReal.contrast_weights(labels, ['ORGANIZATION', 'LOCATION'], 1.0))
        w = trainReal.contrast_weights(labels, ['ORGANIZATION', 'LOCATION'], 3.0).tolist()
        heavy = sorted(label for label, x in zip(labels, w) if x == 3.0)
        self.assertEqual(heavy, ['B-LOCATION', 'B-ORGANIZATION', 'I-LOCATION', 'I-ORGANIZATION'])
        self.assertTrue(all(x == 1.0 for label, x in zip(labels, w) if label not in heavy))


if __name__ == '__main__':
    unittest.main()
