package com.bpocontractflow.merchant;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.security.RandomTokens;
import com.bpocontractflow.signing.SigningProperties;
import com.bpocontractflow.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-time code that identifies the merchant's signer on the built-in signing page beyond a typed
 * name: 6 digits from a cryptographically strong generator, sent by e-mail to the contract's registered
 * notice e-mail ({@code noticeEmail} of the clause version being signed — the address where the parties
 * agreed notices are received). Only a salted SHA-256 of the code is stored, with its expiry; wrong codes
 * are counted and void the code after {@code bpo.signing.otp-max-attempts}; a new code may be requested
 * only after {@code otp-resend-after}, at most {@code otp-max-sends} per link, and replaces the earlier one.
 * The code shows that the signer could read that mailbox when signing; it is not a certificate from an
 * electronic certification service (Electronic Signature Law arts. 13, 16). Codes go by e-mail only: SMS
 * needs an SMS provider this application does not have.
 */
@Service
public class SigningCodes {

  /** Digits of a code. */
  static final int DIGITS = 6;
  /** How the signer was identified, as recorded on the signature and the evidence page. */
  static final String METHOD = "电子邮件一次性验证码";
  /** The field the signing page names in its messages. */
  static final String LABEL = "「邮箱验证码」";

  private final JdbcClient jdbc;
  private final MerchantLinks links;
  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final ClauseSets clauseSets;
  private final MerchantMailer mailer;
  private final SigningProperties properties;
  private final TransactionTemplate transaction;

  public SigningCodes(JdbcClient jdbc, MerchantLinks links, ContractRepository contracts, ContractDocuments documents,
      ClauseSets clauseSets, MerchantMailer mailer, SigningProperties properties, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.links = links;
    this.contracts = contracts;
    this.documents = documents;
    this.clauseSets = clauseSets;
    this.mailer = mailer;
    this.properties = properties;
    this.transaction = transaction;
  }

  /** The result of asking for a code: sent (to the masked address), refused for the link, or throttled. */
  public record Sent(String maskedRecipient, LinkStatus refusal, String problem) {
    public boolean sent() {
      return refusal == null && problem == null;
    }
  }

  /** A code entered correctly: what the signature records. */
  public record Verification(String identification, OffsetDateTime verifiedAt) {
  }

  /**
   * Where the code goes: the notice e-mail of the latest clause version (the one the signing page shows). A
   * contract whose clauses were drafted before the notice e-mail was a clause field records only the
   * merchant's e-mail given at the request: the code goes there.
   */
  public String recipient(Contract contract) {
    ContractDocuments.Version current = documents.current(contract);
    return ClauseSets.noticeEmail(clauseSets.version(contract.id(), current.clauseSetVersion()).orElse(Map.of()),
        contract);
  }

  /** Sends a new code for the signing link, unless the link is not valid or a code was asked for too often. */
  public Sent send(String token) {
    return transaction.execute(status -> {
      MerchantLinks.Resolved resolved = links.resolveForUpdate(token);
      if (resolved.status() != LinkStatus.VALID) {
        return new Sent(null, resolved.status(), null);
      }
      MerchantLink link = resolved.link();
      if (link.stepValue() != MerchantStep.E_SIGNATURE) {
        return new Sent(null, LinkStatus.UNKNOWN, null);
      }
      OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
      int sent = jdbc.sql("SELECT COUNT(*) FROM signing_code WHERE link_id = :id").param("id", link.id())
          .query(Integer.class).single();
      if (sent >= properties.otpMaxSends()) {
        return new Sent(null, null, LABEL + "本链接已获取 " + sent + " 次验证码，已达上限。请联系您的客户经理重新发送签署链接");
      }
      Optional<OffsetDateTime> last = jdbc.sql("SELECT MAX(created_at) FROM signing_code WHERE link_id = :id")
          .param("id", link.id()).query(OffsetDateTime.class).optional();
      if (last.isPresent() && now.isBefore(last.get().plus(properties.otpResendAfter()))) {
        long seconds = Math.max(1, Duration.between(now, last.get().plus(properties.otpResendAfter())).toSeconds());
        return new Sent(null, null, LABEL + "刚刚已发送，请查收邮件；如未收到，请在 " + seconds + " 秒后重新获取");
      }
      Contract contract = contracts.get(link.contractId());
      String recipient = recipient(contract);
      String masked = mask(recipient);
      String code = RandomTokens.digits(DIGITS);
      String salt = RandomTokens.next();
      jdbc.sql("""
              INSERT INTO signing_code (contract_id, link_id, code_hash, salt, sent_to, created_at, expires_at, attempts)
              VALUES (:contractId, :linkId, :hash, :salt, :sentTo, :now, :expires, 0)
              """)
          .param("contractId", contract.id()).param("linkId", link.id()).param("hash", hash(salt, code))
          .param("salt", salt).param("sentTo", masked).param("now", now)
          .param("expires", now.plus(properties.otpValidity()))
          .update();
      mailer.sendTo(recipient, MerchantMail.SIGNING_CODE, contract, Map.of("code", code,
          "validMinutes", properties.otpValidity().toMinutes(), "maxAttempts", properties.otpMaxAttempts(),
          "documentVersion", documents.current(contract).version()));
      return new Sent(masked, null, null);
    });
  }

  /**
   * Checks the code entered on the signing link against the link's newest code, in a transaction of its
   * own so that a wrong code stays counted when the signing is refused.
   *
   * @throws InvalidInputException naming what is wrong: no code asked for, none entered, expired, voided
   *     by too many wrong codes, or wrong (with the attempts left)
   */
  public Verification verify(long linkId, String entered) {
    Object result = transaction.execute(status -> check(linkId, entered == null ? "" : entered.trim()));
    if (result instanceof Verification verification) {
      return verification;
    }
    throw new InvalidInputException((String) result);
  }

  private Object check(long linkId, String entered) {
    // the newest code, locked: checks of the same code run one after the other, so parallel guesses see each
    // other's attempts and no more than otp-max-attempts wrong codes are ever compared
    Optional<Code> latest = jdbc.sql("""
            SELECT id, code_hash, salt, sent_to, expires_at, attempts, verified_at FROM signing_code
            WHERE id = (SELECT MAX(id) FROM signing_code WHERE link_id = :linkId) FOR UPDATE
            """)
        .param("linkId", linkId)
        .query((rs, i) -> new Code(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)))
        .optional();
    if (latest.isEmpty()) {
      return LABEL + "未填写：请先点击「获取验证码」，再填写邮件中的 " + DIGITS + " 位数字";
    }
    Code row = latest.get();
    long id = row.id();
    int attempts = row.attempts();
    int max = properties.otpMaxAttempts();
    if (entered.isEmpty()) {
      return LABEL + "未填写：请填写邮件中的 " + DIGITS + " 位数字";
    }
    if (attempts >= max) {
      return LABEL + "输入错误已达 " + max + " 次，该验证码已失效。请重新获取验证码";
    }
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    if (!now.isBefore(row.expiresAt())) {
      return LABEL + "已过期（有效期 " + properties.otpValidity().toMinutes() + " 分钟）。请重新获取验证码";
    }
    if (!entered.matches("[0-9]{" + DIGITS + "}")) {
      return LABEL + "应为邮件中的 " + DIGITS + " 位数字";
    }
    byte[] expected = row.codeHash().getBytes(StandardCharsets.US_ASCII);
    byte[] given = hash(row.salt(), entered).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      jdbc.sql("UPDATE signing_code SET attempts = attempts + 1 WHERE id = :id").param("id", id).update();
      int left = max - attempts - 1;
      return left > 0 ? LABEL + "不正确，还可再试 " + left + " 次"
          : LABEL + "不正确，输入错误已达 " + max + " 次，该验证码已失效。请重新获取验证码";
    }
    OffsetDateTime verifiedAt = row.verifiedAt() == null ? now : row.verifiedAt();
    jdbc.sql("UPDATE signing_code SET verified_at = :at WHERE id = :id AND verified_at IS NULL")
        .param("at", verifiedAt).param("id", id).update();
    return new Verification(METHOD + " 至 " + row.sentTo(), verifiedAt);
  }

  private record Code(long id, String codeHash, String salt, String sentTo, OffsetDateTime expiresAt, int attempts,
      OffsetDateTime verifiedAt) {
  }

  static String hash(String salt, String code) {
    return Sha256.hex(salt + ":" + code);
  }

  /** An address as the page and the record show it: the first character of the name, then a***@example.com. */
  public static String mask(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
  }
}
