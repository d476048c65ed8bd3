"""Progress of ingest, page by page, for whoever asked (the workbench's progress bar, a batch's log).

A context variable, so each thread (each workbench session, each batch worker) hears only its own pages.
A listener that raises never disturbs the ingest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from auditor.model import Page

PageListener = Callable[[Page, "int | None"], None]  # (the page just read, pages in its file when known)
_listener: ContextVar[PageListener | None] = ContextVar("auditor_page_listener", default=None)


@contextmanager
def page_progress(listener: PageListener) -> Iterator[None]:
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def page_read(page: Page, total: int | None = None) -> None:
    listener = _listener.get()
    if listener is None:
        return
    try:
        listener(page, total)
    except Exception:  # noqa: BLE001, S110 — a progress display must never cost a page
        pass
