package com.bpocontractflow.signing;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.document.SignedCopies;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.MerchantLinks;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Once both parties have signed: makes and stores the final signed copy ({@link SignedCopies}) and mails the
 * merchant a link to download it, in one job after the step that recorded the second signature
 * ({@code ServiceTask_MakeSignedCopy}, an asynchronous continuation: {@link SignedCopyDelegate}).
 *
 * <p>A link rather than the PDF attached: the outbox ({@code mail_outbox}) holds each e-mail as its rendered
 * subject and text/HTML bodies, and its sender delivers exactly those, again on every retry. An attachment
 * would copy the PDF into the outbox row of every such e-mail (kept until the retention job) and make each
 * retry send it whole; the link keeps the outbox as it is, the PDF stored once, and lets the merchant
 * download the copy again later.
 */
@Component
public class SignedCopyDelivery {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ContractRepository contracts;
  private final SignedCopies signedCopies;
  private final MerchantLinks links;
  private final MerchantMailer mailer;

  public SignedCopyDelivery(ContractRepository contracts, SignedCopies signedCopies, MerchantLinks links,
      MerchantMailer mailer) {
    this.contracts = contracts;
    this.signedCopies = signedCopies;
    this.links = links;
    this.mailer = mailer;
  }

  /**
   * The contract's second signature is recorded: its final copy is made and mailed. Nothing happens
   * before both signed the same version, nor for a copy made before (it was mailed then).
   */
  public void bothSigned(long contractId, String processInstanceId) {
    if (signedCopies.find(contractId).isPresent()) {
      return;
    }
    Contract contract = contracts.get(contractId);
    signedCopies.produce(contract).ifPresent(copy -> {
      MerchantLinks.NewLink link = links.createSignedCopyLink(contractId,
          processInstanceId != null ? processInstanceId : contract.processInstanceId(), copy.documentVersion());
      Map<String, Object> extra = new HashMap<>();
      extra.put("signedCopyLink", link.url());
      extra.put("signedCopyLinkExpires", DAY.format(link.expiresAt().atZoneSameInstant(Clocks.ZONE)));
      extra.put("signedCopySha256", copy.pdfSha256());
      extra.put("signedVersionSha256", copy.signedPdfSha256());
      extra.put("signedVersion", copy.documentVersion());
      extra.put("electronic", copy.method() == SigningMethod.ELECTRONIC);
      mailer.send(MerchantMail.SIGNED_COPY, contract, extra, copy.documentVersion());
    });
  }
}
