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

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException notOnThisJvm) {
      return new SecureRandom();
    }
  }
}
