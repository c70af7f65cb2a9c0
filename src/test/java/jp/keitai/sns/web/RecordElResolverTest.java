package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import java.util.Date;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

    public record Line(String title, int count) {}

    /** A view bean of the application's own, as a home section hands to its fragment. */
    public static final class Section {
        public String getTitle() {
            return "日記";
        }

        public boolean isMore() {
            return true;
        }

        public String getURL() {
            return "/diary";
        }

        public String describe() {
            return "not a getter";
        }
    }

    private static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    @Test
    void readsRecordComponentsAndTheApplicationsOwnGetters() {
        RecordElResolver resolver = new RecordElResolver();
        ELContext context = context();
        assertEquals("t", resolver.getValue(context, new Line("t", 3), "title"));
        assertTrue(context.isPropertyResolved());
        assertEquals(3, resolver.getValue(context(), new Line("t", 3), "count"));

        Section section = new Section();
        assertEquals("日記", resolver.getValue(context(), section, "title"));
        assertEquals(true, resolver.getValue(context(), section, "more"));
        assertEquals("/diary", resolver.getValue(context(), section, "URL"));
        assertThrows(PropertyNotWritableException.class, () -> resolver.setValue(context(), section, "title", "x"));
    }

    @Test
    void leavesEverythingElseToTheOtherResolvers() {
        RecordElResolver resolver = new RecordElResolver();
        ELContext context = context();
        assertNull(resolver.getValue(context, new Section(), "describe"));
        assertNull(resolver.getValue(context, new Section(), "nothing"));
        assertNull(resolver.getValue(context, new Date(), "time")); // not ours: BeanELResolver reads it
        assertNull(resolver.getValue(context, null, "title"));
        assertFalse(context.isPropertyResolved());
    }

    /** Properties are read by functions made like lambdas, not by reflection, which cost several times a call. */
    @Test
    void readsThroughMadeFunctionsNotReflection() {
        record Hidden(long id) {} // a local record: its class is not public
        Class<?>[][] cases = {{Line.class}, {Section.class}, {Hidden.class}};
        String[] properties = {"title", "more", "id"};
        for (int i = 0; i < cases.length; i++) {
            // made in the class's own nest, as its lambdas are; the reflective fallback would be RecordElResolver's
            String made = RecordElResolver.reader(cases[i][0], properties[i])
                    .getClass()
                    .getName();
            assertTrue(made.startsWith(cases[i][0].getName() + "$$Lambda"), made);
        }
        assertEquals(7L, RecordElResolver.reader(Hidden.class, "id").apply(new Hidden(7)));
        assertEquals(true, RecordElResolver.reader(Section.class, "more").apply(new Section()));
    }
}
