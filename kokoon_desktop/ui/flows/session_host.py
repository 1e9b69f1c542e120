"""The open service session of a window, and the background work that runs on it.

Everything slow runs in asyncio tasks on the qasync loop; :meth:`SessionHost.spawn` keeps a
reference to each so none is collected midway, and sends unexpected failures to the crash
reporter. Closing waits for all of them, so nothing runs on a closed client.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kokoon_desktop.ui.crash_reporter import watch_task

if TYPE_CHECKING:
    import asyncio

    from kokoon_desktop.services.session import ServiceSession


class SessionHost(QObject):
    """Opens, replaces and closes the window's session; runs its background work."""

    #: A session was opened (at start, or after the settings changed): show what it knows.
    opened = Signal()

    def __init__(self, open_session: Callable[[], ServiceSession]) -> None:
        super().__init__()
        self._open_session = open_session
        self._tasks: set[asyncio.Task[Any]] = set()
        #: None until :meth:`start`, and again once closed.
        self.session: ServiceSession | None = None
        self.closed = False

    @property
    def live(self) -> ServiceSession:
        """The open session; callers run only after :meth:`start`."""
        if self.session is None:
            raise RuntimeError("the window is not connected yet")
        return self.session

    def start(self) -> None:
        if self.session is None and not self.closed:
            self.session = self._open_session()
            self.opened.emit()

    def spawn(self, work: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run work in the background, keeping a reference so it is not collected midway.

        A failure nobody expected goes to the crash reporter instead of vanishing.
        """
        import asyncio

        task = watch_task(asyncio.ensure_future(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def replace(self) -> None:
        """Close the current session and open one for the current settings."""
        old = self.session
        self.session = self._open_session()
        if old is not None:
            await old.aclose()
        self.opened.emit()

    async def aclose(self) -> None:
        """Cancel the background work, wait for it, then close the session."""
        import asyncio

        self.closed = True
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        # A closed window has no session: a timer still due finds none, instead of starting
        # work on a closed client after the loop has stopped.
        session, self.session = self.session, None
        if session is not None:
            await session.aclose()
