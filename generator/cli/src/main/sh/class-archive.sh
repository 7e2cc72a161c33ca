#!/bin/sh
# Run by `mvn package` on Unix (generator/cli/pom.xml): puts the launcher `abierto` beside
# abierto.jar and writes its class-data archive, abierto.jsa — the classes that one build loads,
# recorded while building a report made by `abierto new site`. The archive is valid for this jar at
# this path and for this Java; the launcher falls back to a plain start otherwise.
# When a Java 25 or later is found (JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64), it also
# writes abierto.aot, the JDK's ahead-of-time cache (JEP 483/514/515), from the same training build
# run on that Java: the launcher uses it when it runs on Java 25+. Without such a Java, no cache is
# written and the launcher on Java 25 starts without one (docs in README.md, "Which Java").
#
# usage: class-archive.sh JAVA TARGET_DIR
set -eu
java=$1
target=$(CDPATH='' cd -- "$2" && pwd -P)
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)

cp "$here/abierto" "$target/abierto"
chmod 755 "$target/abierto"
training=$target/class-archive-training
rm -rf "$training" "$target/abierto.jsa" "$target/abierto.aot"
log=$target/class-archive.log
# Through the launcher itself, so the archive records the classes its own options load.
java_home=$(dirname -- "$(dirname -- "$java")")
if ! { "$java" -jar "$target/abierto.jar" new site "$training" &&
  JAVA_HOME=$java_home ABIERTO_JAVA_OPTS="-XX:ArchiveClassesAtExit=$target/abierto.jsa" "$target/abierto" \
    build --content "$training/content" --templates "$training/templates" --out "$training/site"; } > "$log" 2>&1; then
  cat "$log" >&2
  echo "class-archive.sh: the training build failed; see above" >&2
  exit 1
fi
rm -rf "$training" "$log"

java25_home=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -x "$java25_home/bin/java" ] &&
  feature=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$java25_home/release" 2>/dev/null) &&
  [ "${feature:-0}" -ge 25 ] 2>/dev/null; then
  if ! { "$java" -jar "$target/abierto.jar" new site "$training" &&
    JAVA_HOME=$java25_home ABIERTO_JAVA_OPTS="-XX:AOTCacheOutput=$target/abierto.aot" "$target/abierto" \
      build --content "$training/content" --templates "$training/templates" --out "$training/site"; } > "$log" 2>&1; then
    cat "$log" >&2
    echo "class-archive.sh: the training build on $java25_home failed; see above" >&2
    exit 1
  fi
  rm -rf "$training" "$log"
fi
