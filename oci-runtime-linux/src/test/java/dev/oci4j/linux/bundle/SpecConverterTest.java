package dev.oci4j.linux.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.ExecutionConfig;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.RootFs;
import dev.oci4j.runtime.LinuxNamespaceType;
import dev.oci4j.runtime.Mount;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image-spec conversion.md, row by row, then the caller's overrides. */
class SpecConverterTest {

    @TempDir
    Path rootfs;

    @BeforeEach
    void etc() throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), String.join("\n",
                "root:x:0:0:root:/root:/bin/sh",
                "# a comment",
                "alice:x:1000:1000:Alice:/home/alice:/bin/sh",
                "bob:x:1001:100::/:/bin/false", ""));
        Files.writeString(rootfs.resolve("etc/group"), String.join("\n",
                "root:x:0:",
                "users:x:100:bob",
                "alice:x:1000:",
                "audio:x:29:alice,bob",
                "video:x:44:alice", ""));
    }

    private static ImageConfiguration image(ExecutionConfig config) {
        return ImageConfiguration.builder().architecture("amd64").os("linux").rootfs(RootFs.of(List.of()))
                .config(config).build();
    }

    private Spec convert(ExecutionConfig config) throws IOException {
        return SpecConverter.convert(image(config), rootfs);
    }

    private Spec convert(ExecutionConfig config, ContainerOptions options) throws IOException {
        return SpecConverter.convert(image(config), rootfs, options);
    }

    private static ExecutionConfig.Builder config() {
        return ExecutionConfig.builder().cmd(List.of("sh"));
    }

    // --- Verbatim fields

    @Test
    void workingDirBecomesProcessCwd() throws IOException {
        assertThat(convert(config().workingDir("/srv").build()).process().orElseThrow().cwd()).isEqualTo("/srv");
    }

    @Test
    void cwdDefaultsToTheRoot() throws IOException {
        assertThat(convert(config().build()).process().orElseThrow().cwd()).isEqualTo("/");
    }

    @Test
    void envBecomesProcessEnvVerbatimAndNothingNamedInItIsAdded() throws IOException {
        Spec spec = convert(config().env(List.of("PATH=/bin", "A=1", "B")).build());
        assertThat(spec.process().orElseThrow().env()).containsExactly("PATH=/bin", "A=1", "B");
    }

    @Test
    void aPathIsAddedOnlyWhenTheImageSetsNone() throws IOException {
        assertThat(convert(config().env(List.of("A=1")).build()).process().orElseThrow().env())
                .containsExactly("A=1", "PATH=" + SpecConverter.DEFAULT_PATH);
    }

    @Test
    void entrypointAndCmdAreJoinedIntoArgs() throws IOException {
        Spec spec = convert(ExecutionConfig.builder().entrypoint(List.of("/bin/sh", "-c")).cmd(List.of("echo hi")).build());
        assertThat(spec.process().orElseThrow().args()).containsExactly("/bin/sh", "-c", "echo hi");
    }

    @Test
    void entrypointAloneOrCmdAloneIsTheCommand() throws IOException {
        assertThat(convert(ExecutionConfig.builder().entrypoint(List.of("/app")).build()).process().orElseThrow().args())
                .containsExactly("/app");
        assertThat(convert(ExecutionConfig.builder().cmd(List.of("/app", "x")).build()).process().orElseThrow().args())
                .containsExactly("/app", "x");
    }

    @Test
    void noEntrypointNoCmdAndNoOverrideIsAnError() {
        assertThatThrownBy(() -> convert(ExecutionConfig.EMPTY))
                .isInstanceOf(ConversionException.class).hasMessageContaining("no command")
                .extracting(e -> ((ConversionException) e).field()).isEqualTo("/config/Cmd");
    }

    // --- Annotation fields

    @Test
    void platformAuthorCreatedAndStopSignalBecomeAnnotations() throws IOException {
        ImageConfiguration image = ImageConfiguration.builder().architecture("arm64").os("linux").variant("v8")
                .osVersion("6.1").osFeatures(List.of("a", "b")).author("Alice").created("2024-01-02T03:04:05Z")
                .rootfs(RootFs.of(List.of()))
                .config(config().stopSignal("SIGINT").exposedPorts(Set.of("80/tcp")).build()).build();
        Map<String, String> a = SpecConverter.convert(image, rootfs).annotations();
        assertThat(a).containsEntry("org.opencontainers.image.os", "linux")
                .containsEntry("org.opencontainers.image.architecture", "arm64")
                .containsEntry("org.opencontainers.image.variant", "v8")
                .containsEntry("org.opencontainers.image.os.version", "6.1")
                .containsEntry("org.opencontainers.image.os.features", "a,b")
                .containsEntry("org.opencontainers.image.author", "Alice")
                .containsEntry("org.opencontainers.image.created", "2024-01-02T03:04:05Z")
                .containsEntry("org.opencontainers.image.stopSignal", "SIGINT")
                .containsEntry("org.opencontainers.image.exposedPorts", "80/tcp");
    }

    @Test
    void absentFieldsGiveNoAnnotation() throws IOException {
        assertThat(convert(config().build()).annotations()).containsOnlyKeys(
                "org.opencontainers.image.os", "org.opencontainers.image.architecture");
    }

    @Test
    void aLabelWinsOverTheConvertedAnnotation() throws IOException {
        Spec spec = convert(config().stopSignal("SIGINT")
                .labels(Map.of("org.opencontainers.image.stopSignal", "SIGQUIT", "com.example", "x")).build());
        assertThat(spec.annotations()).containsEntry("org.opencontainers.image.stopSignal", "SIGQUIT")
                .containsEntry("com.example", "x");
    }

    // --- Parsed fields: User

    private User user(String user) throws IOException {
        return convert(config().user(user).build()).process().orElseThrow().user();
    }

    @Test
    void aNameResolvesThroughPasswdWithItsGroupsAsAdditionalGids() throws IOException {
        User u = user("alice");
        assertThat(u.uid()).isEqualTo(1000);
        assertThat(u.gid()).isEqualTo(1000);
        assertThat(u.additionalGids()).containsExactly(29L, 44L);
    }

    @Test
    void thePrimaryGroupIsNotRepeatedInAdditionalGids() throws IOException {
        User u = user("bob");
        assertThat(u.gid()).isEqualTo(100);
        assertThat(u.additionalGids()).containsExactly(29L);
    }

    @Test
    void aUidIsCopiedVerbatimAndTakesItsPasswdGroup() throws IOException {
        assertThat(user("1000").gid()).isEqualTo(1000);
        User unknown = user("4242");
        assertThat(unknown.uid()).isEqualTo(4242);
        assertThat(unknown.gid()).isZero();
        assertThat(unknown.additionalGids()).isEmpty();
    }

    @Test
    void uidAndGidAreCopiedVerbatim() throws IOException {
        User u = user("4242:4343");
        assertThat(u.uid()).isEqualTo(4242);
        assertThat(u.gid()).isEqualTo(4343);
    }

    @Test
    void nameAndGroupNameResolveBoth() throws IOException {
        User u = user("alice:users");
        assertThat(u.uid()).isEqualTo(1000);
        assertThat(u.gid()).isEqualTo(100);
        assertThat(user("alice:44").gid()).isEqualTo(44);
        assertThat(user("1001:audio").gid()).isEqualTo(29);
    }

    @Test
    void anUnknownUserIsAnErrorNamingIt() {
        assertThatThrownBy(() -> user("mallory")).isInstanceOf(ConversionException.class)
                .hasMessageContaining("\"mallory\"").hasMessageContaining("/etc/passwd")
                .extracting(e -> ((ConversionException) e).field()).isEqualTo("/config/User");
    }

    @Test
    void anUnknownGroupIsAnErrorNamingIt() {
        assertThatThrownBy(() -> user("alice:wheel")).isInstanceOf(ConversionException.class)
                .hasMessageContaining("\"wheel\"").hasMessageContaining("/etc/group");
    }

    @Test
    void aMalformedUserIsAnError() {
        assertThatThrownBy(() -> user("alice:")).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> user(":100")).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> user("99999999999")).isInstanceOf(ConversionException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void withoutUserTheProcessRunsAsRoot() throws IOException {
        User u = convert(config().build()).process().orElseThrow().user();
        assertThat(u.uid()).isZero();
        assertThat(u.gid()).isZero();
    }

    @Test
    void passwdIsReadInsideTheRootfsEvenThroughAnEscapingSymlink() throws IOException {
        Path outside = Files.createTempFile("passwd", "");
        try {
            Files.writeString(outside, "mallory:x:7:7::/:/bin/sh\n");
            Files.delete(rootfs.resolve("etc/passwd"));
            // An absolute link is resolved from the rootfs, so this names rootfs/<outside>, which is missing.
            Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/../../../.." + outside));
            assertThatThrownBy(() -> user("mallory")).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("no /etc/passwd");
            Files.delete(rootfs.resolve("etc/passwd"));
            Files.createDirectories(rootfs.resolve("usr/share"));
            Files.writeString(rootfs.resolve("usr/share/passwd"), "carol:x:5:5::/:/bin/sh\n");
            Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/usr/share/passwd"));
            assertThat(user("carol").uid()).isEqualTo(5);
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    // --- Optional: Volumes

    @Test
    void volumesBecomeMountsOnlyWhenAsked() throws IOException {
        ExecutionConfig c = config().volumes(Set.of("/data")).build();
        assertThat(convert(c).mounts()).noneMatch(m -> m.destination().equals("/data"));
        assertThat(convert(c, ContainerOptions.builder().volumesAsMounts(true).build()).mounts())
                .anySatisfy(m -> {
                    assertThat(m.destination()).isEqualTo("/data");
                    assertThat(m.type()).contains("tmpfs");
                });
    }

    // --- The caller's overrides

    @Test
    void aCmdOverrideKeepsTheEntrypoint() throws IOException {
        ExecutionConfig c = ExecutionConfig.builder().entrypoint(List.of("/bin/sh", "-c")).cmd(List.of("echo a")).build();
        assertThat(convert(c, ContainerOptions.builder().cmd(List.of("echo b")).build()).process().orElseThrow().args())
                .containsExactly("/bin/sh", "-c", "echo b");
    }

    @Test
    void anEntrypointOverrideDropsTheImageCmd() throws IOException {
        ExecutionConfig c = ExecutionConfig.builder().entrypoint(List.of("/bin/sh", "-c")).cmd(List.of("echo a")).build();
        assertThat(convert(c, ContainerOptions.builder().entrypoint(List.of("/bin/true")).build())
                .process().orElseThrow().args()).containsExactly("/bin/true");
        assertThat(convert(c, ContainerOptions.builder().entrypoint(List.of("/bin/echo")).cmd(List.of("x")).build())
                .process().orElseThrow().args()).containsExactly("/bin/echo", "x");
    }

    @Test
    void callerEnvWinsByNameInPlace() throws IOException {
        Spec spec = convert(config().env(List.of("PATH=/bin", "A=1", "B=2")).build(),
                ContainerOptions.builder().putEnv("A", "x").addEnv("C=3").build());
        assertThat(spec.process().orElseThrow().env()).containsExactly("PATH=/bin", "A=x", "B=2", "C=3");
    }

    @Test
    void callerUserCwdHostnameAndRootWin() throws IOException {
        Spec spec = convert(config().user("alice").workingDir("/srv").build(), ContainerOptions.builder()
                .user("bob").workingDir("/tmp").hostname("box").readonlyRoot(true).build());
        assertThat(spec.process().orElseThrow().user().uid()).isEqualTo(1001);
        assertThat(spec.process().orElseThrow().cwd()).isEqualTo("/tmp");
        assertThat(spec.hostname()).contains("box");
        assertThat(spec.root().orElseThrow().readonly()).isTrue();
        assertThat(spec.process().orElseThrow().terminal()).isFalse();
    }

    @Test
    void anUnknownCallerUserNamesTheOption() {
        assertThatThrownBy(() -> convert(config().build(), ContainerOptions.builder().user("zed").build()))
                .isInstanceOf(ConversionException.class).hasMessageContaining("\"zed\"")
                .extracting(e -> ((ConversionException) e).field()).isEqualTo("options.user");
    }

    @Test
    void theRootIsWritableUnlessAsked() throws IOException {
        assertThat(convert(config().build()).root().orElseThrow().readonly()).isFalse();
    }

    @Test
    void limitsMountsAndNetwork() throws IOException {
        Spec spec = convert(config().build(), ContainerOptions.builder()
                .memoryLimit(64L << 20).pidsLimit(16).cpuQuota(50_000, 100_000)
                .addBind(Path.of("/srv"), "/data", true).addTmpfs("/scratch").hostNetwork(true).build());
        var resources = spec.linux().orElseThrow().resources().orElseThrow();
        assertThat(resources.memory().orElseThrow().limit()).hasValue(64L << 20);
        assertThat(resources.pids().orElseThrow().limit()).isEqualTo(16);
        assertThat(resources.cpu().orElseThrow().quota()).hasValue(50_000);
        assertThat(spec.mounts()).extracting(Mount::destination).contains("/data", "/scratch");
        assertThat(spec.mounts()).filteredOn(m -> m.destination().equals("/data")).singleElement()
                .satisfies(m -> assertThat(m.options()).contains("rbind", "ro"));
        assertThat(spec.linux().orElseThrow().namespaces()).noneMatch(n -> n.type().equals(LinuxNamespaceType.NETWORK));
        assertThat(convert(config().build()).linux().orElseThrow().namespaces())
                .anyMatch(n -> n.type().equals(LinuxNamespaceType.NETWORK));
    }

    @Test
    void badOptionsAreRejectedWhenSet() {
        assertThatThrownBy(() -> ContainerOptions.builder().memoryLimit(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContainerOptions.builder().pidsLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContainerOptions.builder().addEnv("NOEQUALS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContainerOptions.builder().workingDir("rel")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- Terminal and user namespace

    @Test
    void aTerminalIsOffUnlessAskedFor() throws IOException {
        assertThat(convert(config().build()).process().orElseThrow().terminal()).isFalse();
        assertThat(convert(config().build(), ContainerOptions.builder().terminal(true).build())
                .process().orElseThrow().terminal()).isTrue();
    }

    @Test
    void aUserNamespaceAddsTheNamespaceAndTheMappings() throws IOException {
        Spec spec = convert(config().build(), ContainerOptions.builder().userNamespace(100000, 200000, 65536).build());
        var linux = spec.linux().orElseThrow();
        assertThat(linux.namespaces()).extracting(n -> n.type()).contains(LinuxNamespaceType.USER,
                LinuxNamespaceType.NETWORK);
        assertThat(linux.uidMappings()).singleElement().satisfies(m -> {
            assertThat(m.containerID()).isZero();
            assertThat(m.hostID()).isEqualTo(100000);
            assertThat(m.size()).isEqualTo(65536);
        });
        assertThat(linux.gidMappings()).singleElement().extracting(m -> m.hostID()).isEqualTo(200000L);
        // A network namespace of its own: sysfs can be mounted.
        assertThat(spec.mounts()).filteredOn(m -> m.destination().equals("/sys")).singleElement()
                .extracting(m -> m.type().orElseThrow()).isEqualTo("sysfs");
        assertThat(convert(config().build()).linux().orElseThrow().namespaces()).extracting(n -> n.type())
                .doesNotContain(LinuxNamespaceType.USER);
    }

    @Test
    void aUserNamespaceWithTheHostsNetworkBindsSysInPlace() throws IOException {
        Spec spec = convert(config().build(), ContainerOptions.builder().userNamespace(100000, 100000, 65536)
                .hostNetwork(true).build());
        List<String> destinations = spec.mounts().stream().map(Mount::destination).toList();
        assertThat(destinations.indexOf("/sys")).isLessThan(destinations.indexOf("/sys/fs/cgroup"));
        Mount sys = spec.mounts().get(destinations.indexOf("/sys"));
        assertThat(sys.type()).hasValue("none");
        assertThat(sys.options()).contains("rbind", "ro");
    }

    @Test
    void userNamespaceMappingsAreChecked() {
        assertThatThrownBy(() -> ContainerOptions.builder().userNamespace(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no uid mappings");
        var a = dev.oci4j.runtime.LinuxIdMapping.builder().containerID(0).hostID(100000).size(10).build();
        var b = dev.oci4j.runtime.LinuxIdMapping.builder().containerID(5).hostID(200000).size(10).build();
        assertThatThrownBy(() -> ContainerOptions.builder().userNamespace(List.of(a, b), List.of(a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap at container id 5");
        assertThatThrownBy(() -> ContainerOptions.builder().userNamespace(1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ContainerOptions.builder().userNamespace(1, 1, 1).clearUserNamespace().build().userNamespace())
                .isFalse();
    }

    @Test
    void idsOutsideEveryMappingHaveNoHostId() {
        var m = List.of(dev.oci4j.runtime.LinuxIdMapping.builder().containerID(0).hostID(100000).size(1000).build(),
                dev.oci4j.runtime.LinuxIdMapping.builder().containerID(65534).hostID(300000).size(1).build());
        assertThat(OwnershipShift.toHost(0, m)).isEqualTo(100000);
        assertThat(OwnershipShift.toHost(999, m)).isEqualTo(100999);
        assertThat(OwnershipShift.toHost(1000, m)).isEqualTo(-1);
        assertThat(OwnershipShift.toHost(65534, m)).isEqualTo(300000);
    }
}
