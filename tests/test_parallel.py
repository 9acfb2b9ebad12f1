"""ordered_map: results in input order, with a bounded number of items in flight."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from artclean.parallel import WINDOW_PER_JOB, ordered_map


def square_root_digits(n: int) -> str:
    """Uneven work, so that workers finish out of order."""
    return f"{n}:{math.isqrt(10 ** (n % 50 * 40)) % 997}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order(jobs: int) -> None:
    assert list(ordered_map(square_root_digits, range(300), jobs)) == [
        square_root_digits(n) for n in range(300)
    ]


def test_input_is_not_read_far_ahead() -> None:
    pulled = 0

    def items() -> Iterator[int]:
        nonlocal pulled
        for n in range(10_000):
            pulled += 1
            yield n

    results = ordered_map(square_root_digits, items(), 2)
    assert next(results) == square_root_digits(0)
    # The window, the item the feeder holds while waiting for room, and the one taken.
    assert pulled <= WINDOW_PER_JOB * 2 + 2
    results.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_error_arrives_after_the_results_before_it(jobs: int) -> None:
    def items() -> Iterator[int]:
        yield from range(5)
        raise OSError("the disk went away")

    results = ordered_map(square_root_digits, items(), jobs)
    assert [next(results) for _ in range(5)] == [square_root_digits(n) for n in range(5)]
    with pytest.raises(OSError, match="disk went away"):
        next(results)
