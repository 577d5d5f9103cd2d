package dev.oci4j.image.internal.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An RFC 3339 section 5.6 date-time string; null is valid (absent). Used through the constraint mapping only. */
@Target({ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DateTime.Validator.class)
public @interface DateTime {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link DateTime}; public for Hibernate Validator, which instantiates it reflectively. */
    final class Validator implements ConstraintValidator<DateTime, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Grammars.isDateTime(value);
        }
    }
}
