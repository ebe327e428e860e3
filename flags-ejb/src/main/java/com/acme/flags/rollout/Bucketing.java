package com.acme.flags.rollout;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Unleash's gradual-rollout bucket with stickiness on the subject id and groupId = flag key: {@code
 * murmur3_x86_32("flagKey:subjectId", seed 0)} as unsigned, modulo 100, plus 1. A subject keeps its
 * bucket, so one that is in at 10 % stays in at 25 %.
 */
public final class Bucketing {

  private Bucketing() {}

  /** The subject's bucket for the flag, 1..100. */
  public static int bucket(String flagKey, String subjectId) {
    byte[] bytes = (flagKey + ":" + subjectId).getBytes(StandardCharsets.UTF_8);
    int hash = MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
    return (int) (Integer.toUnsignedLong(hash) % 100) + 1;
  }
}
