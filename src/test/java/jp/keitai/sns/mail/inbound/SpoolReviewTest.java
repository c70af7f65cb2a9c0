package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the operator console reads of the spool, and putting quarantined mail back or deleting it. */
class SpoolReviewTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aQuarantinedMailPutBackAfterAFixIsHandledAsIfJustReceived(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.max-attempts", "2"))) {
            rig.behaviour = (mail, em) -> {
                throw new IllegalStateException("feature bug");
            };
            long id = rig.spool("au-jis-emoji.eml", "v.x8y2z7w3u4s5r6q9@" + MailRig.DOMAIN);
            Instant t = Clock.now();
            for (int i = 0; i < 3; i++) {
                rig.worker.runOnce(t);
                t = t.plusSeconds(3600);
            }
            assertEquals(SpoolMessage.QUARANTINED, rig.row(id).getState());

            SpoolReview review = new SpoolReview(db.database());
            assertEquals(1L, review.counts().get(SpoolMessage.QUARANTINED));
            assertEquals(0L, review.counts().get(SpoolMessage.NEW), "every state is counted, 0 when none");
            SpoolReview.Row row = review.list(SpoolMessage.QUARANTINED, 1).get(0);
            assertEquals(id, row.id());
            assertEquals(2, row.attempts());
            assertTrue(row.getReason().contains("2回"), row.getReason());
            assertArrayEquals(rig.row(id).getRaw(), review.raw(id).orElseThrow(), "the raw bytes as stored");

            rig.behaviour = (mail, em) -> MailResult.done(); // the feature is fixed
            String heldFor = db.database().tx(em -> review.retry(id)).orElseThrow();
            assertEquals(row.getReason(), heldFor, "the reason it was held for, for the audit log");
            assertTrue(review.retry(id).isEmpty(), "only a quarantined mail goes back");
            assertTrue(review.delete(id).isEmpty(), "only a quarantined mail is deleted");
            SpoolMessage back = rig.row(id);
            assertEquals(SpoolMessage.NEW, back.getState());
            assertEquals(0, back.getAttempts(), "its attempts start again");
            rig.worker.runOnce(t);
            assertEquals(SpoolMessage.DONE, rig.row(id).getState());
            assertEquals(1, rig.posts(id));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void anUnreadableMailPutBackIsReadAgainNotTakenForADuplicateOfItself(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            long id = rig.spool("wrong-charset.eml");
            long other = rig.spool("wrong-charset.eml", "d.other0000000000@" + MailRig.DOMAIN);
            rig.work();
            SpoolReview review = new SpoolReview(db.database());
            assertEquals(
                    List.of(other, id),
                    review.list(SpoolMessage.QUARANTINED, 1).stream()
                            .map(SpoolReview.Row::id)
                            .toList(),
                    "newest first");
            SpoolReview.Detail detail = review.find(id).orElseThrow();
            assertTrue(
                    detail.headers().contains(new SpoolReview.NamedValue("Subject", "文字化け")),
                    "encoded words decoded: " + detail.headers());

            String firstReason = rig.row(id).getReason();
            assertEquals(firstReason, review.retry(id).orElseThrow());
            rig.refusedByChannel.clear();
            rig.work();
            SpoolMessage again = rig.row(id);
            assertEquals(SpoolMessage.QUARANTINED, again.getState(), "read again, and still unreadable");
            assertEquals(firstReason, again.getReason(), "not a duplicate of itself");
            assertEquals(MailHandler.QUARANTINED + firstReason, rig.refusedByChannel.get(id), "answered again");

            assertEquals(firstReason, review.delete(id).orElseThrow());
            assertTrue(review.find(id).isEmpty());
            assertEquals(1L, review.counts().get(SpoolMessage.QUARANTINED));
        }
    }
}
