package dev.oci4j.linux.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class's {@link Container @Container} fields and {@link Registry @Registry} registries
 * with no daemon: static fields once for the class, instance fields once per test, each stopped and
 * removed when its class or test ends, even when it fails. A failing test's exception carries the
 * last log lines of its containers. What a killed JVM left is removed by the next run.
 *
 * <pre>{@code
 * @OciContainers
 * class WebTest {
 *     @Container
 *     static OciContainer web = OciContainer.fromLayout(Path.of("target/images"), "busybox")
 *             .command("httpd", "-f", "-p", "80").addPort(80).waitingFor(WaitStrategy.forPort(80));
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OciContainersExtension.class)
@SuppressWarnings("exports")   // JUnit is a static requirement: whoever uses this annotation has JUnit
public @interface OciContainers {

    /**
     * The runtime backend for the class's containers ({@code runc}, {@code crun}); empty for
     * {@code -Doci4j.runtime}, else the best available.
     *
     * @return the backend's name, or empty
     */
    String runtime() default "";

    /**
     * Whether the class's tests are disabled, rather than failed, where its runtime cannot run
     * containers: not root, no runc or crun on PATH, no perl. The reason JUnit reports names each backend
     * and what it lacks. Off by default, so that a machine that should run containers and cannot is a
     * failure, not a silently green build; turn it on for tests that may also run where containers cannot
     * (a developer's laptop, an unprivileged CI job). Only the class's runtime (above) is checked; a
     * container that names its own with {@link OciContainer#runtime(String)} still fails when that one is
     * unusable.
     *
     * @return true to disable the tests where no container runtime is usable
     */
    boolean disabledWithoutRuntime() default false;
}
