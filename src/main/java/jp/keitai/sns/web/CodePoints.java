package jp.keitai.sns.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text of at most {@link #max} characters as members count them: code points, so an emoji or a rare kanji outside
 * the BMP counts once (Bean Validation's {@code @Size} counts UTF-16 units and would count it twice). Null passes; pair
 * with {@code @NotBlank} where the text is required.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = CodePoints.Check.class)
public @interface CodePoints {

    int max();

    String message() default "{jp.keitai.sns.web.CodePoints.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts the code points of the text. */
    class Check implements ConstraintValidator<CodePoints, CharSequence> {

        private int max;

        @Override
        public void initialize(CodePoints constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || Character.codePointCount(text, 0, text.length()) <= max;
        }
    }
}
