package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd files with bcrypt entries, as {@code htpasswd -B} and docker-registry know them. */
class HtpasswdTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryBcryptVersionAndChecksPasswords() {
        String text = "# users\n\n"
                + "a:" + BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(4, "pa".toCharArray()) + "\n"
                + "b:" + BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, "pb".toCharArray()) + "\r\n"
                + "y:" + BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "py".toCharArray()) + "\n"
                // Another implementation's output: jBCrypt writes $2a$.
                + "j:" + org.mindrot.jbcrypt.BCrypt.hashpw("pj", org.mindrot.jbcrypt.BCrypt.gensalt(4)) + "\n"
                // A published test vector (OpenBSD's and John the Ripper's): "U*U" at cost 5.
                + "v:$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW\n"
                + "w:$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW\n";
        Htpasswd h = Htpasswd.parse(text);
        assertThat(h.users()).containsExactly("a", "b", "y", "j", "v", "w");
        assertThat(h.verify("a", "pa")).isTrue();
        assertThat(h.verify("b", "pb")).isTrue();
        assertThat(h.verify("y", "py")).isTrue();
        assertThat(h.verify("j", "pj")).isTrue();
        assertThat(h.verify("v", "U*U")).isTrue();
        assertThat(h.verify("w", "U*U")).isTrue();
        assertThat(h.verify("a", "pb")).isFalse();
        assertThat(h.verify("a", "")).isFalse();
        assertThat(h.verify("nobody", "pa")).isFalse();
    }

    @Test
    void entryWritesA2yLineThatOtherImplementationsAccept() {
        String line = Htpasswd.entry("alice", "wonderland");
        assertThat(line).matches("alice:\\$2y\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(Htpasswd.parse(line).verify("alice", "wonderland")).isTrue();
        // jBCrypt knows $2a$ only; the algorithm is the same.
        assertThat(org.mindrot.jbcrypt.BCrypt.checkpw("wonderland", line.substring(6).replace("$2y$", "$2a$"))).isTrue();
        assertThatThrownBy(() -> Htpasswd.entry("a:b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Htpasswd.entry("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsAreCutAt72BytesAsTheCLibraryDoes() {
        String long72 = "x".repeat(72);
        Htpasswd h = Htpasswd.parse(Htpasswd.entry("u", long72 + "tail"));
        assertThat(h.verify("u", long72)).isTrue();
        assertThat(h.verify("u", long72 + "other")).isTrue();
        assertThat(h.verify("u", "x".repeat(71))).isFalse();
    }

    @Test
    void otherHashKindsAndMalformedLinesAreRefusedNamingTheLine() {
        String good = Htpasswd.entry("ok", "x");
        assertThatThrownBy(() -> Htpasswd.parse(good + "\nbob:{SHA}fDYHuOYbzxlE6ehQOmYPIfS28/E=\n"))
                .hasMessageStartingWith("line 2: ").hasMessageContaining("\"bob\"").hasMessageContaining("SHA-1");
        assertThatThrownBy(() -> Htpasswd.parse("carol:$apr1$abc$def\n")).hasMessageContaining("line 1: ")
                .hasMessageContaining("$apr1$");
        assertThatThrownBy(() -> Htpasswd.parse("dave:plain\n")).hasMessageContaining("plain text");
        assertThatThrownBy(() -> Htpasswd.parse("\n\nno colon here\n")).hasMessageStartingWith("line 3: ");
        assertThatThrownBy(() -> Htpasswd.parse(":" + good.substring(3))).hasMessageStartingWith("line 1: ");
        assertThatThrownBy(() -> Htpasswd.parse("e:$2y$10$short\n")).hasMessageContaining("malformed bcrypt");
        assertThatThrownBy(() -> Htpasswd.parse("f:$2x$10$" + "a".repeat(53))).hasMessageContaining("not bcrypt");
        assertThatThrownBy(() -> Htpasswd.parse(good + "\n" + good)).hasMessageContaining("line 2: ")
                .hasMessageContaining("named twice");
    }

    @Test
    void readNamesTheFile() throws IOException {
        Path file = dir.resolve("htpasswd");
        Files.writeString(file, Htpasswd.entry("alice", "a") + "\n");
        assertThat(Htpasswd.read(file).verify("alice", "a")).isTrue();
        Files.writeString(file, "alice:{SHA}x\n");
        assertThatThrownBy(() -> Htpasswd.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": line 1: ");
        Files.write(file, new byte[] {'a', ':', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> Htpasswd.read(file)).hasMessage(file + ": not UTF-8 text");
        assertThatThrownBy(() -> Htpasswd.read(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void garbageIsRefusedWithAnIllegalArgumentExceptionOnly() {
        Random random = new Random(20260714);
        // Cost 4: each check of a cost-10 hash takes tens of milliseconds, by design.
        String good = "u:" + BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "p".toCharArray());
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
            for (int k = random.nextInt(4); k >= 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(128);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            try {
                Htpasswd h = Htpasswd.parse(text);
                // A mutated cost (up to 31: 2^31 rounds) would take hours; the salt and hash are what matter here.
                for (String user : text.contains("$04$") ? h.users() : java.util.Set.<String>of()) {
                    h.verify(user, "p");
                }
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).as(text).startsWith("line ");
            }
        }
    }
}
