package dev.oci4j.distribution.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS server context from PEM files, as web servers take them: a certificate chain (leaf first) and
 * its private key as PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519), PKCS#1 ({@code RSA PRIVATE KEY}) or
 * SEC1 ({@code EC PRIVATE KEY}). Encrypted keys are refused: a server started unattended has no one to
 * type a passphrase. Every refusal names the file and what is wrong.
 */
final class PemTls {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private record Block(String type, String headers, byte[] der) {
    }

    private PemTls() {
    }

    static SSLContext context(Path certificateChain, Path privateKey) throws IOException {
        List<Certificate> chain = certificates(certificateChain);
        PrivateKey key = key(privateKey);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new IOException(privateKey + ": the key does not belong to the first certificate of " + certificateChain);
        }
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException(certificateChain + ", " + privateKey + ": cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text = new String(Htpasswd.readFile(file), StandardCharsets.ISO_8859_1);
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            String headers = "";
            int blank = body.indexOf("\n\n");
            if (body.contains(":") && blank >= 0) {   // RFC 1421 headers (Proc-Type, DEK-Info) before a blank line
                headers = body.substring(0, blank);
                body = body.substring(blank + 2);
            }
            try {
                out.add(new Block(m.group(1), headers, Base64.getDecoder().decode(body.replaceAll("\\s", ""))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": the " + m.group(1) + " block is not base64: " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": not a PEM file (no -----BEGIN ...----- block)");
        }
        return out;
    }

    static List<Certificate> certificates(Path file) throws IOException {
        List<Certificate> chain = new ArrayList<>();
        for (Block b : blocks(file)) {
            if (!b.type().equals("CERTIFICATE")) {
                continue;
            }
            try {
                chain.add(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(b.der())));
            } catch (CertificateException e) {
                throw new IOException(file + ": certificate " + (chain.size() + 1) + " is not X.509: " + e.getMessage(), e);
            }
        }
        if (chain.isEmpty()) {
            throw new IOException(file + ": no -----BEGIN CERTIFICATE----- block");
        }
        return chain;
    }

    static PrivateKey key(Path file) throws IOException {
        for (Block b : blocks(file)) {
            switch (b.type()) {
                case "PRIVATE KEY":
                    return pkcs8(file, b.der(), List.of("RSA", "EC", "Ed25519", "Ed448"));
                case "RSA PRIVATE KEY":
                    encryptedRefused(file, b);
                    return pkcs8(file, wrap(RSA_ALGORITHM, b.der()), List.of("RSA"));
                case "EC PRIVATE KEY":
                    encryptedRefused(file, b);
                    return pkcs8(file, wrapSec1(file, b.der()), List.of("EC"));
                case "ENCRYPTED PRIVATE KEY":
                    throw encrypted(file);
                default:
                    // certificates and parameters may share the file; the key is the block that matters
            }
        }
        throw new IOException(file + ": no private key block (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static void encryptedRefused(Path file, Block b) throws IOException {
        if (b.headers().contains("ENCRYPTED")) {
            throw encrypted(file);
        }
    }

    private static IOException encrypted(Path file) {
        return new IOException(file + ": the private key is encrypted; write it unencrypted"
                + " (openssl pkey -in KEY -out PLAIN) and keep the file readable only by the server's user");
    }

    private static PrivateKey pkcs8(Path file, byte[] der, List<String> algorithms) throws IOException {
        for (String alg : algorithms) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": the private key is not an unencrypted " + String.join(", ", algorithms)
                + " key this JDK reads");
    }

    /** PKCS#8 around a bare key: SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
        inner.writeBytes(algorithm);
        inner.writeBytes(tlv(0x04, key));
        return tlv(0x30, inner.toByteArray());
    }

    /** SEC1 names its curve in {@code [0]}; PKCS#8 wants it beside the algorithm's OID. */
    private static byte[] wrapSec1(Path file, byte[] sec1) throws IOException {
        try {
            Der seq = new Der(sec1, 0).enter(0x30);
            int p = seq.skip();              // version
            p = seq.at(p).skip();            // privateKey
            Der param = seq.at(p);
            if (param.tag() != 0xa0) {
                throw new IOException(file + ": the EC key does not name its curve; write it as PKCS#8"
                        + " (openssl pkcs8 -topk8 -nocrypt)");
            }
            byte[] curve = param.contents();
            return wrap(tlv(0x30, concat(EC_PUBLIC_KEY_OID, curve)), sec1);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException(file + ": the EC PRIVATE KEY block is not DER", e);
        }
    }

    /** Reads one DER element at a position: tag, length, contents. */
    private static final class Der {
        private final byte[] b;
        private final int pos;

        Der(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        int tag() {
            return b[pos] & 0xff;
        }

        private int lengthBytes() {
            int first = b[pos + 1] & 0xff;
            return first < 0x80 ? 1 : 1 + (first & 0x7f);
        }

        private int length() {
            int first = b[pos + 1] & 0xff;
            if (first < 0x80) {
                return first;
            }
            int n = first & 0x7f;
            if (n > 3) {
                throw new IllegalArgumentException("length too long");
            }
            int len = 0;
            for (int i = 0; i < n; i++) {
                len = len << 8 | b[pos + 2 + i] & 0xff;
            }
            return len;
        }

        int contentStart() {
            return pos + 1 + lengthBytes();
        }

        byte[] contents() {
            int start = contentStart();
            if (start + length() > b.length) {
                throw new IndexOutOfBoundsException("truncated");
            }
            return java.util.Arrays.copyOfRange(b, start, start + length());
        }

        /** The first element inside this one, which must have {@code tag}. */
        Der enter(int tag) {
            if (tag() != tag) {
                throw new IllegalArgumentException("expected tag " + tag + ", found " + tag());
            }
            return new Der(b, contentStart());
        }

        /** The position after this element. */
        int skip() {
            return contentStart() + length();
        }

        Der at(int position) {
            return new Der(b, position);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] tlv(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = contents.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    /** Signs with the key and verifies with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey pub) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();   // Ed25519, Ed448 sign as themselves
        };
        try {
            byte[] data = "oci4j".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(data);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(data);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
