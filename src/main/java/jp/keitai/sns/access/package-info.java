/** Who may see what: the one access policy every surface asks, and the visibility levels it knows. */
package jp.keitai.sns.access;
