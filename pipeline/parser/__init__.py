"""Dependency parser (UD Japanese GSD) on fugashi + unidic-lite tokens, and the
predicate-argument structures read off its trees.

- `convert`   : GSD DocBins -> Docs on the pipeline's tokens, heads carried over
- `train`     : `python -m pipeline.parser.train DATA_DIR` (the `make train-parser` target)
- `evaluate`  : UAS / LAS
- `frames`    : `predicates(parsed)` -> `Predicate`s with arguments, governor, negation, voice
- `select`    : the sentences worth a parse (an event trigger and two actors)
- `component` : the `dekigoto_parser` pipeline component (fills `doc._.parses`),
                `parse_spans` / `parse_many` for parsing on demand

The trained model lives in `pipeline/parser/model/` (see its NOTICE: derived from
CC BY-SA data).
"""

from __future__ import annotations

from pathlib import Path

MODEL_DIR = Path(__file__).parent / "model"
