#!/usr/bin/env bash
# Regenerates the Teams icons (committed; run only when the design changes).
# Needs ImageMagick 6 (`apt-get install -y imagemagick`). Shapes are drawn at 4x and
# downsampled so edges are anti-aliased.
set -euo pipefail
cd "$(dirname "$0")"
IM=/usr/bin/convert
TEAL='#1F7A78'
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# color.png: 192x192, teal rounded square, white speech bubble, teal cross.
$IM -size 768x768 xc:none \
  -fill "$TEAL" -draw 'roundrectangle 0,0 767,767 150,150' \
  -fill white -draw 'roundrectangle 164,176 604,500 80,80' \
  -draw 'polygon 250,470 230,610 380,490' \
  -fill "$TEAL" -draw 'rectangle 356,226 412,450' -draw 'rectangle 272,310 496,366' \
  -resize 192x192 -strip PNG32:color.png

# outline.png: 32x32, white strokes on transparency (Teams rejects any other colour).
# Build an alpha mask (white = opaque), then apply it to a pure white canvas.
$IM -size 128x128 xc:black \
  -fill white -draw 'roundrectangle 6,12 121,96 24,24' -draw 'polygon 26,84 18,122 60,90' \
  -fill black -draw 'roundrectangle 15,21 112,87 16,16' -draw 'polygon 34,80 30,104 54,84' \
  -fill white -draw 'rectangle 58,32 70,76' -draw 'rectangle 42,48 86,60' \
  -resize 32x32 -colorspace gray "$TMP/mask.png"
$IM -size 32x32 xc:white "$TMP/mask.png" -alpha off -compose CopyOpacity -composite \
  -strip PNG32:outline.png
