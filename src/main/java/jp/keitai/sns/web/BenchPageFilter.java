package jp.keitai.sns.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.keitai.sns.system.Settings;

/**
 * The benchmark's ceiling page ({@code /static/ceiling.jsp}, bench/run.sh) is served only when
 * {@code sns.bench.ceiling=true}; otherwise it is not found, so production serves no page of test text. Mapped in
 * web.xml before the edge, so a refused request costs nothing.
 */
public class BenchPageFilter extends HttpFilter {

    static final String KEY = "sns.bench.ceiling";

    @Inject
    Settings settings;

    private Boolean enabled;

    public BenchPageFilter() {}

    BenchPageFilter(boolean enabled) {
        this.enabled = enabled;
    }

    private boolean enabled() {
        if (enabled == null) {
            enabled = settings.raw(KEY)
                    .map(v -> v.strip().equalsIgnoreCase("true"))
                    .orElse(false);
        }
        return enabled;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (enabled()) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
