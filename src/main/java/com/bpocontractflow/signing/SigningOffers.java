package com.bpocontractflow.signing;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.signing.SigningWithdrawal.Party;
import com.bpocontractflow.validation.InputRules;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Whether a party may still withdraw from (merchant) or cancel (provider) a signing: the one set of rules
 * that the merchant's link, the Tasklist start form 取消合同 and {@code POST /api/integrations/withdrawals}
 * all apply (the last two through {@code SigningWithdrawn}, whose step {@link SigningWithdrawal} asks here
 * again in the same transaction).
 * <ul>
 * <li>Once both parties have signed or sealed the contract is formed (Civil Code art. 490): it can only be
 * ended as it says (a termination notice). A signing that has already ended (proposal declined, withdrawn,
 * cancelled) has nothing left to withdraw.</li>
 * <li>Before that, whatever one party has signed is an offer (art. 472). An offer may be withdrawn (art. 475
 * with art. 141) and revoked (art. 477) until the other party accepts: for the offeror, only until the
 * offeree has sent its acceptance — on paper, once the merchant reports its sealed copy as sent back, the
 * provider (who sealed first) can no longer revoke its seal. The offeree may always decline.</li>
 * <li>An offer that fixed a period for acceptance cannot be revoked while that period runs (art. 476(1)):
 * while the provider's quote waits for the merchant's answer (the signing waits at {@code confirm-proposal}:
 * sent, not answered; not while a manager still approves it) and its
 * validity date {@value #QUOTE_VALID_UNTIL} (a Beijing date, inclusive) has not passed, the provider cannot
 * cancel. A quote without that date fixed no period. The merchant grants no acceptance period anywhere in
 * the signing, so its own signature (electronic, signed first) stays revocable until the provider
 * countersigns.</li>
 * </ul>
 */
public final class SigningOffers {

  /**
   * The process variable with the last day (yyyy-MM-dd, Beijing) the provider's quote stays open for the
   * merchant's acceptance; absent when the quote fixed no period.
   */
  public static final String QUOTE_VALID_UNTIL = ContractSigningProcess.Vars.QUOTE_VALID_UNTIL;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private SigningOffers() {
  }

  /**
   * Why {@code party} cannot withdraw or cancel the signing of {@code contract} on {@code today}, in zh-CN;
   * empty when it can. {@code quoteValidUntil} is the contract's {@value #QUOTE_VALID_UNTIL} (or null);
   * {@code quoteAwaitsAnswer} whether the signing waits for the merchant's answer to the quote sent.
   */
  public static Optional<String> refusal(Contract contract, Party party, Object quoteValidUntil,
      boolean quoteAwaitsAnswer, LocalDate today) {
    ContractStatus status = contract.statusValue();
    String number = contract.contractNumber();
    String action = party == Party.MERCHANT ? "撤回" : "取消";
    if (status == ContractStatus.PROPOSAL_DECLINED || status == ContractStatus.WITHDRAWN
        || status == ContractStatus.CANCELLED) {
      return Optional.of("合同 " + number + " 的签约已经结束（当前状态：" + status.label() + "），无需也不能再" + action);
    }
    if (!status.openBeforeFormation()) {
      return Optional.of("合同 " + number + " 已经成立（双方均已签署或盖章，当前状态：" + status.label() + "），不能" + action
          + "（《民法典》第四百九十条）；如需结束合同，请按合同约定发出书面解约通知");
    }
    if (party == Party.MERCHANT) {
      return Optional.empty();
    }
    if (SigningMethod.PAPER.name().equals(contract.signingMethod()) && contract.sealedBy() != null
        && contract.returnCourierCompany() != null) {
      return Optional.of("合同 " + number + " 我方已盖章，商家已盖章并寄回（" + contract.returnCourierCompany() + " "
          + contract.returnTrackingNumber() + "），已作出承诺：撤销要约须在对方作出承诺之前到达对方（《民法典》第四百七十七条），"
          + "我方不能再取消；请签收回寄的合同");
    }
    LocalDate validUntil = InputRules.toDate(quoteValidUntil);
    if (quoteAwaitsAnswer && validUntil != null && !today.isAfter(validUntil)) {
      return Optional.of("「报价有效期（" + QUOTE_VALID_UNTIL + "）」我方报价的承诺期限至 " + DAY.format(validUntil)
          + "，商家尚未答复：确定了承诺期限的要约在期限内不可撤销（《民法典》第四百七十六条第一项），"
          + DAY.format(validUntil.plusDays(1)) + " 起方可取消");
    }
    return Optional.empty();
  }
}
