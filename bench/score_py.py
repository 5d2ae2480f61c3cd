#!/usr/bin/env python3
"""An independent Python implementation of the datasets' metrics, for cross-checking only.

The benchmark's tables come from the Rust metric code (`copydesk eval --predictions`); this file
re-implements the definitions of shared/datasets/README.md from the text alone so the two can be
compared (`compare.py --scorer python`, or `score_py.py DATASET_DIR PREDICTIONS.jsonl`). Where the
two disagree, one of them has a bug.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")


def tokens(text: str) -> list[str]:
    return WORD.findall(text or "")


def shingles(toks: list[str], size: int = 4) -> Counter:
    if not toks:
        return Counter()
    if len(toks) < size:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + size]) for i in range(len(toks) - size + 1))


def normalise_space(text: str) -> str:
    return SPACE.sub(" ", text or "").strip()


def normalise_name(text: str) -> str:
    return normalise_space(text).casefold()


def score_pages(gold: list[dict], predictions: dict[str, dict]) -> dict:
    """Scores one group of pages; a page without a prediction counts as an empty output."""
    body_pages = [g for g in gold if "body" in g]
    precisions, recalls, word_f1s = [], [], []
    exact = empty = 0
    for g in body_pages:
        pred_text = predictions.get(g["id"], {}).get("text") or ""
        gold_toks, pred_toks = tokens(g["body"]), tokens(pred_text)
        gold_sh, pred_sh = shingles(gold_toks), shingles(pred_toks)
        tp = sum((gold_sh & pred_sh).values())
        fp = sum(pred_sh.values()) - tp
        fn = sum(gold_sh.values()) - tp
        if not pred_toks:
            empty += 1
        else:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
        exact += gold_toks == pred_toks
        gold_words = Counter(t.lower() for t in gold_toks)
        pred_words = Counter(t.lower() for t in pred_toks)
        overlap = sum((gold_words & pred_words).values())
        if overlap:
            p, r = overlap / sum(pred_words.values()), overlap / sum(gold_words.values())
            word_f1s.append(2 * p * r / (p + r))
        else:
            word_f1s.append(0.0)
    result: dict = {"pages": len(gold), "empty_outputs": sum(
        1 for g in gold if not tokens(predictions.get(g["id"], {}).get("text") or ""))}
    if body_pages:
        p = statistics.fmean(precisions) if precisions else 0.0
        r = statistics.fmean(recalls) if recalls else 0.0
        result.update(shingle_precision=p, shingle_recall=r, shingle_f1=2 * p * r / (p + r) if p + r else 0.0,
                      shingle_accuracy=exact / len(body_pages), shingle_empty_outputs=empty,
                      shingle_pages=len(body_pages),
                      word_f1=statistics.fmean(word_f1s))

    tp = fn = fp = tn = 0
    snippet_pages = 0
    for g in gold:
        if "with" not in g and "without" not in g:
            continue
        snippet_pages += 1
        text = normalise_space(predictions.get(g["id"], {}).get("text") or "")
        for snippet in g.get("with", []):
            if normalise_space(snippet) in text:
                tp += 1
            else:
                fn += 1
        for snippet in g.get("without", []):
            if normalise_space(snippet) in text:
                fp += 1
            else:
                tn += 1
    if snippet_pages:
        sp = tp / (tp + fp) if tp + fp else 0.0
        sr = tp / (tp + fn) if tp + fn else 0.0
        result.update(snippet_precision=sp, snippet_recall=sr, snippet_f1=2 * sp * sr / (sp + sr) if sp + sr else 0.0,
                      snippet_accuracy=(tp + tn) / (tp + fn + fp + tn) if tp + fn + fp + tn else 0.0)

    def accuracy(key, same):
        annotated = [g for g in gold if key in g]
        if not annotated:
            return None
        right = sum(1 for g in annotated
                    if predictions.get(g["id"], {}).get(key) and same(g[key], predictions[g["id"]][key]))
        return right / len(annotated)

    for key, same in (("title", lambda a, b: normalise_name(a) == normalise_name(b)),
                      ("date", lambda a, b: a[:10] == str(b)[:10]),
                      ("authors", lambda a, b: {normalise_name(x) for x in a}
                       == {normalise_name(x) for x in b}),
                      ("site_name", lambda a, b: normalise_name(a) == normalise_name(b)),
                      ("lang", lambda a, b: re.split("[-_]", a.strip())[0].lower()
                       == re.split("[-_]", b.strip())[0].lower())):
        acc = accuracy(key, same)
        if acc is not None:
            result[f"{key}_accuracy"] = acc

    cpu = [predictions[g["id"]]["cpu_ms"] for g in gold
           if g["id"] in predictions and "cpu_ms" in predictions[g["id"]]]
    if cpu:
        result.update(cpu_ms_median=statistics.median(cpu), cpu_ms_mean=statistics.fmean(cpu))
    return result


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def score(dataset_dir: Path, predictions_path: Path, system: str = "predictions") -> dict:
    """Scores one predictions file; the document has the shape of `copydesk eval --json`."""
    gold = read_jsonl(dataset_dir / "gold.jsonl")
    predictions = {p["id"]: p for p in read_jsonl(predictions_path)}
    page_types = {
        page_type: score_pages([g for g in gold if g.get("page_type") == page_type], predictions)
        for page_type in sorted({g["page_type"] for g in gold if "page_type" in g})
    }
    report = {"name": dataset_dir.name, "dir": str(dataset_dir), "system": system,
              "metrics": score_pages(gold, predictions), "page_types": page_types}
    return {"datasets": [report]}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: score_py.py DATASET_DIR PREDICTIONS.jsonl")
    print(json.dumps(score(Path(sys.argv[1]), Path(sys.argv[2])), indent=1))
