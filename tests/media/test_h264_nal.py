from __future__ import annotations

from pathlib import Path

import av
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.media.h264_nal import SCAN_LIMIT, avcc_length_size, is_nonreference_picture
from tests.media.conftest import GOP

SLICES = (1, 2, 5)
OTHERS = (6, 7, 8, 9)  # SEI, SPS, PPS, access unit delimiter

# A NAL unit: (type, nal_ref_idc, payload) with no start code in the payload.
nal_units = st.tuples(
    st.sampled_from(SLICES + OTHERS),
    st.integers(0, 3),
    st.binary(min_size=0, max_size=40).map(lambda raw: raw.replace(b"\x00", b"\x01")),
)


def _header(kind: int, ref_idc: int) -> bytes:
    return bytes([ref_idc << 5 | kind])


def _expected(units: list[tuple[int, int, bytes]]) -> bool:
    for kind, ref_idc, _ in units:
        if kind in SLICES:
            return ref_idc == 0
    return False


def _avcc(units: list[tuple[int, int, bytes]], length_size: int) -> bytes:
    return b"".join(
        len(_header(kind, ref) + payload).to_bytes(length_size, "big")
        + _header(kind, ref)
        + payload
        for kind, ref, payload in units
    )


def _annex_b(units: list[tuple[int, int, bytes]]) -> bytes:
    start = b"\x00\x00\x00\x01"
    return b"".join(start + _header(kind, ref) + payload for kind, ref, payload in units)


@given(st.lists(nal_units, max_size=6), st.sampled_from([1, 2, 4]))
def test_length_prefixed_units_are_judged_by_their_first_slice(
    units: list[tuple[int, int, bytes]], length_size: int
) -> None:
    assert is_nonreference_picture(_avcc(units, length_size), length_size) == _expected(units)


@given(st.lists(nal_units, max_size=6))
def test_start_code_units_are_judged_by_their_first_slice(
    units: list[tuple[int, int, bytes]],
) -> None:
    assert is_nonreference_picture(_annex_b(units), None) == _expected(units)


@given(st.lists(nal_units, min_size=1, max_size=6), st.integers(1, 30))
def test_a_cut_off_packet_is_never_judged_non_reference_wrongly(
    units: list[tuple[int, int, bytes]], cut: int
) -> None:
    # Cut short, a packet may lose its first slice: the answer is then False, never a guess.
    data = _avcc(units, 4)
    if is_nonreference_picture(data[:-cut], 4):
        assert _expected(units)


def test_a_slice_beyond_the_scan_limit_is_not_judged() -> None:
    sei = b"\x00\x00\x01" + _header(6, 0) + b"\x01" * SCAN_LIMIT
    assert not is_nonreference_picture(sei + b"\x00\x00\x01" + _header(1, 0) + b"\x01", None)


def test_the_length_size_comes_from_an_avc_configuration_record() -> None:
    assert avcc_length_size(bytes([1, 0x64, 0, 0x28, 0xFF, 0xE1, 0])) == 4
    assert avcc_length_size(bytes([1, 0x64, 0, 0x28, 0xFD, 0xE1, 0])) == 2
    assert avcc_length_size(b"\x00\x00\x00\x01\x67") is None  # Annex B parameter sets
    assert avcc_length_size(None) is None


def test_the_counter_videos_b_frames_are_told_apart_from_its_references(
    counter_video: Path,
) -> None:
    # x264's pyramid: in each run of three B-frames the middle one is a reference.
    with av.open(str(counter_video)) as container:
        stream = container.streams.video[0]
        size = avcc_length_size(stream.codec_context.extradata)
        assert size == 4
        kinds = [
            "n" if is_nonreference_picture(memoryview(packet), size) else "r"
            for packet in container.demux(stream)
            if packet.size
        ]
    assert kinds[0] == "r" and kinds[GOP] == "r"  # keyframes
    assert "n" in kinds and kinds.count("n") < len(kinds) // 2
