package dev.oci4j.linux.internal.cli;

/** runc, the reference runtime: the default when it is installed. */
public final class RuncProvider extends CliRuntimeProvider {

    @Override
    public String name() {
        return "runc";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    protected boolean refusesHybridCgroups() {
        return false;
    }
}
