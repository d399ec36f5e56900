#!/bin/sh
# Set-up for `pnpm bench:train`: PyTorch for the reference timing, and the built packages.
#
#   sh bench/setup.sh
#
# Debian's python3-torch (PyTorch 1.13) installs into the system Python, /usr/bin/python3;
# the bench also looks there when `python3` on PATH (pyenv, a venv) has no torch. Set
# SEQREC_BENCH_PYTHON to use another interpreter.
set -eu

if /usr/bin/python3 -c 'import torch' 2>/dev/null || python3 -c 'import torch' 2>/dev/null; then
  echo "setup: torch is installed"
else
  echo "setup: installing python3-torch (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && apt-get install -y python3-torch
  else
    sudo apt-get update && sudo apt-get install -y python3-torch
  fi
fi

cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile
pnpm run build
