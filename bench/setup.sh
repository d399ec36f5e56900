#!/bin/sh
# Set-up for `pnpm bench:train`: PyTorch for the reference timing, and the built packages.
#
# Debian's python3-torch calls matrix multiplies through libblas.so.3, which on a bare system
# is the unoptimised reference BLAS (about 5 GFLOP/s here). With OpenBLAS installed, Debian's
# alternatives point libblas.so.3 at it (about 60-100 GFLOP/s on one core), which is the
# PyTorch a user actually runs; timing against the reference BLAS flattered seqrec ~7x.
#
#   sh bench/setup.sh
#
# Debian's python3-torch (PyTorch 1.13) installs into the system Python, /usr/bin/python3;
# the bench also looks there when `python3` on PATH (pyenv, a venv) has no torch. Set
# SEQREC_BENCH_PYTHON to use another interpreter.
set -eu

packages="python3-torch libopenblas0-pthread"
if dpkg -s $packages >/dev/null 2>&1; then
  echo "setup: $packages are installed"
else
  echo "setup: installing $packages (Debian packages)"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update && $sudo apt-get install -y $packages
fi

cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile
pnpm run build
