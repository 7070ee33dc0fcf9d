"""PySide6's import hook, made to forget the sources it reads (issue 21: start-up, memory).

Once PySide6 is imported, its `__feature__` support (shibokensupport.feature) looks at every module
imported after it: `_mod_uses_pyside(module)` asks whether the module's source contains the word
"PySide6" (such a module may switch on `from __feature__ import snake_case`). It reads the source
with `inspect.getsource`, which keeps every line of every file in `linecache` for the rest of the
process: ~900 files and ~15 MB of resident memory once every view was opened, ~360 files read
before the main window's first frame.

`forget_read_sources()` swaps that one function for one that gives the same answer (the same
search, in the file's bytes) without keeping the text. Where the PySide6 in use has no such
function, nothing is changed. desk itself uses no `__feature__`.

PySide6 may drop its hook by itself: while it looks at a module, shiboken sets `builtins.__import__`
back to the interpreter's import for the whole process (PYSIDE-3054), and when a worker thread and
the GUI thread import at the same moment, the second one takes that for the hook and puts it back
last. From then on no module is looked at any more, which costs desk nothing (no `__feature__`,
and no source is read either); it only makes whether the hook is still there depend on timing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_desk_forgets_sources"


def forget_read_sources() -> bool:
    """Replace shibokensupport.feature._mod_uses_pyside (after PySide6 is imported); True if
    replaced now."""
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, _MARK, False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)  # no plain source file: PySide6's own way

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside
    return True
