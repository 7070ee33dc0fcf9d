"""The gong of the display. PySide6-Essentials has no QtMultimedia, so: a short WAV made with
the `wave` module (resources/sounds/gong.wav, regenerated into the cache if missing), played with
QSoundEffect when QtMultimedia is installed, else winsound (Windows) or paplay/aplay/afplay,
else QApplication.beep()."""

from __future__ import annotations

import math
import shutil
import struct
import sys
import wave
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QStandardPaths, QUrl
from PySide6.QtWidgets import QApplication

RATE = 22050


def write_gong(path: Path, seconds: float = 1.6) -> Path:
    """A two-tone bell (two partials with exponential decay), 16-bit mono."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = bytearray()
    for i in range(int(RATE * seconds)):
        t = i / RATE
        second = t - 0.45
        value = 0.55 * math.exp(-3.2 * t) * (math.sin(2 * math.pi * 659.3 * t) + 0.35 * math.sin(2 * math.pi * 1318.5 * t))
        if second > 0:
            value += 0.55 * math.exp(-3.0 * second) * (math.sin(2 * math.pi * 523.3 * second)
                                                       + 0.35 * math.sin(2 * math.pi * 1046.5 * second))
        attack = min(1.0, t / 0.01)
        frames += struct.pack("<h", int(max(-1.0, min(1.0, value * attack * 0.8)) * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


def gong_path() -> Path:
    shipped = Path(str(resources.files("desk.resources") / "sounds" / "gong.wav"))
    if shipped.is_file():
        return shipped
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or ".")
    target = cache / "gong.wav"
    return target if target.is_file() else write_gong(target)


class Gong(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = gong_path()
        self.backend = "beep"
        self._effect = None
        try:
            from PySide6.QtMultimedia import QSoundEffect  # only with PySide6-Addons

            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(self.path)))
            self.backend = "qtmultimedia"
        except ImportError:
            if sys.platform == "win32":
                self.backend = "winsound"
            else:
                self._player = next((p for p in ("paplay", "aplay", "afplay") if shutil.which(p)), None)
                if self._player:
                    self.backend = self._player
        self.played = 0

    def play(self) -> None:
        self.played += 1
        if self.backend == "qtmultimedia":
            self._effect.play()
        elif self.backend == "winsound":
            import winsound

            winsound.PlaySound(str(self.path), winsound.SND_FILENAME | winsound.SND_ASYNC)
        elif self.backend in ("paplay", "aplay", "afplay"):
            QProcess.startDetached(self.backend, [str(self.path)])
        else:
            QApplication.beep()


if __name__ == "__main__":  # regenerate the shipped file: python -m desk.ui.display.sound
    print(write_gong(Path(__file__).resolve().parents[3] / "resources" / "sounds" / "gong.wav"))
