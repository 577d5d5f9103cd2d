package dev.oci4j.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded random documents that set every member of the model (each optional one with
 * probability one half), with values the official schema accepts, so a failing seed can be
 * replayed.
 */
final class RandomSpecs {

    private static final long UINT64_MAX = -1L;

    private final Random r;

    RandomSpecs(long seed) {
        this.r = new Random(seed);
    }

    private boolean maybe() {
        return r.nextBoolean();
    }

    private <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private String word() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(letters.charAt(r.nextInt(letters.length())));
        }
        // Now and then exercise escaping: quotes, backslashes, non-ASCII.
        if (r.nextInt(8) == 0) {
            sb.append(pick(List.of("\"", "\\", "é", "\u2603", "<&>", "\t")));
        }
        return sb.toString();
    }

    private String path() {
        return "/" + word().replaceAll("[^a-z]", "") + "x/" + word().replaceAll("[^a-z]", "") + "y";
    }

    private <T> List<T> list(Supplier<T> item) {
        int n = 1 + r.nextInt(3);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }

    private long u32() {
        return r.nextInt(4) == 0 ? 0xFFFF_FFFFL : r.nextInt(100_000);
    }

    private long u64() {
        return switch (r.nextInt(4)) {
            case 0 -> UINT64_MAX;
            case 1 -> Long.MIN_VALUE; // 2^63, the first value a signed long cannot hold
            default -> 1 + r.nextInt(1 << 20);
        };
    }

    private long i64() {
        return switch (r.nextInt(4)) {
            case 0 -> Long.MAX_VALUE;
            case 1 -> -1;
            default -> 1 + r.nextInt(1 << 20);
        };
    }

    Spec spec() {
        Spec.Builder b = Spec.builder().ociVersion(pick(List.of("1.2.0", "1.0.2-dev", "1.1.0")));
        if (maybe()) {
            b.process(process());
        }
        if (maybe()) {
            b.root(Root.builder().path(pick(List.of("rootfs", "/var/lib/c/rootfs"))).readonly(maybe()).build());
        }
        if (maybe()) {
            b.hostname(word());
        }
        if (maybe()) {
            b.domainname(word());
        }
        if (maybe()) {
            b.mounts(list(this::mount));
        }
        if (maybe()) {
            b.hooks(Hooks.builder().prestart(list(this::hook)).createRuntime(list(this::hook))
                    .createContainer(list(this::hook)).startContainer(list(this::hook))
                    .poststart(list(this::hook)).poststop(list(this::hook)).build());
        }
        if (maybe()) {
            list(() -> b.putAnnotation("org.example." + word(), word()));
        }
        if (maybe()) {
            b.linux(linux());
        }
        if (maybe()) {
            b.solaris(Solaris.builder().milestone(word()).limitpriv(word()).maxShmMemory("512m")
                    .anet(list(() -> SolarisAnet.builder().linkname(word()).lowerLink(word()).allowedAddress("172.17.0.2/16")
                            .configureAllowedAddress("true").defrouter("172.17.0.1/16").linkProtection("mac-nospoof")
                            .macAddress("02:42:f8:52:c7:16").build()))
                    .cappedCPU(SolarisCappedCpu.builder().ncpus("8").build())
                    .cappedMemory(SolarisCappedMemory.builder().physical("512m").swap("512m").build()).build());
        }
        if (maybe()) {
            b.windows(windows());
        }
        if (maybe()) {
            Vm.Builder vm = Vm.builder().kernel(VmKernel.builder().path(path()).parameters(list(this::word)).initrd(path()).build());
            if (maybe()) {
                vm.hypervisor(VmHypervisor.builder().path(path()).parameters(list(this::word)).build());
            }
            if (maybe()) {
                vm.image(VmImage.builder().path(path()).format(pick(List.of("raw", "qcow2", "vdi", "vmdk", "vhd"))).build());
            }
            b.vm(vm.build());
        }
        if (maybe()) {
            b.zos(Zos.builder().devices(list(() -> ZosDevice.builder().path(path()).type(pick(List.of("c", "b", "p")))
                    .major(r.nextInt(300)).minor(r.nextInt(300)).fileMode(0666).uid(u32()).gid(u32()).build())).build());
        }
        return b.build();
    }

    ProcessConfig process() {
        ProcessConfig.Builder p = ProcessConfig.builder().terminal(maybe()).cwd(path()).args(list(this::word)).env(list(() -> word() + "=" + word()));
        User.Builder u = User.builder().uid(u32()).gid(u32());
        if (maybe()) {
            u.umask(r.nextInt(0777));
            u.additionalGids(list(this::u32));
        }
        p.user(u.build());
        if (maybe()) {
            p.consoleSize(Box.builder().height(u64()).width(80).build());
        }
        if (maybe()) {
            p.commandLine(word());
        }
        if (maybe()) {
            List<String> caps = list(() -> pick(List.of("CAP_KILL", "CAP_CHOWN", "CAP_SYS_ADMIN", "CAP_NET_RAW")));
            p.capabilities(LinuxCapabilities.builder().bounding(caps).effective(caps).inheritable(caps).permitted(caps).ambient(caps).build());
        }
        if (maybe()) {
            p.rlimits(List.of(PosixRlimit.builder().type("RLIMIT_NOFILE").hard(u64()).soft(u64()).build(),
                    PosixRlimit.builder().type("RLIMIT_CORE").hard(UINT64_MAX).soft(0).build()));
        }
        p.noNewPrivileges(maybe());
        if (maybe()) {
            p.apparmorProfile(word());
        }
        if (maybe()) {
            p.oomScoreAdj(r.nextInt(2001) - 1000);
        }
        if (maybe()) {
            p.scheduler(Scheduler.builder().policy(pick(List.of(LinuxSchedulerPolicy.DEADLINE, LinuxSchedulerPolicy.FIFO)))
                    .nice(r.nextInt(40) - 20).priority(r.nextInt(99)).flags(List.of(LinuxSchedulerFlag.RESET_ON_FORK))
                    .runtime(u64()).deadline(u64()).period(u64()).build());
        }
        if (maybe()) {
            p.selinuxLabel("system_u:system_r:svirt_lxc_net_t:s0:c124,c675");
        }
        if (maybe()) {
            p.ioPriority(LinuxIoPriority.builder().ioClass(IoPriorityClass.BE).priority(r.nextInt(8)).build());
        }
        if (maybe()) {
            p.execCPUAffinity(CpuAffinity.builder().initial("0").finalCpus("0-3,7").build());
        }
        return p.build();
    }

    private Mount mount() {
        Mount.Builder m = Mount.builder().destination(path()).type(pick(List.of("bind", "tmpfs", "proc"))).source(path())
                .options(list(() -> pick(List.of("ro", "nosuid", "rbind", "mode=755"))));
        if (maybe()) {
            m.uidMappings(list(this::idMapping)).gidMappings(list(this::idMapping));
        }
        return m.build();
    }

    private LinuxIdMapping idMapping() {
        return LinuxIdMapping.builder().containerID(u32()).hostID(u32()).size(1 + r.nextInt(65536)).build();
    }

    private Hook hook() {
        Hook.Builder h = Hook.builder().path(path()).args(list(this::word)).env(list(() -> word() + "=" + word()));
        if (maybe()) {
            h.timeout(1 + r.nextInt(100));
        }
        return h.build();
    }

    Linux linux() {
        Linux.Builder l = Linux.builder();
        if (maybe()) {
            l.uidMappings(list(this::idMapping)).gidMappings(list(this::idMapping));
        }
        if (maybe()) {
            l.putSysctl("net.ipv4.ip_forward", "1").putSysctl("net.core.somaxconn", "256");
        }
        if (maybe()) {
            l.resources(resources());
        }
        if (maybe()) {
            l.cgroupsPath(path());
        }
        if (maybe()) {
            l.namespaces(List.of(LinuxNamespace.builder().type(LinuxNamespaceType.PID).build(),
                    LinuxNamespace.builder().type(LinuxNamespaceType.NETWORK).path("/var/run/netns/" + word().replaceAll("[^a-z]", "")).build(),
                    LinuxNamespace.builder().type(LinuxNamespaceType.TIME).build()));
        }
        if (maybe()) {
            l.devices(list(() -> LinuxDevice.builder().path(path()).type(pick(List.of("c", "b", "u", "p")))
                    .major(r.nextInt(300)).minor(r.nextInt(300)).fileMode(0666).uid(u32()).gid(u32()).build()));
        }
        if (maybe()) {
            l.seccomp(seccomp());
        }
        if (maybe()) {
            l.rootfsPropagation(pick(List.of("private", "shared", "slave", "unbindable")));
        }
        if (maybe()) {
            l.maskedPaths(list(this::path)).readonlyPaths(list(this::path));
        }
        if (maybe()) {
            l.mountLabel("system_u:object_r:svirt_sandbox_file_t:s0:c715,c811");
        }
        if (maybe()) {
            l.intelRdt(LinuxIntelRdt.builder().closID(word()).schemata("L3:0=ffff0;1=3ff").l3CacheSchema("L3:0=ffff0;1=3ff")
                    .memBwSchema("MB:0=20;1=70").enableCMT(maybe()).enableMBM(maybe()).build());
        }
        if (maybe()) {
            l.personality(LinuxPersonality.builder().domain(LinuxPersonalityDomain.LINUX32).build());
        }
        if (maybe()) {
            l.putTimeOffset("monotonic", LinuxTimeOffset.builder().secs(i64()).nanosecs(u32() % 1_000_000_000L).build())
                    .putTimeOffset("boottime", LinuxTimeOffset.builder().secs(-86400).build());
        }
        return l.build();
    }

    private LinuxResources resources() {
        LinuxResources.Builder res = LinuxResources.builder()
                .devices(List.of(LinuxDeviceCgroup.builder().allow(false).access("rwm").build(),
                        LinuxDeviceCgroup.builder().allow(true).type("c").major(10).minor(229).access("rw").build()));
        if (maybe()) {
            res.memory(LinuxMemory.builder().limit(i64()).reservation(i64()).swap(i64()).kernel(i64()).kernelTCP(i64())
                    .swappiness(r.nextInt(101)).disableOOMKiller(maybe()).useHierarchy(maybe()).checkBeforeUpdate(maybe()).build());
        }
        if (maybe()) {
            res.cpu(LinuxCpu.builder().shares(u64()).quota(i64()).burst(u64()).period(u64()).realtimeRuntime(i64())
                    .realtimePeriod(u64()).cpus("2-3").mems("0-7").idle(r.nextInt(2)).build());
        }
        if (maybe()) {
            res.pids(LinuxPids.builder().limit(i64()).build());
        }
        if (maybe()) {
            res.blockIO(LinuxBlockIo.builder().weight(10 + r.nextInt(990)).leafWeight(10 + r.nextInt(990))
                    .weightDevice(list(() -> LinuxWeightDevice.builder().major(8).minor(r.nextInt(16)).weight(500).leafWeight(300).build()))
                    .throttleReadBpsDevice(list(this::throttle)).throttleWriteBpsDevice(list(this::throttle))
                    .throttleReadIOPSDevice(list(this::throttle)).throttleWriteIOPSDevice(list(this::throttle)).build());
        }
        if (maybe()) {
            res.hugepageLimits(List.of(LinuxHugepageLimit.builder().pageSize("2MB").limit(u64()).build(),
                    LinuxHugepageLimit.builder().pageSize("1GB").limit(u64()).build()));
        }
        if (maybe()) {
            res.network(LinuxNetwork.builder().classID(u32())
                    .priorities(list(() -> LinuxInterfacePriority.builder().name("eth" + r.nextInt(4)).priority(u32()).build())).build());
        }
        if (maybe()) {
            res.putRdma("mlx5_" + r.nextInt(4), LinuxRdma.builder().hcaHandles(u32()).hcaObjects(u32()).build());
        }
        if (maybe()) {
            res.putUnified("memory.high", "1073741824").putUnified("io.weight", "default 100");
        }
        return res.build();
    }

    private LinuxThrottleDevice throttle() {
        return LinuxThrottleDevice.builder().major(8).minor(r.nextInt(16)).rate(u64()).build();
    }

    private LinuxSeccomp seccomp() {
        return LinuxSeccomp.builder()
                .defaultAction(pick(List.of(LinuxSeccompAction.ALLOW, LinuxSeccompAction.ERRNO, LinuxSeccompAction.KILL_PROCESS)))
                .defaultErrnoRet(1 + r.nextInt(133)) // Go uint, but the schema caps errno at uint32
                .architectures(List.of(LinuxSeccompArch.X86_64, LinuxSeccompArch.X86, LinuxSeccompArch.AARCH64))
                .flags(List.of(LinuxSeccompFlag.LOG, LinuxSeccompFlag.SPEC_ALLOW, LinuxSeccompFlag.WAIT_KILLABLE_RECV))
                .listenerPath("/run/seccomp-agent.socket")
                .listenerMetadata(word())
                .syscalls(list(() -> LinuxSyscall.builder().names(list(() -> pick(List.of("getcwd", "chmod", "personality"))))
                        .action(pick(List.of(LinuxSeccompAction.ERRNO, LinuxSeccompAction.ALLOW, LinuxSeccompAction.NOTIFY)))
                        .errnoRet(1 + r.nextInt(133))
                        .args(list(() -> LinuxSeccompArg.builder().index(r.nextInt(6)).value(u64()).valueTwo(u64())
                                .op(pick(List.of(LinuxSeccompOperator.MASKED_EQUAL, LinuxSeccompOperator.EQUAL_TO))).build()))
                        .build()))
                .build();
    }

    private Windows windows() {
        Windows.Builder w = Windows.builder().layerFolders(list(() -> "C:\\Layers\\" + word()))
                .devices(List.of(WindowsDevice.builder().id("24E552F6-3CE5-4A07-9B80-26CE7D13A6E8").idType("class").build()))
                .resources(WindowsResources.builder()
                        .memory(WindowsMemoryResources.builder().limit(u64()).build())
                        .cpu(WindowsCpuResources.builder().count(u64()).shares(r.nextInt(10001)).maximum(r.nextInt(10001)).build())
                        .storage(WindowsStorageResources.builder().iops(u64()).bps(u64()).sandboxSize(u64()).build())
                        .build())
                .servicing(maybe()).ignoreFlushesDuringBoot(maybe())
                .network(WindowsNetwork.builder().endpointList(list(this::word)).allowUnqualifiedDnsQuery(maybe())
                        .dnsSearchList(List.of("a.com", "corp.a.com")).networkSharedContainerName(word()).networkNamespace(word()).build());
        if (maybe()) {
            w.credentialSpec("{\"CmsVersion\":1,\"DomainJoinConfig\":{\"Sid\":\"S-1-5-21\"},\"list\":[1,2.5,null,true]}");
        }
        if (maybe()) {
            w.hyperv(WindowsHyperV.builder().utilityVmPath("C:\\path\\to\\utilityvm").build());
        }
        return w.build();
    }

    State state() {
        State.Builder s = State.builder().ociVersion("1.2.0").id(word().replaceAll("[^a-z]", "") + "c")
                .status(pick(List.of(ContainerStatus.CREATING, ContainerStatus.CREATED, ContainerStatus.RUNNING, ContainerStatus.STOPPED)))
                .bundle(path());
        if (maybe()) {
            s.pid(1 + r.nextInt(1 << 22));
        }
        if (maybe()) {
            s.putAnnotation("org.example." + word(), word());
        }
        return s.build();
    }

    Features features() {
        return Features.builder().ociVersionMin("1.0.0").ociVersionMax("1.2.0")
                .hooks(List.of("prestart", "createRuntime", "poststop")).mountOptions(list(this::word))
                .linux(FeaturesLinux.builder().namespaces(List.of("cgroup", "ipc", "time")).capabilities(List.of("CAP_CHOWN"))
                        .cgroup(FeaturesCgroup.builder().v1(maybe()).v2(maybe()).systemd(maybe()).systemdUser(maybe()).rdma(maybe()).build())
                        .seccomp(FeaturesSeccomp.builder().enabled(maybe()).actions(List.of("SCMP_ACT_ALLOW")).operators(List.of("SCMP_CMP_EQ"))
                                .archs(List.of("SCMP_ARCH_X86_64")).knownFlags(List.of("SECCOMP_FILTER_FLAG_LOG"))
                                .supportedFlags(List.of("SECCOMP_FILTER_FLAG_LOG")).build())
                        .apparmor(FeaturesApparmor.builder().enabled(maybe()).build())
                        .selinux(FeaturesSelinux.builder().enabled(maybe()).build())
                        .intelRdt(FeaturesIntelRdt.builder().enabled(maybe()).build())
                        .mountExtensions(FeaturesMountExtensions.builder().idmap(FeaturesIdMap.builder().enabled(maybe()).build()).build())
                        .build())
                .putAnnotation("org.opencontainers.runc.version", "1.2.0")
                .potentiallyUnsafeConfigAnnotations(List.of("com.example.", "org.example.x"))
                .build();
    }
}
