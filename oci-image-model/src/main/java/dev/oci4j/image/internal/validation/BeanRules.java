package dev.oci4j.image.internal.validation;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ExecutionConfig;
import dev.oci4j.image.History;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageLayoutHeader;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.Platform;
import dev.oci4j.image.RootFs;
import dev.oci4j.internal.validation.BeanValidation;
import dev.oci4j.internal.validation.Rule;
import dev.oci4j.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.hibernate.validator.cfg.defs.MaxDef;
import org.hibernate.validator.cfg.defs.MinDef;
import org.hibernate.validator.cfg.defs.NotBlankDef;
import org.hibernate.validator.cfg.defs.NotNullDef;
import org.hibernate.validator.cfg.defs.PatternDef;

/**
 * The single-field rules, as Bean Validation constraints declared with Hibernate Validator's
 * programmatic mapping on the model's private fields (the model carries no annotations). Each
 * constraint's message is its rule id; {@link #validate} turns violations into {@link Violation}s
 * with JSON pointers. The bootstrap is the shared {@link BeanValidation}, run on the first validation:
 * reading a document never loads Hibernate Validator.
 */
public final class BeanRules {

    // Bean property names that differ from their JSON keys; ExecutionConfig's keys are capitalized.
    private static final Map<String, String> JSON_KEYS = Map.of(
            "osVersion", "os.version",
            "osFeatures", "os.features",
            "diffIds", "diff_ids",
            "createdBy", "created_by",
            "emptyLayer", "empty_layer");

    private BeanRules() {
    }

    /** Bootstrapped when first used: class initialization is lazy and thread-safe. */
    private static final class Holder {
        static final BeanValidation VALIDATION = BeanValidation.bootstrap(BeanRules::mapping, BeanRules::jsonKey);
    }

    private static void mapping(ConstraintMapping m) {
        m.type(Descriptor.class)
                .field("mediaType")
                    .constraint(new NotNullDef().message(Rules.DESCRIPTOR_MEDIA_TYPE_MISSING.id()))
                    .constraint(new PatternDef().regexp(Grammars.MEDIA_TYPE_REGEX)
                            .message(Rules.DESCRIPTOR_MEDIA_TYPE_INVALID.id()))
                .field("size")
                    .constraint(new MinDef().value(0).message(Rules.DESCRIPTOR_SIZE_NEGATIVE.id()))
                .field("urls")
                    .containerElementType()
                        .constraint(new GenericConstraintDef<>(Uri.class).message(Rules.DESCRIPTOR_URL_INVALID.id()))
                .field("artifactType")
                    .constraint(new PatternDef().regexp(Grammars.MEDIA_TYPE_REGEX)
                            .message(Rules.DESCRIPTOR_ARTIFACT_TYPE_INVALID.id()))
                .field("platform").valid();
        m.type(Platform.class)
                .field("architecture")
                    .constraint(new NotBlankDef().message(Rules.PLATFORM_ARCHITECTURE_MISSING.id()))
                .field("os")
                    .constraint(new NotBlankDef().message(Rules.PLATFORM_OS_MISSING.id()));
        m.type(ImageManifest.class)
                .field("schemaVersion")
                    .constraint(new NotNullDef().message(Rules.MANIFEST_SCHEMA_VERSION.id()))
                    .constraint(new MinDef().value(2).message(Rules.MANIFEST_SCHEMA_VERSION.id()))
                    .constraint(new MaxDef().value(2).message(Rules.MANIFEST_SCHEMA_VERSION.id()))
                .field("artifactType")
                    .constraint(new PatternDef().regexp(Grammars.MEDIA_TYPE_REGEX)
                            .message(Rules.MANIFEST_ARTIFACT_TYPE_INVALID.id()))
                .field("config")
                    .constraint(new NotNullDef().message(Rules.MANIFEST_CONFIG_MISSING.id()))
                    .valid()
                .field("layers").containerElementType().valid()
                .field("subject").valid();
        m.type(ImageIndex.class)
                .field("schemaVersion")
                    .constraint(new NotNullDef().message(Rules.INDEX_SCHEMA_VERSION.id()))
                    .constraint(new MinDef().value(2).message(Rules.INDEX_SCHEMA_VERSION.id()))
                    .constraint(new MaxDef().value(2).message(Rules.INDEX_SCHEMA_VERSION.id()))
                .field("artifactType")
                    .constraint(new PatternDef().regexp(Grammars.MEDIA_TYPE_REGEX)
                            .message(Rules.INDEX_ARTIFACT_TYPE_INVALID.id()))
                .field("manifests")
                    .constraint(new NotNullDef().message(Rules.INDEX_MANIFESTS_MISSING.id()))
                    .containerElementType().valid()
                .field("subject").valid();
        m.type(ImageConfiguration.class)
                .field("created")
                    .constraint(new GenericConstraintDef<>(DateTime.class).message(Rules.CONFIG_CREATED_FORMAT.id()))
                .field("architecture")
                    .constraint(new NotBlankDef().message(Rules.CONFIG_ARCHITECTURE_MISSING.id()))
                .field("os")
                    .constraint(new NotBlankDef().message(Rules.CONFIG_OS_MISSING.id()))
                .field("config").valid()
                .field("rootfs")
                    .constraint(new NotNullDef().message(Rules.CONFIG_ROOTFS_MISSING.id()))
                    .valid()
                .field("history").containerElementType().valid();
        m.type(ExecutionConfig.class)
                .field("env")
                    .containerElementType()
                        .constraint(new PatternDef().regexp("[^=]+=.*").flags(new jakarta.validation.constraints.Pattern.Flag[] {
                            jakarta.validation.constraints.Pattern.Flag.DOTALL})
                                .message(Rules.CONFIG_ENV_FORMAT.id()));
        m.type(RootFs.class)
                .field("type")
                    .constraint(new NotNullDef().message(Rules.CONFIG_ROOTFS_TYPE.id()))
                    .constraint(new PatternDef().regexp(RootFs.LAYERS).message(Rules.CONFIG_ROOTFS_TYPE.id()))
                .field("diffIds")
                    .constraint(new NotNullDef().message(Rules.CONFIG_DIFF_IDS_MISSING.id()));
        m.type(History.class)
                .field("created")
                    .constraint(new GenericConstraintDef<>(DateTime.class)
                            .message(Rules.CONFIG_HISTORY_CREATED_FORMAT.id()));
        m.type(ImageLayoutHeader.class)
                .field("imageLayoutVersion")
                    .constraint(new NotNullDef().message(Rules.LAYOUT_VERSION.id()))
                    .constraint(new PatternDef().regexp("1\\.0\\.0").message(Rules.LAYOUT_VERSION.id()));
    }

    /** The single-field violations of {@code bean}, with pointers under {@code prefix}. */
    public static List<Violation> validate(Object bean, String prefix) {
        List<Violation> out = new ArrayList<>();
        for (BeanValidation.Broken b : Holder.VALIDATION.validate(bean, prefix)) {
            Rule rule = Rules.byId(b.ruleId());
            out.add(rule.at(b.pointer(), Messages.expected(rule) + ", found " + Messages.show(b.invalidValue())));
        }
        return out;
    }

    /** JSON keys for bean property names; ExecutionConfig's own members are capitalized ({@code Env}). */
    private static String jsonKey(String property, Object leafBean, boolean leaf) {
        return leaf && leafBean instanceof ExecutionConfig
                ? Character.toUpperCase(property.charAt(0)) + property.substring(1)
                : JSON_KEYS.getOrDefault(property, property);
    }
}
