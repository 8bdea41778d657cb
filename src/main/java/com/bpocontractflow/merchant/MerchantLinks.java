package com.bpocontractflow.merchant;

import com.bpocontractflow.mail.ProviderProperties;
import com.bpocontractflow.security.RandomTokens;
import com.bpocontractflow.validation.Clocks;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Creates and checks the links in merchant e-mails. A token is 256 random bits (base64url); only its
 * SHA-256 is stored, so the table alone opens nothing. A link is bound to one contract, one waiting step
 * and that step's round; it expires and is single-use.
 */
@Service
public class MerchantLinks {

  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
  private static final DataClassRowMapper<MerchantLink> MAPPER = new DataClassRowMapper<>(MerchantLink.class);

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final MerchantLinkProperties properties;
  private final ProviderProperties provider;

  public MerchantLinks(JdbcClient jdbc, RuntimeService runtimeService, MerchantLinkProperties properties,
      ProviderProperties provider) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.provider = provider;
  }

  /** A new link for the step; stored in the caller's transaction. */
  public NewLink create(long contractId, String processInstanceId, MerchantStep step, int round) {
    return create(contractId, processInstanceId, step, round, OffsetDateTime.now(Clocks.ZONE).plus(properties.validity()));
  }

  /** As {@link #create(long, String, MerchantStep, int)}, valid until the given time (the step's own deadline). */
  public NewLink create(long contractId, String processInstanceId, MerchantStep step, int round,
      OffsetDateTime expires) {
    String token = RandomTokens.next();
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    jdbc.sql("""
            INSERT INTO merchant_link (token_hash, contract_id, process_instance_id, step, round, created_at, expires_at)
            VALUES (:hash, :contractId, :processInstanceId, :step, :round, :now, :expires)
            """)
        .param("hash", hash(token)).param("contractId", contractId).param("processInstanceId", processInstanceId)
        .param("step", step.name()).param("round", round).param("now", now).param("expires", expires)
        .update();
    return new NewLink(provider.baseUrl() + "/m/" + token, expires);
  }

  /** The link behind a token and what it is worth now. */
  public Resolved resolve(String token) {
    return resolve(token, false);
  }

  /** As {@link #resolve(String)}, locking the link's row until the transaction ends (for answering). */
  public Resolved resolveForUpdate(String token) {
    return resolve(token, true);
  }

  private Resolved resolve(String token, boolean lock) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return new Resolved(LinkStatus.UNKNOWN, null);
    }
    Optional<MerchantLink> found = jdbc.sql("SELECT * FROM merchant_link WHERE token_hash = :hash"
            + (lock ? " FOR UPDATE" : ""))
        .param("hash", hash(token)).query(MAPPER).optional();
    if (found.isEmpty()) {
      return new Resolved(LinkStatus.UNKNOWN, null);
    }
    MerchantLink link = found.get();
    if (link.usedAt() != null) {
      return new Resolved(LinkStatus.USED, link);
    }
    if (!link.expiresAt().isAfter(OffsetDateTime.now(Clocks.ZONE))) {
      return new Resolved(LinkStatus.EXPIRED, link);
    }
    if (!isCurrent(link)) {
      return new Resolved(LinkStatus.OUTDATED, link);
    }
    return new Resolved(LinkStatus.VALID, link);
  }

  /** Whether the process still waits at the link's step, in the link's round. */
  boolean isCurrent(MerchantLink link) {
    MerchantStep step = link.stepValue();
    boolean waiting = step.waitActivityId() == null
        ? runtimeService.createProcessInstanceQuery().processInstanceId(link.processInstanceId()).active().count() > 0
            && runtimeService.getVariable(link.processInstanceId(), step.openUntilSet()) == null
        : runtimeService.createExecutionQuery().processInstanceId(link.processInstanceId())
        .activityId(step.waitActivityId()).active().count() > 0;
    if (!waiting) {
      return false;
    }
    Object round = runtimeService.getVariable(link.processInstanceId(), step.roundVariable());
    return round instanceof Number n && n.intValue() == link.round();
  }

  /** Marks the link used; false when another request used it first. */
  public boolean markUsed(long linkId, String ip) {
    return jdbc.sql("""
            UPDATE merchant_link SET used_at = :now, used_from_ip = :ip WHERE id = :id AND used_at IS NULL
            """)
        .param("now", OffsetDateTime.now(Clocks.ZONE)).param("ip", ip).param("id", linkId).update() == 1;
  }

  static String hash(String token) {
    return Sha256.hex(token); // tokens are ASCII: the same bytes as before
  }

  /** A created link: the URL to put in the e-mail and until when it works. */
  public record NewLink(String url, OffsetDateTime expiresAt) {
  }

  /** A resolved link; {@code link} is null for an unknown token. */
  public record Resolved(LinkStatus status, MerchantLink link) {
  }
}
