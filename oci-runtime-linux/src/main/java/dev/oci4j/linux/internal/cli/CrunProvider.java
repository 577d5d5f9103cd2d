package dev.oci4j.linux.internal.cli;

/** crun: faster to start than runc; refuses hybrid cgroup hosts, which {@link CliContainerRuntime} works around. */
public final class CrunProvider extends CliRuntimeProvider {

    @Override
    public String name() {
        return "crun";
    }

    @Override
    public int priority() {
        return 90;
    }

    @Override
    protected boolean refusesHybridCgroups() {
        return true;
    }
}
