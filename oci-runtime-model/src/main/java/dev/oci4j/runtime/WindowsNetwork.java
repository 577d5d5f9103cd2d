package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The network settings of a Windows container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md#network">config-windows.md#network</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"endpointList":["7a010682-17e0-4455-a838-02e5d9655fe6"],"allowUnqualifiedDNSQuery":true}
 * }</pre>
 */
public final class WindowsNetwork {

    private final List<String> endpointList;
    private final boolean allowUnqualifiedDnsQuery;
    private final List<String> dnsSearchList;
    private final String networkSharedContainerName;
    private final String networkNamespace;
    private final Map<String, String> extensions;

    private WindowsNetwork(Builder b) {
        this.endpointList = List.copyOf(b.endpointList);
        this.allowUnqualifiedDnsQuery = b.allowUnqualifiedDnsQuery;
        this.dnsSearchList = List.copyOf(b.dnsSearchList);
        this.networkSharedContainerName = b.networkSharedContainerName;
        this.networkNamespace = b.networkNamespace;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpointList = new ArrayList<>(endpointList);
        b.allowUnqualifiedDnsQuery = allowUnqualifiedDnsQuery;
        b.dnsSearchList = new ArrayList<>(dnsSearchList);
        b.networkSharedContainerName = networkSharedContainerName;
        b.networkNamespace = networkNamespace;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code endpointList}: OPTIONAL: HNS endpoints to connect to. */
    public List<String> endpointList() {
        return endpointList;
    }

    /** {@code allowUnqualifiedDNSQuery}: OPTIONAL: allow unqualified DNS names. */
    public boolean allowUnqualifiedDnsQuery() {
        return allowUnqualifiedDnsQuery;
    }

    /** {@code DNSSearchList}: OPTIONAL: DNS suffixes for name resolution. */
    public List<String> dnsSearchList() {
        return dnsSearchList;
    }

    /** {@code networkSharedContainerName}: OPTIONAL: container whose network stack is shared. */
    public Optional<String> networkSharedContainerName() {
        return Optional.ofNullable(networkSharedContainerName);
    }

    /** {@code networkNamespace}: OPTIONAL: the network namespace to use. */
    public Optional<String> networkNamespace() {
        return Optional.ofNullable(networkNamespace);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static WindowsNetwork fromJson(JsonFields f) {
        Builder b = new Builder();
        b.endpointList.addAll(f.stringList("endpointList"));
        f.bool("allowUnqualifiedDNSQuery").ifPresent(b::allowUnqualifiedDnsQuery);
        b.dnsSearchList.addAll(f.stringList("DNSSearchList"));
        f.string("networkSharedContainerName").ifPresent(b::networkSharedContainerName);
        f.string("networkNamespace").ifPresent(b::networkNamespace);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putStringsIfNotEmpty("endpointList", endpointList)
                .putIfTrue("allowUnqualifiedDNSQuery", allowUnqualifiedDnsQuery)
                .putStringsIfNotEmpty("DNSSearchList", dnsSearchList)
                .putIfNotEmpty("networkSharedContainerName", networkSharedContainerName)
                .putIfNotEmpty("networkNamespace", networkNamespace)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WindowsNetwork other)) {
            return false;
        }
        return Objects.equals(endpointList, other.endpointList)
                && allowUnqualifiedDnsQuery == other.allowUnqualifiedDnsQuery
                && Objects.equals(dnsSearchList, other.dnsSearchList)
                && Objects.equals(networkSharedContainerName, other.networkSharedContainerName)
                && Objects.equals(networkNamespace, other.networkNamespace)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpointList, allowUnqualifiedDnsQuery, dnsSearchList, networkSharedContainerName, networkNamespace, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "WindowsNetwork" + Json.text(toJson());
    }

    /** Builds a {@link WindowsNetwork}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<String> endpointList = new ArrayList<>();
        private boolean allowUnqualifiedDnsQuery;
        private List<String> dnsSearchList = new ArrayList<>();
        private String networkSharedContainerName;
        private String networkNamespace;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code endpointList}. */
        public Builder endpointList(Collection<? extends String> endpointList) {
            this.endpointList = new ArrayList<>(List.copyOf(endpointList));
            return this;
        }

        /** Appends one entry to {@code endpointList}. */
        public Builder addEndpointListEntry(String endpointListEntry) {
            this.endpointList.add(Objects.requireNonNull(endpointListEntry, "endpointListEntry"));
            return this;
        }

        public Builder allowUnqualifiedDnsQuery(boolean allowUnqualifiedDnsQuery) {
            this.allowUnqualifiedDnsQuery = allowUnqualifiedDnsQuery;
            return this;
        }

        /** Replaces {@code DNSSearchList}. */
        public Builder dnsSearchList(Collection<? extends String> dnsSearchList) {
            this.dnsSearchList = new ArrayList<>(List.copyOf(dnsSearchList));
            return this;
        }

        /** Appends one entry to {@code DNSSearchList}. */
        public Builder addDnsSearchListEntry(String dnsSearchListEntry) {
            this.dnsSearchList.add(Objects.requireNonNull(dnsSearchListEntry, "dnsSearchListEntry"));
            return this;
        }

        /** Sets {@code networkSharedContainerName}; the empty string leaves it out, as Go's omitempty does. */
        public Builder networkSharedContainerName(String networkSharedContainerName) {
            Objects.requireNonNull(networkSharedContainerName, "networkSharedContainerName");
            this.networkSharedContainerName = networkSharedContainerName.isEmpty() ? null : networkSharedContainerName;
            return this;
        }

        public Builder clearNetworkSharedContainerName() {
            this.networkSharedContainerName = null;
            return this;
        }

        /** Sets {@code networkNamespace}; the empty string leaves it out, as Go's omitempty does. */
        public Builder networkNamespace(String networkNamespace) {
            Objects.requireNonNull(networkNamespace, "networkNamespace");
            this.networkNamespace = networkNamespace.isEmpty() ? null : networkNamespace;
            return this;
        }

        public Builder clearNetworkNamespace() {
            this.networkNamespace = null;
            return this;
        }

        /** Replaces the unknown members: key to JSON value as text. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = new LinkedHashMap<>();
            extensions.forEach(this::putExtension);
            return this;
        }

        /** Adds an unknown member; {@code rawJson} must be one JSON value. A known key is never overwritten on output. */
        public Builder putExtension(String key, String rawJson) {
            Objects.requireNonNull(key, "key");
            this.extensions.put(key, Json.text(Json.parseValue(Objects.requireNonNull(rawJson, "rawJson"))));
            return this;
        }

        public Builder removeExtension(String key) {
            this.extensions.remove(key);
            return this;
        }

        public WindowsNetwork build() {
            return new WindowsNetwork(this);
        }
    }
}
