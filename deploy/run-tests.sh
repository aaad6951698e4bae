#!/usr/bin/env bash
# Runs every test of the system: unit, contract and @QuarkusTest suites against a real PostgreSQL
# and a real Kafka broker started inside each test JVM, the deployment descriptor checks, and the
# local-stack system test (the four services as real processes).
#
#   bash deploy/run-tests.sh            # everything
#   bash deploy/run-tests.sh -pl accounts-service -am   # extra Maven arguments pass through
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/jdk.sh"
cd "$here/.."
exec mvn -B -ntp verify "$@"
