package com.bpocontractflow.merchant;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.mail.MerchantMail;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides which e-mails carry an answer link and puts a fresh link into their model. */
@Component
public class AnswerLinks {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final MerchantLinks links;

  public AnswerLinks(MerchantLinks links) {
    this.links = links;
  }

  /** The step a merchant answers from this e-mail, if any. */
  public static Optional<MerchantStep> stepOf(MerchantMail mail, Contract contract) {
    return switch (mail) {
      case PROPOSAL -> Optional.of(MerchantStep.PROPOSAL_ANSWER);
      case CONTRACT_FOR_REVIEW -> Optional.of(MerchantStep.CLAUSE_REVIEW);
      case SIGNING_INSTRUCTIONS -> SigningMethod.ELECTRONIC.name().equals(contract.signingMethod())
          ? Optional.of(MerchantStep.E_SIGNATURE) : Optional.empty();
      case CONTRACT_COURIERED -> Optional.of(MerchantStep.COUNTERSIGNED_COPY);
      default -> Optional.empty();
    };
  }

  /**
   * Model entries for a new link to the step: {@code answerLink}, {@code answerAction}, {@code answerLinkExpires}
   * and, for a step before the contract is formed, {@code withdrawLink} (the same link's withdrawal page).
   */
  public Map<String, Object> model(long contractId, String processInstanceId, MerchantStep step, int round) {
    return model(contractId, processInstanceId, step, round, null);
  }

  /**
   * As {@link #model(long, String, MerchantStep, int)}, the link valid until {@code expires} when given (a
   * proposal's answer link is valid exactly as long as its quote), else for the configured validity.
   */
  public Map<String, Object> model(long contractId, String processInstanceId, MerchantStep step, int round,
      java.time.OffsetDateTime expires) {
    MerchantLinks.NewLink link = expires == null ? links.create(contractId, processInstanceId, step, round)
        : links.create(contractId, processInstanceId, step, round, expires);
    Map<String, Object> model = new HashMap<>(Map.of(
        "answerLink", link.url(),
        "answerAction", "在线" + step.title(),
        "answerLinkExpires", DAY.format(link.expiresAt().atZoneSameInstant(Clocks.ZONE))));
    if (step != MerchantStep.DATA_CHOICE) {
      model.put("withdrawLink", link.url() + "/withdraw");
    }
    return model;
  }
}
