#!/usr/bin/env python3
"""Merges the slices of one bench/orders/run.sh step and prints its figures as one line of numbers.

usage: summarize.py <dir> <api-prefix> <raw-prefix>
  <dir>/<api-prefix>-<n>.wrk   wrk.lua's output of an Api slice; <api-prefix>-<n>.cpu: "api_ticks java_ticks"
  <dir>/<raw-prefix>-<n>.lat   the raw client's latencies (microseconds, one a line) of a slice;
  <dir>/<raw-prefix>-<n>.res   its answer line and "java_ticks"
prints: api_rps api_p50 api_p99 api_errors raw_rps raw_p50 raw_p99 raw_errors raw_conflicts
        api_cpu_ms_per_req api_java_cpu_ms_per_req raw_cpu_ms_per_req raw_java_cpu_ms_per_req
"""
import glob
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def percentile(histogram, p):
    """The smallest value with at least p of the requests at or below it (histogram: sorted (value_us, count))."""
    total = sum(c for _, c in histogram)
    if total == 0:
        return float("nan")
    need, seen = p * total, 0
    for value, count in histogram:
        seen += count
        if seen >= need:
            return value / 1000.0
    return histogram[-1][0] / 1000.0


def main(directory, api, raw):
    requests = seconds = errors = api_ticks = api_java_ticks = 0
    histogram = {}
    for path in sorted(glob.glob(os.path.join(directory, f"{api}-*.wrk"))):
        with open(path) as f:
            n, duration_us, e = map(int, f.readline().split())
            requests, seconds, errors = requests + n, seconds + duration_us / 1e6, errors + e
            for line in f:
                us, count = map(int, line.split())
                histogram[us] = histogram.get(us, 0) + count
        with open(path[:-4] + ".cpu") as f:
            a, j = map(int, f.read().split())
            api_ticks, api_java_ticks = api_ticks + a, api_java_ticks + j
    api_hist = sorted(histogram.items())

    r_requests = r_seconds = r_errors = r_conflicts = 0
    r_cpu = r_java_ticks = 0.0
    latencies = []
    for path in sorted(glob.glob(os.path.join(directory, f"{raw}-*.lat"))):
        with open(path) as f:
            latencies += [int(line) for line in f if line.strip()]
        with open(path[:-4] + ".res") as f:
            n, elapsed, e, conflicts, cpu = f.readline().split()
            r_requests += int(n); r_seconds += float(elapsed); r_errors += int(e); r_conflicts += int(conflicts); r_cpu += float(cpu)
            r_java_ticks += int(f.readline())
    raw_hist = {}
    for us in latencies:
        raw_hist[us] = raw_hist.get(us, 0) + 1
    raw_hist = sorted(raw_hist.items())

    def per_request(cpu_seconds, n):
        return cpu_seconds * 1000.0 / n if n else float("nan")

    print(" ".join([
        f"{requests / seconds:.0f}", f"{percentile(api_hist, 0.50):.2f}", f"{percentile(api_hist, 0.99):.2f}", str(errors),
        f"{r_requests / r_seconds:.0f}", f"{percentile(raw_hist, 0.50):.2f}", f"{percentile(raw_hist, 0.99):.2f}", str(r_errors), str(r_conflicts),
        f"{per_request(api_ticks / TICKS, requests):.2f}", f"{per_request(api_java_ticks / TICKS, requests):.2f}",
        f"{per_request(r_cpu, r_requests):.2f}", f"{per_request(r_java_ticks / TICKS, r_requests):.2f}",
    ]))


if __name__ == "__main__":
    main(*sys.argv[1:4])
