"""The principal (Perron) eigenvector and eigenvalue of many positive matrices at once.

Power iteration (Saaty 1980, *The Analytic Hierarchy Process*, ch. 2: the eigenvector is
the normalised limit of ``A^k e``), vectorised over a block of matrices:

- it iterates with ``S = A^2`` (the same eigenvector, eigenvalue ``lambda_max^2``), so every
  step shrinks the error by ``|lambda_2 / lambda_1|^2``; ``S`` is written with the matrix
  index last, so each step is one vectorised ``einsum`` over the whole block;
- it starts from the row sums of ``S`` (``A^2 e``), or for n <= 3 from the row geometric mean,
  which is the exact eigenvector of a 3x3 reciprocal matrix; the first step also estimates
  lambda_max and so CI, and ``S`` is shifted by a multiple of that CI (``S + beta I`` has the
  same eigenvectors, while the other eigenvalues move closer to 0);
- it normalises and tests convergence every ``STEPS_PER_ROUND`` steps: a matrix is done when
  no weight changed by more than ``TOLERANCE`` over the round (the error left is then about
  ``TOLERANCE * q / (1 - q)`` with ``q`` the error ratio of a round: ~1e-11 for AHP matrices);
  once ``COMPACT`` of the active matrices are done they leave the block, so it shrinks as it
  converges;
- lambda_max comes from the converged vector: ``sqrt(sum(S w) - beta)`` for ``w`` summing to 1.

The single-matrix path (:func:`kinerja.ahp.priority_vector`, :func:`kinerja.ahp.analyse`) runs
the same code on a block of one, so a matrix gets the same weights alone or in a batch.
"""

from __future__ import annotations

import numpy as np

#: A matrix has converged when no weight changes by more than this over one round.
TOLERANCE = 1e-10
#: Steps with ``A^2`` between two normalisations and convergence tests.
STEPS_PER_ROUND = 2
#: The shift of S is beta = (SHIFT_BASE + SHIFT_PER_CRITERION * n) * n * CI_estimate, tuned on
#: random Saaty-scale matrices (n = 4..15); any beta >= 0 gives the same result.
SHIFT_BASE = 2.0
SHIFT_PER_CRITERION = 0.4
#: Drop converged matrices from the block once this share of it has converged.
COMPACT = 0.3
#: Safety bound on rounds; reached only by pathological input (|lambda_2| ~ lambda_1).
MAX_ROUNDS = 5_000
#: Entries of ``S`` per chunk (2 MiB): bounds memory for large batches and keeps a chunk near the
#: CPU caches (measured faster at n = 9 than one block when the machine is busy).
CHUNK_ENTRIES = 1 << 18


def perron(matrices: np.ndarray, start: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Principal eigenvectors (N, n), each summing to 1, and eigenvalues (N,) of (N, n, n) matrices.

    ``matrices`` must be positive, or nonnegative and primitive (as Harker's matrices are);
    ``start`` (N, n), positive, replaces the default starting vectors.
    """
    count, n, _ = matrices.shape
    weights = np.empty((count, n))
    lambdas = np.empty(count)
    chunk = max(1024, CHUNK_ENTRIES // (n * n))
    for first in range(0, count, chunk):
        part = slice(first, min(first + chunk, count))
        guess = None if start is None else start[part]
        weights[part], lambdas[part] = _perron_block(matrices[part], guess)
    return weights, lambdas


def _perron_block(matrices: np.ndarray, start: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    count, n, _ = matrices.shape
    square = np.empty((n, n, count))  # S = A @ A, matrix index last
    np.matmul(matrices, matrices, out=square.transpose(2, 0, 1))
    if start is not None:
        guess = np.ascontiguousarray(start.T)
    elif n <= 3:
        guess = np.prod(matrices, axis=2).T ** (1.0 / n)
    else:
        guess = square.sum(axis=1)
    first = np.einsum("ijk,jk->ik", square, guess / guess.sum(axis=0))
    estimate = first.sum(axis=0)  # ~ lambda_max^2
    w = first / estimate
    # Shift S by beta I (same eigenvectors): beta grows with the estimated CI; it moves the
    # other eigenvalues of S towards 0 and saves about a third of the steps (0 if consistent).
    ci = np.maximum(np.sqrt(estimate) - n, 0.0) / max(n - 1, 1)
    shift = (SHIFT_BASE + SHIFT_PER_CRITERION * n) * n * ci
    diagonal = np.arange(n)
    square[diagonal, diagonal, :] += shift
    result = np.empty((n, count))
    index = np.arange(count)
    active = square
    for _ in range(MAX_ROUNDS):
        nxt = w
        for _ in range(STEPS_PER_ROUND):
            nxt = np.einsum("ijk,jk->ik", active, nxt)
        nxt /= nxt.sum(axis=0)
        done = np.abs(nxt - w).max(axis=0) <= TOLERANCE
        w = nxt
        finished = np.count_nonzero(done)
        if finished == done.size:
            break
        if finished >= COMPACT * done.size:
            result[:, index[done]] = w[:, done]
            keep = ~done
            index, w, active = index[keep], w[:, keep], active[:, :, keep]
    result[:, index] = w
    lambdas = np.sqrt(np.einsum("ijk,jk->k", square, result) - shift)
    return result.T, lambdas
