# Sourced by ./mvnw and ./fa4j: find a JDK 25 or newer, or say exactly what to install.
# Order: $JAVA_HOME, then the usual install places, then the java on PATH.

fa4j_java_major() { # $1 = a JDK home; prints its feature version, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  local rel
  rel=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$rel" ] || rel=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  printf '%s' "$rel"
}

fa4j_find_jdk() { # prints the chosen JDK home on stdout; explains on stderr and fails if none
  local c major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25* /usr/lib/jvm/*25* \
           /opt/java/openjdk /opt/jdk-25* /usr/local/lib/jvm/*25* "$HOME"/.sdkman/candidates/java/25* \
           /Library/Java/JavaVirtualMachines/*25*/Contents/Home /usr/lib/jvm/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  if command -v java >/dev/null 2>&1; then
    c=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$c")
  fi
  for c in "${candidates[@]}"; do
    major=$(fa4j_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      printf '%s\n' "$c"
      return 0
    fi
  done
  {
    echo "fa4j: no JDK 25 found."
    [ -n "${JAVA_HOME:-}" ] && echo "  JAVA_HOME=$JAVA_HOME is Java $(fa4j_java_major "$JAVA_HOME" || true), not 25 or newer."
    echo "  Looked in JAVA_HOME, /usr/lib/jvm, /opt, ~/.sdkman and the java on PATH."
    echo "  Install a JDK 25 (for example Eclipse Temurin 25, or Debian/Ubuntu: apt-get install openjdk-25-jdk-headless)"
    echo "  and point at it: export JAVA_HOME=/path/to/jdk-25"
  } >&2
  return 1
}
