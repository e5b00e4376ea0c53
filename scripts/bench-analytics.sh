#!/usr/bin/env bash
# Measures the analytics and prints them for docs/benchmarks.md: the time to load and compute the summary for one
# athlete with five years of data, then analytics/summary under wrk cold (computed: a new as_of every request) and
# warm (cached: memory over Redis) beside /alive, in one run against the ApiService (Release) on real PostgreSQL and
# Redis; then a second ApiService on the same database and the delay from a commit to both answering the new data.
exec "$(dirname "$0")/bench-api.sh" analytics
