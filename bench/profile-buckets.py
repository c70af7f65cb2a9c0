#!/usr/bin/env python3
"""Where a page's CPU went: the samples of a collapsed-stack profile (bench/profile-page.sh) by what they were doing.

Usage: bench/profile-buckets.py file.collapsed
Each stack counts once, for the first bucket below whose markers it contains (so the order decides: a page's
template work inside the JAX-RS runtime counts as template work). docs/performance.md quotes these shares.
"""
import collections
import sys

BUCKETS = [
    ("JIT compiler threads", ["C2Compiler", "Compiler::compile", "CompileBroker"]),
    ("GC", ["GCTaskThread", "PSScavenge", "PSParallelCompact", "GC_active", "WorkerThread::run"]),
    ("edge: emoji, links, Shift_JIS", ["EdgeFilter.send"]),
    ("handset detection", ["HandsetDetector.detect"]),
    ("page template (JSP, EL)", ["ViewWriter.render", "JspServlet"]),
    ("page data (caches, access checks)", ["HomeServlet.home", "DiaryResource.show", "ProfileServlet"]),
    ("JAX-RS (Jersey) and CDI request handling", ["ServerRuntime", "WeldInitialListener", "jersey"]),
    ("session lookup", ["SessionStore.find", "SessionFilter.queryParameter"]),
    ("HTTP server and kernel (Grizzly, sockets)", ["grizzly", "epoll", "writev", "tcp"]),
]


def main():
    total = 0
    counts = collections.Counter()
    with open(sys.argv[1]) as f:
        for line in f:
            stack, n = line.rsplit(" ", 1)
            n = int(n)
            total += n
            for name, markers in BUCKETS:
                if any(m in stack for m in markers):
                    counts[name] += n
                    break
            else:
                counts["other"] += n
    for name, n in counts.most_common():
        print(f"{100 * n / total:5.1f}%  {name}")
    print(f"({total} samples)")


if __name__ == "__main__":
    main()
