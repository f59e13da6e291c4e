#!/usr/bin/env python3
"""Reference values for the survey statistics, computed independently of the Deno code.

Run:  python3 tests/surveys/reference_values.py   (numpy and scipy 1.17)

The numbers it prints are pasted as constants in tests/surveys/survey_stats_reference_test.ts and
tests/surveys/survey_marts_test.ts (CI does not run Python). It uses:
- scipy.stats.wilcoxon(d, zero_method="wilcox", correction=True) with method="exact" when the
  non-zero differences number 25 or fewer and none is tied, method="approx" otherwise; the signed
  Z (continuity-corrected, positive when scores rose) is -|zstatistic| of method="approx" with the
  sign of W+ - n(n+1)/4, and r = Z / sqrt(n);
- the studentised bootstrap (bootstrap-t) interval of the mean, redone here with the same
  Mulberry32 generator as src/sroi/prng.ts, seed 20171, 10 000 resamples of the sorted
  differences (index floor(u * n)), t* = (m* - m) / se*, numpy.percentile (linear) of t* at 2.5
  and 97.5, interval [m - t*97.5 se, m - t*2.5 se]; and, as a loose cross-check, the same
  bootstrap-t written with numpy arrays and numpy's own generator;
- for the fixture tests/fixtures/surveys/kobo_apparie.csv: dimension scores recomputed from the
  CSV (q2_isole reversed as 6 - answer on the 1-5 scale; a dimension scored when at least half of
  its items are answered), one response per respondent code and wave (the latest), pairs by code.
"""
import csv
import math
import pathlib
import unicodedata

import numpy as np
from scipy import stats

SEED = 20171
RESAMPLES = 10_000


def mulberry32(seed):
    state = seed & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def nxt():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t = (t ^ ((t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def _t_star(mean_star, se_star, mean):
    shift = mean_star - mean
    if se_star > 0:
        return shift / se_star
    return 0.0 if shift == 0 else math.copysign(math.inf, shift)


def bootstrap_ci(values, seed=SEED, resamples=RESAMPLES):
    vals = sorted(values)
    n = len(vals)
    mean = sum(vals) / n
    se = math.sqrt(sum((v - mean) ** 2 for v in vals) / (n - 1) / n)
    if se == 0:
        return mean, mean
    nxt = mulberry32(seed)
    ts = []
    for _ in range(resamples):
        res = [vals[math.floor(nxt() * n)] for _ in range(n)]
        m = sum(res) / n
        s = math.sqrt(sum((v - m) ** 2 for v in res) / (n - 1) / n)
        ts.append(_t_star(m, s, mean))
    ts.sort()
    lo_t, hi_t = np.percentile(np.array(ts), [2.5, 97.5])
    return float(mean - hi_t * se), float(mean - lo_t * se)


def scipy_bootstrap(values):
    """Bootstrap-t with numpy arrays and numpy's generator: an independent loose cross-check."""
    x = np.array(values, dtype=float)
    n = len(x)
    mean, se = x.mean(), x.std(ddof=1) / math.sqrt(n)
    rng = np.random.default_rng(1)
    res = x[rng.integers(0, n, size=(RESAMPLES, n))]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (res.mean(axis=1) - mean) / (res.std(axis=1, ddof=1) / math.sqrt(n))
    t = t[np.isfinite(t)]
    lo_t, hi_t = np.percentile(t, [2.5, 97.5])
    return float(mean - hi_t * se), float(mean - lo_t * se)


def wilcoxon(values):
    d = np.round(np.array(values, dtype=float), 9)
    nz = d[d != 0]
    n = len(nz)
    ties = len(np.unique(np.abs(nz))) < n
    method = "exact" if (n <= 25 and not ties) else "approx"
    res = stats.wilcoxon(nz, zero_method="wilcox", correction=True, method=method)
    approx = stats.wilcoxon(nz, zero_method="wilcox", correction=True, method="approx")
    ranks = stats.rankdata(np.abs(nz))
    w_plus = float(ranks[nz > 0].sum())
    z = abs(float(approx.zstatistic)) * (1 if w_plus > n * (n + 1) / 4 else -1)
    return {
        "n": n,
        "zeros": int(len(d) - n),
        "method": method,
        "w_plus": w_plus,
        "statistic": float(res.statistic),
        "p": float(res.pvalue),
        "z": z,
        "r": z / math.sqrt(n),
    }


def show(name, diffs):
    w = wilcoxon(diffs)
    print(f"== {name}: {len(diffs)} differences, mean {np.mean(diffs)!r}")
    for k, v in w.items():
        print(f"  {k} = {v!r}")
    print(f"  bootstrap (mulberry32 seed {SEED}) = {bootstrap_ci(diffs)!r}")
    print(f"  numpy bootstrap-t = {scipy_bootstrap(diffs)!r}")


# Pure-function fixtures (also in survey_stats_reference_test.ts).
EXACT = [1.5, -0.5, 2, 3, 0.25, 1, -1.25, 2.5, 4, 3.5, 0.75, -2.25]
TIES = [1, 1, 2, 0, -1, 1, 2, 3, 0, 1, -1, 2, 1, 0, 2, -2, 1, 1, 3, 2, 1, -1, 0, 2]
SMALL = [0.5, 1.5, -0.25, 2, 1, 3]
# 30 untied differences: above 25, the normal approximation is used even without ties.
LARGE = [round(((k * 7) % 11) - 3.3 + k / 100, 2) for k in range(1, 31)]

print("mulberry32(42)() =", repr(mulberry32(42)()))
show("EXACT", EXACT)
show("TIES", TIES)
show("LARGE", LARGE)
w = wilcoxon(SMALL)
print(f"== SMALL: p = {w['p']!r}, statistic = {w['statistic']!r}, method = {w['method']}")

# The survey fixture.
ITEMS = {"cohesion_sociale": ["groupe_lien/q1_voisins", "groupe_lien/q2_isole", "groupe_lien/q7_entraide"],
         "epanouissement": ["q3_confiance"], "gouvernance": ["q4_projet"]}
REVERSED = {"groupe_lien/q2_isole"}


def code_of(text):
    folded = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in folded if c.isascii() and c.isalnum()).upper() or None


path = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "surveys" / "kobo_apparie.csv"
rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter=";"))
latest = {}
for r in rows:
    structure = "saint-nicolas" if r["structure"] == "Saint-Nicolas" else r["structure"]
    wave = "avant" if r["vague"] == "avant" else "apres"
    person = code_of(r["code_repondant"]) or r["_uuid"]
    key = (structure, wave, person)
    if key not in latest or r["_submission_time"] > latest[key]["_submission_time"]:
        latest[key] = r
scores = {}  # (structure, wave, person, dimension) -> score
for (structure, wave, person), r in latest.items():
    for dim, items in ITEMS.items():
        vals = [(6 - int(r[i])) if i in REVERSED else int(r[i]) for i in items if r[i] != ""]
        if 2 * len(vals) >= len(items):
            scores[(structure, wave, person, dim)] = sum(vals) / len(vals)

for scope in ["ors", "saint-nicolas", "cooperation"]:
    for dim in ITEMS:
        def mine(s):
            return scope == "cooperation" or s == scope
        before = [v for (s, w, p, d), v in scores.items() if mine(s) and w == "avant" and d == dim]
        after = [v for (s, w, p, d), v in scores.items() if mine(s) and w == "apres" and d == dim]
        diffs = [scores[(s, "apres", p, d)] - v for (s, w, p, d), v in scores.items()
                 if mine(s) and w == "avant" and d == dim and (s, "apres", p, d) in scores
                 and not p.startswith("c0de")]
        print(f"## {scope} {dim}: before n={len(before)} mean={np.mean(before)!r} "
              f"after n={len(after)} mean={np.mean(after)!r} pairs={len(diffs)} "
              f"mean_change={np.mean(diffs)!r}")
        if len(diffs) >= 10:
            w = wilcoxon(diffs)
            if w["n"] >= 10:
                print(f"   wilcoxon {w}")
                print(f"   bootstrap {bootstrap_ci(diffs)!r}")
            else:
                print(f"   only {w['n']} non-zero differences: descriptive")
