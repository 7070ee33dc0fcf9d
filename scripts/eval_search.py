#!/usr/bin/env python3
"""Evaluate desk.domain.search on a names fixture set.

Usage:
    python scripts/eval_search.py                      # tests/fixtures/names
    python scripts/eval_search.py DIR                  # DIR/clients.tsv, queries.tsv, negatives.tsv
    python scripts/eval_search.py CLIENTS QUERIES [NEGATIVES]
    add -v to list the misses.

Prints top-1 / top-5 per variant kind and overall, and the negatives rule:
a negative fails when its resembling client is the first hit with a score
>= EXACT_LOOKING.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk.domain.search import EXACT_LOOKING, NameIndex, make_search_key  # noqa: E402


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def evaluate(clients: Path, queries: Path, negatives: Path | None, verbose: bool = False) -> dict:
    rows = read_tsv(clients)
    keys = {r["client_key"]: i + 1 for i, r in enumerate(rows)}
    names = {i + 1: f"{r['given_name']} {r['family_name']}" for i, r in enumerate(rows)}
    index = NameIndex((keys[r["client_key"]], make_search_key(r["given_name"], r["family_name"])) for r in rows)
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for q in read_tsv(queries):
        want = keys[q["expected_client_key"]]
        res = index.search(q["query_text"], limit=5)
        ids = [m.client_id for m in res]
        for kind in (q["variant_kind"], "ALL"):
            k = per_kind[kind]
            k[0] += 1
            k[1] += bool(ids) and ids[0] == want
            k[2] += want in ids
        if not ids or ids[0] != want:
            misses.append((q["query_id"], q["variant_kind"], q["query_text"], names[want],
                           [(names[m.client_id], m.score) for m in res[:3]]))
    neg_total = neg_fail = neg_first = 0
    neg_bad = []
    if negatives and negatives.exists():
        for n in read_tsv(negatives):
            bad = keys[n["must_not_rank_first_key"]]
            res = index.search(n["query_text"], limit=5)
            neg_total += 1
            if res and res[0].client_id == bad:
                neg_first += 1
                if res[0].score >= EXACT_LOOKING:
                    neg_fail += 1
                    neg_bad.append((n["query_id"], n["query_text"], names[bad], res[0].score))
    out = {"per_kind": dict(per_kind), "misses": misses, "neg_total": neg_total, "neg_fail": neg_fail,
           "neg_first": neg_first, "neg_bad": neg_bad}
    if verbose:
        for m in misses:
            print("MISS", *m)
        for b in neg_bad:
            print("NEG ", *b)
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if not args:
        d = ROOT / "tests" / "fixtures" / "names"
        paths = (d / "clients.tsv", d / "queries.tsv", d / "negatives.tsv")
    elif len(args) == 1:
        d = Path(args[0])
        paths = (d / "clients.tsv", d / "queries.tsv", d / "negatives.tsv")
    else:
        paths = (Path(args[0]), Path(args[1]), Path(args[2]) if len(args) > 2 else None)
    r = evaluate(*paths, verbose=verbose)
    print(f"{'variant kind':34} {'n':>4} {'top1':>7} {'top5':>7}")
    for kind, (n, t1, t5) in sorted(r["per_kind"].items(), key=lambda kv: (kv[0] == "ALL", kv[0])):
        print(f"{kind:34} {n:4d} {100 * t1 / n:6.1f}% {100 * t5 / n:6.1f}%")
    if r["neg_total"]:
        print(f"negatives: {r['neg_total']}, resembling client first: {r['neg_first']}, "
              f"first with score >= {EXACT_LOOKING:g} (failures): {r['neg_fail']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
