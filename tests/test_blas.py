"""pipeline.blas: one BLAS thread around model calls, and an environment without threadpoolctl."""

import builtins
import sys

import pytest

from pipeline import blas


@pytest.fixture
def fresh_controller():
    blas._controller.cache_clear()
    yield
    blas._controller.cache_clear()


def test_one_thread_limits_blas_inside_the_block_and_restores_it_after(fresh_controller):
    from threadpoolctl import threadpool_info

    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    with blas.one_thread():
        assert all(i["num_threads"] == 1 for i in threadpool_info() if i["user_api"] == "blas")
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before


def test_without_threadpoolctl_models_still_run_and_a_warning_says_run_make_setup(fresh_controller, monkeypatch):
    real_import = builtins.__import__

    def no_threadpoolctl(name, *args, **kwargs):
        if name == "threadpoolctl":
            raise ModuleNotFoundError("No module named 'threadpoolctl'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "threadpoolctl", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_threadpoolctl)
    with pytest.warns(RuntimeWarning, match="make setup"):
        block = blas.one_thread()
    with block:
        pass
