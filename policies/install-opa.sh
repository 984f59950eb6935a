#!/usr/bin/env bash
# Installs the pinned OPA CLI into .tools/bin from the Go module proxy, and reuses it when it is already there.
# Only policy authors and CI need it: the compiled bundle in policies/dist/ is committed.
set -euo pipefail
OPA_VERSION="v1.22.3"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
if [ -x "$bin/opa" ] && "$bin/opa" version 2>/dev/null | grep -qx "Version: ${OPA_VERSION#v}"; then
  echo "opa ${OPA_VERSION} already in .tools/bin"
  exit 0
fi
command -v go >/dev/null || { echo "install-opa: Go is needed to install opa (go install github.com/open-policy-agent/opa@${OPA_VERSION})" >&2; exit 1; }
mkdir -p "$bin"
echo "installing opa ${OPA_VERSION} into .tools/bin"
GOBIN="$bin" GOFLAGS=-mod=mod go install "github.com/open-policy-agent/opa@${OPA_VERSION}"
# Not `| head -1`: under pipefail, opa can die of SIGPIPE once head has its line, and the install would fail.
installed="$("$bin/opa" version)"
echo "${installed%%$'\n'*}"
