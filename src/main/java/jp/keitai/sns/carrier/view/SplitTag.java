package jp.keitai.sns.carrier.view;

import jakarta.servlet.jsp.JspWriter;
import java.io.IOException;

/**
 * {@code <k:split>…</k:split>}: the part of a page the edge may cut into numbered parts (前へ/次へ) to keep the page
 * within the handset's byte budget. Put long text and lists inside; keep headers and menus outside. One per page.
 */
public class SplitTag extends EnclosingTag {

    /** Same markers as the edge's splitter looks for. */
    static final String START = "<!--k:split-->";

    static final String END = "<!--/k:split-->";

    @Override
    void open(JspWriter out) throws IOException {
        out.write(START);
    }

    @Override
    String close() {
        return END;
    }
}
