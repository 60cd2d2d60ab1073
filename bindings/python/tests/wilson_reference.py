"""Wilson's interval with Brown, Cai and DasGupta's boundary modification,
written out independently of the library for the tests: Poisson limits
within 3 successes (or failures) of an edge, up to 100 trials, found by
bisection on the Poisson tail (integer counts only)."""

import math


def _poisson_lower_limit(count, alpha):
    """The lambda with P(Poisson(lambda) >= count) = alpha."""
    def tail(lam):
        return 1 - sum(math.exp(-lam) * lam ** k / math.factorial(k)
                       for k in range(count))
    low, high = 0.0, float(count)
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if tail(mid) < alpha else (low, mid)
    return (low + high) / 2


def wilson(top, n, z):
    """10 x the interval of top successes out of n, at critical value z."""
    p = top / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    low, high = centre - half, centre + half
    alpha = math.erfc(z / math.sqrt(2))
    failures = n - top
    if n <= 100 and 0 < top <= 3:
        assert top == int(top), "integer counts only"
        low = _poisson_lower_limit(int(top), alpha) / n
    if n <= 100 and 0 < failures <= 3:
        assert failures == int(failures), "integer counts only"
        high = 1 - _poisson_lower_limit(int(failures), alpha) / n
    return 10 * low, 10 * high
