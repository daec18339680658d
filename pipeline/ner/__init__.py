"""Statistical Japanese NER (PERSON / ORG / LOC) trained on fugashi + unidic-lite tokens.

- `labels`    : the one mapping from the training sets' labels to the model's labels
- `convert`   : JSONL -> spaCy Docs/DocBin, with span alignment statistics
- `features`  : the embedding layer and its Japanese token features
- `vectors`   : the chiVe word-vector table the model carries (built at training)
- `train`     : `python -m pipeline.ner.train DATA_DIR` (the `make train-ner` target)
- `evaluate`  : character-offset precision/recall/F1 per label
- `component` : the `dekigoto_ner` pipeline component (fills `doc._.ner_spans`)
- `merge`     : `model_mentions`, model-only spans as `Mention`s for actor linking

The trained model lives in `pipeline/ner/model/` (see its NOTICE: derived from
CC BY-SA data).
"""

from __future__ import annotations

from pathlib import Path

MODEL_DIR = Path(__file__).parent / "model"

# the model's config names this embedding architecture: register it with any use of the package
from pipeline.ner import features as _features  # noqa: E402,F401
