"""Byte scan for an erased person (issue 15): every file under the given folders, in every
encoding desk's files use.

- raw bytes as UTF-8 (database text, JSON, CSV, logs, settings), UTF-16 LE and BE (PDF text
  strings and metadata, Windows files);
- inside zip containers (XLSX reports) and inside compressed PDF streams (FlateDecode);
- PDFs also as the text pdftotext extracts (Qt draws text as glyph ids with a ToUnicode map),
  compared after NFKC so shaped Arabic presentation forms match the plain letters.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
import zlib
from pathlib import Path

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _variants(needle: str) -> list[bytes]:
    return [needle.encode("utf-8"), needle.encode("utf-16-le"), needle.encode("utf-16-be")]


def _blobs(path: Path, data: bytes) -> list[tuple[str, bytes]]:
    found = [("raw", data)]
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found += [(f"zip:{name}", archive.read(name)) for name in archive.namelist()]
    if data.startswith(b"%PDF"):
        for number, match in enumerate(_STREAM.finditer(data)):
            try:
                found.append((f"pdf-stream {number}", zlib.decompress(match.group(1))))
            except zlib.error:
                pass
    return found


def _pdf_text(path: Path) -> str:
    program = shutil.which("pdftotext")
    if program is None:
        return ""
    result = subprocess.run([program, str(path), "-"], capture_output=True, check=False)
    return unicodedata.normalize("NFKC", result.stdout.decode("utf-8", "replace"))


def scan(folders: list[Path], needles: list[str], *, skip: tuple[Path, ...] = ()) -> list[str]:
    """Where any needle is found: ["file (how): needle", ...]; empty when nothing is left."""
    hits: list[str] = []
    files = sorted({f for folder in folders if folder.exists()
                    for f in ([folder] if folder.is_file() else folder.rglob("*")) if f.is_file()})
    for file in files:
        if any(file.is_relative_to(s) for s in skip):
            continue
        data = file.read_bytes()
        for how, blob in _blobs(file, data):
            for needle in needles:
                if any(v in blob for v in _variants(needle)):
                    hits.append(f"{file} ({how}): {needle!r}")
        if data.startswith(b"%PDF"):
            text = _pdf_text(file)
            for needle in needles:
                if unicodedata.normalize("NFKC", needle) in text:
                    hits.append(f"{file} (pdftotext): {needle!r}")
    return hits


def files_scanned(folders: list[Path]) -> list[Path]:
    return sorted({f for folder in folders if folder.exists() for f in folder.rglob("*") if f.is_file()})
