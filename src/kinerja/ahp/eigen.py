"""The principal (Perron) eigenvector and eigenvalue of many positive matrices at once.

Power iteration (Saaty 1980, ch. 2 and appendix: the normalised limit of ``A^k e``) on a
block of matrices, started from the row geometric mean, which for a pairwise-comparison
matrix is already close to the eigenvector. The block is processed in chunks that fit in
the CPU cache, laid out with the matrix index last so that every NumPy step is one long
vector operation. Each iteration multiplies by ``A^2`` (squaring halves the number of
steps: the error shrinks by ``|lambda_2 / lambda_1|^2``) and a matrix leaves the active set
as soon as its vector changes by at most ``TOLERANCE`` (max abs change of the sum-normalised
vector); lambda_max is then ``sum(A w)`` of the converged ``w``.

The single-matrix path (``priority_vector``) runs the same code on a block of one, so a
matrix gets the same weights alone or in a batch (to ~1e-13, far below 1e-9).
"""

from __future__ import annotations

import numpy as np

#: Stop when no weight changes by more than this between two steps.
TOLERANCE = 1e-13
#: Matrices per chunk: keeps a chunk's working set in cache.
CHUNK = 512
#: Safety bound on steps; reached only by pathological input (|lambda_2| ~ lambda_1).
MAX_STEPS = 10_000


def perron(matrices: np.ndarray, start: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Principal eigenvectors (N, n), each summing to 1, and eigenvalues (N,) of (N, n, n) matrices.

    ``matrices`` must be positive, or nonnegative and primitive (as Harker's matrices are);
    ``start`` (N, n) positive, defaults to the row geometric mean.
    """
    count, n, _ = matrices.shape
    weights = np.empty((count, n))
    lambdas = np.empty(count)
    for first in range(0, count, CHUNK):
        last = min(first + CHUNK, count)
        block = np.ascontiguousarray(matrices[first:last].transpose(1, 2, 0))
        guess = None if start is None else np.ascontiguousarray(start[first:last].T)
        w, lam = _perron_block(block, guess)
        weights[first:last] = w.T
        lambdas[first:last] = lam
    return weights, lambdas


def row_geometric_mean(block: np.ndarray) -> np.ndarray:
    """Row geometric means (n, c) of a block laid out (n, n, c), not normalised."""
    n = block.shape[0]
    if n <= 64:  # the product of 64 values within 1/9..9 stays far inside float64's range
        return np.prod(block, axis=1) ** (1.0 / n)
    return np.exp(np.log(block).mean(axis=1))


def _perron_block(block: np.ndarray, guess: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Power iteration on a block laid out (n, n, c); returns w (n, c) and lambda (c,)."""
    n, _, size = block.shape
    if guess is None:
        guess = row_geometric_mean(block)
    w = guess / guess.sum(axis=0)
    square = np.einsum("ijk,jlk->ilk", block, block)
    result = np.empty((n, size))
    index = np.arange(size)
    current = square
    for _ in range(MAX_STEPS):
        nxt = np.einsum("ijk,jk->ik", current, w)
        nxt /= nxt.sum(axis=0)
        done = np.abs(nxt - w).max(axis=0) <= TOLERANCE
        w = nxt
        if done.all():
            break
        if done.any() and 2 * done.sum() >= len(done):
            result[:, index[done]] = w[:, done]
            keep = ~done
            index, w, current = index[keep], w[:, keep], current[:, :, keep]
    result[:, index] = w
    lambdas = np.einsum("ijk,jk->k", block, result)
    return result, lambdas
