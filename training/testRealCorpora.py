"""Unit tests of realCorpora.py on small hand-made inputs:
  /usr/bin/python3 -m unittest training/testRealCorpora.py
"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realCorpora as rc  # noqa: E402

LABEL_MAP = rc.load_label_map()


class TagSpans(unittest.TestCase):
    def test_iob1_i_opens_and_b_separates_same_type(self):
        # IOB1: I- opens a span; B- only between two adjacent spans of one type
        self.assertEqual(rc.tag_spans(['I-PER', 'I-PER', 'B-PER', 'O', 'I-ORG', 'I-LOC']),
                         [(0, 2, 'PER'), (2, 3, 'PER'), (4, 5, 'ORG'), (5, 6, 'LOC')])

    def test_bio_and_stray_i(self):
        self.assertEqual(rc.tag_spans(['B-person', 'I-person', 'O', 'I-location', 'I-location']),
                         [(0, 2, 'person'), (3, 5, 'location')])


class Conll(unittest.TestCase):
    def read(self, content, **kw):
        with tempfile.NamedTemporaryFile('w', suffix='.conll', delete=False, encoding='utf-8') as f:
            f.write(content)
        try:
            return rc.read_conll(f.name, **kw)
        finally:
            os.unlink(f.name)

    def test_documents_sentences_and_whitespace_only_separators(self):
        docs = self.read('-DOCSTART- -X- O O\n\nJohn NNP - I-PER\nsaw VBD - O\n\t\nIt PRP - O\n-DOCSTART- -X- O O\nB NN - I-ORG\n')
        self.assertEqual(docs, [[(['John', 'saw'], ['I-PER', 'O']), (['It'], ['O'])], [(['B'], ['I-ORG'])]])

    def test_btc_handles_are_glued(self):
        docs = self.read('RT\tO\n@\tB-ORG\nSportsCenter\tB-ORG\n:\tO\n@\tO\nNiko\tB-PER\n', columns='tab', glue_at=True)
        tokens, tags = docs[0][0]
        self.assertEqual(tokens, ['RT', '@SportsCenter', ':', '@Niko'])
        self.assertEqual(tags, ['O', 'B-ORG', 'O', 'B-PER'])

    def test_sentence_text_and_offsets(self):
        text, offsets, spans = rc.sentence_record(['Mark', 'Weber', 'of', 'Hertz'], ['B-PER', 'I-PER', 'O', 'B-ORG'])
        self.assertEqual(text, 'Mark Weber of Hertz')
        self.assertEqual(offsets[3], (14, 19))
        self.assertEqual([(s['start'], s['end'], s['label']) for s in spans], [(0, 10, 'PER'), (14, 19, 'ORG')])


class AddressMerge(unittest.TestCase):
    def spans(self, text, *parts):
        out = []
        for label, surface in parts:
            start = text.index(surface)
            out.append({'start': start, 'end': start + len(surface), 'label': label})
        return rc.map_spans(text, out, LABEL_MAP)

    def test_street_city_country_across_a_line_break_is_one_address(self):
        text = 'Domicilio: C/ Mayor 5, 2ºB.\n28014 Madrid (España).'
        got = self.spans(text, ('CALLE', 'C/ Mayor 5, 2ºB'), ('TERRITORIO', '28014'), ('TERRITORIO', 'Madrid'), ('PAIS', 'España'))
        self.assertEqual([(s['type'], s['text']) for s in got], [('STREET_ADDRESS', 'C/ Mayor 5, 2ºB.\n28014 Madrid (España')])

    def test_words_between_break_the_chain(self):
        text = 'Calle Carmen Romero, 23.\nLocalidad: Madrid.'
        got = self.spans(text, ('CALLE', 'Calle Carmen Romero, 23'), ('TERRITORIO', 'Madrid'))
        self.assertEqual([(s['type'], s['text']) for s in got], [('STREET_ADDRESS', 'Calle Carmen Romero, 23'), ('LOCATION', 'Madrid')])

    def test_place_before_the_street_stays_a_location(self):
        text = 'Hospital Sur. Badalona. Ctra. del Canyet s/n 08916 Badalona'
        got = self.spans(text, ('HOSPITAL', 'Hospital Sur'), ('TERRITORIO', 'Badalona'), ('CALLE', 'Ctra. del Canyet s/n'), ('TERRITORIO', '08916'))
        self.assertEqual([(s['type'], s['text']) for s in got],
                         [('ORGANIZATION', 'Hospital Sur'), ('LOCATION', 'Badalona'), ('STREET_ADDRESS', 'Ctra. del Canyet s/n 08916')])

    def test_unknown_label_is_an_error(self):
        with self.assertRaises(KeyError):
            rc.map_spans('x', [{'start': 0, 'end': 1, 'label': 'NOPE'}], LABEL_MAP)


class Pieces(unittest.TestCase):
    def test_cut_at_line_breaks_never_inside_a_span(self):
        text = 'Nombre: Ana Ruiz.\nDomicilio: C/ Mayor 5,\n28014 Madrid.\nEvolución favorable sin incidencias.'
        spans = [(8, 16, 'PERSON'), (29, 53, 'STREET_ADDRESS')]
        self.assertEqual(text[29:53], 'C/ Mayor 5,\n28014 Madrid')
        got = list(rc.pieces(text, spans, max_chars=30))
        self.assertEqual(''.join(p for _, p, _ in got), text)
        # the line break inside the address is no cut: a space before it is, and the address's
        # piece runs past 30 characters rather than cut it
        self.assertEqual([p for _, p, _ in got], ['Nombre: Ana Ruiz.\n', 'Domicilio: ', 'C/ Mayor 5,\n28014 Madrid.\n', 'Evolución favorable sin ', 'incidencias.'])
        self.assertEqual([(p[a:b], t) for _, p, inside in got for a, b, t in inside], [('Ana Ruiz', 'PERSON'), ('C/ Mayor 5,\n28014 Madrid', 'STREET_ADDRESS')])

    def test_training_examples_fit_and_keep_only_model_types(self):
        seen = set()
        for corpus, text, spans in rc.training_examples(['PERSON', 'STREET_ADDRESS'], max_chars=600, label_map=LABEL_MAP):
            seen.add(corpus)
            for a, b, t in spans:
                self.assertIn(t, ('PERSON', 'STREET_ADDRESS'))
                self.assertTrue(0 <= a < b <= len(text))
            if corpus == 'meddocan-train':
                self.assertLessEqual(len(text), 1200)
        self.assertEqual(seen, {'wikigold', 'wnut17-train', 'btc-train', 'sec-filings', 'meddocan-train'})


class Splits(unittest.TestCase):
    def test_utf16_offsets_count_astral_characters_twice(self):
        self.assertEqual(rc.utf16_offsets('a😀b'), [0, 1, 3, 4])

    def test_wikigold_holdout_is_every_fifth_document(self):
        self.assertEqual([d for d in range(12) if rc.is_wikigold_dev(d, LABEL_MAP)], [4, 9])

    def test_no_dev_text_in_training(self):
        dev = {r['text'] for _, r in rc.split_records('dev', LABEL_MAP) if not r['corpus'].startswith('meddocan')}
        train_ids = {r['id'] for r in rc.training_records(LABEL_MAP)}
        dev_ids = {r['id'] for _, r in rc.split_records('dev', LABEL_MAP)}
        self.assertFalse(train_ids & dev_ids)
        self.assertTrue(dev)

    def test_bench_files_are_up_to_date(self):
        self.assertEqual(rc.stale_bench_files(), [])


if __name__ == '__main__':
    unittest.main()
