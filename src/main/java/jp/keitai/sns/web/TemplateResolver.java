package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses a template by name with fallback: for a docomo handset {@code diary/show} tries {@code diary/show_docomo},
 * then {@code diary/show_keitai}, then {@code diary/show}. Templates never branch on the carrier themselves.
 */
@ApplicationScoped
public class TemplateResolver {

    public static final String ROOT = "/WEB-INF/templates/";

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** @param suffixes most specific first, e.g. {@code [docomo, keitai]} */
    public String resolve(ServletContext context, String name, List<String> suffixes) {
        String key = name + "|" + String.join(",", suffixes);
        return cache.computeIfAbsent(key, k -> find(context, name, suffixes));
    }

    private static String find(ServletContext context, String name, List<String> suffixes) {
        for (String suffix : suffixes) {
            String path = ROOT + name + "_" + suffix + ".jsp";
            if (exists(context, path)) {
                return path;
            }
        }
        String path = ROOT + name + ".jsp";
        if (!exists(context, path)) {
            throw new IllegalStateException("no template " + path);
        }
        return path;
    }

    private static boolean exists(ServletContext context, String path) {
        try {
            return context.getResource(path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
