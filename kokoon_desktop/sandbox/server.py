"""``LoopbackSandbox``: the simulator on real sockets, for tests, benchmarks and the CLI.

uvicorn (httptools) serves the same app on two sockets from a background thread with its own
event loop: one for the API and one for the storage host, so storage links really are on
another origin (``http://127.0.0.1:<storage_port>``) and a client that leaks its token to
them is caught.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import threading
import time
from dataclasses import replace
from types import TracebackType

import uvicorn

from .config import SandboxConfig
from .sandbox import Sandbox

_START_TIMEOUT_S = 10.0


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def _origin(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


class LoopbackSandbox:
    """A :class:`Sandbox` served over HTTP on ``host`` (127.0.0.1 by default).

    Use as a context manager, or call :meth:`start` and :meth:`stop`. Port 0 picks free ports.
    ``sandbox`` is the live Sandbox: set faults and read the request log from any thread.
    """

    def __init__(
        self,
        config: SandboxConfig | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        storage_port: int = 0,
        public_host: str | None = None,
    ) -> None:
        self._config = config or SandboxConfig()
        self._host = host
        self._port = port
        self._storage_port = storage_port
        self._public_host = public_host or host
        self._sockets: list[socket.socket] = []
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._sandbox: Sandbox | None = None

    @property
    def sandbox(self) -> Sandbox:
        """The served Sandbox (exists once started)."""
        if self._sandbox is None:
            raise RuntimeError("the loopback sandbox is not started")
        return self._sandbox

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/kokoon/api/sr/v3``."""
        return self.sandbox.base_url

    @property
    def api_origin(self) -> str:
        return self.sandbox.api_origin

    @property
    def storage_origin(self) -> str:
        """``http://127.0.0.1:STORAGE_PORT``: where result and thumbnail links point."""
        return self.sandbox.storage_origin

    def start(self) -> LoopbackSandbox:
        """Bind both sockets, build the Sandbox, and serve until :meth:`stop`."""
        if self._thread is not None:
            raise RuntimeError("already started")
        try:
            api_sock = _bind(self._host, self._port)
            self._sockets.append(api_sock)
            storage_sock = _bind(self._host, self._storage_port)
            self._sockets.append(storage_sock)
            api_port = api_sock.getsockname()[1]
            storage_port = storage_sock.getsockname()[1]
            storage_origin = _origin(self._public_host, storage_port)
            self._sandbox = Sandbox(
                replace(self._config, storage_origin=storage_origin),
                api_origin=_origin(self._public_host, api_port),
            )
            config = uvicorn.Config(
                self._sandbox.app,
                http="httptools",
                interface="asgi3",
                lifespan="off",
                log_level="warning",
                log_config=None,
                access_log=False,
                proxy_headers=False,
                server_header=False,
                timeout_graceful_shutdown=2,
            )
            self._server = uvicorn.Server(config)
            self._thread = threading.Thread(
                target=self._serve, name="kokoon-sandbox-server", daemon=True
            )
            self._thread.start()
            deadline = time.monotonic() + _START_TIMEOUT_S
            while not self._server.started:
                if self._error is not None or not self._thread.is_alive():
                    raise RuntimeError("the sandbox server failed to start") from self._error
                if time.monotonic() > deadline:
                    raise RuntimeError("the sandbox server did not start in time")
                time.sleep(0.002)
        except BaseException:
            self.stop()
            raise
        return self

    def _serve(self) -> None:
        assert self._server is not None
        try:
            # A Runner, like asyncio.run: whatever is still pending at the end is cancelled.
            with asyncio.Runner() as runner:
                runner.run(self._server.serve(sockets=list(self._sockets)))
        except BaseException as exc:  # surfaced by start(); a thread must not die silently
            self._error = exc

    def stop(self) -> None:
        """Stop serving, close the sockets and delete the temporary data (idempotent)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._sandbox is not None:
            self._sandbox.interrupt_sleeps()
        if self._thread is not None:
            self._thread.join(timeout=15)
            self._thread = None
        for sock in self._sockets:
            sock.close()
        self._sockets.clear()
        self._server = None
        if self._sandbox is not None:
            self._sandbox.close()

    def __enter__(self) -> LoopbackSandbox:
        """Start unless :meth:`start` was already called."""
        return self if self._thread is not None else self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
