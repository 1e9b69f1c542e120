"""The JSON shapes of the v3 responses, field for field and type for type as the docs show them.

The docs mix types on purpose-looking ways (``fps``, ``duration``, ``nb_frames``,
``bitrate``, ``progress`` are strings; ``size``, ``width``, ``height``, ``download_cnt``
are numbers) and each endpoint has its own variant of the video object (§3.1-§3.3, §8 item 8).
The key order follows the examples too, so a diff against the docs reads cleanly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import Task, Video
from .timestamps import iso_ms

#: Signs a storage path into a link valid from "now".
Signer = Callable[[str], str]


def _links(video: Video, sign: Signer) -> tuple[str | None, str | None]:
    url = sign(video.storage_path) if video.storage_path else None
    thumb = sign(video.thumb_path) if video.thumb_path else None
    return url, thumb


def video_upload_shape(video: Video, sign: Signer) -> dict[str, Any]:
    """POST /video's answer (§3.1): no ``last_category``."""
    url, thumb = _links(video, sign)
    media = video.media
    return {
        "uid": video.uid,
        "vid": video.vid,
        "pid": video.pid,
        "tid": video.tid,
        "created_time": iso_ms(video.created_at),
        "filename": video.filename,
        "size": video.size,
        "codec_name": media.codec_name,
        "fps": media.fps,
        "duration": media.duration,
        "nb_frames": media.nb_frames,
        "bitrate": media.bitrate,
        "width": media.width,
        "height": media.height,
        "download_cnt": video.download_cnt,
        "expired_time": iso_ms(video.expires_at),
        "state": video.state,
        "url": url,
        "thumb_url": thumb,
        "is_rotated": media.is_rotated,
        "is_interlaced": media.is_interlaced,
    }


def video_info_shape(video: Video, sign: Signer) -> dict[str, Any]:
    """GET /video/{vid}'s answer (§3.3): the upload shape plus ``last_category``."""
    shape = video_upload_shape(video, sign)
    shape["last_category"] = video.last_category
    return shape


def video_list_item_shape(video: Video, sign: Signer) -> dict[str, Any]:
    """An item of GET /video (§3.2): has ``last_category``, lacks the two flags."""
    url, thumb = _links(video, sign)
    media = video.media
    return {
        "uid": video.uid,
        "vid": video.vid,
        "pid": video.pid,
        "tid": video.tid,
        "created_time": iso_ms(video.created_at),
        "filename": video.filename,
        "size": video.size,
        "codec_name": media.codec_name,
        "width": media.width,
        "height": media.height,
        "fps": media.fps,
        "nb_frames": media.nb_frames,
        "duration": media.duration,
        "bitrate": media.bitrate,
        "expired_time": iso_ms(video.expires_at),
        "download_cnt": video.download_cnt,
        "last_category": video.last_category,
        "state": video.state,
        "url": url,
        "thumb_url": thumb,
    }


def _times(task: Task, now: float) -> tuple[str | None, str | None]:
    start = iso_ms(task.started_at) if now >= task.started_at else None
    finish = iso_ms(task.ends_at) if now >= task.ends_at else None
    return start, finish


def task_summary_shape(task: Task, now: float) -> dict[str, Any]:
    """An item of GET /task (§3.7): the short summary, no request body or links."""
    start, finish = _times(task, now)
    return {
        "tid": task.tid,
        "uid": task.uid,
        "in_vid": task.in_vid,
        "out_vid": task.out_vid,
        "task_type": task.task_type,
        "step": task.step(now),
        "filename": task.filename,
        "request_time": iso_ms(task.requested_at),
        "start_time": start,
        "finish_time": finish,
        "nb_frames": task.source.nb_frames,
        "sr_nb_frames": str(task.sr_nb_frames),
        "progress": task.progress(now),
    }


def task_info_shape(task: Task, now: float, sign: Signer) -> dict[str, Any]:
    """GET /task/{tid}'s answer (§3.8)."""
    start, finish = _times(task, now)
    step = task.step(now)
    previews_ready = step == "done" and task.preview_orig_path and task.preview_sr_path
    return {
        "request_body": task.request.echo(),
        "uid": task.uid,
        "tid": task.tid,
        "in_vid": task.in_vid,
        "out_vid": task.out_vid,
        "task_type": task.task_type,
        "step": step,
        "filename": task.filename,
        "request_time": iso_ms(task.requested_at),
        "start_time": start,
        "finish_time": finish,
        "result_message": task.result_message(now),
        "bitrate": task.source.bitrate,
        "fps": task.source.fps,
        "nb_frames": task.source.nb_frames,
        "sr_nb_frames": str(task.sr_nb_frames),
        "progress": task.progress(now),
        "preview_orig_url": sign(task.preview_orig_path)
        if previews_ready and task.preview_orig_path
        else None,
        "preview_sr_url": sign(task.preview_sr_path)
        if previews_ready and task.preview_sr_path
        else None,
    }
