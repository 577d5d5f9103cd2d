package dev.oci4j.image.internal.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An RFC 3986 URI (with a scheme); null is valid. Used through the constraint mapping only. */
@Target({ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Uri.Validator.class)
public @interface Uri {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link Uri}; public for Hibernate Validator, which instantiates it reflectively. */
    final class Validator implements ConstraintValidator<Uri, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Grammars.isUri(value);
        }
    }
}
