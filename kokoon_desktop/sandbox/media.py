"""Media the simulator makes itself: short synthetic clips (demo seeds, tests) and thumbnails."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import av.video.frame
import av.video.stream

THUMBNAIL_WIDTH = 320


def write_clip(
    path: Path,
    *,
    width: int = 320,
    height: int = 180,
    fps: Fraction | int = 30,
    seconds: float = 1.0,
    codec: str = "libx264",
    rotation: int = 0,
) -> Path:
    """Encode a moving test pattern to ``path`` (the container follows its suffix).

    Frames are built from bytes, so this needs no numpy. ``rotation`` stores a display matrix,
    which makes players (and the probe) treat the clip as rotated.
    """
    rate = Fraction(fps)
    frame_count = max(1, round(seconds * rate))
    with av.open(str(path), "w") as container:
        options = {"preset": "ultrafast"} if codec == "libx264" else {}
        stream = container.add_stream(codec, rate=rate, options=options)
        assert isinstance(stream, av.video.stream.VideoStream)
        stream.width = width
        stream.height = height
        stream.pix_fmt = "yuv420p"
        if rotation:
            stream.set_display_rotation(rotation)
        chroma_size = (width // 2) * (height // 2)
        ramp = bytes(x * 255 // max(1, width - 1) for x in range(width)) * 2
        for index in range(frame_count):
            frame = av.video.frame.VideoFrame(width, height, "yuv420p")
            shift = (index * 4) % width
            frame.planes[0].update(ramp[shift : shift + width] * height)
            frame.planes[1].update(bytes([(96 + index * 5) % 256]) * chroma_size)
            frame.planes[2].update(bytes([(160 + index * 3) % 256]) * chroma_size)
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def write_thumbnail(source: Path, target: Path) -> Path:
    """Save the first frame of ``source`` as a small JPEG (what ``thumb_url`` points at)."""
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        frame = next(container.decode(stream))
        width = min(THUMBNAIL_WIDTH, frame.width) // 2 * 2 or 2
        height = max(2, round(frame.height * width / frame.width / 2) * 2)
        small = frame.reformat(width=width, height=height, format="yuvj420p")
    encoder = av.CodecContext.create("mjpeg", "w")
    encoder.width = width
    encoder.height = height
    encoder.pix_fmt = "yuvj420p"
    encoder.time_base = Fraction(1, 25)
    packets = [*encoder.encode(small), *encoder.encode(None)]
    target.write_bytes(b"".join(bytes(packet) for packet in packets))
    return target


def render_range(
    source: Path,
    target: Path,
    *,
    start_ms: int,
    frames: int,
    width: int,
    height: int,
    upscale: bool,
) -> Path:
    """Write ``frames`` frames of ``source`` from ``start_ms`` on to ``target`` (H.264).

    The first frame is the first one presented at or after ``start_ms``, counted from the first
    presented frame and rounded to the millisecond as clients count (halves up), so frame *i* of
    the output is the source's frame at the request's start + *i*. With ``upscale``, each frame
    is scaled to ``width``×``height`` with Lanczos and sharpened (``unsharp``): what the demo
    shows as "SR"; without, the frames keep the source's size (a preview's "original").
    Encoded at a high quality with every frame a picture of its own order (no B-frames), so
    each output frame is the source frame it came from.
    """
    with av.open(str(source)) as src:
        stream = src.streams.video[0]
        rate = stream.average_rate or stream.guessed_rate or Fraction(25)
        time_base = stream.time_base or Fraction(1, 90000)
        picked: list[av.video.frame.VideoFrame] = []
        first_pts: int | None = None
        for frame in src.decode(stream):
            pts = frame.pts if frame.pts is not None else 0
            if first_pts is None:
                first_pts = pts
            elapsed_ms = (pts - first_pts) * Fraction(time_base) * 1000
            if elapsed_ms + Fraction(1, 2) < start_ms:  # rounds below start_ms
                continue
            picked.append(frame)
            if len(picked) == frames:
                break
    if not picked:
        raise ValueError(f"{source.name} has no frame from {start_ms} ms on")
    out_width, out_height = (width, height) if upscale else (picked[0].width, picked[0].height)
    out_width, out_height = out_width // 2 * 2 or 2, out_height // 2 * 2 or 2
    graph = _upscale_graph(picked[0], out_width, out_height) if upscale else None
    with av.open(str(target), "w", format="mp4") as out:  # ``target`` may be a .part file
        encoder = out.add_stream(
            "libx264", rate=rate, options={"crf": "14", "preset": "veryfast", "bf": "0"}
        )
        assert isinstance(encoder, av.video.stream.VideoStream)
        encoder.width, encoder.height, encoder.pix_fmt = out_width, out_height, "yuv420p"
        for index, frame in enumerate(picked):
            if graph is not None:
                graph.push(frame)
                made = graph.pull()
                assert isinstance(made, av.video.frame.VideoFrame)
            else:
                made = frame.reformat(width=out_width, height=out_height, format="yuv420p")
            made.pts = index
            made.time_base = Fraction(1) / Fraction(rate)
            for packet in encoder.encode(made):
                out.mux(packet)
        for packet in encoder.encode(None):
            out.mux(packet)
    return target


def _upscale_graph(template: av.video.frame.VideoFrame, width: int, height: int) -> av.filter.Graph:
    graph = av.filter.Graph()
    source = graph.add_buffer(
        width=template.width, height=template.height, format=template.format,
        time_base=Fraction(1, 1000),
    )  # fmt: skip
    scale = graph.add("scale", f"{width}:{height}:flags=lanczos")
    sharpen = graph.add("unsharp", "5:5:1.2:5:5:0.0")
    pixels = graph.add("format", "yuv420p")
    sink = graph.add("buffersink")
    source.link_to(scale)
    scale.link_to(sharpen)
    sharpen.link_to(pixels)
    pixels.link_to(sink)
    graph.configure()
    return graph
