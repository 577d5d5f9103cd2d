package dev.oci4j.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.validation.DocumentFormatException;
import dev.oci4j.validation.FormatReason;
import org.junit.jupiter.api.Test;

class DistributionJsonTest {

    private final DistributionJson json = DistributionJson.standard();

    @Test
    void errorDetailIsKeptAsRawJsonAndUnknownCodesAreKept() {
        // As docker-registry 2.8 answers a manifest GET for an unknown tag, plus a code of its own.
        String body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\","
                + "\"detail\":{\"Tag\":\"v9\"}},{\"code\":\"PAGINATION_NUMBER_INVALID\",\"message\":\"bad n\","
                + "\"detail\":1.50,\"hint\":[1]}],\"trace\":\"x\"}";
        ErrorResponse r = json.readErrorResponse(body.getBytes(UTF_8));
        assertThat(r.errors()).hasSize(2);
        RegistryError first = r.errors().get(0);
        assertThat(first.code()).isSameAs(ErrorCode.MANIFEST_UNKNOWN);
        assertThat(first.message()).contains("manifest unknown");
        assertThat(first.detail()).contains("{\"Tag\":\"v9\"}");
        RegistryError second = r.errors().get(1);
        assertThat(second.code().value()).isEqualTo("PAGINATION_NUMBER_INVALID");
        assertThat(second.detail()).contains("1.50");
        assertThat(second.extensions()).containsEntry("hint", "[1]");
        assertThat(r.extensions()).containsEntry("trace", "\"x\"");
        assertThat(new String(json.write(r), UTF_8)).isEqualTo(body);
        assertThat(json.readErrorResponse(json.write(r))).isEqualTo(r);
    }

    @Test
    void anEntryWithoutCodeReadsAsUnknown() {
        ErrorResponse r = json.readErrorResponse("{\"errors\":[{\"message\":\"m\",\"detail\":null}]}".getBytes(UTF_8));
        assertThat(r.errors().get(0).code().value()).isEqualTo("UNKNOWN");
        assertThat(r.errors().get(0).detail()).isEmpty();
    }

    @Test
    void tagListsKeepTheRegistrysOrderAndNullIsEmpty() {
        TagList t = json.readTagList("{\"name\":\"app\",\"tags\":[\"b\",\"a\"]}".getBytes(UTF_8));
        assertThat(t.name()).isEqualTo("app");
        assertThat(t.tags()).containsExactly("b", "a");
        assertThat(json.readTagList("{\"name\":\"app\",\"tags\":null}".getBytes(UTF_8)).tags()).isEmpty();
        assertThat(json.readTagList(json.write(t))).isEqualTo(t);
        assertThat(new String(json.write(t), UTF_8)).isEqualTo("{\"name\":\"app\",\"tags\":[\"b\",\"a\"]}");
    }

    @Test
    void catalogsRoundTrip() {
        Catalog c = json.readCatalog("{\"repositories\":[\"a\",\"b/c\"],\"x\":{}}".getBytes(UTF_8));
        assertThat(c.repositories()).containsExactly("a", "b/c");
        assertThat(new String(json.write(c), UTF_8)).isEqualTo("{\"repositories\":[\"a\",\"b/c\"],\"x\":{}}");
    }

    @Test
    void referrersAreAnImageIndex() {
        String body = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}";
        assertThat(json.readReferrers(body.getBytes(UTF_8)).manifests()).isEmpty();
        assertThatThrownBy(() -> json.readReferrers("[]".getBytes(UTF_8))).isInstanceOf(DistributionFormatException.class);
    }

    @Test
    void malformedBodiesNameTheReasonAndPointer() {
        assertThatThrownBy(() -> json.readErrorResponse("<html>".getBytes(UTF_8)))
                .isInstanceOfSatisfying(DistributionFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(FormatReason.MALFORMED_JSON));
        assertThatThrownBy(() -> json.readErrorResponse("{\"errors\":[],\"errors\":[]}".getBytes(UTF_8)))
                .isInstanceOf(DistributionFormatException.class).hasMessageContaining("errors");
        assertThatThrownBy(() -> json.readTagList("{\"name\":\"a\",\"tags\":[1]}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(DistributionFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FormatReason.WRONG_TYPE);
                    assertThat(e.location()).isEqualTo("/tags/0");
                });
        assertThatThrownBy(() -> json.readCatalog("[".repeat(100).getBytes(UTF_8)))
                .isInstanceOf(DistributionFormatException.class);
        assertThatThrownBy(() -> json.readCatalog("{} {}".getBytes(UTF_8))).isInstanceOf(DistributionFormatException.class);
    }

    @Test
    void buildersRefuseKnownKeysAsExtensionsAndMissingCodes() {
        assertThatThrownBy(() -> RegistryError.builder().putExtension("detail", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RegistryError");
        assertThatThrownBy(() -> RegistryError.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("code");
        assertThatThrownBy(() -> RegistryError.builder().detail("{")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TagList.builder().build()).isInstanceOf(IllegalStateException.class);
        RegistryError e = RegistryError.builder().code(ErrorCode.DENIED).message("no").detail("{ \"a\" : 1 }").build();
        assertThat(e.detail()).contains("{\"a\":1}");
        assertThat(e.toBuilder().build()).isEqualTo(e);
    }

    @Test
    void readFailuresAreDocumentFormatExceptionsWithTheSharedReasons() {
        assertThatThrownBy(() -> json.readErrorResponse("{\"errors\":[],\"errors\":[]}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(DocumentFormatException.class, e -> {
                    assertThat(e).isInstanceOf(DistributionFormatException.class);
                    assertThat(e.reason()).isEqualTo(FormatReason.DUPLICATE_KEY);
                    assertThat(e.location()).isEqualTo("/errors");
                });
        assertThatThrownBy(() -> json.readCatalog("{\"repositories\":".concat("[".repeat(100)).getBytes(UTF_8)))
                .isInstanceOfSatisfying(DistributionFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(FormatReason.TOO_DEEP));
        assertThatThrownBy(() -> json.readErrorResponse("{\"errors\":[7]}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(DistributionFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FormatReason.WRONG_TYPE);
                    assertThat(e.location()).isEqualTo("/errors/0");
                    assertThat(e.detail()).isEqualTo("expected an object, found number 7");
                });
        String badDigest = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:x\",\"size\":1}]}";
        assertThatThrownBy(() -> json.readReferrers(badDigest.getBytes(UTF_8)))
                .isInstanceOfSatisfying(DistributionFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FormatReason.BAD_DIGEST_ENCODING);
                    assertThat(e.location()).isEqualTo("/manifests/0/digest");
                });
        assertThatThrownBy(() -> Reference.parse("app:bad tag"))
                .isInstanceOfSatisfying(DocumentFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(FormatReason.BAD_REFERENCE));
    }

    @Test
    void everyBuilderKeepsExtensionsTheSameWay() {
        assertThatThrownBy(() -> TagList.builder().putExtension("tags", "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("\"tags\" is a member of TagList, not an extension");
        assertThatThrownBy(() -> Catalog.builder().putExtension("repositories", "[]")).hasMessageContaining("Catalog");
        assertThatThrownBy(() -> ErrorResponse.builder().putExtension("errors", "[]")).hasMessageContaining("ErrorResponse");
        assertThatThrownBy(() -> Catalog.builder().putExtension("x", "{"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extension \"x\"");
        Catalog c = Catalog.builder().putExtension("z", "{ \"a\" : 1 }").putExtension("a", "2").putExtension("m", "3")
                .removeExtension("m").build();
        assertThat(c.extensions()).containsExactly(java.util.Map.entry("z", "{\"a\":1}"), java.util.Map.entry("a", "2"));
        assertThat(new String(json.write(c), UTF_8)).isEqualTo("{\"repositories\":[],\"z\":{\"a\":1},\"a\":2}");
        assertThat(c.toBuilder().clearExtensions().build().extensions()).isEmpty();
        assertThat(json.readCatalog(json.write(c))).isEqualTo(c);
        assertThat(ErrorResponse.builder().extensions(java.util.Map.of("t", "true")).build().toBuilder().build().extensions())
                .containsEntry("t", "true");
    }
}
