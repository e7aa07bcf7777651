#!/usr/bin/env bash
# Draws the extension's icon (images/icon.png, 128x128): a white shield with a check mark on blue. Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#0b4f8a' -draw 'roundrectangle 8,8 248,248 44,44' \
  -fill '#ffffff' -draw 'path "M 128,40 L 200,68 L 200,128 C 200,172 170,204 128,222 C 86,204 56,172 56,128 L 56,68 Z"' \
  -fill '#0b4f8a' -draw 'path "M 128,58 L 184,80 L 184,128 C 184,162 162,188 128,204 C 94,188 72,162 72,128 L 72,80 Z"' \
  -stroke '#ffffff' -strokewidth 18 -fill none -draw 'polyline 98,128 120,152 162,104' \
  -resize 128x128 -depth 8 -strip icon.png
