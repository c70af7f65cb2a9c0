# The scaling model (issue 27) from one bench/run.sh table: CPU per page of a node and of PostgreSQL for each scenario,
# weighted by an assumed mix of pages, and what Mixi's 2011 mobile average (9,700 pages/s) would need.
# Usage: python3 bench/scaling.py <file holding the run's table> (e.g. a copy of the section from docs/performance.md)
import sys, re
mix = {"docomo-home": .40, "diary-fof": .20, "profile": .20, "community": .15, "voice-post": .05}
rows = {}
for line in open(sys.argv[1]):
    c = [x.strip() for x in line.split("|")]
    if len(c) > 8 and c[1] in mix:
        rows[c[1]] = (float(c[2]), float(c[6]), float(c[7]))
print("| scenario | share of pages (assumed) | node CPU ms/page | PostgreSQL CPU ms/page | pages/s per node core | pages/s per PostgreSQL core | PostgreSQL's share of the CPU |")
print("|---|---|---|---|---|---|---|")
wn = wd = 0
for k, share in mix.items():
    rps, n, d = rows[k]
    wn += share * n; wd += share * d
    print(f"| {k} | {share:.0%} | {n:.3f} | {d:.3f} | {1000/n:,.0f} | {('%s' % format(1000/d, ',.0f')) if d > 0 else '—'} | {d/(n+d):.0%} |")
print(f"| mix | 100% | {wn:.3f} | {wd:.3f} | {1000/wn:,.0f} | {1000/wd:,.0f} | {wd/(wn+wd):.0%} |")
for target in (9700,):
    print(f"\nAt {target:,} pages/s: {target*wn/1000:.1f} node cores and {target*wd/1000:.1f} PostgreSQL cores busy; at 60% utilisation {target*wn/1000/.6:.1f} and {target*wd/1000/.6:.1f}.")
