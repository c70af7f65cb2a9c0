package jp.keitai.sns.web;

import jp.keitai.sns.system.Settings;

/**
 * The guest top page's view with what it says about joining in the mode the service runs in ({@code
 * sns.registration}): the {@code get@} address for 空メール registration, the domain to allow for 指定受信, and whether
 * anyone may start. The top page and a refused sign-in show the same page.
 */
public final class TopPage {

    private TopPage() {}

    public static View view(Settings settings) {
        return View.of("top")
                .with("openRegistration", settings.registration() == Settings.Registration.OPEN)
                .with("getAddress", "get@" + settings.mailDomain())
                .with("mailDomain", settings.mailDomain());
    }
}
