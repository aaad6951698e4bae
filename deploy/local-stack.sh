#!/usr/bin/env bash
# The whole system on this machine, in one command: builds the project, then starts an embedded
# PostgreSQL and Kafka, the four services as separate processes, loads demo data and prints where
# everything is. Ctrl-C stops every process it started.
#
#   bash deploy/local-stack.sh              # build, then start
#   bash deploy/local-stack.sh --no-build   # start what was built last
#   bash deploy/local-stack.sh --smoke      # start, check one account across the services, stop
#   bash deploy/local-stack.sh advance PT48H   # while it runs: move the clock of all four services
#                                              # forward (ISO-8601 duration); mail goes to .local-stack/mailbox/
#
# Environment: LOCAL_STACK_DIR (data, default <repo>/.local-stack), LOCAL_PG_PORT (15432),
# LOCAL_KAFKA_PORT (19092), LOCAL_BASE_PORT (8081: the services get 8081..8084, and their management
# ports, health and metrics, 9081..9084),
# LOCAL_HEALTH_TIMEOUT_SECONDS (180), LOCAL_SERVICE_JAVA_OPTS (the services' JVM options; with JDK 25+
# the first start after a build trains each service's ahead-of-time cache and restarts it from the
# cache, later starts use it; -XX:AOTMode=off in LOCAL_SERVICE_JAVA_OPTS turns that off).
# Runs from any directory; picks a JDK >= 21 by itself (deploy/jdk.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
source "$here/jdk.sh"
# A relative LOCAL_STACK_DIR means relative to where the command was typed, not to the repository.
if [ -n "${LOCAL_STACK_DIR:-}" ]; then
    LOCAL_STACK_DIR="$(realpath -m -- "$LOCAL_STACK_DIR")"
    export LOCAL_STACK_DIR
fi

# The simulation clock: one call moves every service's clock forward together.
if [ "${1:-}" = "advance" ]; then
    duration="${2:?usage: bash deploy/local-stack.sh advance <ISO-8601 duration, e.g. PT48H or P3D>}"
    data="${LOCAL_STACK_DIR:-$repo/.local-stack}"
    # shellcheck disable=SC1091
    source "$data/tokens.env"
    base="${LOCAL_BASE_PORT:-8081}"
    for offset in 0 1 2 3; do
        port=$((base + offset))
        printf '%s: ' "$port"
        curl -sS --fail-with-body -X POST -H "Authorization: Bearer $CNCS_TOKEN" -H 'Content-Type: application/json' \
            -d "{\"duration\":\"$duration\"}" "http://127.0.0.1:$port/api/simulation/clock/advance"
        echo
    done
    exit 0
fi

build=1
args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        *) args+=("$arg") ;;
    esac
done

# Kafka (in the launcher) and Maven's own libraries use sun.misc.Unsafe; JDK 23+ warns about it
# unless told to allow it, and JDK 21 does not know the option.
unsafe_option=()
if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
    unsafe_option=(--sun-misc-unsafe-memory-access=allow)
fi

cd "$repo"
if [ "$build" = 1 ]; then
    echo "Building (mvn -B -q install -DskipTests) with JAVA_HOME=$JAVA_HOME ..."
    MAVEN_OPTS="${MAVEN_OPTS:-} ${unsafe_option[*]:-}" mvn -B -q install -DskipTests
fi

if [ ! -f deploy/target/launcher-classpath.txt ]; then
    echo "deploy/target/launcher-classpath.txt is missing: run without --no-build once." >&2
    exit 1
fi

jvm_options=(-Xmx512m ${unsafe_option[@]+"${unsafe_option[@]}"})

# Stop it with Ctrl-C, or `kill <pid>` (SIGTERM) from a script: a background job started by a
# non-interactive shell ignores SIGINT.
export LOCAL_STACK_REPO="$repo"
exec "$JAVA_HOME/bin/java" "${jvm_options[@]}" \
    -cp "deploy/target/classes:$(cat deploy/target/launcher-classpath.txt)" \
    mx.ine.redes.deploy.LocalStack ${args[@]+"${args[@]}"}
