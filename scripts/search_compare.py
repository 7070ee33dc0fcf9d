#!/usr/bin/env python3
"""Old against new name index: the same result lists (client ids, scores, order) for many queries.

Usage:
  python scripts/search_compare.py --sqlite /tmp/b200.sqlite [--old REV] [--clients 2000]
  python scripts/search_compare.py --synthetic 200000 [--old REV]

Loads desk/domain/search.py of git revision REV (default: the commit before the two-level index)
beside the current one, builds both indexes over the same (id, search_key) entries - a database's
clients (`--sqlite`) or scripts/bench_search.py's synthetic clients (`--synthetic`, many more
distinct name forms than the demo data) - and compares search(q, limit) for limits 10 and 25 over
every keystroke (prefixes of 1..20 characters) of "family given", "given family" and "family" of
`--clients` random clients; the clients of `--names` (name variants across scripts, default
tests/fixtures/names) join the index, and their names and every keystroke of its queries and
negatives are searched too. Prints the number
of queries, of differing result lists, the first differences, both indexes' build time and their
memory (tracemalloc) and the CPU time per search of each. Exit status 1 when any list differs.
"""

from __future__ import annotations

import argparse
import csv
import gc
import importlib.util
import random
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from desk.domain import search as new_search  # noqa: E402

OLD_REV = "e5310f3"  # main before the two-level index


def load_old(rev: str):
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:desk/domain/search.py"],
                            check=True, capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("old_search", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_search"] = module  # dataclasses look their module up
    exec(compile(source, f"{rev}:desk/domain/search.py", "exec"), module.__dict__)  # noqa: S102
    return module


def build(module, entries: list[tuple[int, str]]):
    gc.collect()
    tracemalloc.start()
    started = time.process_time()
    index = module.NameIndex(entries)
    built = time.process_time() - started
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return index, built, size / 2**20


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)
    ap = argparse.ArgumentParser()
    ap.add_argument("--sqlite", help="a desk SQLite database: its clients' search keys")
    ap.add_argument("--synthetic", type=int, help="that many synthetic clients (scripts/bench_search.py)")
    ap.add_argument("--old", default=OLD_REV, help=f"git revision of the old search.py (default {OLD_REV})")
    ap.add_argument("--clients", type=int, default=2000, help="clients whose names are typed")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--names", type=Path, default=ROOT / "tests" / "fixtures" / "names",
                    help="a directory of name variants (clients.tsv, queries.tsv, negatives.tsv: "
                         "the shared name variants, default the fixtures): its clients join the index, every "
                         "keystroke of its queries is searched")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if a.sqlite:
        con = sqlite3.connect(f"file:{a.sqlite}?mode=ro", uri=True)
        entries = con.execute("SELECT id, search_key FROM clients WHERE merged_into_id IS NULL").fetchall()
        names = [(g, f) for _i, g, f in con.execute(
            "SELECT id, given_name, family_name FROM clients WHERE merged_into_id IS NULL")]
    elif a.synthetic:
        from bench_search import synth

        names = synth(random.Random(7), a.synthetic)
        entries = [(i, new_search.make_search_key(g, f)) for i, (g, f) in enumerate(names, 1)]
    else:
        ap.error("--sqlite or --synthetic")
    with open(a.names / "clients.tsv", encoding="utf-8", newline="") as f:  # ids above the register's
        variants = [(row["given_name"], row["family_name"]) for row in csv.DictReader(f, delimiter="\t")]
    first = max((i for i, _key in entries), default=0) + 1
    entries = entries + [(first + i, new_search.make_search_key(g, fam)) for i, (g, fam) in enumerate(variants)]
    old_module = load_old(a.old)
    old, old_built, old_mb = build(old_module, entries)
    new, new_built, new_mb = build(new_search, entries)
    print(f"{len(entries):,} clients; old index {old_built:.2f} s CPU, {old_mb:.0f} MB; "
          f"new index {new_built:.2f} s CPU, {new_mb:.0f} MB (tracemalloc)")
    queries: list[str] = []
    for given, family in rng.sample(names, min(a.clients, len(names))):
        for typed in (f"{family} {given}", f"{given} {family}", family):
            queries.extend(typed[:n] for n in range(1, min(len(typed), 20) + 1))
    for given, family in variants:  # the variants' own names, in their scripts, typed
        for typed in (f"{family} {given}", f"{given} {family}"):
            queries.extend(typed[:n] for n in range(1, min(len(typed), 20) + 1))
    for name in ("queries.tsv", "negatives.tsv"):  # every keystroke of the variant searches
        with open(a.names / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                typed = row["query_text"]
                queries.extend(typed[:n] for n in range(1, len(typed) + 1))
    queries = list(dict.fromkeys(queries))
    differ, old_cpu, new_cpu = [], 0.0, 0.0
    for q in queries:
        for limit in (10, 25):
            started = time.thread_time()
            before = [(m.client_id, m.score) for m in old.search(q, limit)]
            old_cpu += time.thread_time() - started
            started = time.thread_time()
            after = [(m.client_id, m.score) for m in new.search(q, limit)]
            new_cpu += time.thread_time() - started
            if before != after:
                differ.append((q, limit, before, after))
    n = 2 * len(queries)
    print(f"{n:,} searches ({len(queries):,} distinct queries x limits 10, 25): {len(differ)} differ; "
          f"CPU per search old {1000 * old_cpu / n:.2f} ms, new {1000 * new_cpu / n:.2f} ms")
    for q, limit, before, after in differ[:10]:
        print(f"  {q!r} limit {limit}:\n    old {before}\n    new {after}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
