package dev.oci4j.image.internal.validation;

import dev.oci4j.internal.validation.Rule;
import java.util.Collection;
import java.util.Map;

/** What each Bean Validation rule expects, and how a found value is shown in a message. */
final class Messages {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry(Rules.DESCRIPTOR_MEDIA_TYPE_MISSING.id(), "expected a mediaType"),
            Map.entry(Rules.DESCRIPTOR_MEDIA_TYPE_INVALID.id(),
                    "expected an RFC 6838 media type (type/subtype, each [A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126})"),
            Map.entry(Rules.DESCRIPTOR_SIZE_NEGATIVE.id(), "expected a size in bytes >= 0"),
            Map.entry(Rules.DESCRIPTOR_URL_INVALID.id(), "expected an RFC 3986 URI such as https://example.com/blob"),
            Map.entry(Rules.DESCRIPTOR_ARTIFACT_TYPE_INVALID.id(), "expected an RFC 6838 media type as artifactType"),
            Map.entry(Rules.PLATFORM_ARCHITECTURE_MISSING.id(), "expected a platform architecture such as amd64"),
            Map.entry(Rules.PLATFORM_OS_MISSING.id(), "expected a platform os such as linux"),
            Map.entry(Rules.MANIFEST_SCHEMA_VERSION.id(), "expected schemaVersion 2"),
            Map.entry(Rules.MANIFEST_ARTIFACT_TYPE_INVALID.id(), "expected an RFC 6838 media type as artifactType"),
            Map.entry(Rules.MANIFEST_CONFIG_MISSING.id(), "expected a config descriptor"),
            Map.entry(Rules.INDEX_SCHEMA_VERSION.id(), "expected schemaVersion 2"),
            Map.entry(Rules.INDEX_ARTIFACT_TYPE_INVALID.id(), "expected an RFC 6838 media type as artifactType"),
            Map.entry(Rules.CONFIG_CREATED_FORMAT.id(), "expected an RFC 3339 date-time such as 2024-01-02T03:04:05Z"),
            Map.entry(Rules.CONFIG_HISTORY_CREATED_FORMAT.id(),
                    "expected an RFC 3339 date-time such as 2024-01-02T03:04:05Z"),
            Map.entry(Rules.CONFIG_ARCHITECTURE_MISSING.id(), "expected an architecture such as amd64"),
            Map.entry(Rules.CONFIG_OS_MISSING.id(), "expected an os such as linux"),
            Map.entry(Rules.CONFIG_ENV_FORMAT.id(), "expected an Env entry VARNAME=VARVALUE"),
            Map.entry(Rules.CONFIG_ROOTFS_MISSING.id(), "expected a rootfs object"),
            Map.entry(Rules.CONFIG_DIFF_IDS_MISSING.id(), "expected rootfs.diff_ids, an array of layer digests"),
            Map.entry(Rules.INDEX_MANIFESTS_MISSING.id(), "expected a manifests array (it may be empty)"),
            Map.entry(Rules.CONFIG_ROOTFS_TYPE.id(), "expected rootfs type \"layers\""),
            Map.entry(Rules.LAYOUT_VERSION.id(), "expected imageLayoutVersion \"1.0.0\""));

    private Messages() {
    }

    static String expected(Rule rule) {
        return EXPECTED.getOrDefault(rule.id(), "expected a value allowed by " + rule.section());
    }

    /** A found value for a message: strings quoted and shortened, absent values named. */
    static String show(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof CharSequence s) {
            String text = s.toString();
            return "\"" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "\"";
        }
        if (value instanceof Collection<?> c) {
            return c.size() + " entries";
        }
        return String.valueOf(value);
    }
}
