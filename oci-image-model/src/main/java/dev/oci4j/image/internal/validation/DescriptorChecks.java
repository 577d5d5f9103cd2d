package dev.oci4j.image.internal.validation;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.internal.validation.Findings;
import java.util.List;
import java.util.Locale;

/** The cross-field rules of a descriptor (descriptor.md) and of an index entry's platform. */
final class DescriptorChecks {

    private static final Digest EMPTY_DIGEST =
            Digest.parse("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");

    private DescriptorChecks() {
    }

    static void check(Descriptor d, String at, Findings findings) {
        List<String> urls = d.urls();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
            if (Grammars.isUri(url) && !scheme.equals("http") && !scheme.equals("https")) {
                findings.add(Rules.DESCRIPTOR_URL_SCHEME, at + "/urls/" + i,
                        "expected an http or https URL, found scheme \"" + scheme + "\"");
            }
        }
        d.data().ifPresent(data -> checkData(d, data, at, findings));
        if (d.mediaType().filter(MediaType.OCI_EMPTY::equals).isPresent()
                && (d.size() != 2 || !d.digest().equals(EMPTY_DIGEST))) {
            findings.add(Rules.DESCRIPTOR_EMPTY_CONTENT, at, "a descriptor of type " + MediaType.OCI_EMPTY
                    + " should reference {} (size 2, digest " + EMPTY_DIGEST + "), found size " + d.size()
                    + " and digest " + d.digest());
        }
        AnnotationChecks.check(d.annotations(), at + "/annotations", findings);
        d.platform().ifPresent(p -> checkPlatform(p, at + "/platform", findings));
    }

    private static void checkData(Descriptor d, byte[] data, String at, Findings findings) {
        if (data.length != d.size()) {
            findings.add(Rules.DESCRIPTOR_DATA_SIZE, at + "/data", "embedded data decodes to " + data.length
                    + " bytes, but size says " + d.size());
            // A different length cannot have the same digest; one violation says it all.
            return;
        }
        Digest digest = d.digest();
        if (digest.isVerifiable()) {
            Digest actual = Digest.of(digest.algorithm(), data);
            if (!actual.equals(digest)) {
                findings.add(Rules.DESCRIPTOR_DATA_DIGEST, at + "/data", "embedded data has digest " + actual
                        + ", but digest says " + digest);
            }
        }
    }

    static void checkPlatform(Platform p, String at, Findings findings) {
        String arch = p.architecture();
        if (arch != null && !arch.isBlank() && !Grammars.GOARCH.contains(arch)) {
            findings.add(Rules.PLATFORM_ARCHITECTURE_UNKNOWN, at + "/architecture",
                    "expected a GOARCH value such as amd64 or arm64, found \"" + arch + "\"");
        }
        String os = p.os();
        if (os != null && !os.isBlank() && !Grammars.GOOS.contains(os)) {
            findings.add(Rules.PLATFORM_OS_UNKNOWN, at + "/os",
                    "expected a GOOS value such as linux or windows, found \"" + os + "\"");
        }
        if (!p.features().isEmpty()) {
            findings.add(Rules.PLATFORM_FEATURES_RESERVED, at + "/features",
                    "platform features is reserved for future versions of the spec, found " + p.features());
        }
    }
}
