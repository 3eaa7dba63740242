"""Turn raw bytes into text, refusing empty, binary, oversized or non-UTF-8 input with a reason."""

from __future__ import annotations

from polemos.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # one news article is far smaller; bigger files are refused, not parsed


def decode_text(item: str, data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of ``data``, or :class:`InputError` naming ``item`` and why not."""
    if not data.strip():
        raise InputError(item, "empty input (no text)")
    if len(data) > max_bytes:
        raise InputError(
            item,
            f"too large for one article: {len(data) / 1e6:.1f} MB (limit {max_bytes / 1e6:.1f} MB); "
            "split it into articles or use JSON Lines",
        )
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(item, "binary file (NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) * 0.05:
        raise InputError(item, "binary file (control bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            item, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-encode it as UTF-8"
        ) from exc
    return text
