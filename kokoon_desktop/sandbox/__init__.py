"""A faithful local simulator of the Kokoon SR API v3, for demo mode, tests and benchmarks.

One Starlette app serves every use: in-process through :meth:`Sandbox.transport` (an httpx
transport), over loopback sockets through :class:`LoopbackSandbox`, and from the command line
with ``python -m kokoon_desktop.sandbox``. It is not the real service: nothing is upscaled
and the credit formula is invented (see :mod:`.credits`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import DEMO_TOKEN, SandboxConfig
from .faults import FaultRule, Faults
from .requestlog import LoggedRequest
from .sandbox import Sandbox

if TYPE_CHECKING:
    from .server import LoopbackSandbox

__all__ = [
    "DEMO_TOKEN",
    "FaultRule",
    "Faults",
    "LoggedRequest",
    "LoopbackSandbox",
    "Sandbox",
    "SandboxConfig",
]


def __getattr__(name: str) -> Any:
    # uvicorn is only needed for real sockets; demo mode should not pay for importing it.
    if name == "LoopbackSandbox":
        from .server import LoopbackSandbox

        return LoopbackSandbox
    raise AttributeError(name)
