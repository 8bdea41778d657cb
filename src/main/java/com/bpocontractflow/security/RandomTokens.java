package com.bpocontractflow.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable tokens (merchant links, page tokens): 256 bits from a cryptographically strong generator,
 * base64url without padding (43 characters). Each thread has its own generator (NIST SP 800-90A Hash_DRBG,
 * seeded from the operating system), so the job executor's threads creating reminder links at once do not
 * queue on one shared {@code SecureRandom}'s lock.
 */
public final class RandomTokens {

  /** Bytes per token: 256 bits. */
  static final int BYTES = 32;

  private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(RandomTokens::generator);

  private RandomTokens() {
  }

  /** A new token of 43 base64url characters. */
  public static String next() {
    byte[] bytes = new byte[BYTES];
    GENERATORS.get().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * A one-time code of {@code count} decimal digits (leading zeros kept), each drawn uniformly from the
   * same generator, e.g. the 6-digit code a signer receives by e-mail.
   */
  public static String digits(int count) {
    if (count < 1 || count > 20) {
      throw new IllegalArgumentException("count must be 1 to 20");
    }
    SecureRandom random = GENERATORS.get();
    StringBuilder code = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      code.append((char) ('0' + random.nextInt(10)));
    }
    return code.toString();
  }

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException notOnThisJvm) {
      return new SecureRandom();
    }
  }
}
