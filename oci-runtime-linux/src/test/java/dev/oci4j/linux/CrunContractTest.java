package dev.oci4j.linux;

/** The runtime contract against crun (on a hybrid cgroup host, with the cgroup2 mount hidden from it). */
class CrunContractTest extends ContainerRuntimeContract {

    @Override
    protected String backend() {
        return "crun";
    }
}
