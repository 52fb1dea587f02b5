"""Shared objects: one campaign() and one geography() per process, and nobody can change them."""

import multiprocessing
import pickle
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import skillrevival
from skillrevival import plots
from skillrevival._campaign import loader as _loader
from skillrevival._geo import geography as _places

THREADS = 16


def _built_by_threads(get: Any) -> list[Any]:
    """What ``get()`` returns in THREADS threads started together on a forgotten cache."""
    get.cache_clear()
    barrier = threading.Barrier(THREADS)
    found: list[Any] = []

    def call() -> None:
        barrier.wait()
        found.append(get())

    workers = [threading.Thread(target=call) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return found


@pytest.mark.parametrize("get", [_loader.campaign, _places.geography], ids=["campaign", "geo"])
def test_one_object_per_process_whatever_the_threads(get: Any) -> None:
    original = get()
    try:
        found = _built_by_threads(get)
        assert len(found) == THREADS
        assert len({id(value) for value in found}) == 1
        assert found[0] is not original  # built again, once
    finally:
        get._value = [original]  # the other tests' modules hold the original


def test_the_names_index_is_built_once_whatever_the_threads() -> None:
    geo = _places.Geography(
        skillrevival.geography()._rows,
        skillrevival.geography().years,
        skillrevival.geography().sources,
        skillrevival.geography()._groupings_given,
    )
    barrier = threading.Barrier(THREADS)
    found: list[Any] = []

    def call() -> None:
        barrier.wait()
        found.append(geo.names())

    workers = [threading.Thread(target=call) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len({id(value) for value in found}) == 1


@pytest.mark.parametrize(
    ("target", "name", "words"),
    [
        (lambda: skillrevival.geography(), "years", "the geography is read-only; cannot set"),
        (lambda: skillrevival.geography(), "sources", "the geography is read-only; cannot set"),
        (lambda: skillrevival.geography(), "_names", "the geography is read-only; cannot set"),
        (lambda: skillrevival.geography().names(), "find", "the name indexes are read-only"),
        (lambda: skillrevival.geography().names(), "roster", "the name indexes are read-only"),
    ],
)
def test_assignments_to_the_shared_geography_raise(target: Any, name: str, words: str) -> None:
    shared = target()
    with pytest.raises(AttributeError, match=words):
        setattr(shared, name, (2015,))
    with pytest.raises(AttributeError, match="read-only; cannot delete"):
        delattr(shared, name)
    assert skillrevival.geography().years[0] == 1980
    assert len(skillrevival.geography().places(2010)) > 3_000


def test_accessors_return_immutable_things_or_copies() -> None:
    geo = skillrevival.geography()
    assert isinstance(geo.years, tuple)
    assert isinstance(geo.sources, tuple)
    assert isinstance(geo.records, tuple)
    assert isinstance(geo.places(2015), tuple)
    seats = plots.seats()
    seats["roster"].clear()
    seats["datum"] = "changed"
    again = plots.seats()
    assert again["roster"]
    assert again["datum"] != "changed"
    assert again is not seats


def test_the_geography_pickles_after_a_lookup_by_name() -> None:
    geo = skillrevival.geography()
    geo.place("苏州")  # builds the name indexes (read-only mappings, not picklable)
    copy = pickle.loads(pickle.dumps(geo))
    assert copy is geo  # the process's own geography comes back as the receiver's
    other = _places.Geography(geo._rows[:3], geo.years, geo.sources, ())
    again = pickle.loads(pickle.dumps(other))
    assert again is not other
    assert [p.code for p in again.records] == [p.code for p in other.records]


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_process_pools_of_the_advised_start_methods(method: str) -> None:
    skillrevival.geography().place("苏州")
    context = multiprocessing.get_context(method)
    # The bound method pickles as the geography (which comes back as the child's own) and a
    # name: nothing of this test module need be importable in the child.
    lookup = skillrevival.geography().place
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        found = list(pool.map(lookup, ["苏州", "巴州区"]))
    assert [place.code for place in found] == ["320500", "511902"]


def test_a_fork_while_another_thread_builds_does_not_inherit_the_lock() -> None:
    # A child forked while a thread of the parent holds the build lock gets a new lock and
    # builds for itself (run in a subprocess: this test process has threads of its own).
    script = """
import os, threading, time
from skillrevival._campaign import loader as _loader
started = threading.Event()
build = _loader.campaign._build
def slow():
    started.set()
    time.sleep(0.5)
    return build()
object.__setattr__(_loader.campaign, "_build", slow)
threading.Thread(target=_loader.campaign).start()
started.wait()
pid = os.fork()
if pid == 0:
    object.__setattr__(_loader.campaign, "_build", build)
    os._exit(0 if _loader.campaign().roster.city("苏州").adcode == "320500" else 1)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "0", done.stderr


def test_a_pickled_geography_keeps_its_other_names_sources_and_forms() -> None:
    # A geography other than the process's own is made again from its data: its other names
    # keep their sources, and a traditional form keeps the name it is the form of.
    geo = skillrevival.geography()
    rows = [list(row) for row in geo._rows if row[0] == "320500"]
    table = {"320500": [["蘇州市", "opencc-1.4.2", "苏州市"], ["Soochow", "campaign"]]}
    other = _places.Geography(rows, geo.years, geo.sources, (), None, lambda: table)
    again = pickle.loads(pickle.dumps(other))
    assert again.other_name_sources == {
        "320500": (("蘇州市", "opencc-1.4.2"), ("Soochow", "campaign"))
    }
    assert again.others_of == {"320500": (("蘇州市", "苏州市"), ("Soochow", None))}
