"""Run functions in forked child processes: a fresh Python's state at fork speed.

TensorFlow and Keras keep process-wide state: graph or eager mode, the name
counters behind `dense`, `dense_1`, ... Running every example in the test
process would let one example change what the next prints. A new interpreter
per example would cost a TensorFlow import (seconds) each. Forking the test
process, which has imported TensorFlow but never run it, gives each example
what a reader's fresh Python has, in about a tenth of a second; running as
many children at once as there are cores uses the whole machine with a single
TensorFlow import.

The parent must therefore never run TensorFlow itself (importing it, and
reading `tf.__version__`, is fine): its runtime threads would not survive the
fork.
"""

from __future__ import annotations

import faulthandler
import gc
import json
import math
import os
import select
import signal
import tempfile
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

PARALLEL = len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else (os.cpu_count() or 1)


@dataclass
class Hung(Exception):
    """The child did not finish in time; `stack` is its Python stack then."""

    seconds: float
    stack: str


@dataclass
class _Child:
    pid: int
    pipe: int
    deadline: float
    timeout: float
    stack_file: Any
    chunks: list[bytes] = field(default_factory=list)


def _start(function: Callable[[], Any], timeout: float) -> _Child:
    stack_file = tempfile.TemporaryFile('w+')  # noqa: SIM115 - outlives this function: _finish closes it
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        status = 0
        try:
            # Dump every thread's stack shortly before the parent gives up.
            # By a signal, not faulthandler.dump_traceback_later: that one
            # uses a watchdog thread, and if the parent had one (pytest's
            # faulthandler_timeout), the child, which has no copy of that
            # thread, would wait for it forever.
            faulthandler.register(signal.SIGALRM, file=stack_file, all_threads=True)
            signal.alarm(max(1, math.ceil(timeout)))
            payload = json.dumps(function()).encode()
            with os.fdopen(write_end, 'wb') as pipe:
                pipe.write(payload)
        except BaseException:  # nothing may escape into the parent's code
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    return _Child(pid, read_end, time.monotonic() + timeout + 2, timeout, stack_file)


def _finish(child: _Child, hung: bool) -> Any:
    if hung:
        os.kill(child.pid, signal.SIGKILL)
    os.close(child.pipe)
    os.waitpid(child.pid, 0)
    child.stack_file.seek(0)
    stack = child.stack_file.read()
    child.stack_file.close()
    if hung:
        return Hung(child.timeout, stack)
    if not child.chunks:
        return RuntimeError('the forked child died without a result')
    return json.loads(b''.join(child.chunks))


def run_forked_many(jobs: dict[Hashable, tuple[Callable[[], Any], float]], parallel: int = PARALLEL) -> dict[Hashable, Any]:
    """Run each `function` of `jobs` (key -> (function, timeout in seconds)) in
    a forked child, `parallel` at a time, and return key -> its JSON result.

    A child that takes longer than its timeout is killed; its result is a
    Hung with the child's stack. Functions must catch their own exceptions and
    turn them into results.
    """
    # Move every object the parent has into the collector's permanent
    # generation: a child's garbage collections then leave them alone, instead
    # of writing to (and so copying) most of the parent's memory.
    gc.freeze()
    waiting = list(jobs.items())
    running: dict[int, tuple[Hashable, _Child]] = {}
    results: dict[Hashable, Any] = {}
    while waiting or running:
        while waiting and len(running) < parallel:
            key, (function, timeout) = waiting.pop(0)
            child = _start(function, timeout)
            running[child.pipe] = (key, child)
        now = time.monotonic()
        for pipe, (key, child) in list(running.items()):
            if now >= child.deadline:
                results[key] = _finish(child, hung=True)
                del running[pipe]
        if not running:
            continue
        wait = max(0.0, min(child.deadline for _, child in running.values()) - now)
        ready, _, _ = select.select(list(running), [], [], wait)
        for pipe in ready:
            key, child = running[pipe]
            chunk = os.read(pipe, 1 << 16)
            if chunk:
                child.chunks.append(chunk)
            else:
                results[key] = _finish(child, hung=False)
                del running[pipe]
    return results
