package jp.keitai.sns.carrier.view;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.JspWriter;
import jakarta.servlet.jsp.tagext.TagSupport;
import java.io.IOException;

/**
 * A layout tag that writes its opening markup, its body as it is, then its closing markup. Classic tags, not simple
 * ones: the container pools classic handlers, while Payara makes every simple tag handler through CDI under one
 * global lock.
 */
abstract class EnclosingTag extends TagSupport {

    /** Writes what comes before the body. */
    abstract void open(JspWriter out) throws IOException;

    /** What comes after the body. */
    abstract String close();

    @Override
    public final int doStartTag() throws JspException {
        try {
            open(pageContext.getOut());
        } catch (IOException e) {
            throw new JspException(e);
        }
        return EVAL_BODY_INCLUDE;
    }

    @Override
    public final int doEndTag() throws JspException {
        try {
            pageContext.getOut().write(close());
        } catch (IOException e) {
            throw new JspException(e);
        }
        return EVAL_PAGE;
    }
}
