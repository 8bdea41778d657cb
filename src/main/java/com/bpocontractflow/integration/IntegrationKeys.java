package com.bpocontractflow.integration;

import com.bpocontractflow.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The systems that may call {@code /api/integrations/*} and with which key. Keys are random secrets held by
 * each system (not passwords: nothing to guess, nothing to lock); the application keeps only their SHA-256,
 * configured as {@code BPO_INTEGRATION_API_KEYS="payments:<sha256>:deposits,esign:<sha256>:e-signatures"}
 * — name, SHA-256 of the key, and optionally the endpoints it may call (separated by {@code |}; none = all).
 * Generate a key with {@code openssl rand -hex 32} and its hash with {@code printf %s "$KEY" | sha256sum}.
 */
@Component
class IntegrationKeys {

  /** A system that called with a valid key. */
  record Caller(String name, Set<String> endpoints) {
    boolean may(String endpoint) {
      return endpoints.isEmpty() || endpoints.contains(endpoint);
    }
  }

  private final Map<String, Caller> byKeyHash = new HashMap<>();

  IntegrationKeys(@Value("${bpo.integrations.api-keys:}") String configured) {
    for (String entry : configured.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split(":");
      if (parts.length < 2 || !parts[1].matches("[0-9a-fA-F]{64}") || !parts[0].matches("[A-Za-z0-9_-]{2,40}")) {
        throw new IllegalStateException("bpo.integrations.api-keys: expected name:sha256hex[:endpoint|…], got an "
            + "entry starting with " + parts[0]);
      }
      Set<String> endpoints = parts.length > 2 ? Set.of(parts[2].split("\\|")) : Set.of();
      byKeyHash.put(parts[1].toLowerCase(), new Caller(parts[0], endpoints));
    }
  }

  /** The system whose key this is: the key's hash is compared in constant time with each configured one. */
  Optional<Caller> caller(String key) {
    if (key == null || key.length() < 16 || key.length() > 200) {
      return Optional.empty();
    }
    byte[] hash = Sha256.hex(key).getBytes(StandardCharsets.US_ASCII);
    Caller found = null;
    for (Map.Entry<String, Caller> entry : byKeyHash.entrySet()) {
      if (MessageDigest.isEqual(hash, entry.getKey().getBytes(StandardCharsets.US_ASCII))) {
        found = entry.getValue();
      }
    }
    return Optional.ofNullable(found);
  }
}
