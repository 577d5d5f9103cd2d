package dev.oci4j.linux.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An embedded OCI registry ({@link dev.oci4j.distribution.server.RegistryServer}, in memory, on a
 * free loopback port) started by {@link OciContainers @OciContainers}: on a static field of that type,
 * one for the class; on an instance field, one per test; on a test or lifecycle method's parameter of
 * that type, the class's (started for it when no static field declares one).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Registry {
}
