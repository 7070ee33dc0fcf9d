#!/usr/bin/env python3
"""Benchmark desk.domain.search at reception-desk scale.

Usage: python scripts/bench_search.py [--clients 50000] [--queries 120] [--seed 7]

Builds N synthetic clients (fixture name parts mixed with random syllables, in
Latin, Cyrillic, Arabic and Ge'ez script), times make_search_key for all of them
and the NameIndex build, then replays typing: every prefix of many queries
(one search per keystroke, after a warm-up) and prints p50/p95/max in ms.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk.domain.search import NameIndex, make_search_key  # noqa: E402

SYL = ["ma", "mo", "ha", "sa", "li", "ra", "na", "ka", "ta", "ya", "di", "bu", "fa", "ze", "lo", "ri",
       "an", "el", "ov", "en", "ko", "sha", "kh", "dr", "vi", "ju", "go", "pe", "ber", "ste", "mir", "ul",
       "ab", "dul", "rah", "im", "os", "ka", "wal", "ner", "schm", "tz", "ic", "ski", "enko", "ova"]
CYR = str.maketrans({"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и",
                     "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
                     "t": "т", "u": "у", "f": "ф", "h": "х", "y": "й", "j": "ж", "w": "в", "c": "ц"})
ARA = str.maketrans({"a": "ا", "b": "ب", "t": "ت", "j": "ج", "h": "ح", "d": "د", "r": "ر", "z": "ز",
                     "s": "س", "f": "ف", "q": "ق", "k": "ک", "l": "ل", "m": "م", "n": "ن", "w": "و",
                     "y": "ی", "i": "ی", "u": "و", "e": "", "o": "و", "g": "گ", "p": "پ", "v": "و", "c": "ک"})


def fixture_parts() -> tuple[list[str], list[str]]:
    path = ROOT / "tests" / "fixtures" / "names" / "clients.tsv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["given_name"] for r in rows], [r["family_name"] for r in rows]


def synth(rng: random.Random, n: int) -> list[tuple[str, str]]:
    givens, families = fixture_parts()

    def rand_word() -> str:
        return "".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))).capitalize()

    out = []
    for _ in range(n):
        g = rng.choice(givens) if rng.random() < 0.7 else rand_word()
        f = rng.choice(families) if rng.random() < 0.5 else rand_word()
        if rng.random() < 0.15:
            f = f + " " + rand_word()
        r = rng.random()
        if r < 0.08:
            g, f = g.lower().translate(CYR), f.lower().translate(CYR)
        elif r < 0.14:
            g, f = g.lower().translate(ARA), f.lower().translate(ARA)
        out.append((g, f))
    return out


def typing_queries(rng: random.Random, clients: list[tuple[str, str]], n: int) -> list[str]:
    givens, families = fixture_parts()
    qs = []
    for _ in range(n):
        g, f = rng.choice(clients)
        r = rng.random()
        if r < 0.3:
            g, f = rng.choice(givens), rng.choice(families)  # fixture-like, maybe script-crossing
        text = f"{g} {f}" if rng.random() < 0.6 else f"{f} {g}"
        if rng.random() < 0.3 and len(text) > 4:  # a typo
            i = rng.randrange(1, len(text) - 1)
            text = text[:i] + rng.choice("aeioukrnst") + text[i + 1:]
        qs.append(text[:30])
    return qs


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50_000)
    ap.add_argument("--queries", type=int, default=120)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    clients = synth(rng, a.clients)

    t0 = time.perf_counter()
    keys = [make_search_key(g, f) for g, f in clients]
    t1 = time.perf_counter()
    index = NameIndex(enumerate(keys, 1))
    t2 = time.perf_counter()
    print(f"clients: {len(index)}")
    print(f"make_search_key: {t1 - t0:.2f} s total, {1e6 * (t1 - t0) / len(keys):.0f} us/client")
    print(f"NameIndex build: {t2 - t1:.2f} s")

    queries = typing_queries(rng, clients, a.queries)
    for q in queries[:10]:  # warm-up
        index.search(q)
    times = []
    for q in queries:
        for i in range(1, len(q) + 1):
            prefix = q[:i]
            s = time.perf_counter()
            index.search(prefix)
            times.append((time.perf_counter() - s) * 1000)
    print(f"keystroke searches: {len(times)} (queries: {len(queries)})")
    print(f"p50 {pct(times, 50):.1f} ms   p95 {pct(times, 95):.1f} ms   max {max(times):.1f} ms   "
          f"mean {statistics.fmean(times):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
