#!/usr/bin/env bash
# Installs the Debian 12 packages verdeel needs to build and test, when they are missing.
# Runs as root (or through sudo when available); does nothing when everything is present.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config git clang-format clang-tidy python3 clang libclang-rt-14-dev
  antlr4 libantlr4-runtime-dev
  libfmt-dev libcli11-dev nlohmann-json3-dev libgmp-dev libssl-dev libicu-dev
  doctest-dev librapidcheck-dev libbenchmark-dev
  libxlsxwriter-dev libkainjow-mustache-dev chromium poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "install-deps: missing ${missing[*]}; run this script as root" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
