package dev.oci4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void bearerChallengeNamesRealmServiceAndScope() {
        List<AuthChallenge> all = AuthChallenge.parseAll("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/busybox:pull\"");
        assertThat(all).hasSize(1);
        AuthChallenge c = all.get(0);
        assertThat(c.isScheme("bearer")).isTrue();
        assertThat(c.realm()).contains("https://auth.docker.io/token");
        assertThat(c.service()).contains("registry.docker.io");
        assertThat(c.scopes()).containsExactly("repository:library/busybox:pull");
    }

    @Test
    void severalChallengesAndScopesInOneHeader() {
        List<AuthChallenge> all = AuthChallenge.parseAll(
                "Basic realm=\"Registry Realm\", Bearer realm=\"https://a/t\", scope=\"repository:a:pull repository:b:pull,push\","
                        + " error=\"insufficient_scope\"");
        assertThat(all).extracting(AuthChallenge::scheme).containsExactly("Basic", "Bearer");
        assertThat(all.get(0).realm()).contains("Registry Realm");
        assertThat(all.get(1).scopes()).containsExactly("repository:a:pull", "repository:b:pull,push");
        assertThat(all.get(1).error()).contains("insufficient_scope");
    }

    @Test
    void quotedStringsUnescapeAndTokensNeedNoQuotes() {
        AuthChallenge c = AuthChallenge.parseAll("Bearer REALM=https://x/t , service = \"a \\\"b\\\"\"").get(0);
        assertThat(c.realm()).contains("https://x/t");
        assertThat(c.service()).contains("a \"b\"");
        assertThat(AuthChallenge.parseAll(c.toString())).containsExactly(c);
        assertThat(AuthChallenge.parseAll("Negotiate abc+/==").get(0).token68()).contains("abc+/==");
        assertThat(AuthChallenge.of("Bearer", Map.of("Realm", "r")).realm()).contains("r");
    }

    @Test
    void malformedChallengesNameTheHeader() {
        for (String bad : new String[] {"", "Bearer realm=\"open", "Bearer realm=\"a\" x", "=x", "Bearer a=1,a=2",
                "Bearer realm=\"a\u0001\""}) {
            assertThatThrownBy(() -> AuthChallenge.parseAll(bad)).as(bad)
                    .isInstanceOfSatisfying(DistributionFormatException.class,
                            e -> assertThat(e.location()).isEqualTo("WWW-Authenticate"));
        }
    }

    @Test
    void linkNextResolvesAgainstTheRequest() {
        URI base = URI.create("http://127.0.0.1:5000/v2/app/tags/list?n=2");
        assertThat(Link.next("</v2/app/tags/list?last=b&n=2>; rel=\"next\"", base))
                .contains(URI.create("http://127.0.0.1:5000/v2/app/tags/list?last=b&n=2"));
        assertThat(Link.next("<https://x/p?1>; rel=prev, <https://x/p?3>; type=\"a;b\"; rel=\"next last\"", base))
                .contains(URI.create("https://x/p?3"));
        assertThat(Link.next(null, base)).isEmpty();
        assertThat(Link.next("<a>; rel=prev", base)).isEmpty();
        assertThatThrownBy(() -> Link.next("/v2/x; rel=next", base)).hasMessageStartingWith("Link: ");
        assertThatThrownBy(() -> Link.next("<a b>; rel=next", base)).hasMessageStartingWith("Link: ");
    }

    @Test
    void uploadRangesAreInclusive() {
        ContentRange r = ContentRange.parseUploadRange("0-1023");
        assertThat(r.length()).isEqualTo(1024);
        assertThat(ContentRange.parseUploadRange("bytes=0-9").last()).isEqualTo(9);
        assertThat(ContentRange.of(1024, 512).toUploadHeader()).isEqualTo("1024-1535");
        assertThat(ContentRange.parse("bytes 5-9/10")).isEqualTo(new ContentRange(5, 9, OptionalLong.of(10)));
        assertThat(ContentRange.parse("bytes 5-9/*").completeLength()).isEmpty();
        for (String bad : new String[] {"9-5", "-1", "a-b", "1-99999999999999999999", "0-"}) {
            assertThatThrownBy(() -> ContentRange.parseUploadRange(bad)).as(bad)
                    .isInstanceOf(DistributionFormatException.class).hasMessageStartingWith("Range: ");
        }
        assertThatThrownBy(() -> ContentRange.parse("bytes 0-10/10")).hasMessageStartingWith("Content-Range: ");
    }
}
