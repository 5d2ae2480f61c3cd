"""Hand-computed cases for score_py.py (the cross-check scorer). Run: python3 -m unittest bench/test_score_py.py"""

import sys
import unittest
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_py  # noqa: E402


class ShingleTests(unittest.TestCase):
    def test_short_text_is_one_shingle(self):
        self.assertEqual(score_py.shingles(["a", "b"]), Counter([("a", "b")]))
        self.assertEqual(score_py.shingles([]), Counter())

    def test_four_token_windows(self):
        self.assertEqual(sum(score_py.shingles("a b c d e".split()).values()), 2)

    def test_precision_recall_means(self):
        gold = [{"id": "1", "body": "a b c d e"}, {"id": "2", "body": "x y"}]
        # page 1: pred shingles {abcd}: tp 1, fp 0, fn 1 -> P 1, R .5; page 2: empty -> R 0, no P
        scores = score_py.score_pages(gold, {"1": {"text": "a b c d"}, "2": {"text": ""}})
        self.assertAlmostEqual(scores["shingle_precision"], 1.0)
        self.assertAlmostEqual(scores["shingle_recall"], 0.25)
        self.assertAlmostEqual(scores["shingle_f1"], 0.4)
        self.assertEqual(scores["shingle_empty_outputs"], 1)
        # word F1: page 1 P 1, R .8 -> 8/9; page 2: 0
        self.assertAlmostEqual(scores["word_f1"], (8 / 9) / 2)

    def test_snippets_pool_over_pages(self):
        gold = [{"id": "1", "with": ["keep  this"], "without": ["menu"]},
                {"id": "2", "with": ["missing"], "without": ["footer"]}]
        scores = score_py.score_pages(gold, {"1": {"text": "keep\nthis and menu"}, "2": {"text": "x"}})
        # tp 1, fn 1, fp 1, tn 1
        self.assertAlmostEqual(scores["snippet_precision"], 0.5)
        self.assertAlmostEqual(scores["snippet_recall"], 0.5)
        self.assertAlmostEqual(scores["snippet_accuracy"], 0.5)

    def test_metadata_missing_counts_wrong(self):
        gold = [{"id": "1", "title": "A  Title", "date": "2020-01-02", "authors": ["Ann B"]},
                {"id": "2", "title": "Other"}]
        preds = {"1": {"text": "", "title": "a title", "date": "2020-01-02T10:00", "authors": ["ann b"]}}
        scores = score_py.score_pages(gold, preds)
        self.assertAlmostEqual(scores["title_accuracy"], 0.5)
        self.assertAlmostEqual(scores["date_accuracy"], 1.0)
        self.assertAlmostEqual(scores["authors_accuracy"], 1.0)


if __name__ == "__main__":
    unittest.main()
