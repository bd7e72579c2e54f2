#!/usr/bin/env bash
# Renders the icons from the SVG sources in icons/src: PNG 16..1024 for every icon, plus the
# application icon as .ico (Windows) and .icns (macOS) for jpackage.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "build-icons: $tool not found (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done
sizes=(16 24 32 48 64 128 256 512 1024)
mkdir -p png
for svg in src/*.svg; do
  name=$(basename "$svg" .svg)
  for s in "${sizes[@]}"; do
    rsvg-convert -w "$s" -h "$s" "$svg" -o "png/$name-$s.png"
  done
done
convert png/inquest-16.png png/inquest-24.png png/inquest-32.png png/inquest-48.png png/inquest-64.png png/inquest-256.png inquest.ico
png2icns inquest.icns png/inquest-16.png png/inquest-32.png png/inquest-128.png png/inquest-256.png png/inquest-512.png png/inquest-1024.png >/dev/null
# The Linux installer and the window use the 256 px PNG.
cp png/inquest-256.png inquest.png
mkdir -p ../src/main/resources/dev/inquest/ui/icons
for s in 16 32 64 128 256; do cp "png/inquest-$s.png" "../src/main/resources/dev/inquest/ui/icons/inquest-$s.png"; done
echo "icons written: $(ls png | wc -l) PNGs, inquest.ico, inquest.icns"
