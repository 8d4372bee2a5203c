#!/usr/bin/env bash
# Install the dashboard's front-end libraries from the npm registry (pinned in package-lock.json)
# and copy the files it serves into src/dyad/serve/web/vendor/ (no CDN at run time).
# Idempotent and quiet: does nothing when vendor/ is up to date with the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=src/dyad/serve/web/vendor
STAMP="$VENDOR/.lock-$(cksum < package-lock.json | cut -d' ' -f1)"
[ -f "$STAMP" ] && exit 0
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null
fi
rm -rf "$VENDOR"
mkdir -p "$VENDOR/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$VENDOR/"
cp node_modules/leaflet/dist/images/*.png "$VENDOR/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$VENDOR/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$VENDOR/"
cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css "$VENDOR/"
cp node_modules/world-atlas/countries-110m.json "$VENDOR/"
touch "$STAMP"
