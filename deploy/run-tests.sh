#!/usr/bin/env bash
# Runs every test of the system: unit, contract and @QuarkusTest suites against a real PostgreSQL
# and a real Kafka broker started inside each test JVM, the deployment descriptor checks, and the
# local-stack system test (the four services as real processes). Installs Chromium first when missing
# (the operations dashboard is tested in a real headless browser).
#
#   bash deploy/run-tests.sh            # everything
#   bash deploy/run-tests.sh -pl accounts-service -am   # extra Maven arguments pass through
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/jdk.sh"

# reporting-service's OperationsDashboardTest drives a real headless Chromium (Debian's chromium and
# chromium-driver at /usr/bin): a fresh machine of this kind lacks them, so they are installed here.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "Installing chromium and chromium-driver (the dashboard's browser tests need them) ..."
    sudo_cmd=()
    if [ "$(id -u)" != 0 ]; then
        sudo_cmd=(sudo)
    fi
    "${sudo_cmd[@]+"${sudo_cmd[@]}"}" apt-get update -qq
    "${sudo_cmd[@]+"${sudo_cmd[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
cd "$here/.."
exec mvn -B -ntp verify "$@"
