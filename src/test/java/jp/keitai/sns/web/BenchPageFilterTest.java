package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BenchPageFilterTest {

    @Test
    void theCeilingPageIsServedOnlyWhenTheBenchmarkAsksForIt() throws Exception {
        AtomicInteger status = new AtomicInteger();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    if (m.getName().equals("sendError")) {
                        status.set((Integer) a[0]);
                    }
                    return null;
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> null);
        AtomicBoolean served = new AtomicBoolean();

        new BenchPageFilter(false).doFilter(request, response, (q, r) -> served.set(true));
        assertFalse(served.get());
        assertEquals(404, status.get());

        status.set(0);
        new BenchPageFilter(true).doFilter(request, response, (q, r) -> served.set(true));
        assertTrue(served.get());
        assertEquals(0, status.get());
    }
}
