package dev.oci4j.distribution.server;

import dev.oci4j.distribution.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request the registry refuses: the HTTP status, the spec's error code and a message naming what is wrong. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final ErrorCode code;
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, ErrorCode code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
