package dev.oci4j.linux.junit;

import dev.oci4j.distribution.server.RegistryServer;
import dev.oci4j.linux.ContainerRuntimes;
import dev.oci4j.linux.RuntimeOptions;
import dev.oci4j.linux.spi.Availability;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * The JUnit 5 extension behind {@link OciContainers @OciContainers}; register it through that
 * annotation (or {@code @ExtendWith}). It keeps one session per launcher run (its containers, network
 * and state under {@code /run/oci4j/junit/SESSION}, or {@code -Doci4j.junit.dir}), sweeps sessions of
 * dead JVMs when it opens one, and attaches the containers' last log lines to failing tests: as a
 * suppressed {@link ContainerLogs} on the exception and as a report entry
 * {@code oci4j.logs.NAME}.
 */
// "exports": JUnit is a static (optional) requirement on purpose; whoever uses this class has JUnit.
@SuppressWarnings("exports")
public final class OciContainersExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, ParameterResolver,
        ExecutionCondition {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(OciContainersExtension.class);

    /** Creates the extension; JUnit does, through {@link OciContainers}. */
    public OciContainersExtension() {
    }

    /**
     * Removes what runs of dead JVMs left under the session directory ({@code -Doci4j.junit.dir},
     * else /run/oci4j/junit): their containers, cgroups, bundles and mounts, network namespaces,
     * CNI allocations, iptables rules and bridges. The extension does this itself when a run starts;
     * this is for a build step or a CI job of its own.
     *
     * @return the ids of the sessions removed
     * @throws IOException when something could not be removed (the rest still is)
     */
    public static List<String> sweep() throws IOException {
        return Session.sweep(Session.base());
    }

    /**
     * The directory under which each run keeps its state.
     *
     * @return {@code -Doci4j.junit.dir}, else /run/oci4j/junit
     */
    public static Path stateDirectory() {
        return Session.base();
    }

    /** The launcher run's session, closed with the root context (after the last class). */
    private static Session session(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(SessionResource.class, k -> {
            try {
                return new SessionResource(Session.open());
            } catch (IOException e) {
                throw new ExtensionConfigurationException("oci4j: cannot open a test session under " + Session.base()
                        + ": " + e.getMessage(), e);
            }
        }, SessionResource.class).session;
    }

    /** Closes the session with the store; both interfaces, for JUnit 5 releases before and after 5.13. */
    @SuppressWarnings("deprecation")
    private static final class SessionResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Session session;

        SessionResource(Session session) {
            this.session = session;
        }

        @Override
        public void close() throws IOException {
            session.close();
        }
    }

    private static String backend(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, OciContainers.class))
                .map(OciContainers::runtime).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** What a class or test started, closed with its extension context, in reverse order. */
    @SuppressWarnings("deprecation")   // CloseableResource: still what JUnit 5 before 5.13 closes
    private static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final List<OciContainer> containers = new ArrayList<>();
        final List<RegistryServer> registries = new ArrayList<>();

        @Override
        public synchronized void close() throws IOException {
            IOException failure = null;
            for (int i = containers.size() - 1; i >= 0; i--) {
                try {
                    containers.get(i).close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            for (RegistryServer r : registries) {
                r.close();
            }
            containers.clear();
            registries.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** This context's own resources: stores inherit their parents' values, so the key names the context. */
    private static Started started(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(key(context), k -> new Started(), Started.class);
    }

    private static String key(ExtensionContext context) {
        return "started " + context.getUniqueId();
    }

    /**
     * Disables the test class when it asks for that with
     * {@link OciContainers#disabledWithoutRuntime() disabledWithoutRuntime} and its runtime is unusable
     * here; the reason names each backend and what it lacks. Probed once per backend and launcher run.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<OciContainers> annotation = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, OciContainers.class));
        if (annotation.isEmpty() || !annotation.get().disabledWithoutRuntime()) {
            return ConditionEvaluationResult.enabled("oci4j: disabledWithoutRuntime is off");
        }
        String backend = backend(context);
        Availability a = context.getRoot().getStore(NS).getOrComputeIfAbsent("probe " + (backend == null ? "" : backend),
                k -> {
                    RuntimeOptions.Builder options = RuntimeOptions.builder();
                    if (backend != null) {
                        options.backend(backend);
                    }
                    try {
                        return ContainerRuntimes.probe(options.build());
                    } catch (IllegalArgumentException e) {
                        // A misspelt backend is the test's mistake: disabling the class would hide it.
                        throw new ExtensionConfigurationException("oci4j: " + e.getMessage(), e);
                    }
                }, Availability.class);
        return a.isAvailable() ? ConditionEvaluationResult.enabled("oci4j: container runtime " + a.reason())
                : ConditionEvaluationResult.disabled("oci4j: containers cannot run here, and the class has"
                        + " @OciContainers(disabledWithoutRuntime = true): " + a.reason());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        start(context, testClass, null, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            start(context, instance.getClass(), instance, false);
        }
    }

    private static void start(ExtensionContext context, Class<?> type, Object instance, boolean statics)
            throws Exception {
        Started started = started(context);
        for (Field f : AnnotationSupport.findAnnotatedFields(type, Registry.class,
                fld -> ModifierSupport.isStatic(fld) == statics, HierarchyTraversalMode.TOP_DOWN)) {
            if (!f.getType().isAssignableFrom(RegistryServer.class)) {
                throw new ExtensionConfigurationException("@Registry field " + f + " must be of type RegistryServer");
            }
            if (Modifier.isFinal(f.getModifiers())) {
                throw new ExtensionConfigurationException("@Registry field " + f + " must not be final: it is set");
            }
            RegistryServer server = RegistryServer.start();
            started.registries.add(server);
            f.setAccessible(true);
            f.set(instance, server);
        }
        Session session = null;
        for (Field f : AnnotationSupport.findAnnotatedFields(type, Container.class,
                fld -> ModifierSupport.isStatic(fld) == statics, HierarchyTraversalMode.TOP_DOWN)) {
            if (!OciContainer.class.isAssignableFrom(f.getType())) {
                throw new ExtensionConfigurationException("@Container field " + f + " must be of type OciContainer");
            }
            f.setAccessible(true);
            OciContainer c = (OciContainer) f.get(instance);
            if (c == null) {
                throw new ExtensionConfigurationException("@Container field " + f + " is null: initialize it");
            }
            if (session == null) {
                session = session(context);
            }
            started.containers.add(c);
            c.start(session, backend(context));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        started(context).close();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        started(context).close();
    }

    // --- failures: the containers' logs go with the exception

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withLogs(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withLogs(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw withLogs(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw withLogs(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withLogs(context, throwable);
    }

    private static Throwable withLogs(ExtensionContext context, Throwable throwable) {
        List<OciContainer> containers = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Started s = c.get().getStore(NS).get(key(c.get()), Started.class);
            if (s != null) {
                containers.addAll(s.containers);
            }
        }
        for (OciContainer c : containers) {
            if (!c.hasLog()) {
                continue;
            }
            ContainerLogs logs = c.logsForReport();
            throwable.addSuppressed(logs);
            context.publishReportEntry("oci4j.logs." + c.displayName(), String.join("\n", logs.lines()));
        }
        return throwable;
    }

    // --- parameters: @Registry RegistryServer

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(Registry.class)
                && parameter.getParameter().getType().isAssignableFrom(RegistryServer.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Started s = started(classContext);
        synchronized (s) {
            if (s.registries.isEmpty()) {
                try {
                    s.registries.add(RegistryServer.start());
                } catch (IOException e) {
                    throw new ParameterResolutionException("cannot start an embedded registry: " + e.getMessage(), e);
                }
            }
            return s.registries.get(0);
        }
    }
}
