#!/usr/bin/env bash
# Installs the dashboard's front-end packages from npm at the versions in PolarFlow.Web/package.json and copies
# the files it serves into PolarFlow.Web/wwwroot/lib (checked in, so a build needs no npm and no CDN is used).
set -euo pipefail
cd "$(dirname "$0")/../PolarFlow.Web"
npm install --no-audit --no-fund --ignore-scripts
mkdir -p wwwroot/lib/uplot
cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css node_modules/uplot/LICENSE wwwroot/lib/uplot/
echo "wwwroot/lib/uplot: uPlot $(node -p "require('./node_modules/uplot/package.json').version")"
