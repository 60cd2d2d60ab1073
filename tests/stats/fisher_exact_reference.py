#!/usr/bin/python3
"""Reference values of tests/stats/fisher_exact_test.cc, from SciPy.

An implementation independent of jtbd's (scipy.stats.fisher_exact and
scipy.stats.hypergeom, Debian's python3-scipy 1.10). Run it to print the
table that the test holds src/stats/fisher_exact.cc to:

    /usr/bin/python3 tests/stats/fisher_exact_reference.py
"""
from scipy import stats

# (a, b, c, d): group 1 with / without, group 2 with / without.
TABLES = [
    (3, 1, 1, 3),            # the tea-tasting table
    (1, 49, 0, 950),         # one respondent of a 50-respondent segment
    (5, 45, 0, 950),         # five, all in the segment
    (30, 10, 12, 48),        # a strong role
    (11, 9, 5, 15),          # a weak one
    (0, 50, 100, 850),       # none in the segment
    (40, 10, 190, 760),      # role = buyer: 80 % of 50 vs 20 % of 950
    (12, 88, 100, 900),      # below the mode
    (20, 9980, 10000, 9980000),         # N = 10^7, twice the expected 10
    (1005, 8995, 999000, 8991000),      # N = 10^7, near the mode
    (2, 0, 0, 9999998),      # N = 10^7, a pair only in the segment
]

for a, b, c, d in TABLES:
    _, p = stats.fisher_exact([[a, b], [c, d]], alternative="greater")
    n, k, drawn = a + b + c + d, a + c, a + b
    pmf = stats.hypergeom.pmf(a, n, k, drawn)
    mid = stats.hypergeom.sf(a, n, k, drawn) + 0.5 * pmf
    print(f"    {{{a}, {b}, {c}, {d}, {p!r}, {mid!r}, {pmf!r}}},")
