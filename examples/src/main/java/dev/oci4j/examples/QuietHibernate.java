package dev.oci4j.examples;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hibernate Validator announces itself at INFO through java.util.logging. A command's output is its
 * report, so commands that validate documents (validate, layout verify) quiet it first.
 */
final class QuietHibernate {

    // Held in a field: java.util.logging keeps loggers only weakly, and a collected logger loses its level.
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate.validator");

    private QuietHibernate() {
    }

    static void apply() {
        HIBERNATE_LOG.setLevel(Level.WARNING);
    }
}
