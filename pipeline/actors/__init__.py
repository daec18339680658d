"""Bilingual actor knowledge base, Japanese mention finding, linking and anaphora.

API (stable; the event coder depends on it):
    load_kb(overlay=None) -> KnowledgeBase        cached for the default KB
    link_actors(doc, kb=None, qualifiers=None) -> (list[Mention], dict[str, Actor])
                                                  (qualifiers: a list to receive the states
                                                  named inside composed agents, 韓国 in 韓国人)
    check_overlay(path) -> list[str]              error messages naming the file
"""

from __future__ import annotations

from pathlib import Path

from pipeline.actors.kb import KnowledgeBase, Role, build_kb, default_kb
from pipeline.actors.kb import check_overlay as _check_overlay
from pipeline.actors.linker import link_actors

__all__ = ["KnowledgeBase", "Role", "check_overlay", "link_actors", "load_kb"]


def load_kb(overlay: Path | str | None = None) -> KnowledgeBase:
    """The knowledge base; the default (no overlay) is built once per process."""
    if overlay is None:
        return default_kb()
    return build_kb(Path(overlay))


def check_overlay(path: Path | str) -> list[str]:
    """Validate a user overlay file (corpus/actors.yaml); [] when it is fine."""
    return _check_overlay(Path(path))
