# Sourced, not run: makes sure JAVA_HOME (and PATH) point at a JDK >= 21.
#
#   source deploy/jdk.sh
#
# Order: an existing JAVA_HOME that is >= 21; else the `java` on PATH if it is >= 21; else the
# newest JDK >= 21 under /usr/lib/jvm. Fails (return 1) with a clear message when none is found.
# Maven, the build and the local stack all use whatever this exports.

_redes_required_java=21

# Prints the feature version (8, 17, 21, 25, ...) of the java binary given, or nothing.
_redes_java_version() {
    local java_bin="$1" line version
    [ -x "$java_bin" ] || return 0
    line="$("$java_bin" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version')" || return 0
    version="${line##*= }"
    version="${version#1.}"           # 1.8 -> 8
    version="${version%%.*}"
    case "$version" in
        ''|*[!0-9]*) return 0 ;;
    esac
    printf '%s\n' "$version"
}

_redes_pick_jdk() {
    local version candidate best="" best_version=0

    if [ -n "${JAVA_HOME:-}" ]; then
        version="$(_redes_java_version "$JAVA_HOME/bin/java")"
        if [ -n "$version" ] && [ "$version" -ge "$_redes_required_java" ]; then
            printf '%s\n' "$JAVA_HOME"
            return 0
        fi
    fi

    if command -v java >/dev/null 2>&1; then
        candidate="$(readlink -f "$(command -v java)")"
        candidate="${candidate%/bin/java}"
        version="$(_redes_java_version "$candidate/bin/java")"
        if [ -n "$version" ] && [ "$version" -ge "$_redes_required_java" ] && [ -x "$candidate/bin/javac" ]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    fi

    for candidate in /usr/lib/jvm/*; do
        [ -d "$candidate" ] || continue
        [ -x "$candidate/bin/javac" ] || continue     # a JDK, not a JRE
        version="$(_redes_java_version "$candidate/bin/java")"
        [ -n "$version" ] || continue
        if [ "$version" -ge "$_redes_required_java" ] && [ "$version" -gt "$best_version" ]; then
            best="$candidate"
            best_version="$version"
        fi
    done
    if [ -n "$best" ]; then
        printf '%s\n' "$best"
        return 0
    fi
    return 1
}

if _redes_jdk="$(_redes_pick_jdk)"; then
    export JAVA_HOME="$_redes_jdk"
    case ":$PATH:" in
        ":$JAVA_HOME/bin:"*) ;;
        *) export PATH="$JAVA_HOME/bin:$PATH" ;;
    esac
    unset _redes_jdk
else
    unset _redes_jdk
    echo "deploy/jdk.sh: no JDK ${_redes_required_java} or newer found." >&2
    echo "  JAVA_HOME='${JAVA_HOME:-}', java on PATH: $(command -v java || echo none)," >&2
    echo "  nothing suitable under /usr/lib/jvm. Install a JDK >= ${_redes_required_java} or set JAVA_HOME to one." >&2
    return 1 2>/dev/null || exit 1
fi
