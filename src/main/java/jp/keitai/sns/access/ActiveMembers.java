package jp.keitai.sns.access;

import java.util.Collection;

/**
 * Which members are active (neither suspended nor withdrawn): nobody sees content of an inactive member. {@code
 * member} implements it.
 */
public interface ActiveMembers {

    boolean isActive(long id);

    /** Removes the inactive members from {@code ids}. */
    void retainActive(Collection<Long> ids);

    /** The active members among {@code ids}, in their order. */
    long[] active(long[] ids);
}
