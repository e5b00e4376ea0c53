#!/usr/bin/env bash
# Measures the account archive and prints it for docs/benchmarks.md: five years of the emulator's athlete (28 days
# synced from AccessLink with each exercise's FIT, TCX and GPX, five years imported from a Polar Flow export), the
# Polar calls a new exercise adds, the stored file bytes per year, then `archive.zip` from a freshly started
# ApiService (Release) on real PostgreSQL and Redis: time, MB/s and the server's peak memory.
exec "$(dirname "$0")/bench-api.sh" archive
