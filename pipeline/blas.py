"""The pipeline's own models multiply matrices with numpy's BLAS, on one thread.

thinc's `NumpyOps` multiplies with its bundled BLIS by default. For the sizes the
parser's and the NER's layers multiply (thousands of tokens × a few hundred
features), numpy's OpenBLAS was 2.5–3 times as fast on this project's machines
(x86-64, one thread each, same inputs), which makes the parser about a fifth faster;
the results agree to float rounding (the same trees on the benchmark corpus).

OpenBLAS starts a thread per core. With extraction workers sharing the cores that
costs more than it gains (CPU time doubled, wall time tripled on a busy machine), so
model calls run inside `one_thread()`, which limits BLAS to one thread for their
duration (threadpoolctl) and restores the previous setting after. An environment made
before threadpoolctl was pinned (a `.venv` not refreshed with `make setup`) lacks it:
the models then run on BLAS's own threads, with the same results, slower, and a
warning says how to mend it, rather than every Japanese article failing.
"""

from __future__ import annotations

import warnings
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache

from thinc.api import Model, NumpyOps


@lru_cache(maxsize=1)
def _ops() -> NumpyOps:
    return NumpyOps(use_blis=False)  # its gemm is numpy's (OpenBLAS)


def use_numpy_blas(model: Model) -> Model:
    """`model` and all its layers on numpy's BLAS; returns it."""
    ops = _ops()
    for node in model.walk():
        node.ops = ops
    return model


@lru_cache(maxsize=1)
def _controller():
    """The BLAS thread controller, or None (with a warning, once) without threadpoolctl."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        warnings.warn(
            "threadpoolctl is not installed (an environment older than requirements.lock: "
            "run `make setup`); the parser and the NER run on BLAS's own threads, slower",
            RuntimeWarning,
            stacklevel=3,
        )
        return None
    return ThreadpoolController()  # finds the BLAS libraries once (numpy's is loaded by now)


def one_thread() -> AbstractContextManager:
    """BLAS on one thread inside the `with` block (about 20 µs to enter)."""
    controller = _controller()
    return nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")
