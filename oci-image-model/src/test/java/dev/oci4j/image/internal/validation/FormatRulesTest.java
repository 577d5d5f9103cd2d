package dev.oci4j.image.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.ImageDocument;
import dev.oci4j.image.ImageFormatException.Reason;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A read failure's rule id comes from its reason (and, for a missing member, which member): never from words. */
class FormatRulesTest {

    @Test
    void everyReasonMapsToItsRule() {
        Map<Reason, String> expected = new EnumMap<>(Reason.class);
        expected.put(Reason.MALFORMED_JSON, "json.malformed");
        expected.put(Reason.DUPLICATE_KEY, "json.malformed");
        expected.put(Reason.TOO_DEEP, "json.malformed");
        expected.put(Reason.TOO_LARGE, "json.malformed");
        expected.put(Reason.WRONG_TYPE, "json.type");
        expected.put(Reason.MISSING_MEMBER, "json.member.missing");
        expected.put(Reason.NUMBER_OUT_OF_RANGE, "json.type");
        expected.put(Reason.BAD_DIGEST_GRAMMAR, "digest.grammar");
        expected.put(Reason.BAD_DIGEST_ENCODING, "digest.encoding");
        expected.put(Reason.BAD_BASE64, "descriptor.data.base64");
        expected.put(Reason.BAD_DATE_TIME, "config.created.format");
        expected.put(Reason.OTHER, "json.malformed");

        assertThat(expected.keySet()).as("every reason has a row").containsExactlyInAnyOrder(Reason.values());
        expected.forEach((reason, rule) -> assertThat(FormatRules.ruleFor(reason, "/x", ImageDocument.DESCRIPTOR).id())
                .as(reason.name()).isEqualTo(rule));
    }

    @Test
    void aMissingMemberWithARuleOfItsOwnIsFoundByItsLocation() {
        assertThat(FormatRules.ruleFor(Reason.MISSING_MEMBER, "/config", ImageDocument.MANIFEST))
                .isEqualTo(Rules.MANIFEST_CONFIG_MISSING);
        assertThat(FormatRules.ruleFor(Reason.MISSING_MEMBER, "/layers/3/digest", ImageDocument.MANIFEST))
                .isEqualTo(Rules.DESCRIPTOR_DIGEST_MISSING);
        assertThat(FormatRules.ruleFor(Reason.MISSING_MEMBER, "/manifests/0/size", ImageDocument.INDEX))
                .isEqualTo(Rules.DESCRIPTOR_SIZE_MISSING);
        assertThat(FormatRules.ruleFor(Reason.MISSING_MEMBER, "/config", ImageDocument.CONFIGURATION))
                .isEqualTo(Rules.JSON_MEMBER_MISSING);
        assertThat(FormatRules.ruleFor(Reason.BAD_DATE_TIME, "/history/2/created", ImageDocument.CONFIGURATION))
                .isEqualTo(Rules.CONFIG_HISTORY_CREATED_FORMAT);
    }
}
