package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files: RSA and EC keys as PKCS#8, PKCS#1 and SEC1; java.net.http and skopeo as clients. */
class TlsTest {

    @TempDir
    Path dir;

    static int get(HttpClient client, URI uri) throws IOException {
        try {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void servesHttpsWithAnRsaKeyAsPkcs8OrPkcs1() throws IOException {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir.resolve("rsa"), "RSA");
        for (Path key : new Path[] {cert.pkcs8Key, cert.pkcs1Key(dir.resolve("rsa/pkcs1.pem"))}) {
            try (RegistryServer server = RegistryServer.builder().tls(cert.certificate, key).start()) {
                assertThat(server.isTls()).isTrue();
                assertThat(server.url().toString()).isEqualTo("https://127.0.0.1:" + server.port());
                assertThat(get(cert.client(), URI.create(server.url() + "/v2/"))).as(key.toString()).isEqualTo(200);
                // A client that does not trust the certificate is refused by its own TLS check.
                assertThatThrownBy(() -> get(HttpClient.newHttpClient(), URI.create(server.url() + "/v2/")))
                        .isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    @Test
    void servesHttpsWithAnEcKeyAsPkcs8OrSec1() throws IOException {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir.resolve("ec"), "EC");
        for (Path key : new Path[] {cert.pkcs8Key, cert.sec1Key(dir.resolve("ec/sec1.pem"))}) {
            try (RegistryServer server = RegistryServer.builder().tls(cert.certificate, key).start()) {
                assertThat(get(cert.client(), URI.create(server.url() + "/v2/"))).as(key.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void aKeyAndCertificateInOneFileWork() throws IOException {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir.resolve("rsa"), "RSA");
        Path both = Files.writeString(dir.resolve("both.pem"), Files.readString(cert.pkcs8Key) + Files.readString(cert.certificate));
        try (RegistryServer server = RegistryServer.builder().tls(both, both).start()) {
            assertThat(get(cert.client(), URI.create(server.url() + "/v2/"))).isEqualTo(200);
        }
    }

    @Test
    void badPemFilesFailTheStartNamingTheFileAndTheProblem() throws IOException {
        SelfSignedCertificate rsa = SelfSignedCertificate.create(dir.resolve("rsa"), "RSA");
        SelfSignedCertificate ec = SelfSignedCertificate.create(dir.resolve("ec"), "EC");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello\n");
        Path badBase64 = Files.writeString(dir.resolve("b64.pem"), "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
        Path notX509 = Files.writeString(dir.resolve("x509.pem"), SelfSignedCertificate.pem("CERTIFICATE", new byte[] {1, 2, 3}));
        Path encrypted = Files.writeString(dir.resolve("enc.pem"), SelfSignedCertificate.pem("ENCRYPTED PRIVATE KEY", new byte[] {1}));
        Path legacyEncrypted = Files.writeString(dir.resolve("legacy.pem"), "-----BEGIN RSA PRIVATE KEY-----\n"
                + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n");
        Path badKey = Files.writeString(dir.resolve("badkey.pem"), SelfSignedCertificate.pem("PRIVATE KEY", new byte[] {0x30, 0}));
        Path missing = dir.resolve("missing.pem");

        expectFailure(garbage, rsa.pkcs8Key, garbage + ": not a PEM file");
        expectFailure(badBase64, rsa.pkcs8Key, badBase64 + ": the CERTIFICATE block is not base64");
        expectFailure(notX509, rsa.pkcs8Key, notX509 + ": certificate 1 is not X.509");
        expectFailure(rsa.pkcs8Key, rsa.pkcs8Key, rsa.pkcs8Key + ": no -----BEGIN CERTIFICATE----- block");
        expectFailure(rsa.certificate, rsa.certificate, rsa.certificate + ": no private key block");
        expectFailure(rsa.certificate, encrypted, encrypted + ": the private key is encrypted");
        expectFailure(rsa.certificate, legacyEncrypted, legacyEncrypted + ": the private key is encrypted");
        expectFailure(rsa.certificate, badKey, badKey + ": the private key is not an unencrypted RSA, EC");
        expectFailure(rsa.certificate, ec.pkcs8Key, ec.pkcs8Key + ": the key does not belong to the first certificate of "
                + rsa.certificate);
        assertThatThrownBy(() -> RegistryServer.builder().tls(missing, rsa.pkcs8Key).start())
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
    }

    private static void expectFailure(Path cert, Path key, String message) {
        assertThatThrownBy(() -> RegistryServer.builder().tls(cert, key).start()).isInstanceOf(IOException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void skopeoPushesAndPullsOverTlsTrustingTheCertificateFromACertDir() throws IOException {
        TestEnvironment.requireTool("skopeo");
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir.resolve("tls"), "EC");
        Path certDir = Files.createDirectories(dir.resolve("certs.d"));
        Files.copy(cert.certificate, certDir.resolve("ca.crt"));
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        Files.writeString(root.resolve("f"), "over tls");
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(root).writeTo(src, "1");
        try (RegistryServer server = RegistryServer.builder().tls(cert.certificate, cert.pkcs8Key)
                .addUser("alice", "s3cret").bearerTokens(Duration.ofMinutes(1)).start()) {
            String remote = "docker://" + server.hostPort() + "/secure/app:1";
            // Verification on and no trust: refused.
            assertThat(Commands.run("skopeo", "copy", "--dest-creds", "alice:s3cret", "oci:" + src.root() + ":1", remote)
                    .exitCode()).isNotZero();
            // The token realm is https too, reached with the same trust.
            Commands.runOk("skopeo", "copy", "--dest-cert-dir", certDir.toString(), "--dest-creds", "alice:s3cret",
                    "oci:" + src.root() + ":1", remote);
            Commands.runOk("skopeo", "copy", "--src-cert-dir", certDir.toString(), "--src-creds", "alice:s3cret",
                    remote, "oci:" + dir.resolve("dst") + ":copy");
            Commands.runOk("skopeo", "inspect", "--tls-verify=false", "--creds", "alice:s3cret", remote);
        }
        assertThat(ImageLayout.open(dir.resolve("dst")).resolve("copy").orElseThrow().digest()).isEqualTo(built.digest());
    }
}
