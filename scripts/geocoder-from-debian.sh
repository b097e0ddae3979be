#!/usr/bin/env bash
# libphonenumber's time-zone map (artifacts geocoder and prefixmapper 2.193, on Maven Central) for a
# machine whose Maven mirror does not serve them: installs Debian's build of the same versions
# (package libphonenumber8-java) into the local Maven repository. Does nothing when Maven can
# already resolve them.
set -euo pipefail
version=2.193
repo="${HOME}/.m2/repository/com/googlecode/libphonenumber"
if [[ -f "$repo/geocoder/$version/geocoder-$version.jar" && -f "$repo/prefixmapper/$version/prefixmapper-$version.jar" ]]; then
  exit 0
fi
if mvn -B -q dependency:get -Dartifact="com.googlecode.libphonenumber:geocoder:$version" >/dev/null 2>&1 \
  && mvn -B -q dependency:get -Dartifact="com.googlecode.libphonenumber:prefixmapper:$version" >/dev/null 2>&1; then
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && { apt-get download libphonenumber8-java || { apt-get update -q && apt-get download libphonenumber8-java; }; } >/dev/null 2>&1)
dpkg -x "$work"/libphonenumber8-java_*.deb "$work/x"
jars="$work/x/usr/share/maven-repo/com/googlecode/libphonenumber"
for artifact in prefixmapper geocoder; do
  mvn -B -q install:install-file -Dfile="$jars/$artifact/$version/$artifact-$version.jar" \
    -DgroupId=com.googlecode.libphonenumber -DartifactId="$artifact" -Dversion="$version" \
    -Dpackaging=jar -DgeneratePom=true
done
echo "Installed libphonenumber geocoder and prefixmapper $version from Debian's libphonenumber8-java"
