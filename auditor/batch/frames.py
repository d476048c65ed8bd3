"""Length-prefixed pickle frames over a pipe: parent ↔ worker process (both ends are this package)."""

from __future__ import annotations

import os
import pickle
import struct
from typing import Any, BinaryIO

HEADER = struct.Struct(">Q")


def encode(message: Any) -> bytes:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(body)) + body


def write_frame(fd: int, message: Any) -> None:
    """The whole frame, looping over short writes (a pipe takes at most its buffer at once)."""
    view = memoryview(encode(message))
    while view:
        view = view[os.write(fd, view):]


def read_frame(stream: BinaryIO) -> Any | None:
    """The next message from a blocking stream; None at end of stream."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    body = stream.read(size)
    if len(body) < size:
        return None
    return pickle.loads(body)


class FrameBuffer:
    """Bytes read from a non-blocking pipe, cut into whole messages as they complete."""

    def __init__(self) -> None:
        self._data = bytearray()

    def feed(self, chunk: bytes) -> list[Any]:
        self._data += chunk
        messages = []
        while len(self._data) >= HEADER.size:
            (size,) = HEADER.unpack_from(self._data)
            if len(self._data) < HEADER.size + size:
                break
            messages.append(pickle.loads(bytes(self._data[HEADER.size : HEADER.size + size])))
            del self._data[: HEADER.size + size]
        return messages
