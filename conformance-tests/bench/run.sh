#!/usr/bin/env bash
# The NETCONF benchmark (see netconf_bench.py): Yamano and Debian's netconfd, side by side.
#   conformance-tests/bench/run.sh [--quick] [--servers yamano,netconfd] [--target NAME=HOST:PORT:USER:PASSWORD]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec /usr/bin/python3 -W ignore "$here/netconf_bench.py" "$@"
