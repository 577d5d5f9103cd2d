package dev.oci4j.distribution.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost made by the JDK's own keytool (the one running
 * the tests, so nothing to install), written as PEM files the way openssl writes them.
 */
final class SelfSignedCertificate {

    final Path certificate;
    final Path pkcs8Key;
    final PrivateKey key;

    private SelfSignedCertificate(Path certificate, Path pkcs8Key, PrivateKey key) {
        this.certificate = certificate;
        this.pkcs8Key = pkcs8Key;
        this.key = key;
    }

    /** {@code keyAlg} is {@code RSA} or {@code EC}. */
    static SelfSignedCertificate create(Path dir, String keyAlg) throws IOException {
        Files.createDirectories(dir);
        Path store = dir.resolve("store.p12");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", keyAlg, "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        if (keyAlg.equals("RSA")) {
            cmd.addAll(List.of("-keysize", "2048"));
        } else {
            cmd.addAll(List.of("-groupname", "secp256r1"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, "changeit".toCharArray());
            }
            PrivateKey key = (PrivateKey) ks.getKey("server", "changeit".toCharArray());
            Certificate cert = ks.getCertificate("server");
            Path certFile = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
            Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return new SelfSignedCertificate(certFile, keyFile, key);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The RSA key as PKCS#1 ({@code RSA PRIVATE KEY}): the octet string inside the PKCS#8 structure. */
    Path pkcs1Key(Path file) throws IOException {
        byte[] der = key.getEncoded();
        List<byte[]> parts = elements(contents(der, 0));
        return Files.writeString(file, pem("RSA PRIVATE KEY", contents(parts.get(2), 0)));
    }

    /** The EC key as SEC1 ({@code EC PRIVATE KEY}) naming its curve, as {@code openssl ecparam -genkey} writes. */
    Path sec1Key(Path file) throws IOException {
        List<byte[]> parts = elements(contents(key.getEncoded(), 0));
        byte[] curveOid = elements(contents(parts.get(1), 0)).get(1);
        List<byte[]> inner = elements(contents(contents(parts.get(2), 0), 0));   // version, key[, ...]
        ByteArrayOutputStream sec1 = new ByteArrayOutputStream();
        sec1.writeBytes(inner.get(0));
        sec1.writeBytes(inner.get(1));
        sec1.writeBytes(tlv(0xa0, curveOid));
        return Files.writeString(file, pem("EC PRIVATE KEY", tlv(0x30, sec1.toByteArray())));
    }

    /** A java.net.http client trusting this certificate alone. */
    HttpClient client() throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(certificate)) {
                trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ctx).build();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    // A few lines of DER, enough to take keys apart.

    private static int headerLength(byte[] b, int pos) {
        int first = b[pos + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int length(byte[] b, int pos) {
        int first = b[pos + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = len << 8 | b[pos + 2 + i] & 0xff;
        }
        return len;
    }

    private static byte[] contents(byte[] b, int pos) {
        int start = pos + headerLength(b, pos);
        return Arrays.copyOfRange(b, start, start + length(b, pos));
    }

    /** The whole elements (tag and length included) one after another in {@code b}. */
    private static List<byte[]> elements(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        for (int pos = 0; pos < b.length; ) {
            int end = pos + headerLength(b, pos) + length(b, pos);
            out.add(Arrays.copyOfRange(b, pos, end));
            pos = end;
        }
        return out;
    }

    static byte[] tlv(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (contents.length < 0x80) {
            out.write(contents.length);
        } else if (contents.length < 0x100) {
            out.write(0x81);
            out.write(contents.length);
        } else {
            out.write(0x82);
            out.write(contents.length >> 8);
            out.write(contents.length);
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }
}
