package com.bpocontractflow.merchant;

import com.bpocontractflow.signing.ContractSigningProcess.Elements;
import com.bpocontractflow.signing.ContractSigningProcess.Tasks;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.signing.WaitingFor;
import com.bpocontractflow.term.ServiceTermProcess;
import java.util.Optional;

/** The steps a merchant can answer through a link, each bound to the wait it answers and its round. */
public enum MerchantStep {
  PROPOSAL_ANSWER(Tasks.CONFIRM_PROPOSAL, Vars.PROPOSAL_ROUND, "答复服务方案"),
  CLAUSE_REVIEW(Tasks.REVIEW_CLAUSES, Vars.REVIEW_ROUND, "审阅合同条款"),
  E_SIGNATURE(Elements.AWAIT_MERCHANT_SIGNATURE, Vars.REVIEW_ROUND, "电子签署合同"),
  COUNTERSIGNED_COPY(Tasks.RECEIVE_COUNTERSIGNED_CONTRACT, Vars.REVIEW_ROUND, "确认合同已寄回"),
  /**
   * The merchant chooses return or deletion of its data (PIPL art. 21) from the end of the service until
   * the choice is made or due: it waits at no one activity of contract-term, the choice being open while
   * the process runs and {@code dataChoice} is unset.
   */
  DATA_CHOICE(null, ServiceTermProcess.Vars.DATA_CHOICE_ROUND, "选择返还或删除数据");

  private final String waitActivityId;
  private final String roundVariable;
  private final String title;

  MerchantStep(String waitActivityId, String roundVariable, String title) {
    this.waitActivityId = waitActivityId;
    this.roundVariable = roundVariable;
    this.title = title;
  }

  /** The activity that waits for this answer; null for {@link #DATA_CHOICE}, open until answered. */
  public String waitActivityId() {
    return waitActivityId;
  }

  /** The process variable whose value a link is bound to (a new round makes older links out of date). */
  public String roundVariable() {
    return roundVariable;
  }

  /** The variable whose absence keeps a step that waits at no activity open ({@link #DATA_CHOICE}), or null. */
  public String openUntilSet() {
    return this == DATA_CHOICE ? ServiceTermProcess.Vars.DATA_CHOICE : null;
  }

  public String title() {
    return title;
  }

  /** The step a reminder for this wait links to, if the merchant can answer it through a link. */
  public static Optional<MerchantStep> forWait(WaitingFor waitingFor) {
    return switch (waitingFor) {
      case PROPOSAL_ANSWER -> Optional.of(PROPOSAL_ANSWER);
      case CLAUSE_FEEDBACK -> Optional.of(CLAUSE_REVIEW);
      case E_SIGNATURE -> Optional.of(E_SIGNATURE);
      case COUNTERSIGNED_COPY -> Optional.of(COUNTERSIGNED_COPY);
      case DEPOSIT -> Optional.empty();
    };
  }
}
