#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (run as root: it installs the build dependencies with
# apt-get), builds nerkit in ./build, and prints the entities of the example article.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    g++ make cmake pkg-config libicu-dev libre2-dev libboost-test-dev libcli11-dev \
    nlohmann-json3-dev libsimdjson-dev python3 \
    chromium chromium-driver python3-selenium \
    python3-numpy >/dev/null  # the browser test of the HTML pages; fitting the confidence model
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
./build/examples/nerkit-extract examples/data/article.txt
