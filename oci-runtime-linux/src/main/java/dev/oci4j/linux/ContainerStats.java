package dev.oci4j.linux;

import java.util.OptionalLong;

/**
 * A container's resource use, read from its cgroup (v1 or v2): memory in use and its limit, CPU
 * time consumed, and the number of processes. A snapshot; read again for fresh numbers.
 */
public final class ContainerStats {

    private final long memoryBytes;
    private final OptionalLong memoryLimit;
    private final long cpuNanos;
    private final long pids;

    /**
     * A snapshot of a container's resource use.
     *
     * @param memoryBytes memory charged to the container, in bytes
     * @param memoryLimit the memory limit in bytes, empty when there is none
     * @param cpuNanos CPU time consumed, user and system, in nanoseconds
     * @param pids the number of processes (tasks)
     */
    public ContainerStats(long memoryBytes, OptionalLong memoryLimit, long cpuNanos, long pids) {
        this.memoryBytes = memoryBytes;
        this.memoryLimit = memoryLimit;
        this.cpuNanos = cpuNanos;
        this.pids = pids;
    }

    /**
     * {@return memory charged to the container in bytes, page cache included (v1 memory.usage_in_bytes, v2
     * memory.current)}
     */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** {@return the memory limit in bytes; empty when there is none} */
    public OptionalLong memoryLimit() {
        return memoryLimit;
    }

    /**
     * {@return CPU time in nanoseconds consumed by all its processes, user and system (v1 cpuacct.usage, v2
     * cpu.stat usage_usec)}
     */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** {@return the number of processes (tasks) in the container (pids.current)} */
    public long pids() {
        return pids;
    }

    @Override
    public String toString() {
        return "ContainerStats{memory=" + memoryBytes + (memoryLimit.isPresent() ? "/" + memoryLimit.getAsLong() : "")
                + ", cpuNanos=" + cpuNanos + ", pids=" + pids + "}";
    }
}
