package dev.oci4j.image.internal.validation;

import dev.oci4j.internal.validation.JsonRules;
import dev.oci4j.internal.validation.Rule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every rule the image validator checks. Ids are stable: tools filter on them. MUST sentences
 * are errors, SHOULD sentences warnings; where the spec uses no RFC 2119 keyword the choice is
 * explained next to the rule.
 */
public final class Rules {

    private static final String JSON = "considerations.md#json";
    private static final String DESCRIPTOR = "descriptor.md#properties";
    private static final String DIGESTS = "descriptor.md#digests";
    private static final String REGISTERED = "descriptor.md#registered-algorithms";
    private static final String EMPTY = "manifest.md#guidance-for-an-empty-descriptor";
    private static final String ANNOTATION_RULES = "annotations.md#rules";
    private static final String ANNOTATION_KEYS = "annotations.md#pre-defined-annotation-keys";
    private static final String MANIFEST = "manifest.md#image-manifest-property-descriptions";
    private static final String INDEX = "image-index.md#image-index-property-descriptions";
    private static final String CONFIG = "config.md#properties";
    private static final String LAYOUT = "image-layout.md#oci-layout-file";

    // The document cannot be read (the codec refuses it): one rule per FormatReason, the runtime's ids.
    static final JsonRules JSON_RULES = JsonRules.in(JSON);
    public static final Rule JSON_MALFORMED = JSON_RULES.malformed();
    public static final Rule JSON_SIZE = JSON_RULES.size();
    public static final Rule JSON_DEPTH = JSON_RULES.depth();
    public static final Rule JSON_KEY_DUPLICATE = JSON_RULES.duplicateKey();
    public static final Rule JSON_TYPE = JSON_RULES.type();
    public static final Rule JSON_NUMBER_RANGE = JSON_RULES.numberRange();
    public static final Rule JSON_MEMBER_MISSING = JSON_RULES.memberMissing();

    public static final Rule DIGEST_GRAMMAR = Rule.must("digest.grammar", DIGESTS);
    public static final Rule DIGEST_ENCODING = Rule.must("digest.encoding", REGISTERED);

    public static final Rule DESCRIPTOR_MEDIA_TYPE_MISSING = Rule.must("descriptor.mediaType.missing", DESCRIPTOR);
    public static final Rule DESCRIPTOR_MEDIA_TYPE_INVALID = Rule.must("descriptor.mediaType.invalid", DESCRIPTOR);
    public static final Rule DESCRIPTOR_DIGEST_MISSING = Rule.must("descriptor.digest.missing", DESCRIPTOR);
    public static final Rule DESCRIPTOR_SIZE_MISSING = Rule.must("descriptor.size.missing", DESCRIPTOR);
    // int64 "size, in bytes": v1.1.1 has no explicit sentence against negatives, but a negative byte
    // count is no size at all (the next release says MUST NOT be negative).
    public static final Rule DESCRIPTOR_SIZE_NEGATIVE = Rule.must("descriptor.size.negative", DESCRIPTOR);
    public static final Rule DESCRIPTOR_URL_INVALID = Rule.must("descriptor.urls.invalid", DESCRIPTOR);
    public static final Rule DESCRIPTOR_URL_SCHEME = Rule.should("descriptor.urls.scheme", DESCRIPTOR);
    public static final Rule DESCRIPTOR_DATA_BASE64 = Rule.must("descriptor.data.base64", DESCRIPTOR);
    public static final Rule DESCRIPTOR_DATA_SIZE = Rule.must("descriptor.data.size", DESCRIPTOR);
    public static final Rule DESCRIPTOR_DATA_DIGEST = Rule.must("descriptor.data.digest", DESCRIPTOR);
    public static final Rule DESCRIPTOR_ARTIFACT_TYPE_INVALID = Rule.must("descriptor.artifactType.invalid", DESCRIPTOR);
    // "GUIDANCE for portability": a warning.
    public static final Rule DESCRIPTOR_EMPTY_CONTENT = Rule.should("descriptor.empty.content", EMPTY);

    // Keys are not explicitly required to be non-empty, but an empty key cannot be namespaced and
    // is refused by every label consumer (docker, buildah): an error.
    public static final Rule ANNOTATION_KEY_EMPTY = Rule.must("annotation.key.empty", ANNOTATION_RULES);
    public static final Rule ANNOTATION_KEY_FORMAT = Rule.should("annotation.key.format", ANNOTATION_RULES);
    // "MUST NOT be used by other specifications", but the key may come from a newer image-spec: a warning.
    public static final Rule ANNOTATION_KEY_RESERVED = Rule.should("annotation.key.reserved", ANNOTATION_RULES);
    // The pre-defined values are described without RFC 2119 keywords ("date-time as defined by RFC 3339",
    // "URL to ...", ref.name "must match"), and consumers MUST NOT fail on annotations: warnings.
    public static final Rule ANNOTATION_CREATED_FORMAT = Rule.should("annotation.created.format", ANNOTATION_KEYS);
    public static final Rule ANNOTATION_URL_FORMAT = Rule.should("annotation.url.format", ANNOTATION_KEYS);
    public static final Rule ANNOTATION_REF_NAME_FORMAT = Rule.should("annotation.refName.format", ANNOTATION_KEYS);
    public static final Rule ANNOTATION_BASE_DIGEST_FORMAT = Rule.should("annotation.baseDigest.format", ANNOTATION_KEYS);

    public static final Rule MANIFEST_SCHEMA_VERSION = Rule.must("manifest.schemaVersion.unsupported", MANIFEST);
    public static final Rule MANIFEST_MEDIA_TYPE_MISSING = Rule.should("manifest.mediaType.missing", MANIFEST);
    public static final Rule MANIFEST_MEDIA_TYPE_MISMATCH = Rule.must("manifest.mediaType.mismatch", MANIFEST);
    public static final Rule MANIFEST_ARTIFACT_TYPE_INVALID = Rule.must("manifest.artifactType.invalid", MANIFEST);
    public static final Rule MANIFEST_ARTIFACT_TYPE_REQUIRED = Rule.must("manifest.artifactType.required", MANIFEST);
    public static final Rule MANIFEST_CONFIG_MISSING = Rule.must("manifest.config.missing", MANIFEST);
    public static final Rule MANIFEST_LAYERS_EMPTY = Rule.should("manifest.layers.empty", MANIFEST);
    public static final Rule MANIFEST_LAYER_NONPORTABLE = Rule.should("manifest.layers.mediaType.nonportable", MANIFEST);
    public static final Rule MANIFEST_LAYER_DEPRECATED = Rule.should("manifest.layers.mediaType.deprecated",
            "layer.md#non-distributable-layers");

    public static final Rule INDEX_SCHEMA_VERSION = Rule.must("index.schemaVersion.unsupported", INDEX);
    public static final Rule INDEX_MEDIA_TYPE_MISSING = Rule.should("index.mediaType.missing", INDEX);
    public static final Rule INDEX_MEDIA_TYPE_MISMATCH = Rule.must("index.mediaType.mismatch", INDEX);
    public static final Rule INDEX_ARTIFACT_TYPE_INVALID = Rule.must("index.artifactType.invalid", INDEX);
    public static final Rule INDEX_MANIFESTS_MISSING = Rule.must("index.manifests.missing", INDEX);
    public static final Rule INDEX_PLATFORM_MISSING = Rule.should("index.manifests.platform.missing", INDEX);

    public static final Rule PLATFORM_ARCHITECTURE_MISSING = Rule.must("platform.architecture.missing", INDEX);
    public static final Rule PLATFORM_OS_MISSING = Rule.must("platform.os.missing", INDEX);
    public static final Rule PLATFORM_ARCHITECTURE_UNKNOWN = Rule.should("platform.architecture.unknown", INDEX);
    public static final Rule PLATFORM_OS_UNKNOWN = Rule.should("platform.os.unknown", INDEX);
    // "RESERVED for future versions": no MUST NOT, so a warning.
    public static final Rule PLATFORM_FEATURES_RESERVED = Rule.should("platform.features.reserved", INDEX);

    public static final Rule CONFIG_ARCHITECTURE_MISSING = Rule.must("config.architecture.missing", CONFIG);
    public static final Rule CONFIG_OS_MISSING = Rule.must("config.os.missing", CONFIG);
    public static final Rule CONFIG_ARCHITECTURE_UNKNOWN = Rule.should("config.architecture.unknown", CONFIG);
    public static final Rule CONFIG_OS_UNKNOWN = Rule.should("config.os.unknown", CONFIG);
    // Typed fields "formatted as defined by RFC 3339" / "in the format of VARNAME=VARVALUE": a value in
    // another format is not a value of that field, so an error.
    public static final Rule CONFIG_CREATED_FORMAT = Rule.must("config.created.format", CONFIG);
    public static final Rule CONFIG_HISTORY_CREATED_FORMAT = Rule.must("config.history.created.format", CONFIG);
    public static final Rule CONFIG_ENV_FORMAT = Rule.must("config.env.format", CONFIG);
    // "Its keys can be in the format of port/tcp, port/udp, port": "can be", and Docker also writes sctp.
    public static final Rule CONFIG_EXPOSED_PORT_FORMAT = Rule.should("config.exposedPorts.format", CONFIG);
    public static final Rule CONFIG_ROOTFS_MISSING = Rule.must("config.rootfs.missing", CONFIG);
    public static final Rule CONFIG_DIFF_IDS_MISSING = Rule.must("config.rootfs.diffIds.missing", CONFIG);
    public static final Rule CONFIG_ROOTFS_TYPE = Rule.must("config.rootfs.type.unsupported", CONFIG);
    // empty_layer "is set to true if this history item doesn't correspond to an actual layer": the
    // counts must agree, but the sentence has no RFC 2119 keyword, so a warning.
    public static final Rule CONFIG_HISTORY_LAYER_COUNT = Rule.should("config.history.layerCount", CONFIG);

    public static final Rule LAYOUT_VERSION = Rule.must("layout.imageLayoutVersion.unsupported", LAYOUT);

    private Rules() {
    }

    /** Every rule, in declaration order. */
    public static List<Rule> all() {
        return Catalog.ALL;
    }

    /** The rule with this id. */
    public static Rule byId(String id) {
        Rule rule = Catalog.BY_ID.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        return rule;
    }

    /** Built after every constant above is set. */
    private static final class Catalog {
        static final List<Rule> ALL = collect();
        static final Map<String, Rule> BY_ID = ALL.stream().collect(Collectors.toMap(Rule::id, r -> r));

        private static List<Rule> collect() {
            List<Rule> out = new ArrayList<>();
            for (Field f : Rules.class.getDeclaredFields()) {
                if (f.getType() == Rule.class && Modifier.isStatic(f.getModifiers())) {
                    try {
                        out.add((Rule) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return List.copyOf(out);
        }
    }
}
