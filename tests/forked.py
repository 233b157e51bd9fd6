"""Run a function in a forked child process: a fresh Python's state at fork speed.

TensorFlow and Keras keep process-wide state: graph or eager mode, the name
counters behind `dense`, `dense_1`, ... Running every example in the test
process would let one example change what the next prints. A new interpreter
per example would cost a TensorFlow import (seconds) each. Forking the test
process, which has imported TensorFlow but never run it, gives each example
what a reader's fresh Python has, in about a tenth of a second.

The parent must therefore never run TensorFlow itself (importing it, and
reading `tf.__version__`, is fine): its runtime threads would not survive the
fork.
"""

from __future__ import annotations

import faulthandler
import json
import os
import select
import signal
import tempfile
import time
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Hung(Exception):
    """The child did not finish in time; `stack` is its Python stack then."""

    seconds: float
    stack: str


def run_forked(function: Callable[[], Any], timeout: float) -> Any:
    """Return `function()` as run in a forked child; its result must be JSON.

    Raises Hung, with the child's stack, when it takes longer than `timeout`
    seconds. Exceptions must be caught by `function` and turned into results.
    """
    with tempfile.TemporaryFile('w+') as stack_file:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            status = 0
            try:
                # Dump every thread's stack shortly before the parent gives up.
                faulthandler.dump_traceback_later(timeout, exit=False, file=stack_file)
                payload = json.dumps(function()).encode()
                with os.fdopen(write_end, 'wb') as pipe:
                    pipe.write(payload)
            except BaseException:  # noqa: BLE001 - nothing may escape into pytest's own code
                status = 1
            finally:
                os._exit(status)

        os.close(write_end)
        chunks = []
        deadline = time.monotonic() + timeout + 2
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([read_end], [], [], remaining)[0]:
                    os.kill(pid, signal.SIGKILL)
                    stack_file.seek(0)
                    raise Hung(timeout, stack_file.read())
                chunk = os.read(read_end, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(read_end)
            os.waitpid(pid, 0)
    if not chunks:
        raise RuntimeError('the forked child died without a result')
    return json.loads(b''.join(chunks))
