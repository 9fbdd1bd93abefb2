#!/usr/bin/env bash
# Installs what chibo needs on Debian 12 and nothing else: Debian packages that are missing
# (through sudo when not root), then the web UI's npm packages when they changed.
# Quiet and fast when everything is already there. Usage: scripts/setup.sh [--bench]
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and run. libboost-dev: Debian builds SOCI with SOCI_HAVE_BOOST, so its headers include
# Boost.Fusion, and libsoci-dev does not depend on it.
packages=(
  build-essential cmake ninja-build g++ clang libclang-rt-14-dev pkg-config git
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  libsoci-dev libboost-dev libsqlite3-dev sqlite3 libpq-dev
  libicu-dev nlohmann-json3-dev libsodium-dev libxlsxwriter-dev libcli11-dev libspdlog-dev
  libtomlplusplus-dev zlib1g-dev libssl-dev libzip-dev libpugixml-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev ccache
  nodejs npm chromium curl ca-certificates
  # The sample document's check (scripts/render-sample-document.sh): LibreOffice converts the DOCX
  # to PDF, poppler-utils reads and draws the page, Liberation Serif stands in for Times New Roman.
  libreoffice-writer-nogui poppler-utils fonts-liberation2
  # PostgreSQL 15: the tests start throwaway clusters of their own (scripts/pg-cluster.sh);
  # pgbouncer for the transaction-pooling test; python3 picks free ports; openssl makes the TLS
  # test's throwaway CA (tests/fault/pg-tls.test.mjs).
  postgresql-15 postgresql-client-15 pgbouncer python3 openssl
)
# Benchmarks: load generator, command timer, and nginx as the static-file ceiling.
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk hyperfine nginx-light)
fi

missing=()
for package in "${packages[@]}"; do
  # A package counts as present when dpkg has it installed, or (node/npm) when the command
  # exists from another source such as NodeSource.
  if [[ "$package" == "nodejs" ]] && command -v node >/dev/null 2>&1; then continue; fi
  if [[ "$package" == "npm" ]] && command -v npm >/dev/null 2>&1; then continue; fi
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $EUID -ne 0 ]]; then sudo_cmd=(sudo); fi
  # Debian's postgresql package creates and starts a "main" cluster on port 5432 when it is
  # installed; the tests need none (they run their own on free ports), so ask for none unless
  # postgresql-common is already configured.
  if [[ " ${missing[*]} " == *" postgresql-15 "* && ! -e /etc/postgresql-common/createcluster.conf ]]; then
    "${sudo_cmd[@]}" mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | "${sudo_cmd[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  # (UCF_FORCE_CONFFOLD keeps that createcluster.conf when postgresql-common installs its own.)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 20)); then
  echo "setup: the web UI needs Node.js 20 or newer (found $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# npm packages of the web UI, reinstalled only when the lock file changed.
if [[ -f web/package-lock.json ]]; then
  stamp=web/node_modules/.chibo-lock-stamp
  if [[ ! -f "$stamp" ]] || ! cmp -s web/package-lock.json "$stamp"; then
    echo "setup: installing web UI packages (npm ci)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
