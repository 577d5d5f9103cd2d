package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oci registry serve} through the packaged jar: it serves, logs one line per request, and stops on SIGTERM. */
class RegistryServeJarIT {

    @TempDir
    Path dir;

    @Test
    void servesUntilStoppedAndLogsEachRequest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String jar = System.getProperty("oci.jar", "target/oci.jar");
        assertThat(Path.of(jar)).as("the packaged command").exists();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "registry", "serve", "--listen", "127.0.0.1:" + port, "--storage", dir.resolve("storage").toString())
                .redirectError(dir.resolve("err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> r = null;
            for (int i = 0; i < 200 && r == null; i++) {
                try {
                    r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(50);
                }
            }
            assertThat(r).isNotNull();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(out.readLine()).matches("GET /v2/ 200 2 \\d+ms");
            assertThat(Files.readString(dir.resolve("err"))).contains("listening on http://127.0.0.1:" + port);
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.isDirectory(dir.resolve("storage/_uploads"))).isTrue();
        assertThat(List.of(p.exitValue())).first().isIn(0, 143);
    }

    /** A self-signed certificate for 127.0.0.1 from the JDK's keytool, as PEM files; returns a client trusting it. */
    private HttpClient selfSigned(Path cert, Path key) throws Exception {
        Path store = dir.resolve("tls.p12");
        Process k = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(k.waitFor(60, TimeUnit.SECONDS) && k.exitValue() == 0).as(() -> read(dir.resolve("keytool.log"))).isTrue();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'});
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(ks.getCertificate("s").getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(ks.getKey("s", "changeit".toCharArray())
                .getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("s", ks.getCertificate("s"));
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void servesHttpsWithTokenAuthFromAnHtpasswdFile() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        HttpClient client = selfSigned(cert, key);
        Path htpasswd = Files.writeString(dir.resolve("htpasswd"),
                dev.oci4j.distribution.server.Htpasswd.entry("alice", "s3cret") + "\n");
        String jar = System.getProperty("oci.jar", "target/oci.jar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "registry", "serve", "--listen", "127.0.0.1:" + port, "--memory", "--htpasswd", htpasswd.toString(),
                "--token-auth", "--tls-cert", cert.toString(), "--tls-key", key.toString())
                .redirectError(dir.resolve("err").toFile()).start();
        String base = "https://127.0.0.1:" + port;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            HttpResponse<String> ping = null;
            for (int i = 0; i < 200 && ping == null; i++) {
                try {
                    ping = client.send(HttpRequest.newBuilder(URI.create(base + "/v2/")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(50);
                }
            }
            assertThat(ping).isNotNull();
            assertThat(ping.statusCode()).isEqualTo(401);
            assertThat(ping.headers().firstValue("WWW-Authenticate")).hasValue(
                    "Bearer realm=\"" + base + "/token\",service=\"oci4j-registry\"");
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(base + "/token?service=oci4j-registry"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "alice:s3cret".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
            String t = token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> authed = client.send(HttpRequest.newBuilder(URI.create(base + "/v2/"))
                    .header("Authorization", "Bearer " + t).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(authed.statusCode()).isEqualTo(200);
            assertThat(out.readLine()).matches("GET /v2/ 401 \\d+ \\d+ms");
            assertThat(out.readLine()).matches("GET /token 200 \\d+ \\d+ms");
            assertThat(out.readLine()).matches("GET /v2/ 200 2 \\d+ms");
            assertThat(Files.readString(dir.resolve("err"))).contains("listening on " + base)
                    .contains("bearer tokens from /token for the users of " + htpasswd);
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
