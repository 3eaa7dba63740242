"""Where the workers run: in process (a plain map) or on Ray (an optional dependency)."""

from __future__ import annotations

import importlib.util
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from polemos.errors import PolemosError
from polemos.model import Article
from polemos.scale.worker import ArticleWorker, WorkResult

log = logging.getLogger(__name__)

RAY_INSTALL_HINT = "install it with 'make ray' or 'pip install \"polemos[ray]\"' (pinned: requirements/ray.txt)"


class RayMissingError(PolemosError):
    """``--ray`` was asked for but Ray is not installed."""

    def __init__(self) -> None:
        super().__init__(f"the scale-out path needs Ray, which is not installed; {RAY_INSTALL_HINT}")


def ray_available() -> bool:
    """Whether Ray can be imported."""
    try:
        return importlib.util.find_spec("ray") is not None
    except (ImportError, ValueError):
        return False


class Executor(Protocol):
    """Runs ``ArticleWorker.process`` over batches; yields each batch with its results, in input order."""

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[WorkResult]]]: ...


class LocalExecutor:
    """One in-process worker: the driver/worker split without Ray (tests, small machines)."""

    def __init__(self, model: str, batch_size: int = 32) -> None:
        self.worker = ArticleWorker(model, batch_size)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[WorkResult]]]:
        for batch in batches:
            yield batch, self.worker.process(batch)

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class RayExecutor:
    """A pool of Ray actors, each an ``ArticleWorker`` holding its model; at most ``window`` batches each in flight.

    Connects to the Ray cluster at ``address`` (or ``RAY_ADDRESS``), else starts a local one with
    ``workers`` CPUs; it shuts Ray down on close only when it started it.  ``workers`` defaults to
    the cluster's CPUs.  Batches go round-robin and come back in input order; a batch whose worker
    fails is done by the driver, and that worker gets no more batches.
    """

    def __init__(
        self,
        model: str,
        workers: int | None = None,
        batch_size: int = 32,
        address: str | None = None,
        window: int = 2,
        **ray_init: Any,
    ) -> None:
        if not ray_available():
            raise RayMissingError()
        import ray

        self._ray = ray
        self._started = False
        self.model, self.batch_size = model, batch_size
        self._local: ArticleWorker | None = None  # the driver's own worker, made when a Ray worker fails
        self.failed_batches = 0
        if not ray.is_initialized():
            options: dict[str, Any] = {
                "include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING, **ray_init,
            }
            if address is None and not os.environ.get("RAY_ADDRESS"):
                options.setdefault("num_cpus", workers)  # a local Ray: as many CPUs as workers (None: all)
            ray.init(address=address, **options)
            self._started = True
        count = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor = ray.remote(num_cpus=1)(ArticleWorker)
        self.actors = [actor.remote(model, batch_size) for _ in range(count)]
        self.window = max(1, window) * count

    @property
    def workers(self) -> int:
        return len(self.actors)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[WorkResult]]]:
        pending: deque[tuple[list[Article], Any, Any]] = deque()
        turn = 0
        for batch in batches:
            if self.actors:
                actor = self.actors[turn % len(self.actors)]
                turn += 1
                pending.append((batch, actor, actor.process.remote(batch)))
            else:
                pending.append((batch, None, None))
            if len(pending) >= self.window:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def _collect(self, batch: list[Article], actor: Any, ref: Any) -> tuple[list[Article], list[WorkResult]]:
        """A batch's results; if its worker failed (crashed, killed, out of memory), the driver does
        the batch itself and later batches go to the workers still alive."""
        if ref is not None:
            try:
                return batch, self._ray.get(ref)
            except self._ray.exceptions.RayError as exc:
                reason = (str(exc).strip().splitlines() or [""])[0][:200]
                log.warning(
                    "a Ray worker failed on the batch of %d article(s) %s..%s (%s: %s); "
                    "the driver processes that batch itself",
                    len(batch), batch[0].id, batch[-1].id, type(exc).__name__, reason,
                )
                self.failed_batches += 1
                if actor in self.actors:
                    self.actors.remove(actor)
                    if not self.actors:
                        log.warning("no Ray worker is left; the driver processes the remaining batches")
        if self._local is None:
            self._local = ArticleWorker(self.model, self.batch_size)
        return batch, self._local.process(batch)

    def close(self) -> None:
        """Stop the workers (and Ray, when this executor started it)."""
        for actor in self.actors:
            self._ray.kill(actor)
        self.actors = []
        if self._started:
            self._ray.shutdown()
            self._started = False

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
