package dev.oci4j.internal.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Hibernate Validator, bootstrapped the one way every oci4j validator uses it: the single-field
 * rules are a programmatic {@link ConstraintMapping} on the model's private fields (the models carry
 * no annotations), each constraint's message is its rule id, and the result is a list of
 * {@link Broken} constraints with JSON pointers. A module builds one instance on first use (hold it
 * in a lazily initialized holder class): reading documents never loads Hibernate Validator, and
 * validating pays for the bootstrap once per class loader.
 *
 * <p>The bootstrap reads nothing from the host application: no {@code META-INF/validation.xml}
 * (another library's or the application's configuration must not change oci4j's rules), no
 * provider lookup through ServiceLoader, no Expression Language (messages are rule ids, never
 * interpolated), no JPA-aware traversable resolver. And it writes nothing: see {@link #quietVersionBanner()}.
 */
public final class BeanValidation {

    /** One broken constraint: the rule id (the constraint's message), where, and the value found. */
    public record Broken(String ruleId, String pointer, Object invalidValue) {
    }

    /** The JSON key of a bean property: most are spelled alike, some are not ({@code diffIds} is {@code diff_ids}). */
    @FunctionalInterface
    public interface JsonKeys {
        /**
         * @param property the Java field name
         * @param leafBean the bean the violated constraint sits on
         * @param leaf whether {@code property} is the last property of the path (a field of {@code leafBean})
         */
        String of(String property, Object leafBean, boolean leaf);
    }

    private final Validator validator;
    private final JsonKeys keys;

    private BeanValidation(Validator validator, JsonKeys keys) {
        this.validator = validator;
        this.keys = keys;
    }

    /** Bootstraps a validator with the constraints {@code mapping} declares. Costs a few hundred ms in a fresh JVM. */
    public static BeanValidation bootstrap(Consumer<ConstraintMapping> mapping, JsonKeys keys) {
        quietVersionBanner();
        HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .ignoreXmlConfiguration()
                .messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(ALWAYS_TRAVERSABLE);
        ConstraintMapping m = config.createConstraintMapping();
        mapping.accept(m);
        config.addMapping(m);
        // The factory stays open for the life of the class loader: its validator needs its caches.
        return new BeanValidation(config.buildValidatorFactory().getValidator(), Objects.requireNonNull(keys, "keys"));
    }

    /**
     * Hibernate Validator announces its version (HV000001) at INFO when it starts; with no logging
     * framework on the class path jboss-logging sends that through java.util.logging to stderr. Held
     * strongly: java.util.logging forgets the level of a logger nobody references.
     */
    private static final Logger VERSION_LOGGER = Logger.getLogger("org.hibernate.validator.internal.util.Version");

    /**
     * Lowers the level of the one logger that announces the version to WARNING, unless the host
     * application has set a level for it; the root logger and every other Hibernate logger are left
     * as the application configured them, so real warnings still reach its logs.
     */
    static void quietVersionBanner() {
        synchronized (VERSION_LOGGER) {
            if (VERSION_LOGGER.getLevel() == null) {
                VERSION_LOGGER.setLevel(Level.WARNING);
            }
        }
    }

    /** Every constraint {@code bean} breaks in {@link Default} and {@code extraGroups}, with pointers under {@code prefix}. */
    public List<Broken> validate(Object bean, String prefix, Class<?>... extraGroups) {
        Class<?>[] groups = new Class<?>[extraGroups.length + 1];
        groups[0] = Default.class;
        System.arraycopy(extraGroups, 0, groups, 1, extraGroups.length);
        List<Broken> out = new ArrayList<>();
        for (ConstraintViolation<Object> cv : validator.validate(bean, groups)) {
            out.add(new Broken(cv.getMessageTemplate(), prefix + pointer(cv), cv.getInvalidValue()));
        }
        return out;
    }

    /** {@code process.rlimits[1].type} as {@code /process/rlimits/1/type}, with JSON keys for property names. */
    private String pointer(ConstraintViolation<?> cv) {
        List<Path.Node> nodes = new ArrayList<>();
        cv.getPropertyPath().forEach(nodes::add);
        int lastProperty = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PROPERTY && nodes.get(i).getName() != null) {
                lastProperty = i;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.isInIterable()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (key != null) {
                    sb.append('/').append(escape(String.valueOf(key)));
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                sb.append('/').append(escape(keys.of(node.getName(), cv.getLeafBean(), i == lastProperty)));
            }
        }
        return sb.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Every field is reachable and cascadable: there are no lazy JPA associations to guard. */
    private static final TraversableResolver ALWAYS_TRAVERSABLE = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path path, ElementType type) {
            return true;
        }
    };
}
