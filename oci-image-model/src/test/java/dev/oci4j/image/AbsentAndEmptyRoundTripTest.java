package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Absent and empty follow one rule per member, and a round trip keeps what was read: for every list
 * and map member of the image model, and every string member Go leaves out when empty, a document
 * with the member absent, null, empty or filled reads to a value that writes and reads back equal,
 * and writes the same bytes again.
 */
class AbsentAndEmptyRoundTripTest {

    private static final String SHA = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    private static final String D = "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2}";
    private static final String ROOTFS = "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}";
    private static final String PLATFORM = "\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"@}";

    /** One member: '@' in the template is replaced by nothing or by {@code ,"key":value}. */
    private record Member(ImageDocument<?> kind, String name, String key, String template, String empty,
            String filled) {
        @Override
        public String toString() {
            return kind.name() + " " + name;
        }
    }

    private static final List<Member> COLLECTIONS = List.of(
            // No omitempty in Go: REQUIRED members that a parsed document may still lack.
            new Member(ImageDocument.MANIFEST, "layers", "layers", "{\"schemaVersion\":2,\"config\":" + D + "@}",
                    "[]", "[" + D + "]"),
            new Member(ImageDocument.INDEX, "manifests", "manifests", "{\"schemaVersion\":2@}", "[]", "[" + D + "]"),
            new Member(ImageDocument.CONFIGURATION, "rootfs/diff_ids", "diff_ids",
                    "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\"@}}", "[]",
                    "[\"" + SHA + "\"]"),
            // omitempty in Go.
            new Member(ImageDocument.MANIFEST, "annotations", "annotations",
                    "{\"schemaVersion\":2,\"config\":" + D + ",\"layers\":[]@}", "{}", "{\"a\":\"b\"}"),
            new Member(ImageDocument.MANIFEST, "layers/0/urls", "urls",
                    "{\"schemaVersion\":2,\"config\":" + D + ",\"layers\":[" + D.replace("}", "@}") + "]}", "[]",
                    "[\"https://example.com/x\"]"),
            new Member(ImageDocument.MANIFEST, "config/annotations", "annotations",
                    "{\"schemaVersion\":2,\"config\":" + D.replace("}", "@}") + ",\"layers\":[]}", "{}",
                    "{\"a\":\"b\"}"),
            new Member(ImageDocument.MANIFEST, "subject/annotations", "annotations",
                    "{\"schemaVersion\":2,\"config\":" + D + ",\"layers\":[],\"subject\":" + D.replace("}", "@}")
                            + "}", "{}", "{\"a\":\"b\"}"),
            new Member(ImageDocument.INDEX, "annotations", "annotations", "{\"schemaVersion\":2,\"manifests\":[]@}",
                    "{}", "{\"a\":\"b\"}"),
            new Member(ImageDocument.INDEX, "manifests/0/platform/os.features", "os.features",
                    "{\"schemaVersion\":2,\"manifests\":[" + D.replace("}", "," + PLATFORM + "}") + "]}", "[]",
                    "[\"win32k\"]"),
            new Member(ImageDocument.INDEX, "manifests/0/platform/features", "features",
                    "{\"schemaVersion\":2,\"manifests\":[" + D.replace("}", "," + PLATFORM + "}") + "]}", "[]",
                    "[\"sse4\"]"),
            new Member(ImageDocument.DESCRIPTOR, "urls", "urls", D.replace("}", "@}"), "[]",
                    "[\"https://example.com/x\"]"),
            new Member(ImageDocument.DESCRIPTOR, "annotations", "annotations", D.replace("}", "@}"), "{}",
                    "{\"a\":\"b\"}"),
            new Member(ImageDocument.CONFIGURATION, "os.features", "os.features",
                    "{\"architecture\":\"amd64\",\"os\":\"linux\"," + ROOTFS + "@}", "[]", "[\"win32k\"]"),
            new Member(ImageDocument.CONFIGURATION, "history", "history",
                    "{\"architecture\":\"amd64\",\"os\":\"linux\"," + ROOTFS + "@}", "[]",
                    "[{\"created_by\":\"x\",\"empty_layer\":true}]"),
            new Member(ImageDocument.CONFIGURATION, "config/Env", "Env", config(), "[]", "[\"A=1\"]"),
            new Member(ImageDocument.CONFIGURATION, "config/Entrypoint", "Entrypoint", config(), "[]", "[\"/bin/sh\"]"),
            new Member(ImageDocument.CONFIGURATION, "config/Cmd", "Cmd", config(), "[]", "[\"-c\",\"true\"]"),
            new Member(ImageDocument.CONFIGURATION, "config/ExposedPorts", "ExposedPorts", config(), "{}",
                    "{\"80/tcp\":{}}"),
            new Member(ImageDocument.CONFIGURATION, "config/Volumes", "Volumes", config(), "{}", "{\"/data\":{}}"),
            new Member(ImageDocument.CONFIGURATION, "config/Labels", "Labels", config(), "{}", "{\"a\":\"b\"}"),
            new Member(ImageDocument.LAYOUT_HEADER, "an unknown member", "x", "{\"imageLayoutVersion\":\"1.0.0\"@}",
                    "[]", "{\"y\":[1,{}]}"));

    private static final List<Member> OMITEMPTY_STRINGS = List.of(
            new Member(ImageDocument.MANIFEST, "mediaType", "mediaType",
                    "{\"schemaVersion\":2,\"config\":" + D + ",\"layers\":[]@}", "\"\"", "\"x/y\""),
            new Member(ImageDocument.MANIFEST, "artifactType", "artifactType",
                    "{\"schemaVersion\":2,\"config\":" + D + ",\"layers\":[]@}", "\"\"", "\"x/y\""),
            new Member(ImageDocument.INDEX, "mediaType", "mediaType", "{\"schemaVersion\":2,\"manifests\":[]@}",
                    "\"\"", "\"x/y\""),
            new Member(ImageDocument.INDEX, "artifactType", "artifactType", "{\"schemaVersion\":2,\"manifests\":[]@}",
                    "\"\"", "\"x/y\""),
            new Member(ImageDocument.DESCRIPTOR, "artifactType", "artifactType", D.replace("}", "@}"), "\"\"",
                    "\"x/y\""),
            new Member(ImageDocument.DESCRIPTOR, "platform/os.version", "os.version",
                    D.replace("}", "," + PLATFORM + "}"), "\"\"", "\"10.0.1\""),
            new Member(ImageDocument.DESCRIPTOR, "platform/variant", "variant", D.replace("}", "," + PLATFORM + "}"),
                    "\"\"", "\"v8\""));

    private static String config() {
        return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"1\"@}," + ROOTFS + "}";
    }

    static Stream<Arguments> collections() {
        return variants(COLLECTIONS);
    }

    static Stream<Arguments> omitemptyStrings() {
        return variants(OMITEMPTY_STRINGS);
    }

    private static Stream<Arguments> variants(List<Member> members) {
        List<Arguments> out = new ArrayList<>();
        for (Member m : members) {
            out.add(Arguments.of(m, "absent", ""));
            out.add(Arguments.of(m, "null", "null"));
            out.add(Arguments.of(m, "empty", m.empty()));
            out.add(Arguments.of(m, "filled", m.filled()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("collections")
    void everyListAndMapMemberRoundTrips(Member member, String variant, String value) {
        assertRoundTrip(member, value);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("omitemptyStrings")
    void everyOmitemptyStringRoundTrips(Member member, String variant, String value) {
        assertRoundTrip(member, value);
    }

    private static <T> void assertRoundTrip(Member member, String value) {
        String text = member.template().replace("@", value.isEmpty() ? "" : ",\"" + member.key() + "\":" + value);
        @SuppressWarnings("unchecked")
        ImageDocument<T> kind = (ImageDocument<T>) member.kind();

        T read = ImageJson.read(kind, text.getBytes(StandardCharsets.UTF_8));
        byte[] written = ImageJson.encode(kind, read).bytes();
        T reread = ImageJson.read(kind, written);

        assertThat(reread).as("%s\nwritten as %s", text, new String(written, StandardCharsets.UTF_8)).isEqualTo(read);
        assertThat(ImageJson.encode(kind, reread).bytes()).isEqualTo(written);
    }
}
