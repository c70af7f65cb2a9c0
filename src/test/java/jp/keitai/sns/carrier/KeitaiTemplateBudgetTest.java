package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import jp.keitai.sns.carrier.emoji.EmojiCodec;
import org.junit.jupiter.api.Test;

/**
 * Every template a keitai handset can be served (its own {@code _docomo}/{@code _keitai} variant, or the plain one by
 * fallback) fits the smallest page budget of every generation that would get it: the static text outside
 * {@code <k:split>}, converted and encoded as that handset gets it, plus the page skeleton, plus a reserve for the
 * values the page fills in.
 */
class KeitaiTemplateBudgetTest {

    /** Room kept for names, titles and other values a template shows. */
    static final int RESERVE = 1000;

    /** DOCTYPE, XML declaration, head and meta that {@code <k:page>} adds. */
    static final int SKELETON = 400;

    @Test
    void everyKeitaiTemplateFitsTheSmallestBudgetItCanBeServedUnder() throws IOException {
        Path root = Path.of("mobile-templates");
        CarrierRegistry registry = CarrierRegistry.load(Optional.empty());
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jsp")).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("mail/")) {
                    continue; // mail bodies, not pages
                }
                String name = rel.substring(0, rel.length() - ".jsp".length());
                int underscore = name.lastIndexOf('_');
                if (underscore > name.lastIndexOf('/')) {
                    name = name.substring(0, underscore);
                }
                names.add(name);
            }
        }
        List<String> checked = new ArrayList<>();
        for (String name : names) {
            for (CarrierProfile carrier : registry.profiles()) {
                if (carrier.getFamily() != DeviceFamily.KEITAI) {
                    continue;
                }
                Path template = resolve(root, name, carrier);
                if (template == null) {
                    continue;
                }
                String text = staticText(Files.readString(template, StandardCharsets.UTF_8));
                for (Generation g : carrier.getGenerations()) {
                    var charset = g.charset().orElse(carrier.getCharset());
                    EmojiCodec.Source target =
                            charset.equals(StandardCharsets.UTF_8) ? EmojiCodec.Source.UNICODE : EmojiCodec.Source.SJIS;
                    String converted = EmojiCodec.bundled().fromUnicode(text, carrier.getEmoji(), target);
                    int bytes = converted.getBytes(charset).length + SKELETON + RESERVE;
                    assertTrue(
                            g.getBudget() == 0 || bytes <= g.getBudget(),
                            root.relativize(template) + " for " + carrier.getId() + "/" + g.getName() + ": "
                                    + bytes + " bytes with skeleton and reserve, budget " + g.getBudget()
                                    + " (put long parts inside <k:split>)");
                    checked.add(name + "@" + carrier.getId() + "/" + g.getName());
                }
            }
        }
        assertTrue(checked.contains("top@docomo/mova"), checked.toString());
    }

    /** The template the handset would get: carrier variant, then keitai, then plain. */
    private static Path resolve(Path root, String name, CarrierProfile carrier) {
        for (String suffix : List.of("_" + carrier.getId(), "_keitai", "")) {
            Path p = root.resolve(name + suffix + ".jsp");
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * What the template writes for sure: no JSP comments, directives, Java (the keitai home's loops; what they print is
     * a value, like EL's), splittable part or tag markup of taglibs.
     */
    static String staticText(String jsp) {
        return jsp.replaceAll("(?s)<%--.*?--%>", "")
                .replaceAll("(?s)<%.*?%>", "")
                .replaceAll("(?s)<k:split>.*?</k:split>", "")
                .replaceAll("</?(c|fn|k|p):[^>]*>", "");
    }
}
