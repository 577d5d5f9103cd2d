package dev.oci4j.distribution.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.oci4j.distribution.ErrorCode;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends each request to its endpoint, turns refusals into error bodies and logs one line per request. */
final class Router implements HttpHandler {

    // The name may itself hold "blobs" or "manifests": the greedy group takes the longest name that
    // leaves a whole endpoint after it.
    static final Pattern ROUTE = Pattern.compile(
            "/v2/(.+)/(?:(blobs/uploads/?)|blobs/uploads/([^/]+)|blobs/([^/]+)|manifests/([^/]+)|(tags/list)|referrers/([^/]+))");

    private final BlobRoutes blobs;
    private final ManifestRoutes manifests;
    private final ListRoutes lists;
    private final Consumer<String> log;
    private final AccessControl auth;

    Router(RegistryStorage storage, Uploads uploads, long chunkMinLength, Consumer<String> log, AccessControl auth) {
        this.auth = auth;
        this.blobs = new BlobRoutes(storage, uploads, chunkMinLength);
        this.manifests = new ManifestRoutes(storage);
        this.lists = new ListRoutes(storage);
        this.log = log;
    }

    static ApiError methodNotAllowed(Call c) {
        return new ApiError(405, ErrorCode.UNSUPPORTED, c.method + " is not allowed on " + Checks.shorten(c.path));
    }

    @Override
    public void handle(HttpExchange exchange) {
        Call.serve(exchange, log, c -> {
            c.set("Docker-Distribution-API-Version", "registry/2.0");
            auth.check(c);
            route(c);
        });
    }

    private void route(Call c) throws IOException {
        String path = c.path;
        if (path.equals("/v2/") || path.equals("/v2")) {
            if (!c.method.equals("GET") && !c.method.equals("HEAD")) {
                throw methodNotAllowed(c);
            }
            c.bytes(200, "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        if (path.equals("/v2/_catalog")) {
            lists.catalog(c);
            return;
        }
        Matcher m = ROUTE.matcher(path);
        if (!m.matches()) {
            throw new ApiError(404, ErrorCode.of("NOT_FOUND"), "no endpoint at " + Checks.shorten(path));
        }
        String name = Checks.name(m.group(1));
        if (m.group(2) != null) {
            blobs.startUpload(c, name);
        } else if (m.group(3) != null) {
            blobs.upload(c, name, m.group(3));
        } else if (m.group(4) != null) {
            blobs.blob(c, name, m.group(4));
        } else if (m.group(5) != null) {
            manifests.manifest(c, name, m.group(5));
        } else if (m.group(6) != null) {
            lists.tags(c, name);
        } else {
            manifests.referrers(c, name, m.group(7));
        }
    }
}
