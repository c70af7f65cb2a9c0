package jp.keitai.sns.web;

/**
 * A member's request refused for a reason the member can act on, with that reason in Japanese: a form value out of
 * its constraints ({@link FormCheck}) or a rule of the feature (a full event, a blocked member). Resources that show a
 * form again catch it and show the message beside the form; anywhere else {@link RefusedMapper} answers 400 with it.
 */
public class Refused extends RuntimeException {

    public Refused(String message) {
        super(message, null, false, false);
    }
}
