"""Throughput of ``kinerja.ahp.batch_priorities`` against AHPy, the PyPI AHP package.

Run: ``.venv/bin/python benchmarks/bench_batch_priorities.py [--count 10000] [--ahpy-count 2000]``

The same seeded random reciprocal matrices (upper-triangle entries drawn uniformly from
Saaty's 17 scale values 1/9..9) for n = 3, 5, 9, 15. AHPy (``ahpy.Compare(name, comparisons,
precision=10)``, one matrix per call) is timed on the first ``--ahpy-count`` of them,
because it takes about a second per 2,000; Kinerja (eigenvector method) on all ``--count``,
in one call. The two are timed in alternation and the best time of each counts, so that a
busy machine slows both alike. Both throughputs are matrices per second.

Weights are compared on the AHPy subsample: AHPy rounds its weights to 10 decimals and stops
its squaring iteration when the change rounds to 0, so agreement within ``TOLERANCE`` = 1e-9
(max absolute difference) is all that can be asked.
"""

from __future__ import annotations

import argparse
import sys
import time

import ahpy
import numpy as np

from kinerja.ahp import SAATY_VALUES, batch_priorities

SIZES = (3, 5, 9, 15)
TOLERANCE = 1e-9
SEED = 20240601


def random_matrices(count: int, n: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` reciprocal (n, n) matrices with upper entries drawn from Saaty's scale."""
    rows, cols = np.triu_indices(n, 1)
    values = np.asarray(SAATY_VALUES)[rng.integers(0, len(SAATY_VALUES), size=(count, len(rows)))]
    matrices = np.ones((count, n, n))
    matrices[:, rows, cols] = values
    matrices[:, cols, rows] = 1.0 / values
    return matrices


def ahpy_inputs(matrices: np.ndarray) -> tuple[list[str], list[dict]]:
    """Criterion names and AHPy's comparison dictionaries (upper triangle) of each matrix."""
    n = matrices.shape[1]
    names = [f"c{i:02d}" for i in range(n)]
    rows, cols = np.triu_indices(n, 1)
    inputs = [
        {(names[i], names[j]): float(m[i, j]) for i, j in zip(rows, cols, strict=True)} for m in matrices
    ]
    return names, inputs


def timed(function, *args):
    """The result of ``function(*args)`` and the seconds it took."""
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def run_ahpy(inputs: list[dict]) -> list:
    return [ahpy.Compare("bench", comparisons, precision=10) for comparisons in inputs]


def measure(matrices: np.ndarray, ahpy_count: int, rounds: int, runs: int) -> tuple[float, float, float]:
    """Best AHPy and Kinerja seconds and the max weight difference.

    The two are timed in alternation (``rounds`` times: one AHPy run on the subsample, then
    ``runs`` Kinerja calls on all matrices), so that both see the same load on a shared machine.
    """
    names, inputs = ahpy_inputs(matrices[:ahpy_count])
    ahpy_best = kinerja_best = np.inf
    for _ in range(rounds):
        computed, seconds = timed(run_ahpy, inputs)
        ahpy_best = min(ahpy_best, seconds)
        for _ in range(runs):
            result, seconds = timed(batch_priorities, matrices)
            kinerja_best = min(kinerja_best, seconds)
    reference = np.array([[c.local_weights[name] for name in names] for c in computed])
    difference = float(np.abs(result.weights[:ahpy_count] - reference).max())
    return ahpy_best, kinerja_best, difference


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="matrices per size for Kinerja")
    parser.add_argument("--ahpy-count", type=int, default=2_000, help="of those, how many AHPy computes")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per size; the best counts")
    parser.add_argument("--runs", type=int, default=5, help="Kinerja calls per round")
    args = parser.parse_args(argv)
    ahpy_count = min(args.ahpy_count, args.count)
    rng = np.random.default_rng(SEED)
    print(
        f"{args.count:,} random reciprocal matrices per size (seed {SEED}); AHPy {ahpy.__version__} "
        f"(precision=10) timed on the first {ahpy_count:,} (best of {args.rounds}), Kinerja "
        f"(eigenvector, one call) on all {args.count:,} (best of {args.rounds * args.runs}), in "
        "alternation. "
        f"Weight tolerance {TOLERANCE:g} (max abs difference, on the AHPy subsample)."
    )
    header = (
        f"{'n':>3} {'AHPy matrices/s':>16} {'Kinerja matrices/s':>19} {'ratio':>8} {'max weight diff':>16}"
    )
    print(header)
    print("-" * len(header))
    failed = False
    for n in SIZES:
        matrices = random_matrices(args.count, n, rng)
        ahpy_time, kinerja_time, difference = measure(matrices, ahpy_count, args.rounds, args.runs)
        ahpy_rate, kinerja_rate = ahpy_count / ahpy_time, args.count / kinerja_time
        failed |= difference > TOLERANCE
        print(
            f"{n:>3} {ahpy_rate:>16,.0f} {kinerja_rate:>19,.0f} {kinerja_rate / ahpy_rate:>8.0f} "
            f"{difference:>16.2e}"
        )
    if failed:
        print(f"weights differ by more than {TOLERANCE:g}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
