package jp.keitai.sns.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import jp.keitai.sns.safety.SafetyService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * {@code /admin/safety}: open a 安否確認 for a region and a time window (from now, or from a given Tokyo time, for so
 * many hours), end one early, and see how many answered. Every change is audited with the check it made.
 */
@RequestScoped
@MembersOnly
@Path("admin/safety")
@Produces(MediaType.TEXT_HTML)
public class AdminSafetyResource {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Operators operators;

    @Inject
    SafetyService safety;

    @Inject
    AuditLog audit;

    @Inject
    Database database;

    @GET
    public View page() {
        operators.require();
        return View.of("admin/safety").with("checks", safety.latest(30));
    }

    @POST
    public View open(
            @FormParam("title") String title,
            @FormParam("region") String region,
            @FormParam("prefectures") String prefectures,
            @FormParam("starts") String starts,
            @FormParam("hours") String hours) {
        long operator = operators.require();
        try {
            Instant from = parseStart(starts);
            int h = parseHours(hours);
            long id = database.tx(em -> {
                long made = safety.open(operator, title, region, prefectures, from, Duration.ofHours(h));
                String where = prefectures == null || prefectures.isBlank() ? "全国" : prefectures.strip();
                audit.record(operator, "safety.open", "安否確認 #" + made, title + " / " + where + " / " + h + "時間");
                return made;
            });
            return page().with("notice", "安否確認 #" + id + " を開きました。");
        } catch (Refused e) {
            return page().with("error", e.getMessage())
                    .with("title", title)
                    .with("region", region)
                    .with("prefectures", prefectures)
                    .with("hours", hours);
        }
    }

    @POST
    @Path("{id: \\d+}/close")
    public View close(@PathParam("id") long id) {
        long operator = operators.require();
        boolean closed = database.tx(em -> {
            boolean done = safety.close(id);
            if (done) {
                audit.record(operator, "safety.close", "安否確認 #" + id, null);
            }
            return done;
        });
        return page().with("notice", closed ? "安否確認 #" + id + " を終了しました。" : "すでに終了しています。");
    }

    private static Instant parseStart(String starts) {
        if (starts == null || starts.isBlank()) {
            return Clock.now();
        }
        try {
            return LocalDateTime.parse(starts.strip(), START)
                    .atZone(Clock.JAPAN)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused("開始は「2011-03-11 14:46」の形で入れてください（空なら今から）。");
        }
    }

    private static int parseHours(String hours) {
        try {
            int h = Integer.parseInt(hours == null ? "" : hours.strip());
            if (h < 1 || h > 720) {
                throw new NumberFormatException();
            }
            return h;
        } catch (NumberFormatException e) {
            throw new Refused("期間は1〜720時間で入れてください。");
        }
    }
}
