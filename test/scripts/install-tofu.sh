#!/usr/bin/env bash
# Installs the pinned OpenTofu CLI into .tools/bin from the Go module proxy (outside the clone's tracked files, like
# policies/install-opa.sh does for opa), and reuses it when it is already there. Only the codify tests use it: they
# check that the import and resource blocks driftwarden writes are valid Terraform/OpenTofu configuration.
set -euo pipefail
TOFU_VERSION="v1.10.6"
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/.tools/bin"
if [ -x "$bin/tofu" ] && "$bin/tofu" version 2>/dev/null | grep -q "^OpenTofu ${TOFU_VERSION}"; then
  echo "tofu ${TOFU_VERSION} already in .tools/bin"
  exit 0
fi
command -v go >/dev/null || { echo "install-tofu: Go is needed (go install github.com/opentofu/opentofu/cmd/tofu@${TOFU_VERSION})" >&2; exit 1; }
mkdir -p "$bin"
echo "installing tofu ${TOFU_VERSION} into .tools/bin"
# Not `go install tofu@version`: OpenTofu's go.mod has a replace directive (its fork of hcl/v2), which go install
# refuses outside the main module; so the module is downloaded and built as the main module in a temporary copy.
src="$(GOFLAGS=-mod=mod go mod download -json "github.com/opentofu/opentofu@${TOFU_VERSION}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$src" ] || { echo "install-tofu: could not download github.com/opentofu/opentofu@${TOFU_VERSION}" >&2; exit 1; }
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -R "$src/." "$work/"
chmod -R u+w "$work"
(cd "$work" && GOFLAGS=-mod=mod go build -ldflags "-X github.com/opentofu/opentofu/version.dev=no" -o "$bin/tofu" ./cmd/tofu)
installed="$("$bin/tofu" version)"
echo "${installed%%$'\n'*}"
