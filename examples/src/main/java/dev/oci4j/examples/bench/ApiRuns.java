package dev.oci4j.examples.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One backend of the runtime API for {@link RunBenchmark}: this build's, or that of another
 * {@code oci.jar} (an older commit) loaded in a class loader of its own, so that two builds are timed
 * in the same rounds. Both are called the same way, through reflection, so that neither pays a cost
 * the other does not.
 */
final class ApiRuns implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Object runtime;
    private final Method run;
    private final Method state;
    private final Method close;
    private final URLClassLoader own;

    private ApiRuns(String name, Object runtime, Class<?> api, URLClassLoader own) throws NoSuchMethodException {
        this.name = name;
        this.runtime = runtime;
        this.run = api.getMethod("run", String.class, Path.class, Duration.class);
        this.state = api.getMethod("state", String.class);
        this.close = api.getMethod("close");
        this.own = own;
    }

    /** Opens {@code backend} from {@code jar}, or from this build when {@code jar} is null. */
    static ApiRuns open(Path jar, String backend, Path root, String name) throws Exception {
        URLClassLoader own = jar == null ? null
                : new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = own != null ? own : ApiRuns.class.getClassLoader();
        Class<?> options = loader.loadClass("dev.oci4j.linux.RuntimeOptions");
        Object b = options.getMethod("builder").invoke(null);
        b = b.getClass().getMethod("backend", String.class).invoke(b, backend);
        b = b.getClass().getMethod("root", Path.class).invoke(b, root);
        Object built = b.getClass().getMethod("build").invoke(b);
        Object runtime = loader.loadClass("dev.oci4j.linux.ContainerRuntimes")
                .getMethod("open", options, ClassLoader.class).invoke(null, built, loader);
        return new ApiRuns(name, runtime, loader.loadClass("dev.oci4j.linux.ContainerRuntime"), own);
    }

    String name() {
        return name;
    }

    /**
     * One {@code run}: seconds until it returns (exit status and output known), and until its
     * deletion is done too ({@code state} waits for it, and starts no process once it is gone).
     */
    double[] run(String id, Path bundle) throws Exception {
        long start = System.nanoTime();
        Object result = invoke(run, id, bundle, TIMEOUT);
        double s = (System.nanoTime() - start) / 1e9;
        invoke(state, id);
        double all = (System.nanoTime() - start) / 1e9;
        Object status = result.getClass().getMethod("status").invoke(result);
        if (!(Boolean) status.getClass().getMethod("success").invoke(status)) {
            throw new IllegalStateException(name + " " + id + ": " + status + " "
                    + result.getClass().getMethod("stderr").invoke(result));
        }
        return new double[] {s, all};
    }

    private Object invoke(Method m, Object... args) throws Exception {
        try {
            return m.invoke(runtime, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            invoke(close);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }
}
