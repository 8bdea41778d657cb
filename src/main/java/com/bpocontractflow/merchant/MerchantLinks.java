package com.bpocontractflow.merchant;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.mail.ProviderProperties;
import com.bpocontractflow.mail.PublicBaseUrl;
import com.bpocontractflow.security.RandomTokens;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Creates and checks the links in merchant e-mails. A token is 256 random bits (base64url); only its
 * SHA-256 is stored, so the table alone opens nothing. A link is bound to one contract, one waiting step
 * and that step's round; it expires and is single-use.
 *
 * <p>One other kind shares the table: the read-only download link of the final signed copy
 * ({@link #createSignedCopyLink}), step {@link #SIGNED_COPY}, round = the version signed. It answers no
 * step, may be used any number of times and stays valid long ({@code bpo.links.signed-copy-validity}); the
 * retention job deletes it with the contract's other links (docs/personal-data.md). {@link #resolve} never
 * accepts it, {@link #resolveSignedCopy} accepts nothing else.
 */
@Service
public class MerchantLinks {

  /** The {@code step} of a signed-copy download link: not a {@link MerchantStep}, no wait of the process. */
  public static final String SIGNED_COPY = "SIGNED_COPY";
  /** The {@code step} of an onboarding checklist link: reusable, no wait of the process (issue #14). */
  public static final String ONBOARDING_CHECKLIST = "ONBOARDING_CHECKLIST";

  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
  private static final DataClassRowMapper<MerchantLink> MAPPER = new DataClassRowMapper<>(MerchantLink.class);

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final MerchantLinkProperties properties;
  private final PublicBaseUrl baseUrl;

  @Autowired
  public MerchantLinks(JdbcClient jdbc, RuntimeService runtimeService, MerchantLinkProperties properties,
      PublicBaseUrl baseUrl) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.baseUrl = baseUrl;
  }

  /** With the base URL exactly as {@code provider} states it. */
  public MerchantLinks(JdbcClient jdbc, RuntimeService runtimeService, MerchantLinkProperties properties,
      ProviderProperties provider) {
    this(jdbc, runtimeService, properties, PublicBaseUrl.of(provider));
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
    return new NewLink(baseUrl.get() + "/m/" + token, expires);
  }

  /**
   * A new read-only link to the final signed copy of the contract, signed in {@code version}; stored in the
   * caller's transaction. The URL downloads the PDF.
   */
  public NewLink createSignedCopyLink(long contractId, String processInstanceId, int version) {
    String token = RandomTokens.next();
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    OffsetDateTime expires = now.plus(properties.signedCopyValidity());
    jdbc.sql("""
            INSERT INTO merchant_link (token_hash, contract_id, process_instance_id, step, round, created_at, expires_at)
            VALUES (:hash, :contractId, :processInstanceId, :step, :round, :now, :expires)
            """)
        .param("hash", hash(token)).param("contractId", contractId).param("processInstanceId", processInstanceId)
        .param("step", SIGNED_COPY).param("round", version).param("now", now).param("expires", expires)
        .update();
    return new NewLink(baseUrl.get() + "/m/" + token + "/signed-contract.pdf", expires);
  }

  /** The signed-copy link behind a token: VALID, EXPIRED, or UNKNOWN (also for a token of another kind). */
  public Resolved resolveSignedCopy(String token) {
    return resolveReusable(token, SIGNED_COPY);
  }

  /**
   * A new link to the merchant's onboarding checklist page ({@code /m/<token>/onboarding}); stored in the
   * caller's transaction. Like the signed-copy link it answers no wait and may be used any number of times
   * (the page is updated until go-live, then shown read-only); it lasts as long as the signed-copy link.
   */
  public NewLink createChecklistLink(long contractId, String processInstanceId) {
    String token = RandomTokens.next();
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    OffsetDateTime expires = now.plus(properties.signedCopyValidity());
    jdbc.sql("""
            INSERT INTO merchant_link (token_hash, contract_id, process_instance_id, step, round, created_at, expires_at)
            VALUES (:hash, :contractId, :processInstanceId, :step, :round, :now, :expires)
            """)
        .param("hash", hash(token)).param("contractId", contractId).param("processInstanceId", processInstanceId)
        .param("step", ONBOARDING_CHECKLIST).param("round", 1).param("now", now).param("expires", expires)
        .update();
    return new NewLink(baseUrl.get() + "/m/" + token + "/onboarding", expires);
  }

  /** The checklist link behind a token: VALID, EXPIRED, or UNKNOWN (also for a token of another kind). */
  public Resolved resolveChecklist(String token) {
    return resolveReusable(token, ONBOARDING_CHECKLIST);
  }

  private Resolved resolveReusable(String token, String kind) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return new Resolved(LinkStatus.UNKNOWN, null);
    }
    Optional<MerchantLink> found = jdbc.sql("SELECT * FROM merchant_link WHERE token_hash = :hash AND step = :step")
        .param("hash", hash(token)).param("step", kind).query(MAPPER).optional();
    if (found.isEmpty()) {
      return new Resolved(LinkStatus.UNKNOWN, null);
    }
    if (!found.get().expiresAt().isAfter(OffsetDateTime.now(Clocks.ZONE))) {
      return new Resolved(LinkStatus.EXPIRED, found.get());
    }
    return new Resolved(LinkStatus.VALID, found.get());
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
    if (SIGNED_COPY.equals(link.step()) || ONBOARDING_CHECKLIST.equals(link.step())) { // these answer no step
      return new Resolved(LinkStatus.UNKNOWN, null);
    }
    if (link.usedAt() != null) {
      return new Resolved(LinkStatus.USED, link);
    }
    if (!link.expiresAt().isAfter(OffsetDateTime.now(Clocks.ZONE))) {
      // a proposal's link expires with its quote: say that the offer lapsed, not just the link
      return new Resolved(link.stepValue() == MerchantStep.PROPOSAL_ANSWER ? LinkStatus.QUOTE_EXPIRED
          : LinkStatus.EXPIRED, link);
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
