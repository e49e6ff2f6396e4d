"""Sound as the speech layer hands it over: 16-bit mono samples or a recorded
file, and the few conversions the layer needs (WAV in and out, stdlib only).

Layer: game/speech (no pygame). The UI plays an `Audio`; nothing here opens an
audio device. Compressed recordings (.ogg, .flac, .mp3) are not decoded here:
they are checked to be what they claim and handed over by path, because the
player (pygame's mixer) decodes them anyway.
"""

from __future__ import annotations

import array
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

SAMPLE_WIDTH = 2  # bytes: signed 16-bit
RECORDING_SUFFIXES = (".wav", ".ogg", ".flac", ".mp3")  # in the order they are preferred for one text

# The first bytes of each compressed format: a file that does not start so is
# broken or misnamed, and is skipped rather than handed to the player.
_MAGIC = {".ogg": (b"OggS",), ".flac": (b"fLaC",), ".mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa")}


@dataclass(frozen=True)
class Audio:
    """What to play for one text: `source` is "recording" or "synthesis".
    `pcm` holds signed 16-bit little-endian mono samples at `rate` (synthesis,
    or a decoded .wav recording); `path` is the recorded file, if any, for a
    player that would rather load it itself."""

    source: str
    rate: int = 22050
    pcm: bytes = b""
    path: Path | None = None

    @property
    def seconds(self) -> float:
        """The length of `pcm`; 0.0 for a compressed recording given only by path."""
        return len(self.pcm) / (SAMPLE_WIDTH * self.rate) if self.rate else 0.0


class RecordingError(ValueError):
    """A recorded file that cannot be used: empty, truncated or not audio."""


def read_recording(path: Path) -> Audio:
    """A recording ready to play: a .wav decoded to 16-bit mono, any other
    format checked by its first bytes. Raises RecordingError or OSError."""
    suffix = path.suffix.lower()
    if suffix == ".wav":
        rate, pcm = decode_wav(path)
        return Audio("recording", rate, pcm, path)
    if suffix not in _MAGIC:
        raise RecordingError(f"{path.name}: not a recording format ({', '.join(RECORDING_SUFFIXES)})")
    with open(path, "rb") as stream:
        head = stream.read(4)
    if not head:
        raise RecordingError(f"{path.name} is empty")
    if not head.startswith(_MAGIC[suffix]):
        raise RecordingError(f"{path.name} is not a {suffix[1:]} file")
    return Audio("recording", path=path)


def decode_wav(path: Path) -> tuple[int, bytes]:
    """(sample rate, 16-bit mono little-endian samples) of an uncompressed
    WAV file of 8, 16, 24 or 32-bit samples; several channels keep the first."""
    try:  # opened here, not by `wave`, which leaks a half-made reader when open() fails
        with open(path, "rb") as stream, wave.open(stream, "rb") as reader:
            rate, width, channels = reader.getframerate(), reader.getsampwidth(), reader.getnchannels()
            frames = reader.readframes(reader.getnframes())
    except (wave.Error, EOFError) as exc:
        raise RecordingError(f"{path.name} is not a readable WAV file ({exc or 'truncated'})") from None
    if not frames or rate <= 0:
        raise RecordingError(f"{path.name} has no sound in it")
    pcm = _to_16_bit(frames, width)
    if channels > 1:
        samples = array.array("h", pcm[: len(pcm) - len(pcm) % (2 * channels)])
        pcm = samples[::channels].tobytes()
    return rate, pcm


def _to_16_bit(frames: bytes, width: int) -> bytes:
    """Little-endian samples of `width` bytes as 16-bit ones (the top bytes),
    by slicing rather than a loop per sample."""
    if width == 2:
        return frames[: len(frames) - len(frames) % 2]
    count = len(frames) // width
    out = bytearray(2 * count)
    if width == 1:  # unsigned 8-bit: flip the sign bit, use it as the high byte
        out[1::2] = frames[:count].translate(bytes((b ^ 0x80) for b in range(256)))
    elif width in (3, 4):
        out[0::2] = frames[width - 2 : count * width : width]
        out[1::2] = frames[width - 1 : count * width : width]
    else:
        raise RecordingError(f"{width * 8}-bit samples are not supported")
    return bytes(out)


def native_to_little_endian(pcm: bytes) -> bytes:
    """espeak-ng writes samples in the machine's byte order."""
    if sys.byteorder == "little":
        return pcm
    samples = array.array("h", pcm)
    samples.byteswap()
    return samples.tobytes()


def write_wav(path: Path, audio: Audio) -> None:
    """`audio.pcm` as a 16-bit mono WAV file. Raises OSError."""
    with open(path, "wb") as stream, wave.open(stream, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(SAMPLE_WIDTH)
        writer.setframerate(audio.rate)
        writer.writeframes(audio.pcm)
