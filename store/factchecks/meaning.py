"""What each known fact-check means: its sentence-model vector, stored and held in memory.

A fact-check's vector is the mean of its claim's and its review title's unit vectors (the
claim's alone without a title): on the CLEF-2020 development queries the two together
rank the right fact-check better than either (cosine alone, MAP@5 0.829 against 0.817
for the claim and 0.766 for the title). Vectors are computed when fact-checks are
imported and kept in ``factcheck_meaning``, keyed by the model's fingerprint and a digest
of the text read, so a re-worded fact-check or another model computes them again; a
store whose vectors are missing (imported without the model, or copied: they are
derived data) computes them on first use and keeps them where it may write.

>>> from claimdesk.store import Store
>>> from claimdesk.store.factchecks.records import FactCheckInput
>>> from claimdesk.store.factchecks.factcheck_table import upsert
>>> store = Store.open(":memory:")
>>> _ = upsert(store.db, [FactCheckInput(claim="Sharks swam on a flooded highway.")])
>>> index = MeaningIndex()
>>> index.refresh(store.db) == (index.model is not None)
True
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from typing import Any

from claimdesk.store.database.handle import Database
from claimdesk.store.errors import ReadOnlyStoreError
from claimdesk.store.factchecks.sentence_model import SentenceModel, load_model

Progress = Callable[[int, int], None]
"""Called with fact-checks encoded so far and how many need it."""

RECENT = 64
"""How many texts' vectors :meth:`MeaningIndex.vector` keeps."""

CHUNK = 256
"""Fact-checks encoded and written together (one transaction each)."""


def digest(claim: str, title: str) -> str:
    """Names the text a vector was computed from."""
    return hashlib.sha1(f"{claim}\x00{title}".encode()).hexdigest()[:16]


class MeaningIndex:
    """Every fact-check's vector, as one matrix, for one store; thread-safe.

    ``model``: the sentence model, or True for the installed one (loaded on first use),
    or None for none (then nothing here is used and "checked before" matches on words
    alone).
    """

    def __init__(self, model: SentenceModel | None | bool = True) -> None:
        self._model: SentenceModel | None | bool = model
        self._lock = threading.RLock()
        self._ids: list[int] = []
        self._row: dict[int, int] = {}
        self._matrix: Any = None
        self._recent: dict[str, Any] = {}

    @property
    def model(self) -> SentenceModel | None:
        """The sentence model in use, or None."""
        if self._model is True:
            self._model = load_model()
        return self._model or None

    def pending(self, db: Database) -> int:
        """How many fact-checks have no vector from this model yet (0 without a model)."""
        model = self.model
        if model is None:
            return 0
        row = db.execute(
            "SELECT count(*) FROM factchecks f LEFT JOIN factcheck_meaning m"
            " ON m.factcheck_id = f.id AND m.model = ? WHERE m.factcheck_id IS NULL",
            [model.name],
        ).fetchone()
        return int(row[0])

    def refresh(self, db: Database, progress: Progress | None = None) -> bool:
        """Load the stored vectors, computing (and storing) any that are missing or stale;
        whether the index can be used."""
        model = self.model
        if model is None:
            return False
        import numpy as np

        # read and computed without the lock: the reader's queries go on meanwhile
        rows = db.execute("SELECT id, claim, title FROM factchecks ORDER BY id").fetchall()
        stored = {
            fid: (dig, vec)
            for fid, dig, vec in db.execute(
                "SELECT factcheck_id, digest, vector FROM factcheck_meaning WHERE model = ?",
                [model.name],
            ).fetchall()
        }
        vectors: dict[int, Any] = {}
        missing = []
        for fid, claim, title in rows:
            dig = digest(claim, title or "")
            found = stored.get(fid)
            if found is not None and found[0] == dig:
                vectors[fid] = np.frombuffer(bytes(found[1]), dtype=np.float32)
            else:
                missing.append((fid, claim, title or "", dig))
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            computed = self._encode([(c, t) for _, c, t, _ in chunk])
            for (fid, _, _, _), vector in zip(chunk, computed, strict=True):
                vectors[fid] = vector
            _keep(
                db, model.name, [(f, d, v) for (f, _, _, d), v in zip(chunk, computed, strict=True)]
            )
            if progress:
                progress(min(start + CHUNK, len(missing)), len(missing))
        ids = [r[0] for r in rows]
        width = len(next(iter(vectors.values()))) if vectors else 0
        matrix = (
            np.stack([vectors[fid] for fid in ids])
            if vectors
            else np.zeros((0, width), dtype=np.float32)
        )
        with self._lock:
            self._ids, self._matrix = ids, matrix
            self._row = {fid: i for i, fid in enumerate(ids)}
        return True

    def _encode(self, texts: list[tuple[str, str]]) -> list[Any]:
        assert self.model is not None
        claims = self.model.encode([c for c, _ in texts])
        titled = [i for i, (_, t) in enumerate(texts) if t.strip()]
        titles = self.model.encode([texts[i][1] for i in titled]) if titled else []
        for row, vector in zip(titled, titles, strict=True):
            claims[row] = (claims[row] + vector) / 2
        return list(claims)

    def vector(self, text: str) -> Any:
        """The unit vector of ``text`` (a post or a claim); the last few are kept, as the
        reader asks for the same claim's matches again."""
        model = self.model
        assert model is not None
        with self._lock:
            found = self._recent.get(text)
        if found is None:
            found = model.encode([text])[0]
            with self._lock:
                self._recent[text] = found
                while len(self._recent) > RECENT:
                    self._recent.pop(next(iter(self._recent)))
        return found

    def forget_texts(self) -> None:
        """Drop the texts' vectors :meth:`vector` keeps (to measure computing them)."""
        with self._lock:
            self._recent.clear()

    def cosines(self, wanted: Any, ids: list[int]) -> dict[int, float]:
        """The cosine of ``wanted`` with each of the fact-checks ``ids`` that has a vector."""
        with self._lock:
            rows = [(fid, self._row[fid]) for fid in ids if fid in self._row]
            if not rows:
                return {}
            found = self._matrix[[r for _, r in rows]] @ wanted
        return {fid: float(c) for (fid, _), c in zip(rows, found, strict=True)}

    def nearest(self, wanted: Any, limit: int) -> list[tuple[int, float]]:
        """The ``limit`` fact-checks closest to ``wanted``: ``(id, cosine)``, closest first."""
        import numpy as np

        with self._lock:
            if not self._ids:
                return []
            found = self._matrix @ wanted
            top = np.argpartition(-found, min(limit, len(found) - 1))[:limit]
            ids = self._ids
        return sorted(((ids[i], float(found[i])) for i in top), key=lambda p: (-p[1], p[0]))


MEANING_FLOOR = 0.4
"""A match the words rule shows is hidden when it means less than this like the text."""

MEANING_SURE = 0.65
"""The best match is shown on its meaning alone when it is at least this close to the
text..."""

MEANING_MARGIN = 0.1
"""...and this much closer than any of the next :data:`RIVALS` matches."""

RIVALS = 4
"""How many matches after the best one its meaning margin is measured against."""


def shown_by_meaning(
    ids: list[int], cosines: dict[int, float], by_words: list[bool], *, vetoed: bool = False
) -> list[bool]:
    """Which matches are shown, given the words rule's answer ``by_words`` and each match's
    meaning cosine: a match the words show and the meaning does not contradict, or the
    best match when it is far closer in meaning than any other and not ``vetoed`` (its
    figures clash with the text's, or it states an event the text does not).

    >>> shown_by_meaning([1, 2, 3], {1: 0.8, 2: 0.5, 3: 0.3}, [False, True, True])
    [True, True, False]
    >>> shown_by_meaning([1, 2, 3], {1: 0.8, 2: 0.5, 3: 0.3}, [False, True, True], vetoed=True)
    [False, True, False]
    """
    out = [
        shown and cosines.get(fid, 0.0) >= MEANING_FLOOR
        for fid, shown in zip(ids, by_words, strict=True)
    ]
    if ids:
        best = cosines.get(ids[0], 0.0)
        rival = max((cosines.get(fid, 0.0) for fid in ids[1 : RIVALS + 1]), default=0.0)
        if best >= MEANING_SURE and best - rival >= MEANING_MARGIN and not vetoed:
            out[0] = True
    return out


def _keep(db: Database, model: str, rows: list[tuple[int, str, Any]]) -> None:
    """Store computed vectors; a store this process may not write keeps them in memory only."""
    try:
        with db.atomic():
            for fid, dig, vector in rows:
                db.execute(
                    "INSERT INTO factcheck_meaning (factcheck_id, model, digest, vector)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (factcheck_id) DO UPDATE SET"
                    " model = excluded.model, digest = excluded.digest, vector = excluded.vector",
                    [fid, model, dig, vector.astype("float32").tobytes()],
                )
    except ReadOnlyStoreError:
        return
    except Exception as exc:  # a read-only file or a reader's role on a desk
        if _is_read_only(exc):
            return
        raise


def _is_read_only(exc: Exception) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "permission denied" in text
