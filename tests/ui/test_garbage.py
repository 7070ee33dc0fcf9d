"""Garbage cycles are collected on the GUI thread only (desk.ui.garbage, desk.services.memory).

A collection that a pool thread sets off by allocating (a query's rows) would destroy the Qt
objects of a garbage cycle on that thread: PySide6 then deadlocks or crashes (CI's segmentation
fault in the UI tests of 6456e5e)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from desk.services import memory
from desk.ui.garbage import GuiThreadCollector, collect_on_gui_thread


class _Holder(QObject):
    """A Qt object kept only by a reference cycle: only the cyclic collector frees it."""


def _garbage_cycle(finalized_on: list[int]) -> None:
    holder = _Holder()
    holder.me = holder
    weakref.finalize(holder, lambda: finalized_on.append(threading.get_ident()))


def _allocate_much() -> int:
    junk = [[] for _ in range(20_000)]  # far over the youngest generation's threshold (700)
    return len(junk)


def test_a_pool_thread_allocating_never_collects_a_qt_object_the_gui_thread_does(qtbot, ui_ctx, qapp):
    collector = collect_on_gui_thread(qapp)
    assert collector.active and not gc.isenabled()
    finalized_on: list[int] = []
    _garbage_cycle(finalized_on)
    done = []
    ui_ctx.run_in_worker(_allocate_much, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert done == [20_000]
    gui_thread = threading.main_thread().ident
    # not yet collected, or collected by the GUI thread's timer while the test waited; never by the pool
    assert finalized_on in ([], [gui_thread]), "a pool thread collected the Qt object"
    collector.stop()  # what the GUI thread's timer does once a generation is due
    assert finalized_on == [gui_thread]
    assert gc.isenabled()


def test_the_timer_collects_once_the_youngest_generation_is_due(qapp):
    collector = GuiThreadCollector(qapp, interval_ms=10)
    collector.start()
    try:
        collector.collect_due()  # whatever was due before this test
        before = sum(collector.collections)
        finalized_on: list[int] = []
        _garbage_cycle(finalized_on)
        kept = [[] for _ in range(gc.get_threshold()[0] + 10)]  # the youngest generation is due
        collector.collect_due()
        assert finalized_on == [threading.main_thread().ident]
        assert sum(collector.collections) == before + 1
        collector.collect_due()  # nothing due any more
        assert sum(collector.collections) == before + 1
        del kept
    finally:
        collector.stop()
        collector.deleteLater()


def test_one_collector_per_application(qapp):
    first = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is first


def _young(thing: object) -> bool:
    """Still in one of the collector's generations (not frozen)."""
    return any(o is thing for generation in range(3) for o in gc.get_objects(generation))


def test_the_name_index_asks_the_gui_thread_to_freeze_it(qapp):
    collector = collect_on_gui_thread(qapp)
    kept = [[]]
    worker = threading.Thread(target=memory.settle_long_lived)  # where the index is built in a window
    worker.start()
    worker.join()
    assert _young(kept), "a pool thread collected and froze"
    collector.collect_due()
    assert not _young(kept)
    assert not memory.take_freeze_request()  # done once


def test_without_a_window_the_index_is_frozen_at_once():
    was = gc.isenabled()  # off during UI tests (the collector above): desk-admin and the bench have it on
    gc.enable()
    try:
        kept = [[]]
        memory.settle_long_lived()
        assert not _young(kept)
        assert not memory.take_freeze_request()
    finally:
        if not was:
            gc.disable()
