#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (run as root: it installs the build dependencies with
# apt-get), builds nerkit in ./build (the library, the tools and the Python module for Debian's
# /usr/bin/python3), prints the entities of the example article, and as root installs nerkit
# under /usr/local, where /usr/bin/python3 imports the module from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    g++ make cmake pkg-config libicu-dev libre2-dev libboost-test-dev libcli11-dev \
    nlohmann-json3-dev libsimdjson-dev python3 \
    python3-dev pybind11-dev python3-pytest python3-dask python3-distributed \
    chromium chromium-driver python3-selenium \
    python3-numpy >/dev/null  # the Python module and its tests; the browser test of the HTML
                              # pages; fitting the confidence model
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
./build/examples/nerkit-extract examples/data/article.txt
python_check="import nerkit; print(nerkit.Extractor().extract('Kämpfe in Sirte, Libya.'))"
if [ "$(id -u)" = 0 ]; then
  cmake --install build >/dev/null
  if [ -d build/python/nerkit ]; then
    (cd / && env -u PYTHONPATH /usr/bin/python3 -c "$python_check")
  fi
elif [ -d build/python/nerkit ]; then  # the module from the build tree
  PYTHONPATH=build/python /usr/bin/python3 -c "$python_check"
fi
