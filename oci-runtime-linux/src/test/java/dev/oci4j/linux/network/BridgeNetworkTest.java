package dev.oci4j.linux.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no root: names checked before anything is made, and removal of what is not there. */
class BridgeNetworkTest {

    @TempDir
    Path dir;

    @Test
    void aNameMustBeAnInterfaceName() {
        for (String bad : List.of("", "UPPER", "sixteen-chars-xx", "a b", "-lead", "bridge/0")) {
            assertThatThrownBy(() -> BridgeNetwork.create(bad, dir.resolve("n"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + bad + "\"");
        }
        assertThat(dir.resolve("n")).doesNotExist();
    }

    @Test
    void removingWhatIsNotThereSucceeds() throws IOException {
        BridgeNetwork.remove(dir.resolve("never-made"));
        Path empty = Files.createDirectories(dir.resolve("empty/attachments"));
        BridgeNetwork.remove(empty.getParent());
        assertThat(empty.getParent()).doesNotExist();
    }
}
