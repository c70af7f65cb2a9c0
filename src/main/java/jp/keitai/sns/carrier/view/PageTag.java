package jp.keitai.sns.carrier.view;

import jakarta.servlet.jsp.JspWriter;
import jakarta.servlet.jsp.PageContext;
import java.io.IOException;
import jp.keitai.sns.carrier.Handset;

/**
 * {@code <k:page title="…">…</k:page>}: the page skeleton for the handset — XML declaration and DOCTYPE of its
 * browser generation, the Content-Type meta with the charset label it will be encoded in, the title, the body.
 */
public class PageTag extends EnclosingTag {

    private String title = "";

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    @Override
    String close() {
        return "</body></html>";
    }

    @Override
    void open(JspWriter out) throws IOException {
        PageContext page = pageContext;
        Handset h = Handset.of(page.getRequest());
        String emptyEnd = h.isXhtml() ? " />" : ">";
        if (h.isXhtml()) {
            out.write("<?xml version=\"1.0\" encoding=\"" + h.getCharsetLabel() + "\"?>\n");
        }
        out.write(h.getDoctype());
        out.write('\n');
        out.write(
                h.isXhtml()
                        ? "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"ja\" lang=\"ja\">"
                        : "<html lang=\"ja\">");
        out.write("<head>");
        if ("html5".equals(h.getMarkup())) {
            out.write("<meta charset=\"" + h.getCharsetLabel() + "\">");
            out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        } else {
            out.write("<meta http-equiv=\"Content-Type\" content=\"" + h.getContentType() + "; charset="
                    + h.getCharsetLabel() + "\"" + emptyEnd);
        }
        out.write("<title>" + Html.escape(title) + "</title></head>\n<body>");
    }
}
