"""Client-name search across transliterations, spellings and scripts.

Pure Python (no Qt, no SQLAlchemy). See docs/SEARCH.md for the design.

Pipeline in short:

* ``fold``: NFKC, drop control/format characters (bidi, zero-width, NUL), unify
  script variants (Arabic/Persian letters, ё/е, ş/ș ...), transliterate with
  ``anyascii`` (a small own table for Arabic/Persian so that long vowels and the
  article survive), lower-case, German umlaut spellings (ue/oe/ae) folded.
* tokens: words; particles (al-, el-, as-, bin, ould, abd/abdul ...) are glued to
  the following word, ``Abd-al-X`` forms are canonicalised to ``abdX``.
* per token several *forms*: ``L`` (folded spelling), alternatives (article
  stripped, masculine form of a Slavic/Polish family name, Somali orthography
  read as Arabic transliteration), ``P`` (phonetic key that merges
  transliteration conventions: sch/sh/ş, tsch/ch/č, w/v, j/y/dsch ...), ``C``
  (consonant skeleton, used to compare with unvocalised Arabic script) and a
  cognate group (Mohammed/Muhammad/Mhd, Alexander/Oleksandr ...).
* search: each query token is matched against the vocabulary of forms (exact
  dictionary hits, prefix ranges via bisect, RapidFuzz over the vocabulary),
  clients are gathered through postings, the best few hundred are scored by a
  token assignment (order-insensitive, penalties for dropped parts and swapped
  order) plus a whole-string comparison that covers split/joined compounds.

Scores: 100 only for an exact match (same folded spelling, same tokens, same
order); >= ``EXACT_LOOKING`` (90) means "as good as the same name"; typical
variant hits score 75-95, partial type-ahead hits 60-90.
"""

from __future__ import annotations

import heapq
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

__all__ = [
    "EXACT_LOOKING",
    "KEY_VERSION",
    "NameIndex",
    "NameMatch",
    "make_search_key",
    "normalize_text",
]

#: Scores at or above this look like "the same name" in the UI.
EXACT_LOOKING = 90.0
#: Bumped whenever make_search_key changes; stored keys with another version are
#: recomputed by the caller (the key starts with ``"v<N>;"``).
KEY_VERSION = 1

MAX_INPUT = 300  # characters of a name/query that are looked at
MAX_TOKENS = 8

# ---------------------------------------------------------------------------
# Storage normalisation


_WS_RE = re.compile(r"\s+")


def normalize_text(s: str) -> str:
    """NFC, trim, collapse internal whitespace; keeps the script.

    Control and invisible format characters other than ZWJ/ZWNJ (needed in
    Persian and Indic scripts) are removed.
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat == "Cc":
            out.append(" " if ch in "\t\n\r\x0b\x0c" else "")
        elif cat == "Cf" and ch not in "\u200c\u200d":
            continue
        elif cat in ("Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return _WS_RE.sub(" ", "".join(out)).strip()


# ---------------------------------------------------------------------------
# Folding to ASCII

# Arabic / Persian letters.  Unlike anyascii we keep alef and the article so
# that "الحسين" becomes "alhusyn"-like text whose consonants match Latin forms.
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ئ": "y", "ؤ": "w",
    "ب": "b", "ت": "t", "ث": "s", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "z",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "z", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ی": "y", "ى": "a", "ې": "y",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v", "ۆ": "o", "ێ": "e", "ە": "e",
    "ڕ": "r", "ڵ": "l",
}
_ARABIC_RANGE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# letters that begin a word with ʿ (ع) are read as a vowel-initial word
_AIN_INITIAL = "a"


# letters read differently in Persian (z/s) and Arabic (d/dh/th) names
_PERSIAN_LETTERS = set("یکپچژگ")
_ARABIC_ONLY = {"ض": "d", "ذ": "dh", "ث": "th"}


def _arabic_to_latin(word: str) -> str:
    out = []
    persian = any(ch in _PERSIAN_LETTERS for ch in word)
    for i, ch in enumerate(word):
        if ch == "ع":
            out.append(_AIN_INITIAL if i == 0 else "")
            continue
        if not persian and ch in _ARABIC_ONLY:
            out.append(_ARABIC_ONLY[ch])
            continue
        if "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640":  # harakat, tatweel
            continue
        out.append(_ARABIC.get(ch, anyascii(ch)))
    return "".join(out)


_CHAR_PRE = str.maketrans({
    "ё": "е", "Ё": "Е", "ı": "i", "İ": "I", "ʿ": "", "ʾ": "", "ʼ": "", "’": "", "'": "", "`": "",
    "´": "", "‘": "",
})

_KEEP_RE = re.compile(r"[^a-z0-9/ -]+")
_SEP_RE = re.compile(r"[\s\-_.,;:+|()\[\]{}<>\"=*&#!?@\\]+")
_UMLAUT_RE = re.compile(r"([aou])e(?=[a-z])")


def _fold_word(word: str) -> tuple[str, bool]:
    """One whitespace-free chunk to lowercase ASCII; returns (text, abjad)."""
    abjad = bool(_ARABIC_RANGE.search(word))
    if abjad:
        word = unicodedata.normalize("NFKC", word)  # presentation forms
        word = "".join(_arabic_to_latin(ch_run) for ch_run in [word])
    word = word.translate(_CHAR_PRE)
    word = anyascii(word).lower()
    word = _KEEP_RE.sub("", word.replace("`", "").replace("'", ""))
    return word, abjad


def _clean(text: str) -> str:
    text = normalize_text(str(text)[: MAX_INPUT * 2])[:MAX_INPUT]
    # drop combining marks early (diacritics); keep Arabic harakat handling above
    return text


# ---------------------------------------------------------------------------
# Tokens

# particles glued to the following token; the glued form keeps them, an
# alternative form drops them.
_ARTICLES = {"al", "el", "ul", "il", "as", "at", "ad", "az", "an", "ar", "ash", "asch", "ath", "adh",
             "ed", "es", "et", "ez", "en", "er", "ech", "esh", "esch"}
_KIN = {"bin", "ben", "ibn", "bint", "binti", "ould", "wuld", "walad", "mint", "bnt", "wad", "w"}
_ABD = {"abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdi", "abdur", "abdulla", "abu", "abou", "bu",
        "cabdul", "cabdi"}  # 'abdi'/'cabdi' glue only when followed by a word (Abdi Farah: handled below)
_ABD_GLUE = {"abd", "abdul", "abdel", "abdal", "abdol", "abdur", "cabdul", "abu", "abou"}
_ABD_CANON_RE = re.compile(r"^c?abd(?:[aeiou]l?|l)?(?=[^aeiouy])")
_ART_STRIP_RE = re.compile(r"^(?:al|el|ul)(?=[a-z]{3})|^a(?:sh|sch|[tdsznr])(?=(?:sh|sch|[tdsznr]))")
_KIN_STRIP_RE = re.compile(r"^(?:bin|ben|ibn|bint|binti|ould|wuld|mint)(?=[a-z]{3})")


def _tokenize(text: str) -> list[tuple[str, bool, str]]:
    """-> list of (folded token, abjad?, raw-particle-info)."""
    text = _clean(text)
    if not text:
        return []
    raw_words = [w for w in _SEP_RE.split(text) if w]
    words: list[tuple[str, bool]] = []
    for w in raw_words[: MAX_TOKENS * 3]:
        # Arabic article written together: keep, stripping handled later
        f, ab = _fold_word(w)
        for part in f.split():
            if part:
                words.append((part, ab))
    out: list[tuple[str, bool, str]] = []
    i = 0
    while i < len(words):
        w, ab = words[i]
        short_last = i + 2 == len(words) and len(words[i + 1][0]) <= 3  # maybe still being typed
        # a word of one or two letters after a particle is a name of its own ("An Ng", "Az Ab",
        # "W A"), not the particle's noun: nouns after al-/an-/bin/abu have at least three letters
        glues = w in _ARTICLES or w in _KIN or (w in _ABD_GLUE and not short_last)
        if glues and i + 1 < len(words) and len(words[i + 1][0]) <= 2 and (
                i + 2 == len(words) or words[i + 1][0] not in _ARTICLES | _KIN | _ABD_GLUE):
            glues = False
        if (i + 1 < len(words) and glues
                and "/" not in w):
            nxt, ab2 = words[i + 1]
            # glue chains like "abd al qadir", "bin abd"
            j = i + 1
            glued = w + nxt
            while (nxt in _ARTICLES or nxt in _ABD_GLUE or nxt in _KIN) and j + 1 < len(words):
                j += 1
                nxt = words[j][0]
                glued += nxt
            out.append((glued, ab or ab2, w))
            i = j + 1
            continue
        out.append((w, ab, ""))
        i += 1
    return out[:MAX_TOKENS]


# ---------------------------------------------------------------------------
# Forms

_FEM_RULES = (
    ("skaya", "skiy"), ("skaja", "skij"), ("ckaya", "ckiy"), ("ska", "ski"), ("cka", "cki"),
    ("dzka", "dzki"), ("ova", "ov"), ("eva", "ev"), ("owa", "ow"), ("ewa", "ew"), ("yova", "yov"),
    ("ina", "in"), ("yna", "yn"), ("aya", "iy"),
)


def _masc(tok: str) -> str | None:
    if len(tok) < 6:
        return None
    for fem, masc in _FEM_RULES:
        if tok.endswith(fem):
            if fem in ("ina", "yna", "aya") and len(tok) < 8:
                return None
            return tok[: -len(fem)] + masc
    return None


_SOMALI_RE = re.compile(r"[xc]|aa|uu|ii|oo|ee")


def _somali(tok: str) -> str | None:
    """Somali orthography read as usual Arabic-name transliteration."""
    if not _SOMALI_RE.search(tok) or "ch" in tok or "ck" in tok or "cz" in tok:
        return None
    s = tok
    s = re.sub(r"c(?=[aeiou])|(?<=[aeiou])c", "", s)
    s = s.replace("x", "h")
    s = re.sub(r"([aeiou])\1", r"\1", s)
    return s if s != tok and len(s) >= 2 else None


def _canon_token(tok: str) -> str:
    m = _ABD_CANON_RE.match(tok)
    if m and len(tok) > m.end() + 1:
        tok = "abd" + tok[m.end():]
    return tok


def _alt_forms(tok: str) -> list[str]:
    alts = []
    m = _ART_STRIP_RE.match(tok)
    if m:
        rest = tok[m.end():]
        if len(rest) >= 3:
            alts.append(rest)
    m = _KIN_STRIP_RE.match(tok)
    if m:
        rest = tok[m.end():]
        alts.append(rest)
        m2 = _ART_STRIP_RE.match(rest)
        if m2 and len(rest) - m2.end() >= 3:
            alts.append(rest[m2.end():])
    base = list(alts) + [tok]
    for b in base:
        ms = _masc(b)
        if ms:
            alts.append(ms)
        so = _somali(b)
        if so:
            alts.append(_canon_token(so))
    out = []
    for a in alts:
        if a != tok and a not in out and a:
            out.append(a)
    return out


# Phonetic key: merges transliteration conventions; ambiguous letters (ch, x, j)
# give alternative keys.


def _p_one(s: str, ch_as: str, x_as: str, j_as: str) -> str:
    s = s.replace("dsch", "J").replace("dzh", "J").replace("dj", "J").replace("dzs", "J")
    s = s.replace("tsch", "C").replace("tch", "C").replace("tsh", "C").replace("cz", "C").replace("cs", "C")
    s = s.replace("shch", "C").replace("schtsch", "C")
    s = s.replace("sch", "s").replace("sh", "s").replace("zh", "s").replace("sz", "s").replace("ş", "s")
    s = s.replace("kh", "h").replace("gh", "g").replace("ch", ch_as)
    s = s.replace("ph", "f").replace("th", "t").replace("dh", "d").replace("ck", "k").replace("q", "k")
    s = s.replace("x", x_as)
    s = re.sub(r"c(?=[eiy])", "s", s)
    s = s.replace("c", "k")
    s = s.replace("tz", "s").replace("ts", "s").replace("z", "s").replace("w", "v")
    s = s.replace("eu", "oy").replace("j", j_as)
    s = s.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("o", "u")
    s = re.sub(r"i+y(?=[aeiu])|i(?=[aeu])", "y", s)
    s = re.sub(r"(?<=[aeiu])i(?![aeiu])", "y", s)
    s = re.sub(r"iy(?![aeiu])|yi|ii", "i", s)
    s = re.sub(r"(?<![aeiu])y(?![aeiu])", "i", s)
    s = re.sub(r"([a-zA-Z])\1+", r"\1", s)
    return s.lower()


def _pkeys(tok: str) -> list[str]:
    tok = tok.replace("/", "")
    chs = ("c", "h") if ("ch" in tok.replace("tsch", "").replace("tch", "")) else ("c",)
    xs = ("ks", "h") if "x" in tok else ("ks",)
    js = ("y", "j") if re.search(r"(?<![d])j", tok.replace("dsch", "")) else ("y",)
    out: list[str] = []
    for c in chs:
        for x in xs:
            for j in js:
                k = _p_one(tok, c, x, j)
                if k and k not in out:
                    out.append(k)
    return out[:6]


_VOWELS_RE = re.compile(r"[aeiouyvw]")


def _ckey(pkey: str) -> str:
    return _VOWELS_RE.sub("", pkey)


_VMERGE = str.maketrans("eo", "au")


def _vkey(pkey: str) -> str:
    """Arabic short-vowel spellings: fatha as a/e, damma as o/u (P already maps o->u)."""
    return re.sub(r"([a-z])\1+", r"\1", pkey.translate(_VMERGE))


# Cognates / traditional variants.  General linguistic knowledge, not test data:
# each group lists spellings of one name across languages; all entries are
# reduced with the phonetic key, so only one spelling per key is needed.
_COGNATES: tuple[tuple[str, ...], ...] = (
    ("muhammad", "mohammed", "mohamed", "mhd", "mohd", "mehmet", "mehmed", "maxamed", "mamadou",
     "momodou", "modou", "mahamat", "mouhamed"),
    ("ahmad", "ahmed", "ahmet", "axmed"),
    ("mahmud", "mahmoud", "mohamoud", "maxamuud", "mehmud"),
    ("alexander", "aleksandr", "oleksandr", "olexander", "alexandru", "alexandre", "aleksandar",
     "iskander", "sasha"),
    ("aleksey", "alexei", "oleksii", "oleksiy", "alexey", "aleksei"),
    ("yusuf", "yousef", "yusupha", "joseph", "josef", "yosef", "iosif", "yousif", "yuusuf", "osip"),
    ("ibrahim", "ebrima", "brahim", "abraham", "ibrahima", "avraam"),
    ("ismail", "ismael", "ismaila", "ismoil"),
    ("musa", "moses", "moussa", "mousa", "moshe"),
    ("isa", "eissa", "issa", "eesa"),
    ("yahya", "yohannes", "johannes", "johann", "iogann", "ioann", "yohannis", "john", "johan"),
    ("ivan", "iwan", "ioan", "ion", "jan", "juan"),
    ("elena", "olena", "yelena", "jelena", "helena", "alena", "ilona"),
    ("olga", "olha", "olya"),
    ("igor", "ihor"),
    ("galina", "halyna"),
    ("grigoriy", "hryhoriy", "gregor", "grzegorz"),
    ("sergey", "serhiy", "sergiy", "sergiu", "sergio", "serge"),
    ("yevgeniy", "yevhen", "evgeny", "eugen", "eugene", "yevgen", "jewgeni"),
    ("dmitriy", "dmytro", "dimitri", "dimitar", "dimitrios"),
    ("andrey", "andriy", "andreas", "andrew", "andrei", "andrzej", "andre"),
    ("mikhail", "mykhailo", "michael", "michal", "mikail", "mikael", "mihail", "mikheil"),
    ("nikolay", "mykola", "nikolai", "nicolae", "nikola", "nicolas", "mikola"),
    ("pavel", "pavlo", "pawel", "paul"),
    ("petr", "petro", "piotr", "peter", "petar", "petru", "pyotr"),
    ("vasiliy", "vasyl", "wassyl", "vasil", "vasile"),
    ("yuriy", "yurii", "juri", "yuri", "georg", "george", "georgi", "gheorghe", "jurgen", "giorgi"),
    ("stepan", "stefan", "stephan", "stephen", "steven", "szczepan", "stefanos"),
    ("maria", "mariya", "marija", "mariia", "mariam", "maryam", "mariem", "miriam", "mary"),
    ("tatiana", "tetyana", "tatyana", "tatjana", "tetiana"),
    ("natalia", "nataliya", "natalie", "natalya", "natasha"),
    ("yulia", "yuliya", "julia", "julija", "iuliia"),
    ("heinrich", "genrikh", "henrik", "henry", "hinrich", "genrich"),
    ("hermann", "german", "herman"),
    ("fatima", "fatma", "fatuma", "fatoumata", "fatou", "faadumo", "fadumo"),
    ("aisha", "ayse", "aysha", "aishat", "aissatou", "ayesha", "caasha", "aicha"),
    ("khadija", "hatice", "xadiija", "hadiza", "khadijatou"),
    ("zaynab", "zainab", "zeynep", "seynabou"),
    ("husayn", "hussein", "huseyin", "hussain", "hossein", "xuseen"),
    ("hasan", "hassan", "xasan"),
    ("ali", "cali"),
    ("abdullah", "abdallah", "abdullahi", "cabdullahi", "abdulla"),
    ("abdurrahman", "abdulrahman", "abdirahman", "cabdiraxmaan", "abderrahmane"),
    ("abdulkadir", "abdelkader", "abdulqadir", "cabdulqaadir", "abdikadir"),
    ("umar", "omar", "oumar", "cumar"),
    ("uthman", "osman", "usman", "ousman", "ousmane", "cusmaan"),
    ("sulayman", "suleiman", "suleyman", "sulaiman", "souleymane", "sulemana"),
    ("yaqub", "yakup", "jakob", "jacob", "yakub", "jakub", "iakov", "yakov"),
    ("dawud", "davud", "davut", "david", "dawit", "daud"),
    ("ayyub", "eyup", "hiob", "job", "ayoub"),
    ("yunus", "younes", "jonas", "yonas", "junus"),
    ("nuh", "noah", "nooh"),
    ("salih", "saleh", "salah", "saalax"),
    ("jamal", "cemal", "jamaal"),
    ("halil", "khalil", "xaliil"),
    ("katharina", "katrin", "kathrin", "catherine", "ekaterina", "yekaterina", "katerina", "kateryna"),
    ("elisabeth", "elizabeth", "elisaveta", "yelizaveta", "elsa", "lisa"),
    ("anna", "anne", "hanna", "hanne", "ganna"),
    ("yaroslav", "iaroslav", "jaroslaw", "jaroslav"),
    ("volodymyr", "vladimir", "wladimir", "wlodzimierz", "valdemar", "waldemar"),
    ("oluwaseun", "seun"),
    ("adewale", "wale"),
    ("babatunde", "tunde"),
    ("funmilayo", "funmi"),
)


@lru_cache(maxsize=8192)
def _cognate_ids(pkey: str) -> tuple[int, ...]:
    return tuple(i for i, keys in enumerate(_COGNATE_PKEYS) if pkey in keys)


_COGNATE_PKEYS: tuple[frozenset[str], ...] = ()


_COGNATE_SORTED: list[tuple[str, int]] = []


def _init_cognates() -> None:
    global _COGNATE_PKEYS
    groups = []
    for gid, g in enumerate(_COGNATES):
        keys: set[str] = set()
        for name in g:
            keys.update(_pkeys(_canon_token(name)))
        groups.append(frozenset(keys))
        _COGNATE_SORTED.extend((k, gid) for k in keys)
    _COGNATE_PKEYS = tuple(groups)
    _COGNATE_SORTED.sort()


def _cognate_prefixed(prefix: str) -> list[tuple[str, int]]:
    i = bisect_left(_COGNATE_SORTED, (prefix,))
    out = []
    while i < len(_COGNATE_SORTED) and _COGNATE_SORTED[i][0].startswith(prefix):
        out.append(_COGNATE_SORTED[i])
        i += 1
    return out


_init_cognates()


@dataclass(frozen=True, slots=True)
class _Tok:
    main: str  # folded spelling
    alts: tuple[str, ...]  # alternative spellings
    pk: tuple[str, ...]  # phonetic keys
    vk: tuple[str, ...]  # phonetic keys with all vowels merged (Ahmed/Ahmad, Haider/Haidar)
    ck: tuple[str, ...]  # consonant skeletons
    cog: tuple[int, ...]  # cognate groups
    abjad: bool


def _make_tok(tok: str, abjad: bool) -> _Tok:
    tok = _canon_token(tok)
    alts = tuple(_alt_forms(tok))
    pk: list[str] = []
    for f in (tok, *alts):
        for k in _pkeys(f):
            if k not in pk:
                pk.append(k)
    vk: list[str] = []
    for k in pk:
        v = _vkey(k)
        if v not in pk and v not in vk:
            vk.append(v)
    ck: list[str] = []
    for k in pk:
        c = _ckey(k)
        if c and c not in ck:
            ck.append(c)
    cog: set[int] = set()
    for k in pk:
        cog.update(_cognate_ids(k))
    return _Tok(tok, alts, tuple(pk), tuple(vk), tuple(ck), tuple(sorted(cog)), abjad)


def _analyse(text: str) -> list[_Tok]:
    return [_make_tok(t, ab) for t, ab, _ in _tokenize(text) if t.replace("/", "")]


def _analyse_query(text: str) -> list[tuple[_Tok, tuple[_Tok, ...]]]:
    """The query's tokens, each with the two parts of a particle glued to its word ("Abou
    Abba" -> abouabba: abou, abba), else none. A client's key is made of the given and the
    family name apart, so a given name that is a particle ("Abou", "Al", "Ben") stands there
    as a token of its own, which the glued query token may resemble too little to find."""
    out = []
    for t, ab, particle in _tokenize(text):
        if not t.replace("/", ""):
            continue
        noun = t[len(particle):] if particle and t.startswith(particle) else ""
        parts = (_make_tok(particle, ab), _make_tok(noun, ab)) if noun.replace("/", "") else ()
        out.append((_make_tok(t, ab), parts))
    return out


# ---------------------------------------------------------------------------
# Search key (stored in the database)

# Format: "v1;<n_given>;<tok>;<tok>..." and tok = "main,alt1,alt2|pk1,pk2|vk1|ck1|cog1,cog2|a"
# Only [a-z0-9,|;/A-Z] are used, so the key is safe for any text column.


def _encode_tok(t: _Tok) -> str:
    return "|".join((
        ",".join((t.main, *t.alts)), ",".join(t.pk), ",".join(t.vk), ",".join(t.ck), ",".join(map(str, t.cog)),
        "a" if t.abjad else "",
    ))


@lru_cache(maxsize=65536)
def _decode_tok(s: str) -> _Tok | None:
    """Decoded tokens are immutable and shared: the same name part of thousands of clients
    (Mohammed, Ahmad, Olena) is one object in memory, not thousands."""
    parts = s.split("|")
    if len(parts) != 6 or not parts[0]:
        return None
    forms = parts[0].split(",")

    def lst(x: str) -> tuple[str, ...]:
        return tuple(f for f in x.split(",") if f)

    return _Tok(
        forms[0], tuple(f for f in forms[1:] if f), lst(parts[1]), lst(parts[2]), lst(parts[3]),
        tuple(int(c) for c in parts[4].split(",") if c.isdigit()), parts[5] == "a",
    )


def make_search_key(given_name: str, family_name: str) -> str:
    """Precomputed, deterministic key stored with the client (see module doc)."""
    given = _analyse(given_name or "")
    family = _analyse(family_name or "")
    toks = (given + family)[:MAX_TOKENS]
    return ";".join([f"v{KEY_VERSION}", str(min(len(given), len(toks)))] + [_encode_tok(t) for t in toks])


def _key_parts(key: str) -> list[str]:
    """The encoded tokens of a search key (none for another key version)."""
    if not key or not key.startswith("v"):
        return []
    parts = key.split(";")
    if parts[0] != f"v{KEY_VERSION}":
        return []
    return parts[2:]


# ---------------------------------------------------------------------------
# Index


@dataclass(frozen=True, slots=True)
class NameMatch:
    client_id: int
    score: float  # 0-100, 100 = exact


# token similarity tiers (0..1)
S_EXACT = 1.0
S_ALT = 0.96
S_PHON = 0.94
S_VOWEL = 0.92
S_COG = 0.90
S_CONS_ABJAD = 0.90
S_CONS = 0.80
S_ABBREV = 0.86
S_SUFFIX = 0.78
FUZZ_L_CUT = 70.0
FUZZ_P_CUT = 72.0
CAND_LIMIT = 250
PART_SHARE = 0.75  # a glued query token's parts gather candidates at most at this share (NameIndex._with_parts)
PENALTY_DROPPED = 0.03
PENALTY_DROPPED_MAX = 0.09
PENALTY_ORDER = 0.02


def _letters(form: str) -> list[str]:
    """The characters of `form` with their multiplicity, each as a key: "anna" -> a, n, nn, aa
    (the k-th occurrence of a character is that character k times)."""
    seen: dict[str, int] = {}
    out = []
    for ch in form:
        k = seen.get(ch, 0) + 1
        seen[ch] = k
        out.append(ch * k)
    return out


_NO_FORMS: tuple[str, ...] = ()


class _Vocab:
    """Sorted unique strings, each with the ids of the distinct client tokens (name parts) that
    have it, for exact, prefix, fuzzy lookup."""

    __slots__ = ("post", "sorted", "rsorted", "by_len", "letters")

    def __init__(self) -> None:
        self.post: dict[str, set[int]] = {}
        self.sorted: list[str] = []
        self.rsorted: list[str] = []
        self.by_len: dict[int, list[str]] = {}
        # length -> character with multiplicity (`_letters`) -> the forms of that length having it
        # (lists: a quarter of a set's memory; a form leaves one only when no client has it any more)
        self.letters: dict[int, dict[str, list[str]]] = {}

    def fuzzy(self, q: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """Forms with fuzz.ratio >= cutoff (at most `limit` per length, as process.extract gives
        them); only lengths that can reach it are scanned, and of a length only the forms that
        share enough characters with `q` to reach it (the same answer, see `_reachable`)."""
        c = cutoff / 100.0
        n = len(q)
        lo, hi = int(n * c / (2 - c)), int(n * (2 - c) / c) + 1
        out: list[tuple[str, float]] = []
        letters = _letters(q)
        for ln in range(max(lo, 1), hi + 1):
            bucket = self.by_len.get(ln)
            if not bucket:
                continue
            choices = self._reachable(letters, ln, c, len(bucket))
            if choices is not None:
                found = process.extract(q, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
                if len(found) < limit:  # every form of the length that reaches the cut-off: as the scan's
                    out.extend((f, sc) for f, sc, _ in found)
                    continue
            out.extend((f, sc) for f, sc, _ in process.extract(
                q, bucket, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit))
        return out

    def _reachable(self, letters: list[str], ln: int, c: float, size: int) -> list[str] | None:
        """The forms of length `ln` that can have fuzz.ratio >= 100 c with the query whose
        `_letters` are given, or None when scanning the whole length is cheaper.

        fuzz.ratio is 100 (1 - d / (n + ln)) with d the InDel distance (insertions and deletions),
        and d = n + ln - 2 LCS >= n + ln - 2 common, where `common` counts the characters both
        strings have, with multiplicity (a common subsequence uses no character more often than
        either string has it). So a form reaching the cut-off has common >= (c (n + ln) - 0.5) / 2
        (0.5: a margin far above the rounding of floats): it misses at most n - need of the
        query's n characters, so it has one of ANY n - need + 1 of them - of the rarest ones, say.
        The candidates are the union of those few sets; process.extract scores them as it would
        in the whole scan, and a form not among them cannot reach the cut-off. Only when the
        candidates give `limit` hits (process.extract keeps the first `limit` of equal scores by
        their place in the list) does the caller scan the whole length instead."""
        n = len(letters)
        need = -(-(c * (n + ln) - 0.5) // 2)  # ceil
        pick = n - int(need) + 1
        if pick >= n or pick <= 0:
            return None if pick > 0 else []
        by_letter = self.letters.get(ln)
        if not by_letter:
            return None
        sets = sorted((by_letter.get(k, _NO_FORMS) for k in letters), key=len)[:pick]
        if sum(map(len, sets)) * 2 > size:
            return None
        return list(set().union(*sets))

    def add(self, form: str, ref: int) -> None:
        s = self.post.get(form)
        if s is None:
            self.post[form] = {ref}
            i = bisect_left(self.sorted, form)
            self.sorted.insert(i, form)
            r = form[::-1]
            self.rsorted.insert(bisect_left(self.rsorted, r), r)
            self.by_len.setdefault(len(form), []).append(form)
            by_letter = self.letters.setdefault(len(form), {})
            for k in _letters(form):
                forms = by_letter.get(k)
                if forms is None:
                    by_letter[k] = [form]
                else:
                    forms.append(form)
        else:
            s.add(ref)

    def discard(self, form: str, ref: int) -> None:
        s = self.post.get(form)
        if s is None:
            return
        s.discard(ref)
        if not s:
            del self.post[form]
            i = bisect_left(self.sorted, form)
            if i < len(self.sorted) and self.sorted[i] == form:
                del self.sorted[i]
            r = form[::-1]
            i = bisect_left(self.rsorted, r)
            if i < len(self.rsorted) and self.rsorted[i] == r:
                del self.rsorted[i]
            bucket = self.by_len.get(len(form))
            if bucket is not None:
                bucket.remove(form)
            by_letter = self.letters.get(len(form), {})
            for k in _letters(form):
                forms = by_letter.get(k)
                if forms is not None and form in forms:
                    forms.remove(form)
                    if not forms:
                        del by_letter[k]

    def prefixed(self, prefix: str, limit: int = 4000) -> list[str]:
        i = bisect_left(self.sorted, prefix)
        j = bisect_left(self.sorted, prefix + "\x7f", i)
        return self.sorted[i: min(j, i + limit)]

    def suffixed(self, suffix: str, limit: int = 500) -> list[str]:
        r = suffix[::-1]
        i = bisect_left(self.rsorted, r)
        j = bisect_left(self.rsorted, r + "\x7f", i)
        return [x[::-1] for x in self.rsorted[i: min(j, i + limit)]]


class _Groups(dict[int, set[int]]):
    """Cognate group number -> the ids of the client tokens in it (filed like a _Vocab's forms)."""

    __slots__ = ()

    def add(self, group: int, ref: int) -> None:
        self.setdefault(group, set()).add(ref)

    def discard(self, group: int, ref: int) -> None:
        refs = self.get(group)
        if refs is not None:
            refs.discard(ref)


def _bump(d: dict[int, float], refs: Iterable[int], s: float) -> None:
    for ref in refs:
        if d.get(ref, 0.0) < s:
            d[ref] = s


def _compound_bonus(qtoks: list[_Tok], toks: tuple[_Tok, ...], used_q: set[int], used_c: set[int],
                    order: list[tuple[int, int]]) -> float:
    bonus = 0.0
    nq, nc = len(qtoks), len(toks)
    for i in range(nq):  # one query token against two adjacent free client tokens
        if i in used_q or len(qtoks[i].main) < 6:
            continue
        for j in range(nc - 1):
            if j in used_c or j + 1 in used_c:
                continue
            sim = Levenshtein.normalized_similarity(qtoks[i].main, toks[j].main + toks[j + 1].main)
            if sim >= 0.8:
                bonus += 0.92 * sim
                used_q.add(i)
                used_c.update((j, j + 1))
                order.append((i, j))
                break
    for j in range(nc):  # two adjacent free query tokens against one client token
        if j in used_c or len(toks[j].main) < 6:
            continue
        for i in range(nq - 1):
            if i in used_q or i + 1 in used_q:
                continue
            sim = Levenshtein.normalized_similarity(qtoks[i].main + qtoks[i + 1].main, toks[j].main)
            if sim >= 0.8:
                bonus += 2 * 0.92 * sim
                used_q.update((i, i + 1))
                used_c.add(j)
                order.append((i, j))
                break
    return bonus


class NameIndex:
    """In-memory index over (client_id, search_key). Thread-safe.

    Two levels: the vocabularies map each form (spelling, phonetic key, skeleton, cognate group)
    to the distinct client *tokens* (name parts: "Mohammed", "Kovalenko") having it, and each
    token to the clients having it. A query token is scored against tokens (a few thousand at
    200,000 clients), not against every client's name part; clients are gathered from the
    best-scoring tokens down only until the candidate list is full (see `_candidates`)."""

    def __init__(self, entries: Iterable[tuple[int, str]] = ()) -> None:
        self._lock = threading.RLock()
        self._clients: dict[int, tuple[int, ...]] = {}  # client -> its tokens' ids, in name order
        self._toks: list[_Tok | None] = []  # token id -> token
        self._holders: list[set[int]] = []  # token id -> clients having it
        self._tok_ids: dict[str, int] = {}  # encoded token -> id
        self._tok_keys: list[str] = []  # token id -> encoded token
        self._free: list[int] = []
        self._main = _Vocab()  # main spellings
        self._alt = _Vocab()  # alternative spellings
        self._pk = _Vocab()
        self._vk = _Vocab()
        self._ck = _Vocab()  # consonant skeletons of abjad tokens
        # consonant skeletons of the other tokens: only an abjad query looks there (Arabic script
        # writes no short vowels, so "مریم" can only be compared with "Mariam" by its consonants)
        self._ck_vowelled = _Vocab()
        self._cog = _Groups()  # cognate group -> the tokens in it
        self._cache: dict[tuple[str, bool], dict[int, float]] = {}
        for cid, key in entries:
            self.add(cid, key)

    # -- maintenance -------------------------------------------------------
    def __len__(self) -> int:
        with self._lock:
            return len(self._clients)

    def add(self, client_id: int, search_key: str) -> None:
        cid = int(client_id)
        parts = _key_parts(search_key or "")
        with self._lock:
            self._remove_locked(cid)
            tids = []
            for part in parts:
                tid = self._tok_ids.get(part)
                if tid is None:
                    tok = _decode_tok(part)
                    if tok is None:
                        continue
                    tid = self._new_tok(part, tok)
                self._holders[tid].add(cid)
                tids.append(tid)
            self._clients[cid] = tuple(tids)
            self._cache.clear()

    def _new_tok(self, part: str, t: _Tok) -> int:
        if self._free:
            tid = self._free.pop()
            self._toks[tid], self._holders[tid], self._tok_keys[tid] = t, set(), part
        else:
            tid = len(self._toks)
            self._toks.append(t)
            self._holders.append(set())
            self._tok_keys.append(part)
        self._tok_ids[part] = tid
        for structure, key in self._filed_under(t):
            structure.add(key, tid)
        return tid

    def _filed_under(self, t: _Tok) -> Iterable[tuple[_Vocab | _Groups, Any]]:
        """Every (structure, key) a token is filed under: the one list both `_new_tok` and
        `_drop_tok` walk, so a key kind cannot be filed by one and forgotten by the other."""
        yield self._main, t.main
        for a in t.alts:
            yield self._alt, a
        for k in t.pk:
            yield self._pk, k
        for k in t.vk:
            yield self._vk, k
        for c in t.ck:
            yield (self._ck if t.abjad else self._ck_vowelled), c
        for g in t.cog:
            yield self._cog, g

    def _drop_tok(self, tid: int) -> None:
        t = self._toks[tid]
        assert t is not None
        for structure, key in self._filed_under(t):
            structure.discard(key, tid)
        del self._tok_ids[self._tok_keys[tid]]
        self._toks[tid], self._tok_keys[tid] = None, ""
        self._free.append(tid)

    def remove(self, client_id: int) -> None:
        with self._lock:
            self._remove_locked(int(client_id))
            self._cache.clear()

    def _remove_locked(self, cid: int) -> None:
        tids = self._clients.pop(cid, None)
        if tids is None:
            return
        for tid in set(tids):
            holders = self._holders[tid]
            holders.discard(cid)
            if not holders:
                self._drop_tok(tid)

    # -- per query token ---------------------------------------------------
    def _token_hits(self, q: _Tok, last: bool) -> dict[int, float]:
        """Similarity of one query token to every client token (id) it resembles."""
        ck = (q.main, last, q.abjad)  # an abjad token also reaches the vowelled names' skeletons
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        d: dict[int, float] = {}
        qforms = (q.main, *q.alts)
        qlen = len(q.main.replace("/", ""))
        main_post, alt_post, pk_post = self._main.post, self._alt.post, self._pk.post

        if "/" in q.main:  # Ethiopian/Eritrean abbreviation: "G/Medhin", "T/Mariam"
            head, _, tail = q.main.partition("/")
            if head and tail:
                for form in self._main.suffixed(tail, 2000):
                    if form.startswith(head) and len(form) > len(head) + len(tail):
                        _bump(d, main_post[form], S_ABBREV)
        # exact spellings
        for i, f in enumerate(qforms):
            s_main = S_EXACT if i == 0 else S_ALT
            _bump(d, main_post.get(f, ()), s_main)
            _bump(d, alt_post.get(f, ()), S_ALT)
        for k in q.pk:
            _bump(d, pk_post.get(k, ()), S_PHON)
            _bump(d, self._vk.post.get(k, ()), S_VOWEL)
        for k in q.vk:
            _bump(d, pk_post.get(k, ()), S_VOWEL)
            _bump(d, self._vk.post.get(k, ()), S_VOWEL)
        for g in q.cog:
            _bump(d, self._cog.get(g, ()), S_COG)
        skeletons = (self._ck, self._ck_vowelled) if q.abjad else (self._ck,)
        for c in q.ck:
            if len(c) >= 2 or qlen <= 3:
                for vocab in skeletons:
                    _bump(d, vocab.post.get(c, ()), S_CONS_ABJAD)
        # prefixes (type-ahead): every query token may be incomplete
        if qlen >= 1:
            for vocab, post, forms, base in (
                (self._main, main_post, qforms, 0.70),
                (self._alt, alt_post, qforms, 0.68),
                (self._pk, pk_post, q.pk, 0.66),
            ):
                for f in forms:
                    if not f or "/" in f:
                        continue
                    lim = 400 if len(f) <= 1 else 3000
                    for form in vocab.prefixed(f, lim):
                        if form == f:
                            continue
                        s = base + 0.24 * len(f) / len(form)
                        _bump(d, post[form], s)
            if qlen >= 2:  # "olh" -> Olga/Olha group, "moh" -> Muhammad group (any script)
                seen: dict[int, float] = {}
                for k in q.pk:
                    for member, gid in _cognate_prefixed(k):
                        if member != k:
                            s = 0.64 + 0.22 * len(k) / len(member)
                            if seen.get(gid, 0.0) < s:
                                seen[gid] = s
                for gid, s in seen.items():
                    _bump(d, self._cog.get(gid, ()), s)
                for c in q.ck:
                    for vocab in skeletons:
                        for form in vocab.prefixed(c, 2000):
                            s = 0.62 + 0.24 * len(c) / max(len(form), 1)
                            _bump(d, vocab.post[form], s)
        # short forms (Wale -> Adewale)
        if qlen >= 4:
            for form in self._main.suffixed(q.main, 200):
                if len(form) >= qlen + 2:
                    _bump(d, main_post[form], S_SUFFIX)
        # fuzzy (typos, other transliterations)
        if qlen >= 3:
            for f in qforms[:3]:
                for form, sc in self._main.fuzzy(f, FUZZ_L_CUT, 100):
                    _bump(d, main_post[form], 0.92 * sc / 100.0)
            for form, sc in self._alt.fuzzy(q.main, FUZZ_L_CUT, 50):
                _bump(d, alt_post[form], 0.90 * sc / 100.0)
            for k in q.pk[:3]:
                for form, sc in self._pk.fuzzy(k, FUZZ_P_CUT, 100):
                    _bump(d, pk_post[form], 0.90 * sc / 100.0)
            for c in q.ck[:2]:
                if len(c) >= 3:
                    for vocab in skeletons:
                        for form, sc in vocab.fuzzy(c, 75, 50):
                            _bump(d, vocab.post[form], 0.85 * sc / 100.0)
        if len(self._cache) > 256:
            self._cache.clear()
        self._cache[ck] = d
        return d

    # -- search ------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> list[NameMatch]:
        try:
            limit = int(limit)
        except (TypeError, ValueError):
            limit = 10
        if limit <= 0 or not isinstance(query, str):
            return []
        analysed = _analyse_query(query)
        if not analysed:
            return []
        qtoks = [t for t, _parts in analysed]
        with self._lock:
            hits = [self._token_hits(t, i == len(qtoks) - 1) for i, t in enumerate(qtoks)]
            # candidates are also gathered by a glued token's parts (below the glued token's own
            # hits); the score is the glued token's, whose whole-name comparison judges them
            gather = hits
            if any(parts for _t, parts in analysed):
                gather = [self._with_parts(d, parts, i == len(qtoks) - 1)
                          for i, (d, (_t, parts)) in enumerate(zip(hits, analysed, strict=True))]
            scored = []
            by_name: dict[tuple[int, ...], float] = {}  # the score depends on the name parts only
            for cid in self._candidates(gather):
                tids = self._clients[cid]
                score = by_name.get(tids)
                if score is None:
                    toks = tuple(self._toks[t] for t in tids)
                    score = by_name[tids] = self._score(qtoks, hits, tids, toks)  # type: ignore[arg-type]
                # a candidate gathered by a glued token's parts alone ("W 000" -> w, 000) may
                # resemble the query in nothing that is scored: no resemblance, no hit
                if score > 0.0:
                    scored.append((score, cid))
        scored.sort(key=lambda x: (-x[0], x[1]))
        return [NameMatch(cid, round(s, 2)) for s, cid in scored[:limit]]

    def _with_parts(self, hits: dict[int, float], parts: tuple[_Tok, ...], last: bool) -> dict[int, float]:
        """`hits` plus the client tokens the parts of a glued token resemble, at most
        PART_SHARE of that resemblance (never above the glued token's own hit of a token)."""
        if not parts:
            return hits
        merged = dict(hits)
        for i, part in enumerate(parts):
            for tid, s in self._token_hits(part, last and i == len(parts) - 1).items():
                s *= PART_SHARE
                if merged.get(tid, 0.0) < s:
                    merged[tid] = s
        return merged

    def _upper_bound(self, hits: list[dict[int, float]], cid: int) -> float:
        """Sum over the query tokens of the client's best token score (the candidates' order)."""
        tids = self._clients[cid]
        ub = 0.0
        for d in hits:
            best = 0.0
            for tid in tids:
                s = d.get(tid)
                if s is not None and best < s:
                    best = s
            if best:
                ub += best
        return ub

    def _candidates(self, hits: list[dict[int, float]]) -> list[int]:
        """The CAND_LIMIT clients of the highest upper bound (ties: the lower id), as a scan of
        every hit client would rank them, gathered from the best token scores down (a
        threshold algorithm: stop once no client not yet seen can rank higher)."""
        levels: list[list[tuple[float, list[int]]]] = []
        for d in hits:
            by_score: dict[float, list[int]] = {}
            for tid, s in d.items():
                by_score.setdefault(s, []).append(tid)
            levels.append(sorted(by_score.items(), reverse=True))
        holders = self._holders
        if len(hits) == 1:  # the upper bound is the best token score: whole levels, no sums
            chosen: set[int] = set()
            for _s, tids in levels[0]:
                level = set().union(*(holders[t] for t in tids))
                level -= chosen
                room = CAND_LIMIT - len(chosen)
                if len(level) >= room:
                    chosen.update(heapq.nsmallest(room, level))
                    break
                chosen |= level
            return list(chosen)
        # clients with a hit in one query token only have that token's score as their bound: those
        # are taken level by level with set operations; only the others are summed one by one
        hit_by = [set().union(*(holders[t] for t in d)) for d in hits]
        shared = [hit_by[t] & set().union(*(hit_by[:t] + hit_by[t + 1:])) for t in range(len(hits))]
        at = [0] * len(levels)
        seen: set[int] = set()
        top: list[tuple[float, int]] = []  # min-heap of (upper bound, -client id)

        def offer(item: tuple[float, int]) -> None:
            if len(top) < CAND_LIMIT:
                heapq.heappush(top, item)
            elif item > top[0]:
                heapq.heapreplace(top, item)

        while True:
            bound = 0.0
            pick, pick_score = -1, -1.0
            for t, lv in enumerate(levels):
                if at[t] < len(lv):
                    s = lv[at[t]][0]
                    bound += s
                    if s > pick_score:
                        pick, pick_score = t, s
            if pick < 0 or (len(top) >= CAND_LIMIT and top[0][0] > bound):
                break
            s, tids = levels[pick][at[pick]]
            at[pick] += 1
            level = set().union(*(holders[tid] for tid in tids))
            level -= seen
            seen |= level
            several = level & shared[pick]
            for cid in several:
                offer((self._upper_bound(hits, cid), -cid))
            level -= several  # their bound is s (0.0 + s: as the sum over the tokens gives it)
            if level and (len(top) < CAND_LIMIT or s >= top[0][0]):
                for cid in heapq.nsmallest(CAND_LIMIT, level):
                    offer((s, -cid))
        return [-neg for _ub, neg in top]

    @staticmethod
    def _score(qtoks: list[_Tok], hits: list[dict[int, float]], tids: tuple[int, ...],
               toks: tuple[_Tok, ...]) -> float:
        nq, nc = len(qtoks), len(toks)
        pairs = []
        for i, d in enumerate(hits):
            for j in range(nc):
                s = d.get(tids[j])
                if s:
                    pairs.append((s, i, j))
        pairs.sort(key=lambda p: (-p[0], abs(p[1] - p[2])))
        used_q: set[int] = set()
        used_c: set[int] = set()
        total = 0.0
        assigned: dict[int, tuple[int, float]] = {}
        for s, i, j in pairs:
            if i in used_q or j in used_c:
                continue
            used_q.add(i)
            used_c.add(j)
            total += s
            assigned[i] = (j, s)
        # weak single-token matches may be better explained by a split compound
        for i, (j, s) in list(assigned.items()):
            if s < 0.8:
                del assigned[i]
                used_q.discard(i)
                used_c.discard(j)
                total -= s
        order = [(i, j) for i, (j, _s) in assigned.items()]
        # compounds split on one side only: "Gebremedhin" / "Ghebre Medhin", "Wolde Mariam" / "Weldemariam"
        if nq > len(used_q) or nc > len(used_c):
            total += _compound_bonus(qtoks, toks, used_q, used_c, order)
            for i in range(nq):  # restore weak matches that no compound explained
                if i not in used_q:
                    for s, i2, j in pairs:
                        if i2 == i and j not in used_c:
                            used_q.add(i)
                            used_c.add(j)
                            total += s
                            order.append((i, j))
                            break
        base = total / nq
        order.sort()
        in_order = all(order[k][1] < order[k + 1][1] for k in range(len(order) - 1))
        if not in_order:
            base -= PENALTY_ORDER
        dropped = nc - len(used_c)
        base -= min(PENALTY_DROPPED * dropped, PENALTY_DROPPED_MAX)
        exact = (
            nq == nc and in_order and len(order) == nq
            and all(qtoks[i].main == toks[j].main for i, j in order)
        )
        if exact:
            return 100.0
        score = base * 100.0
        # whole-name comparison: split/joined compounds ("Wolde Mariam"/"Weldemariam")
        qs = "".join(t.main for t in qtoks)
        cs = "".join(t.main for t in toks)
        if len(qs) >= 6:
            if not in_order and len(order) == nc:
                cs = "".join(toks[j].main for _, j in order)
            whole = Levenshtein.normalized_similarity(qs, cs) * 100 * 0.88
            score = max(score, whole)
        return min(score, 99.0)
