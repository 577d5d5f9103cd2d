#!/usr/bin/env bash
# oci4j demo: build an image from a directory, inspect it, unpack it and, as root with runc or crun, run it.
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
cleanup() {
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
build_demo() {
  oci build --tag demo --layer "$WORK/rootfs" \
    --cmd /bin/sh --cmd -c --cmd 'echo hello from oci4j; cat /etc/os-release' \
    --env PATH=/bin --workdir / --label org.opencontainers.image.title=oci4j-demo \
    --source-date-epoch 1700000000 "oci:$1"
}
step "oci build: writing the image into the layout $WORK/layout as ref 'demo'"
DIGEST=$(build_demo "$WORK/layout")
echo "manifest digest: $DIGEST"
find "$WORK/layout" -type f | sed "s|$WORK/||" | sort

step "oci build again into $WORK/layout2: same inputs, same digest"
DIGEST2=$(build_demo "$WORK/layout2")
if [ "$DIGEST2" != "$DIGEST" ]; then
  echo "demo: the second build gave $DIGEST2, expected $DIGEST" >&2
  exit 1
fi
echo "manifest digest: $DIGEST2 (identical)"

step "oci inspect oci:$WORK/layout:demo"
oci inspect "oci:$WORK/layout:demo"

step "oci unpack oci:$WORK/layout:demo $WORK/bundle/rootfs"
oci unpack "oci:$WORK/layout:demo" "$WORK/bundle/rootfs"
ls -l "$WORK/bundle/rootfs" "$WORK/bundle/rootfs/bin"

if ! command -v runc >/dev/null 2>&1 && ! command -v crun >/dev/null 2>&1; then
  step "Skipping the run: no OCI runtime is installed (apt-get install runc or crun)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  step "Skipping the run: running a container needs root"
  exit 0
fi

step "oci run oci:$WORK/layout:demo (bundle, runtime config and clean-up done by oci4j)"
oci run "oci:$WORK/layout:demo"

step "oci run with a command, an environment variable and a read-only root"
oci run -e GREETING=hi --read-only "oci:$WORK/layout:demo" -- /bin/sh -c 'echo "$GREETING from $(cat /etc/os-release | head -1)"'

step "Done: built, inspected, unpacked and ran the image"
