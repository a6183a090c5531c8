"""A progress bar that appears only when the work takes more than a moment, and only on a terminal."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smartstore_help.ui.iostreams import IOStreams

DELAY_SECONDS = 0.5


class DelayedBar:
    """`bar(done, total)` as often as wanted; rich draws a bar on standard error once `delay`
    seconds have passed, and removes it at the end. Off a terminal nothing is drawn."""

    def __init__(
        self, io: IOStreams, label: str, delay: float = DELAY_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.io = io
        self.label = label
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.bar: Any = None
        self.task: Any = None
        self.enabled = io.err.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if self.clock() - self.started < self.delay:
                return
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                console=self.io.console(err=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total or None)
        self.bar.update(self.task, completed=done, total=total or None)

    def __enter__(self) -> DelayedBar:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.stop()
