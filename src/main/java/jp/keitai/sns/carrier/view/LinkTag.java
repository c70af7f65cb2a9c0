package jp.keitai.sns.carrier.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.JspWriter;
import jakarta.servlet.jsp.PageContext;
import java.io.IOException;
import jp.keitai.sns.carrier.Handset;

/**
 * {@code <k:link href="/diary" key="1">日記</k:link>}: a same-site link with an {@code accesskey} (1–9, 0, * or #).
 * On keitai the key is shown in front as its keycap pictogram (the edge turns it into the carrier's own, or into
 * text), so numeric-key navigation is visible. The URL goes through {@code encodeURL}: session id where needed.
 *
 * <p>A classic tag, not a simple tag, as are {@link PageTag} and {@link SplitTag}: the container pools classic tag
 * handlers, while it makes every simple tag handler anew through CDI, under a lock shared by all requests.
 */
public class LinkTag extends EnclosingTag {

    private String href;
    private String key;

    public void setHref(String href) {
        this.href = href;
    }

    public void setKey(String key) {
        this.key = key;
    }

    @Override
    String close() {
        return "</a>";
    }

    @Override
    void open(JspWriter out) throws IOException {
        PageContext page = pageContext;
        HttpServletRequest request = (HttpServletRequest) page.getRequest();
        HttpServletResponse response = (HttpServletResponse) page.getResponse();
        Handset h = Handset.of(request);
        String url = href.startsWith("/") ? request.getContextPath() + href : href;
        out.write("<a href=\"" + Html.escape(response.encodeURL(url)) + "\"");
        boolean hasKey = key != null && key.length() == 1 && "0123456789*#".indexOf(key.charAt(0)) >= 0;
        if (hasKey) {
            out.write(" accesskey=\"" + key + "\"");
        }
        out.write('>');
        if (hasKey && h.isKeitai()) {
            out.write(key + "\uFE0F\u20E3"); // keycap emoji
        }
    }
}
