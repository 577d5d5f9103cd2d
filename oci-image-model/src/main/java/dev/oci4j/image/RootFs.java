package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The layer DiffIDs of an image configuration (image-spec config.md, "rootfs"), base layer first.
 *
 * <pre>{@code
 * {"type": "layers", "diff_ids": ["sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1"]}
 * RootFs r = RootFs.of(List.of(diffId));
 * }</pre>
 */
public final class RootFs {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("type", "diff_ids");

    /** The only type the spec defines. */
    public static final String LAYERS = "layers";

    private final String type;
    private final List<Digest> diffIds;
    private final Map<String, String> extensions;

    private RootFs(String type, List<Digest> diffIds, Map<String, String> extensions) {
        this.type = type;
        this.diffIds = diffIds;
        this.extensions = extensions;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A rootfs of type {@code layers} with these DiffIDs.
     *
     * @param diffIds the layers' DiffIDs, base first
     * @return the rootfs
     * @throws NullPointerException if {@code diffIds} is or holds null
     */
    public static RootFs of(List<Digest> diffIds) {
        return builder().diffIds(diffIds).build();
    }

    /**
     * {@return the {@code type}} REQUIRED, MUST be {@value #LAYERS}; empty only when a parsed document lacked it.
     */
    public String type() {
        return type == null ? "" : type;
    }

    /**
     * {@return the uncompressed layer digests, base first} REQUIRED; empty too when a parsed document
     * lacked the array, which is then written back without it (the validator reports the absence).
     */
    public List<Digest> diffIds() {
        return diffIds == null ? List.of() : diffIds;
    }

    /** {@return members this model does not know, as raw JSON text, in document order} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** {@return the ChainIDs of the layer stack, one per layer (image-spec config.md "Layer ChainID")} */
    public List<Digest> chainIds() {
        return ImageIdentity.chainIds(diffIds());
    }

    /** {@return a builder holding this {@code RootFs}'s values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.diffIds = diffIds;
        b.extensions = extensions;
        return b;
    }

    static RootFs read(JsonFields f) {
        String type = f.string("type").orElse(null);
        boolean present = f.has("diff_ids");
        List<String> texts = f.stringList("diff_ids");
        List<Digest> diffIds = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                diffIds.add(Digest.parse(texts.get(i)));
            } catch (DigestFormatException e) {
                throw new ImageFormatException(e.reason(), f.pointer("diff_ids") + "/" + i, e.getMessage(), e);
            }
        }
        return new RootFs(type, present ? List.copyOf(diffIds) : null, f.unknown());
    }

    JsonNode toJson() {
        JsonObjectWriter w = new JsonObjectWriter();
        if (type != null) {
            w.put("type", type);
        }
        if (diffIds != null) {
            w.putStrings("diff_ids", diffIds.stream().map(Digest::toString).toList());
        }
        return w
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootFs r && Objects.equals(r.type, type) && Objects.equals(r.diffIds, diffIds)
                && r.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, diffIds, extensions);
    }

    @Override
    public String toString() {
        return "RootFs{type=" + type + ", diffIds=" + diffIds
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }

    /** Builds a {@link RootFs}; the type defaults to {@code layers}. */
    public static final class Builder {
        private String type = LAYERS;
        private List<Digest> diffIds = List.of();
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        /**
         * Sets {@code type} (config.md: MUST be {@value RootFs#LAYERS}, the default).
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Replaces {@code diff_ids}: the DiffIDs of the layers, base first (config.md "Layer DiffID").
         *
         * @param diffIds the DiffIDs, copied
         * @return this builder
         * @throws NullPointerException if {@code diffIds} is or holds null, naming the index
         */
        public Builder diffIds(Collection<? extends Digest> diffIds) {
            this.diffIds = Values.list(diffIds, "diffIds");
            return this;
        }

        /**
         * Appends the DiffID of a layer placed on top.
         *
         * @param diffId the layer's DiffID
         * @return this builder
         */
        public Builder addDiffId(Digest diffId) {
            this.diffIds = Values.add(diffIds, diffId, "diffId");
            return this;
        }

        /**
         * Empties {@code diff_ids} (written as {@code []}, as Go writes it).
         *
         * @return this builder
         */
        public Builder clearDiffIds() {
            this.diffIds = List.of();
            return this;
        }

        /**
         * Unknown members as raw JSON text, written after the known ones.
         *
         * @param extensions the unknown members by key, each value one JSON value as text
         * @return this builder
         * @throws IllegalArgumentException when a key is a member {@code RootFs} maps, or a value is not JSON
         */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        /**
         * Adds or replaces one unknown member; {@code rawJson} is one JSON value.
         *
         * @param key the member's key
         * @param rawJson the member's value as JSON text
         * @return this builder
         * @throws IllegalArgumentException when {@code key} is a member {@code RootFs} maps, or {@code rawJson} is not JSON
         */
        public Builder putExtension(String key, String rawJson) {
            this.extensions = Values.putExtension(extensions, key, rawJson, KNOWN);
            return this;
        }

        /**
         * Removes one unknown member, if present.
         *
         * @param key the member's key
         * @return this builder
         */
        public Builder removeExtension(String key) {
            this.extensions = Values.remove(extensions, key, "extensions");
            return this;
        }

        /**
         * Removes every unknown member.
         *
         * @return this builder
         */
        public Builder clearExtensions() {
            this.extensions = Map.of();
            return this;
        }

        /** {@return the rootfs} */
        public RootFs build() {
            return new RootFs(type, diffIds, extensions);
        }
    }
}
