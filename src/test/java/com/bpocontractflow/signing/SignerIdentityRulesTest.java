package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.merchant.MerchantAnswers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The rules on the signer's identification: what a {@code MerchantSigned} message may carry about it, what
 * the signing page requires of the signer, and the one-time code's settings.
 */
class SignerIdentityRulesTest {

  @Test
  void shouldAcceptTheIdentificationTheSigningPageRecordsAndNothingMalformed() {
    Map<String, Object> page = new HashMap<>(Map.of(SIGNER_NAME, "王小明",
        SIGNER_IDENTIFICATION, "电子邮件一次性验证码 至 l***@xiaoxiang.example.com",
        SIGNER_IDENTIFIED_AT, "2026-11-30T23:05:00+08:00", SIGNER_AUTHORITY, "AUTHORISED_SIGNATORY",
        SIGNER_AUTHORITY_DOCUMENT_SHA256, "a".repeat(64)));
    assertThat(MerchantSignatureListener.SIGNATURE.problems(page)).isEmpty();
    // an external e-signature platform sends none of them
    assertThat(MerchantSignatureListener.SIGNATURE.problems(Map.of(SIGNER_NAME, "王小明"))).isEmpty();

    Map<String, Object> bad = new HashMap<>(page);
    bad.put(SIGNER_AUTHORITY, "BOSS");
    bad.put(SIGNER_IDENTIFIED_AT, "yesterday");
    bad.put(SIGNER_AUTHORITY_DOCUMENT_SHA256, "A".repeat(64));
    bad.put(SIGNER_IDENTIFICATION, "x".repeat(201));
    assertThat(MerchantSignatureListener.SIGNATURE.problems(bad)).containsExactlyInAnyOrder(
        "「签署人身份核验方式（signerIdentification）」不能超过 200 个字",
        "「签署人身份核验时间（signerIdentifiedAt）」不是有效的时间",
        "「签署人身份（signerAuthority）」必须是以下之一：AUTHORISED_SIGNATORY、LEGAL_REPRESENTATIVE",
        "「授权委托书的 SHA-256（signerAuthorityDocumentSha256）」必须是 64 位十六进制数");
  }

  @Test
  void shouldLetOnlyTheRegisteredLegalRepresentativeSignAsSuch() {
    Map<String, Object> values = new HashMap<>(Map.of(SIGNER_NAME, "王 小明", SIGNER_AUTHORITY, "LEGAL_REPRESENTATIVE",
        MERCHANT_LEGAL_REPRESENTATIVE, "王小明"));
    assertThat(MerchantAnswers.SIGNER.problems(values)).as("spaces aside").isEmpty();

    values.put(SIGNER_NAME, "李四");
    assertThat(MerchantAnswers.SIGNER.problems(values)).containsExactly("「签署人姓名」与合同登记的甲方法定代表人「王小明」不一致。"
        + "法定代表人以外的人员签署，请选择「授权签署人」并上传授权委托书");
    values.put(SIGNER_AUTHORITY, "AUTHORISED_SIGNATORY");
    assertThat(MerchantAnswers.SIGNER.problems(values)).as("an authorised signatory has another name").isEmpty();

    values.put(SIGNER_AUTHORITY, "LEGAL_REPRESENTATIVE");
    values.remove(MERCHANT_LEGAL_REPRESENTATIVE);
    assertThat(MerchantAnswers.SIGNER.problems(values)).containsExactly(
        "「签署人姓名」无法核对：合同未登记甲方法定代表人。请选择「授权签署人」并上传授权委托书");
    values.remove(SIGNER_AUTHORITY);
    values.put(SIGNER_NAME, " ");
    assertThat(MerchantAnswers.SIGNER.problems(values)).containsExactly("请填写「签署人姓名」", "请填写「签署人身份」");
  }

  @Test
  void shouldDefaultTheCodeSettingsAndRefuseUnusableOnes() {
    SigningProperties defaults = new SigningProperties(Duration.ofDays(2), 3, Duration.ofDays(7), Duration.ofDays(14), 7);
    assertThat(defaults.otpValidity()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.otpMaxAttempts()).isEqualTo(5);
    assertThat(defaults.otpResendAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(defaults.otpMaxSends()).isEqualTo(5);
    assertThat(defaults.authorityDocumentMaxSize()).isEqualTo(DataSize.ofMegabytes(5));

    assertThatThrownBy(() -> properties(Duration.ZERO, 5, DataSize.ofMegabytes(5)))
        .hasMessageContaining("bpo.signing.otp-validity");
    assertThatThrownBy(() -> properties(Duration.ofMinutes(10), 0, DataSize.ofMegabytes(5)))
        .hasMessageContaining("bpo.signing.otp-max-attempts");
    assertThatThrownBy(() -> properties(Duration.ofMinutes(10), 5, DataSize.ofMegabytes(11)))
        .hasMessageContaining("bpo.signing.authority-document-max-size");
  }

  static SigningProperties properties(Duration validity, int attempts, DataSize maxSize) {
    return new SigningProperties(Duration.ofDays(2), 3, Duration.ofDays(7), Duration.ofDays(14), 7, validity, attempts,
        Duration.ofMinutes(1), 5, maxSize);
  }
}
