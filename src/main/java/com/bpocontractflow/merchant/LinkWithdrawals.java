package com.bpocontractflow.merchant;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.signing.SigningWithdrawal.Party;
import com.bpocontractflow.signing.SigningWithdrawals;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merchant withdraws from the signing through the link of any step it is asked to answer before the
 * contract is formed ({@code /m/<token>/withdraw}; not the data-choice link after the service). The link
 * keeps its rules: it must exist, be unexpired, unused and current, and is used by the withdrawal in the
 * same transaction; a refused withdrawal leaves it usable and changes nothing. When the contract is formed
 * or its signing has ended, the page says so ({@link com.bpocontractflow.signing.SigningOffers}), whatever
 * the link's state. The withdrawal itself is {@code SigningWithdrawn} from the merchant
 * ({@link SigningWithdrawals}), recorded under {@value MerchantAnswers#MERCHANT_USER} (or the staff member
 * whose browser sent it).
 */
@Service
public class LinkWithdrawals {

  private final MerchantLinks links;
  private final ContractRepository contracts;
  private final SigningWithdrawals withdrawals;
  private final TransactionTemplate transaction;

  public LinkWithdrawals(MerchantLinks links, ContractRepository contracts, SigningWithdrawals withdrawals,
      TransactionTemplate transaction) {
    this.links = links;
    this.contracts = contracts;
    this.withdrawals = withdrawals;
    this.transaction = transaction;
  }

  /**
   * What the link's withdrawal page may show: the link's state ({@code refusal} of the offer rules first,
   * when there is a contract to speak of) and the contract.
   */
  public record Check(LinkStatus status, MerchantLink link, Contract contract, String refusal) {
    /** Whether the page may offer the withdrawal. */
    public boolean open() {
      return status == LinkStatus.VALID && refusal == null;
    }
  }

  /** The result of a withdrawal: done, refused (link state or offer rules), or invalid with the problems. */
  public record Outcome(boolean withdrawn, Check check, List<String> problems) {
  }

  public Check check(String token) {
    return check(links.resolve(token));
  }

  private Check check(MerchantLinks.Resolved resolved) {
    MerchantLink link = resolved.link();
    if (link == null || link.stepValue() == MerchantStep.DATA_CHOICE) {
      return new Check(LinkStatus.UNKNOWN, null, null, null);
    }
    if (resolved.status() == LinkStatus.EXPIRED) {
      return new Check(LinkStatus.EXPIRED, link, null, null);
    }
    Contract contract = contracts.get(link.contractId());
    return new Check(resolved.status(), link, contract, withdrawals.refusal(contract, Party.MERCHANT).orElse(null));
  }

  public Outcome withdraw(String token, String reason, MerchantAnswers.Client client) {
    return transaction.execute(status -> {
      Check check = check(links.resolveForUpdate(token));
      if (!check.open()) {
        return new Outcome(false, check, List.of());
      }
      String actor = client.staffUser() != null ? client.staffUser() : MerchantAnswers.MERCHANT_USER;
      try {
        withdrawals.withdraw(actor, check.contract(), Party.MERCHANT, reason);
      } catch (InvalidInputException e) {
        status.setRollbackOnly();
        return new Outcome(false, check, e.getProblems());
      }
      links.markUsed(check.link().id(), client.ip());
      return new Outcome(true, check, List.of());
    });
  }
}
