package dev.oci4j.image.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.ImageDocument;
import dev.oci4j.validation.FormatReason;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A read failure's rule id comes from its reason (and, for a missing member, which member): never from words. */
class FormatRulesTest {

    @Test
    void everyReasonMapsToItsRule() {
        Map<FormatReason, String> expected = new EnumMap<>(FormatReason.class);
        expected.put(FormatReason.MALFORMED_JSON, "json.malformed");
        expected.put(FormatReason.DUPLICATE_KEY, "json.key.duplicate");
        expected.put(FormatReason.TOO_DEEP, "json.depth");
        expected.put(FormatReason.TOO_LARGE, "json.size");
        expected.put(FormatReason.WRONG_TYPE, "json.type");
        expected.put(FormatReason.MISSING_MEMBER, "json.member.missing");
        expected.put(FormatReason.NUMBER_OUT_OF_RANGE, "json.number.range");
        expected.put(FormatReason.BAD_DIGEST_GRAMMAR, "digest.grammar");
        expected.put(FormatReason.BAD_DIGEST_ENCODING, "digest.encoding");
        expected.put(FormatReason.BAD_BASE64, "descriptor.data.base64");
        expected.put(FormatReason.BAD_DATE_TIME, "config.created.format");
        expected.put(FormatReason.OTHER, "json.malformed");
        expected.put(FormatReason.BAD_REFERENCE, "json.malformed");
        expected.put(FormatReason.BAD_HEADER, "json.malformed");

        assertThat(expected.keySet()).as("every reason has a row").containsExactlyInAnyOrder(FormatReason.values());
        expected.forEach((reason, rule) -> assertThat(FormatRules.ruleFor(reason, "/x", ImageDocument.DESCRIPTOR).id())
                .as(reason.name()).isEqualTo(rule));
    }

    @Test
    void aMissingMemberWithARuleOfItsOwnIsFoundByItsLocation() {
        assertThat(FormatRules.ruleFor(FormatReason.MISSING_MEMBER, "/config", ImageDocument.MANIFEST))
                .isEqualTo(Rules.MANIFEST_CONFIG_MISSING);
        assertThat(FormatRules.ruleFor(FormatReason.MISSING_MEMBER, "/layers/3/digest", ImageDocument.MANIFEST))
                .isEqualTo(Rules.DESCRIPTOR_DIGEST_MISSING);
        assertThat(FormatRules.ruleFor(FormatReason.MISSING_MEMBER, "/manifests/0/size", ImageDocument.INDEX))
                .isEqualTo(Rules.DESCRIPTOR_SIZE_MISSING);
        assertThat(FormatRules.ruleFor(FormatReason.MISSING_MEMBER, "/config", ImageDocument.CONFIGURATION))
                .isEqualTo(Rules.JSON_MEMBER_MISSING);
        assertThat(FormatRules.ruleFor(FormatReason.BAD_DATE_TIME, "/history/2/created", ImageDocument.CONFIGURATION))
                .isEqualTo(Rules.CONFIG_HISTORY_CREATED_FORMAT);
    }
}
