package jp.keitai.sns.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page to render: a template name under {@code mobile-templates/} (without family suffix or {@code .jsp}) and the
 * values it shows. Controllers return it; {@link ViewWriter} picks the template for the handset.
 */
public final class View {
    private final String name;
    private final Map<String, Object> model = new LinkedHashMap<>();

    private View(String name) {
        this.name = name;
    }

    public static View of(String name) {
        return new View(name);
    }

    public View with(String key, Object value) {
        model.put(key, value);
        return this;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> model() {
        return model;
    }
}
