"""Just enough of H.264's NAL unit syntax to tell a picture no other picture refers to.

A seek decodes from a keyframe up to the wanted frame; pictures that show before it and that
nothing refers to (most B-frames) need not be decoded at all. FFmpeg can discard them itself
(`skip_frame`), but only once the packet has reached a decoder thread, where it still takes a
turn; knowing from the packet's first bytes lets the reader not send it at all.

No decoding here: the first slice's NAL header says it, since every slice of a picture carries
the same "is a reference" flag (nal_ref_idc zero or not, H.264 section 7.4.1).
"""

from __future__ import annotations

__all__ = ["SCAN_LIMIT", "avcc_length_size", "is_nonreference_picture"]

_SLICE_TYPES = frozenset({1, 5})  # a coded slice: non-IDR or IDR picture
_PARTITION_A = 2  # data partition A also starts a slice (extended profile)
SCAN_LIMIT = 4096
"""Bytes of an Annex B packet searched for its first slice: what comes before one (delimiter,
parameter sets, SEI) is short; a packet whose slice starts later is sent, not judged."""


def avcc_length_size(extradata: bytes | None) -> int | None:
    """The size of the length prefixes of NAL units in packets whose codec data is an
    AVCDecoderConfigurationRecord (MP4, MOV, Matroska), or None for Annex B start codes."""
    if extradata is None or len(extradata) < 7 or extradata[0] != 1:
        return None
    return (extradata[4] & 0b11) + 1


def is_nonreference_picture(data: bytes | memoryview, length_size: int | None) -> bool:
    """Whether the picture in an access unit is one no other picture refers to.

    `length_size` is from `avcc_length_size`: the NAL units are length-prefixed, or found by
    start codes when None. False whenever it cannot be told (no slice found, a cut-off unit):
    a picture is left out only when it surely can be.
    """
    header = (
        _first_slice_avcc(memoryview(data), length_size)
        if length_size is not None
        else _first_slice_annex_b(bytes(memoryview(data)[:SCAN_LIMIT]))
    )
    return header is not None and header >> 5 & 0b11 == 0


def _is_slice(header: int) -> bool:
    kind = header & 0b11111
    return kind in _SLICE_TYPES or kind == _PARTITION_A


def _first_slice_avcc(view: memoryview, length_size: int) -> int | None:
    position = 0
    while position + length_size < len(view):
        size = int.from_bytes(view[position : position + length_size], "big")
        start = position + length_size
        if size < 1 or start + size > len(view):
            return None
        if _is_slice(view[start]):
            return int(view[start])
        position = start + size
    return None


def _first_slice_annex_b(data: bytes) -> int | None:
    position = data.find(b"\x00\x00\x01")
    while position >= 0 and position + 3 < len(data):
        header = data[position + 3]
        if _is_slice(header):
            return header
        position = data.find(b"\x00\x00\x01", position + 3)
    return None
