#!/usr/bin/env bash
# oci4j demo: build an image from a directory, inspect it, unpack it and, as root with runc, run it.
# Run from the repository root after `mvn package`:  bash examples/demo.sh
set -euo pipefail

JAR="$PWD/examples/target/oci.jar"
if [ ! -f "$JAR" ]; then
  echo "demo: $JAR is missing; run 'mvn -B -q package -DskipTests' from the repository root first" >&2
  exit 1
fi
BUSYBOX=$(command -v busybox || true)
[ -x /bin/busybox ] && BUSYBOX=/bin/busybox
# The image holds busybox alone, so it must be the static build (Debian: busybox-static).
LINKAGE=$( [ -n "$BUSYBOX" ] && LC_ALL=C ldd "$BUSYBOX" 2>&1 || true)
if [ -z "$BUSYBOX" ] || [[ "$LINKAGE" != *"not a dynamic executable"* ]]; then
  echo "demo: needs a statically linked busybox; install it with 'apt-get install busybox-static'" >&2
  exit 1
fi

oci() { java -jar "$JAR" "$@"; }
step() { printf '\n==> %s\n' "$*"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/oci4j-demo.XXXXXX")
CONTAINER="oci4j-demo-$$"
cleanup() {
  if command -v runc >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    runc delete --force "$CONTAINER" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step "Making a root filesystem in $WORK/rootfs from $BUSYBOX"
mkdir -p "$WORK/rootfs/bin" "$WORK/rootfs/etc" "$WORK/rootfs/tmp"
cp "$BUSYBOX" "$WORK/rootfs/bin/busybox"
for tool in sh echo cat ls; do ln -s busybox "$WORK/rootfs/bin/$tool"; done
cat > "$WORK/rootfs/etc/os-release" <<'OSR'
NAME="oci4j demo"
ID=oci4j-demo
PRETTY_NAME="oci4j demo image (busybox)"
OSR
echo 'root:x:0:0:root:/:/bin/sh' > "$WORK/rootfs/etc/passwd"
echo 'root:x:0:' > "$WORK/rootfs/etc/group"
find "$WORK/rootfs" | sed "s|$WORK/||" | sort

# A fixed SOURCE_DATE_EPOCH makes the image reproducible: the same digest on every run and machine.
step "oci build: writing the image into the layout $WORK/layout as ref 'demo'"
DIGEST=$(oci build --tag demo --layer "$WORK/rootfs" \
  --cmd /bin/sh --cmd -c --cmd 'echo hello from oci4j; cat /etc/os-release' \
  --env PATH=/bin --workdir / --label org.opencontainers.image.title=oci4j-demo \
  --source-date-epoch 1700000000 "oci:$WORK/layout")
echo "manifest digest: $DIGEST"
ls -R "$WORK/layout"

step "oci inspect oci:$WORK/layout:demo"
oci inspect "oci:$WORK/layout:demo"

step "oci unpack oci:$WORK/layout:demo $WORK/bundle/rootfs"
oci unpack "oci:$WORK/layout:demo" "$WORK/bundle/rootfs"
ls -l "$WORK/bundle/rootfs" "$WORK/bundle/rootfs/bin"

if ! command -v runc >/dev/null 2>&1; then
  step "Skipping the run: runc is not installed (apt-get install runc)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  step "Skipping the run: running a container with runc needs root"
  exit 0
fi

step "Writing the runtime config $WORK/bundle/config.json"
# `oci spec` (runtime-spec defaults) when this build has it, else runc's own template.
rm -f "$WORK/bundle/config.json"
if oci spec --help 2>/dev/null | grep -q 'oci spec'; then
  (cd "$WORK/bundle" && java -jar "$JAR" spec > spec.out) || true
  if [ ! -s "$WORK/bundle/config.json" ] && [ "$(head -c1 "$WORK/bundle/spec.out" 2>/dev/null)" = "{" ]; then
    mv "$WORK/bundle/spec.out" "$WORK/bundle/config.json"
  fi
  rm -f "$WORK/bundle/spec.out"
fi
if [ -s "$WORK/bundle/config.json" ]; then
  echo "(made by oci spec)"
else
  (cd "$WORK/bundle" && runc spec)
  echo "(made by runc spec)"
fi
# Flatten the JSON (runc's strings hold no newlines or tabs), then set the process: no terminal, and
# the image's command.
tr -d '\n\t' < "$WORK/bundle/config.json" \
  | sed -e 's/"terminal": *true/"terminal": false/' \
        -e 's|"args": *\[[^]]*\]|"args": ["/bin/sh", "-c", "echo hello from oci4j; cat /etc/os-release"]|' \
  > "$WORK/bundle/config.json.new"
mv "$WORK/bundle/config.json.new" "$WORK/bundle/config.json"

step "runc run --bundle $WORK/bundle $CONTAINER"
runc run --bundle "$WORK/bundle" "$CONTAINER"

step "Done: built, inspected, unpacked and ran the image"
