package jp.keitai.sns.carrier.view;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.TagSupport;
import java.io.IOException;

/**
 * {@code <k:split>…</k:split>}: the part of a page the edge may cut into numbered parts (前へ/次へ) to keep the page
 * within the handset's byte budget. Put long text and lists inside; keep headers and menus outside. One per page.
 */
public class SplitTag extends TagSupport {

    /** Same markers as the edge's splitter looks for. */
    static final String START = "<!--k:split-->";

    static final String END = "<!--/k:split-->";

    @Override
    public int doStartTag() throws JspException {
        write(START);
        return EVAL_BODY_INCLUDE;
    }

    @Override
    public int doEndTag() throws JspException {
        write(END);
        return EVAL_PAGE;
    }

    private void write(String marker) throws JspException {
        try {
            pageContext.getOut().write(marker);
        } catch (IOException e) {
            throw new JspException(e);
        }
    }
}
