#!/usr/bin/env bash
# Measures the history import and prints it for docs/benchmarks.md: a three-year Polar Flow export of the emulator's
# athlete uploaded to the ApiService (Release) on real PostgreSQL and Redis; records/s, MB/s and the server's peak
# memory, then the same ZIP again (nothing changes).
exec "$(dirname "$0")/bench-api.sh" import
