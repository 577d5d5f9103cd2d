package dev.oci4j.linux.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link OciContainer} field for {@link OciContainers @OciContainers} to start and stop: a
 * static field once per class (started before the class's {@code @BeforeAll} methods), an instance
 * field once per test (before its {@code @BeforeEach} methods). The field must be initialized.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Container {
}
