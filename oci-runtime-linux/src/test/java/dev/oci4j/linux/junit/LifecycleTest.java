package dev.oci4j.linux.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A static container lives as long as its class; an instance one as long as its test. */
@OciContainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleTest {

    static final List<String> SHARED = new ArrayList<>();
    static final List<String> EACH = new ArrayList<>();

    @Container
    static OciContainer shared = OciContainer.fromLayout(TestImages.busybox(), "busybox").command("sleep", "120");

    @Container
    OciContainer each = OciContainer.fromLayout(TestImages.busybox(), "busybox").command("sleep", "120");

    @BeforeAll
    static void checkMachine() {
        TestEnvironment.requireRoot("running containers");
    }

    @Test
    @Order(1)
    void first() {
        SHARED.add(shared.id());
        EACH.add(each.id());
        assertThat(shared.isStarted()).isTrue();
        assertThat(each.isStarted()).isTrue();
    }

    @Test
    @Order(2)
    void second() {
        SHARED.add(shared.id());
        EACH.add(each.id());
        assertThat(SHARED).containsExactly(SHARED.get(0), SHARED.get(0));
        assertThat(EACH.get(1)).isNotEqualTo(EACH.get(0));
        // The first test's container is gone with its test: no bundle left in the session.
        String first = EACH.get(0);
        assertThat(Session.base().resolve(first.split("-")[1]).resolve("bundles").resolve(first)).doesNotExist();
        assertThat(Path.of(Session.base().toString(), first.split("-")[1], "bundles", shared.id())).exists();
    }
}
