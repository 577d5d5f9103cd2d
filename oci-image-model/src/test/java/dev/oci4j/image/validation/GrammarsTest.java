package dev.oci4j.image.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.internal.validation.Grammars;
import dev.oci4j.image.internal.validation.Rules;
import dev.oci4j.internal.validation.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC grammars the spec borrows, and the rule catalog's shape. */
class GrammarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2015-10-31T22:22:56.015925234Z", "2015-10-31t22:22:56z", "1985-04-12T23:20:50.52Z",
        "1996-12-19T16:39:57-08:00", "1990-12-31T23:59:60Z", "2024-02-29T00:00:00+14:00"})
    void rfc3339DateTimesAreAccepted(String s) {
        assertThat(Grammars.isDateTime(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-10-31 22:22:56Z", "2015-10-31T22:22:56", "2015-02-29T00:00:00Z",
        "2015-10-31T24:00:00Z", "2015-10-31T22:22:61Z", "2015-10-31T22:22:56+0100", "2015-10-31", "yesterday", ""})
    void otherTimesAreNot(String s) {
        assertThat(Grammars.isDateTime(s)).isFalse();
    }

    @Test
    void uriMeansRfc3986WithAScheme() {
        assertThat(List.of("https://example.com/a?b=c#d", "http://[::1]:5000/v2/", "urn:isbn:0451450523",
                "file:///tmp/x", "https://example.com/a%20b")).allMatch(Grammars::isUri);
        assertThat(List.of("example.com/blob", "https://exa mple.com", "https://example.com/%zz", "1http://x",
                "https://example.com/\"q\"", "")).noneMatch(Grammars::isUri);
    }

    @Test
    void mediaTypesFollowRfc6838NamingRules() {
        assertThat(List.of("application/vnd.oci.image.manifest.v1+json", "text/plain", "application/x-tar",
                "application/vnd.example+type")).allMatch(Grammars::isMediaType);
        assertThat(List.of("application", "application/", "/json", "application json", "application/json; charset=utf-8",
                "application/.json", "a/" + "b".repeat(128))).noneMatch(Grammars::isMediaType);
    }

    @Test
    void refNamesFollowTheImageLayoutGrammar() {
        assertThat(List.of("v1.0", "stable-release", "registry.example.com/app:v1.0", "a--b", "1.0+build@sha"))
                .allMatch(Grammars::isRefName);
        assertThat(List.of("", "-v1", "v1-", "a//b", "a---b", "tag with space", "a/-b")).noneMatch(Grammars::isRefName);
    }

    @Test
    void annotationKeysShouldUseReverseDomainNotation() {
        assertThat(List.of("com.example.myKey", "org.opencontainers.image.created", "io.k8s.display-name"))
                .allMatch(Grammars::isReverseDomain);
        assertThat(List.of("maintainer", "Com.example", "com.", ".com.example", "com..example", "com.exa mple"))
                .noneMatch(Grammars::isReverseDomain);
    }

    @Test
    void exposedPortsArePortSlashProtocol() {
        assertThat(List.of("80", "80/tcp", "53/udp", "132/sctp", "8000-8010/tcp")).allMatch(Grammars::isExposedPort);
        assertThat(List.of("0/tcp", "65536", "80/http", "tcp/80", "90-80", "")).noneMatch(Grammars::isExposedPort);
    }

    @Test
    void ruleIdsAreUniqueDottedNamesWithASpecSection() {
        List<Rule> all = Rules.all();
        assertThat(all).extracting(Rule::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+(\\.[a-zA-Z0-9]+)+"));
        assertThat(all).extracting(Rule::section).allMatch(s -> s.matches("[a-z-]+\\.md#[a-z0-9-]+"));
    }
}
