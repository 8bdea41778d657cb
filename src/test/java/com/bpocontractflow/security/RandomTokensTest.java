package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomTokensTest {

  @Test
  void shouldMake256BitTokensOfUrlSafeCharacters() {
    String token = RandomTokens.next();
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
  }

  @Test
  void shouldNeverRepeatATokenAcrossThreads() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = IntStream.range(0, 4).<Future<?>>mapToObj(t -> threads.submit(() -> {
        for (int i = 0; i < 5_000; i++) {
          seen.add(RandomTokens.next());
        }
      })).toList();
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(seen).hasSize(20_000);
  }

  @Test
  void shouldUseEveryBitOfTheToken() {
    // over 2,000 tokens each of the 256 bits is set in some and clear in others
    byte[] anyOne = new byte[32];
    byte[] allOnes = new byte[32];
    java.util.Arrays.fill(allOnes, (byte) 0xFF);
    byte[] and = allOnes.clone();
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = Base64.getUrlDecoder().decode(RandomTokens.next());
      for (int b = 0; b < 32; b++) {
        anyOne[b] |= bytes[b];
        and[b] &= bytes[b];
      }
    }
    assertThat(anyOne).isEqualTo(allOnes);
    assertThat(and).isEqualTo(new byte[32]);
  }

  @Test
  void shouldMakeOneTimeCodesOfDigitsWithEveryDigitInEveryPlace() {
    // over 2,000 codes each of the 6 places takes each of the 10 digits (a place stuck at one digit fails)
    boolean[][] seen = new boolean[6][10];
    for (int i = 0; i < 2_000; i++) {
      String code = RandomTokens.digits(6);
      assertThat(code).matches("[0-9]{6}");
      for (int p = 0; p < 6; p++) {
        seen[p][code.charAt(p) - '0'] = true;
      }
    }
    for (boolean[] place : seen) {
      assertThat(place).containsOnly(true);
    }
  }
}
