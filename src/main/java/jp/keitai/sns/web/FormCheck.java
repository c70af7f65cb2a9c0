package jp.keitai.sns.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * Bean Validation for what members type: a service checks its form record ({@code record DiaryForm(@NotBlank … )})
 * with {@link #check}, and the first broken constraint becomes a {@link Refused} with its message from
 * {@code ValidationMessages_ja.properties}. Messages are always Japanese, whatever the server's locale.
 */
public final class FormCheck {

    private static final Validator VALIDATOR = validator();

    private FormCheck() {}

    /** Throws {@link Refused} with the message of the first broken constraint (by property name, for a stable order). */
    public static <T> T check(T form) {
        Set<ConstraintViolation<T>> broken = VALIDATOR.validate(form);
        if (!broken.isEmpty()) {
            throw new Refused(broken.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .orElseThrow()
                    .getMessage());
        }
        return form;
    }

    private static Validator validator() {
        ValidatorFactory factory = Validation.byDefaultProvider().configure().buildValidatorFactory();
        MessageInterpolator japanese = new Japanese(factory.getMessageInterpolator());
        return factory.usingContext().messageInterpolator(japanese).getValidator();
    }

    private record Japanese(MessageInterpolator inner) implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return inner.interpolate(template, context, Locale.JAPANESE);
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return inner.interpolate(template, context, Locale.JAPANESE);
        }
    }
}
