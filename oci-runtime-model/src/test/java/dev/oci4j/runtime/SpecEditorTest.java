package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Everyday edits change what they name and keep everything else, unknown members included. */
class SpecEditorTest {

    @Test
    void envIsSetByKeyReplacingInPlaceOrAppending() {
        Spec spec = SpecEditor.of(Specs.defaultLinux())
                .putEnv("TERM", "dumb")
                .putEnv("LANG", "C.UTF-8")
                .build();
        assertThat(spec.process().orElseThrow().env()).containsExactly(
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=dumb", "LANG=C.UTF-8");
        assertThat(SpecEditor.of(spec).removeEnv("TERM").build().process().orElseThrow().env())
                .noneMatch(e -> e.startsWith("TERM="));
        assertThatThrownBy(() -> SpecEditor.of(spec).putEnv("A=B", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void processEditsCreateAProcessWhenThereIsNone() {
        Spec spec = SpecEditor.of(Spec.builder().ociVersion(Specs.VERSION).build())
                .args("sleep", "30").cwd("/app").user(1000, 100).terminal(true)
                .build();
        ProcessConfig p = spec.process().orElseThrow();
        assertThat(p.args()).containsExactly("sleep", "30");
        assertThat(p.cwd()).isEqualTo("/app");
        assertThat(p.user().uid()).isEqualTo(1000);
        assertThat(p.user().gid()).isEqualTo(100);
        assertThat(p.terminal()).isTrue();
    }

    @Test
    void mountsRootAndHostname() {
        Mount data = Mount.builder().destination("/data").type("bind").source("/srv/data").options(List.of("rbind", "ro")).build();
        Spec spec = SpecEditor.of(Specs.defaultLinux())
                .addMount(data).removeMount("/dev/mqueue").readonlyRoot(false).rootPath("/var/lib/c1/rootfs").hostname("web")
                .build();
        assertThat(spec.mounts()).endsWith(data).noneMatch(m -> m.destination().equals("/dev/mqueue")).hasSize(7);
        assertThat(spec.root().orElseThrow().readonly()).isFalse();
        assertThat(spec.root().orElseThrow().path()).isEqualTo("/var/lib/c1/rootfs");
        assertThat(spec.hostname()).hasValue("web");
    }

    @Test
    void cgroupLimitsAreCreatedInsideExistingResources() {
        Spec spec = SpecEditor.of(Specs.defaultLinux())
                .memoryLimit(256L << 20).pidsLimit(100).cpuQuota(50_000, 100_000).cpuShares(512).cpus("0-1")
                .build();
        LinuxResources r = spec.linux().orElseThrow().resources().orElseThrow();
        assertThat(r.devices()).hasSize(1); // runc's deny-all rule is kept
        assertThat(r.memory().orElseThrow().limit()).hasValue(256L << 20);
        assertThat(r.pids().orElseThrow().limit()).isEqualTo(100);
        assertThat(r.cpu().orElseThrow().quota()).hasValue(50_000);
        assertThat(r.cpu().orElseThrow().period()).hasValue(100_000);
        assertThat(r.cpu().orElseThrow().shares()).hasValue(512);
        assertThat(r.cpu().orElseThrow().cpus()).hasValue("0-1");
        RuntimeSchema.assertValidConfig(RuntimeJson.write(spec));
    }

    @Test
    void namespacesAreAddedJoinedAndRemovedByType() {
        Spec spec = SpecEditor.of(Specs.defaultLinux())
                .removeNamespace(LinuxNamespaceType.NETWORK)
                .addNamespace(LinuxNamespaceType.CGROUP)
                .joinNamespace(LinuxNamespaceType.UTS, "/proc/1/ns/uts")
                .addNamespace(LinuxNamespaceType.PID)
                .build();
        assertThat(spec.linux().orElseThrow().namespaces()).containsExactly(
                LinuxNamespace.builder().type(LinuxNamespaceType.PID).build(),
                LinuxNamespace.builder().type(LinuxNamespaceType.IPC).build(),
                LinuxNamespace.builder().type(LinuxNamespaceType.UTS).path("/proc/1/ns/uts").build(),
                LinuxNamespace.builder().type(LinuxNamespaceType.MOUNT).build(),
                LinuxNamespace.builder().type(LinuxNamespaceType.CGROUP).build());
    }

    @Test
    void editsKeepUnknownMembers() {
        Spec spec = RuntimeJson.readSpec(("{\"ociVersion\":\"1.2.0\",\"x-top\":1,\"process\":{\"user\":{\"uid\":0,\"gid\":0,\"x-user\":2},"
                + "\"cwd\":\"/\",\"x-proc\":3},\"linux\":{\"x-linux\":4}}").getBytes());
        Spec edited = SpecEditor.of(spec).user(5, 5).putEnv("A", "b").memoryLimit(1 << 20).putAnnotation("k", "v").build();
        assertThat(edited.extensions()).containsKey("x-top");
        assertThat(edited.process().orElseThrow().extensions()).containsKey("x-proc");
        assertThat(edited.process().orElseThrow().user().extensions()).containsKey("x-user");
        assertThat(edited.linux().orElseThrow().extensions()).containsKey("x-linux");
        assertThat(edited.annotations()).containsEntry("k", "v");
    }

    @Test
    void aBindMountIsRecursiveAndPrivateAndReplacesTheSameDestination() {
        Spec spec = SpecEditor.of(Specs.defaultLinux())
                .bindMount("/srv/old", "/data", false)
                .bindMount("/srv/data", "/data", true)
                .build();
        assertThat(spec.mounts()).filteredOn(m -> m.destination().equals("/data")).containsExactly(
                Mount.builder().type("bind").source("/srv/data").destination("/data")
                        .options(List.of("rbind", "rprivate", "ro")).build());
        assertThat(spec.mounts()).extracting(Mount::destination).contains("/proc", "/dev");
    }

    @Test
    void aTmpfsMountHasItsSizeAndIsWorldWritableWithTheStickyBit() {
        Spec spec = SpecEditor.of(Specs.defaultLinux()).tmpfs("/scratch", 64L << 20).build();
        assertThat(spec.mounts()).filteredOn(m -> m.destination().equals("/scratch")).singleElement()
                .satisfies(m -> assertThat(m.options()).contains("mode=1777", "size=67108864"));
    }

    @Test
    void mountPathsMustBeAbsolute() {
        assertThatThrownBy(() -> SpecEditor.of(Specs.defaultLinux()).bindMount("data", "/data", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("source must be an absolute path, got \"data\"");
        assertThatThrownBy(() -> SpecEditor.of(Specs.defaultLinux()).tmpfs("tmp", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destination");
    }

    @Test
    void aNullArgumentIsNamedByItsIndex() {
        assertThatThrownBy(() -> SpecEditor.of(Specs.defaultLinux()).args("a", null))
                .isInstanceOf(NullPointerException.class).hasMessage("args[1] is null");
        assertThatThrownBy(() -> SpecEditor.of(Specs.defaultLinux()).args(java.util.Arrays.asList("a", "b", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("args[2] is null");
    }

    @Test
    void annotationsArePutAndRemovedByKey() {
        Spec spec = SpecEditor.of(Specs.defaultLinux()).putAnnotation("org.example.a", "1")
                .putAnnotation("org.example.b", "2").removeAnnotation("org.example.a").build();
        assertThat(spec.annotations()).containsExactly(java.util.Map.entry("org.example.b", "2"));
    }
}
