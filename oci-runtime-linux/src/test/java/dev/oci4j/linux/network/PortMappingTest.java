package dev.oci4j.linux.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code -p} syntax as docker run writes it, and garbage refused with a message naming it. */
class PortMappingTest {

    @Test
    void parsesDockerRunSyntax() {
        assertThat(PortMapping.parse("8080:80")).isEqualTo(PortMapping.tcp(8080, 80));
        assertThat(PortMapping.parse("80")).isEqualTo(PortMapping.tcp(0, 80));
        assertThat(PortMapping.parse("5353:53/udp")).isEqualTo(new PortMapping(5353, 53, "udp"));
        assertThat(PortMapping.parse("5353:53/TCP").protocol()).isEqualTo("tcp");
        assertThat(PortMapping.parse("8080:80")).hasToString("8080:80/tcp");
        assertThat(PortMapping.tcp(0, 80).withHostPort(40000).hostPort()).isEqualTo(40000);
    }

    @Test
    void refusesWhatItCannotPublish() {
        assertThatThrownBy(() -> PortMapping.parse("127.0.0.1:8080:80")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1:8080:80").hasMessageContaining("host address");
        assertThatThrownBy(() -> PortMapping.parse("80:0")).hasMessageContaining("container port 0");
        assertThatThrownBy(() -> PortMapping.parse("70000:80")).hasMessageContaining("host port 70000");
        assertThatThrownBy(() -> PortMapping.parse("80/sctp")).hasMessageContaining("sctp");
        assertThatThrownBy(() -> PortMapping.parse("http")).hasMessageContaining("\"http\"");
        assertThatThrownBy(() -> PortMapping.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbageIsAnIllegalArgumentNeverAnotherException() {
        Random r = new Random(14);
        String alphabet = "0123456789:/tcpud -+x\u0000\u00e9";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                PortMapping m = PortMapping.parse(b.toString());
                assertThat(m.containerPort()).isBetween(1, 65535);
                assertThat(m.hostPort()).isBetween(0, 65535);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
