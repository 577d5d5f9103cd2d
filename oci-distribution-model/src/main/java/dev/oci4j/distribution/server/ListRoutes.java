package dev.oci4j.distribution.server;

import dev.oci4j.distribution.Catalog;
import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.distribution.TagList;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Tags and the catalog, sorted, paged with {@code n} and {@code last} and a {@code Link} to the next page. */
final class ListRoutes {

    private final RegistryStorage storage;

    ListRoutes(RegistryStorage storage) {
        this.storage = storage;
    }

    void tags(Call c, String name) throws IOException {
        if (!c.method.equals("GET") && !c.method.equals("HEAD")) {
            throw Router.methodNotAllowed(c);
        }
        if (!storage.hasRepository(name)) {
            throw new ApiError(404, ErrorCode.NAME_UNKNOWN, "repository " + name + " is not known to this registry");
        }
        List<String> page = page(c, storage.tags(name), "/v2/" + name + "/tags/list");
        byte[] body = DistributionJson.standard().write(TagList.builder().name(name).tags(page).build());
        c.bytes(200, "application/json", body);
    }

    void catalog(Call c) throws IOException {
        if (!c.method.equals("GET") && !c.method.equals("HEAD")) {
            throw Router.methodNotAllowed(c);
        }
        List<String> page = page(c, storage.repositories(), "/v2/_catalog");
        c.bytes(200, "application/json", DistributionJson.standard().write(Catalog.builder().repositories(page).build()));
    }

    /** The sorted entries after {@code last}, at most {@code n}; sets {@code Link} when more follow. */
    private static List<String> page(Call c, List<String> all, String path) {
        List<String> sorted = all.stream().sorted().toList();
        String last = c.param("last").orElse(null);
        List<String> after = last == null ? sorted : sorted.stream().filter(t -> t.compareTo(last) > 0).toList();
        if (c.param("n").isEmpty()) {
            return after;
        }
        int n;
        try {
            n = Integer.parseInt(c.param("n").get());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0) {
            throw new ApiError(400, ErrorCode.UNSUPPORTED, "n must be a number from 0 up, found \""
                    + Checks.shorten(c.param("n").get()) + "\"");
        }
        if (after.size() <= n) {
            return after;
        }
        List<String> page = after.subList(0, n);
        if (n > 0) {
            c.set("Link", "<" + path + "?n=" + n + "&last=" + URLEncoder.encode(page.get(n - 1), StandardCharsets.UTF_8)
                    + ">; rel=\"next\"");
        }
        return page;
    }
}
