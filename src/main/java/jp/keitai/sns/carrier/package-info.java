/**
 * The handset edge: who is asking (carrier, device family, browser generation) and the conversions at the border
 * between the handset's bytes and the application's Unicode. Carrier differences live here and in
 * {@code carrier-config/}; nothing outside this package branches on a carrier.
 */
package jp.keitai.sns.carrier;
