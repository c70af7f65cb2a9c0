package jp.keitai.sns.carrier.view;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <k:split>…</k:split>}: the part of a page the edge may cut into numbered parts (前へ/次へ) to keep the page
 * within the handset's byte budget. Put long text and lists inside; keep headers and menus outside. One per page.
 */
public class SplitTag extends SimpleTagSupport {

    /** Same markers as the edge's splitter looks for. */
    static final String START = "<!--k:split-->";

    static final String END = "<!--/k:split-->";

    @Override
    public void doTag() throws JspException, IOException {
        getJspContext().getOut().write(START);
        if (getJspBody() != null) {
            getJspBody().invoke(null);
        }
        getJspContext().getOut().write(END);
    }
}
