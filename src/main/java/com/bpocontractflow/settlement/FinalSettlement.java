package com.bpocontractflow.settlement;

import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.Party;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The final statement of a contract: what the merchant still owes (fees up to the last day of service,
 * unpaid invoices, penalties) and what happens to the money it paid after signing, by its kind:
 * <ul>
 * <li>履约保证金, and contracts recorded before the kind existed: security, refunded in full at the end or
 * set off against the amount owed (the rest refunded); any penalty is charged on top.</li>
 * <li>定金 (Civil Code arts. 586-588): the 定金 is what was actually paid, up to 20 % of the contract's value
 * (the excess is a prepayment, refunded or set off like security). On performance, or on a termination
 * the contract allows, it is credited (set off) or returned. After a breach that defeats the contract's
 * purpose the merchant, having paid it, loses it; the provider, having received it, returns double. When
 * the merchant's breach also owes the early-termination penalty, only one of the two applies: the one
 * larger for the provider, the non-breaching party whose choice it is (at equal amounts the 定金, which is
 * already held).</li>
 * </ul>
 * The provider's early-termination penalty (the provider ended the contract without cause before its term)
 * is owed to the merchant: it is set off against what the merchant owes (mutual debts of money, Civil Code
 * art. 568) and the rest paid out with the refund. When the provider's breach also defeated the purpose of a
 * contract with a 定金, the merchant gets one of the double return and that penalty (art. 588): the larger for
 * the merchant, the double return at equal amounts.
 * Pure functions on {@link BigDecimal}; every amount is in CNY, rounded half up to the fen. The statement
 * says in zh-CN which rule it applied and why ({@link #depositNotes()}).
 */
public record FinalSettlement(
    BigDecimal fees,
    BigDecimal unpaidInvoices,
    BigDecimal penalties,
    BigDecimal deposit,
    DepositHandling depositHandling,
    BigDecimal amountOwed,
    BigDecimal depositSetOff,
    BigDecimal merchantPays,
    BigDecimal providerRefunds,
    DepositKind depositKind,
    BigDecimal dingjin,
    BigDecimal depositForfeited,
    BigDecimal depositReturnedDouble,
    DepositOutcome depositOutcome,
    Party purposeDefeatedBy,
    List<String> depositNotes,
    BigDecimal providerPenalty) {

  /**
   * What the statement is computed from.
   *
   * @param penalty the early-termination penalty the contract charges for how the contract ended (zero
   *     when none applies)
   * @param kind the deposit's kind; null for a contract recorded before the kind existed (settled as security)
   * @param depositAgreed the amount the contract states
   * @param depositPaid the amount actually paid (the deposit ledger)
   * @param dingjinCap 20 % of the contract's value, for a 定金; null when unknown (then nothing is cut)
   * @param purposeDefeatedBy the party whose breach made the contract's purpose impossible to achieve, or
   *     null when none did (performance, expiry, a trial exit or a termination by notice the contract allows)
   * @param providerPenalty the provider's early-termination penalty owed to the merchant (zero when none applies)
   */
  public record Inputs(BigDecimal fees, BigDecimal unpaidInvoices, BigDecimal penalty, DepositKind kind,
      BigDecimal depositAgreed, BigDecimal depositPaid, BigDecimal dingjinCap, DepositHandling handling,
      Party purposeDefeatedBy, BigDecimal providerPenalty) {

    /** Without a penalty owed by the provider. */
    public Inputs(BigDecimal fees, BigDecimal unpaidInvoices, BigDecimal penalty, DepositKind kind,
        BigDecimal depositAgreed, BigDecimal depositPaid, BigDecimal dingjinCap, DepositHandling handling,
        Party purposeDefeatedBy) {
      this(fees, unpaidInvoices, penalty, kind, depositAgreed, depositPaid, dingjinCap, handling, purposeDefeatedBy,
          BigDecimal.ZERO);
    }
  }

  /** Today's statement for security: the deposit refunded or set off, penalties on top. */
  public static FinalSettlement of(BigDecimal fees, BigDecimal unpaidInvoices, List<BigDecimal> penalties,
      BigDecimal deposit, DepositHandling handling) {
    BigDecimal penaltyTotal = penalties.stream().map(Money::yuan).reduce(Money.ZERO, BigDecimal::add);
    return of(new Inputs(fees, unpaidInvoices, penaltyTotal, null, deposit, deposit, null, handling, null));
  }

  /** Builds the statement; every amount is in CNY with two decimals. */
  public static FinalSettlement of(Inputs in) {
    BigDecimal penalty = Money.yuan(in.penalty());
    BigDecimal held = Money.yuan(in.depositPaid());
    DepositHandling handling = in.handling();
    boolean setOff = handling == DepositHandling.SET_OFF;
    List<String> notes = new ArrayList<>();

    BigDecimal dingjin = null;
    BigDecimal forfeited = Money.ZERO;
    BigDecimal returnedDouble = Money.ZERO;
    BigDecimal penaltyCharged = penalty;
    BigDecimal providerPenalty = Money.yuan(in.providerPenalty() == null ? BigDecimal.ZERO : in.providerPenalty());
    BigDecimal returnable = held;
    Party defeatedBy = null;
    DepositOutcome outcome;

    if (in.kind() != DepositKind.DINGJIN) {
      outcome = DepositOutcome.SECURITY_RETURNED_OR_SET_OFF;
      if (in.kind() == DepositKind.PERFORMANCE_BOND && held.signum() > 0) {
        notes.add("履约保证金不是定金，不适用定金罚则，按合同约定" + (setOff ? "抵扣贵司应付款项，余额退还" : "全额退还") + "。"
            + (penalty.signum() > 0 ? "违约金 " + Money.text(penalty) + " 元按合同约定另行计收。" : ""));
      }
    } else {
      dingjin = Dingjin.effective(held, in.dingjinCap());
      BigDecimal excess = held.subtract(dingjin);
      BigDecimal agreed = in.depositAgreed() == null ? null : Money.yuan(in.depositAgreed());
      if (agreed != null && held.signum() > 0 && held.compareTo(agreed) != 0) {
        notes.add("实际交付的定金 " + Money.text(held) + " 元与约定的 " + Money.text(agreed)
            + " 元不一致，视为变更约定的定金数额（《民法典》第五百八十六条）。");
      }
      if (excess.signum() > 0) {
        notes.add("定金不得超过合同标的额的 20%（本合同上限 " + Money.text(in.dingjinCap()) + " 元），超过部分 "
            + Money.text(excess) + " 元不产生定金效力（《民法典》第五百八十六条），作为预付款" + (setOff ? "抵扣应付款项。" : "退还。"));
      }
      String creditedOrReturned = setOff ? "抵作价款，抵扣贵司应付款项" : "由我方退还";
      if (dingjin.signum() == 0) {
        outcome = DepositOutcome.DINGJIN_NOT_PAID;
        notes.add("定金自实际交付时生效，贵司未交付定金，不适用定金罚则（《民法典》第五百八十六条）。"
            + (penalty.signum() > 0 ? "违约金 " + Money.text(penalty) + " 元按合同约定计收。" : ""));
      } else if (in.purposeDefeatedBy() == null) {
        outcome = DepositOutcome.DINGJIN_CREDITED_OR_RETURNED;
        notes.add("合同未因一方违约而不能实现合同目的，定金 " + Money.text(dingjin) + " 元" + creditedOrReturned
            + "（《民法典》第五百八十七条）。"
            + (penalty.signum() > 0 ? "按合同约定提前通知解除不适用定金罚则，违约金 " + Money.text(penalty) + " 元按合同约定计收。" : ""));
      } else if (in.purposeDefeatedBy() == Party.MERCHANT) {
        defeatedBy = Party.MERCHANT;
        if (penalty.signum() == 0) {
          outcome = DepositOutcome.DINGJIN_FORFEITED;
          forfeited = dingjin;
          returnable = excess;
          notes.add("贵司违约致使不能实现合同目的，无权请求返还定金 " + Money.text(dingjin) + " 元（《民法典》第五百八十七条）。");
        } else if (penalty.compareTo(dingjin) > 0) {
          outcome = DepositOutcome.PENALTY_INSTEAD_OF_DINGJIN;
          notes.add("贵司违约致使不能实现合同目的。合同既约定定金又约定违约金，守约方只能选择适用其一（《民法典》第五百八十八条）："
              + "违约金 " + Money.text(penalty) + " 元高于定金 " + Money.text(dingjin) + " 元，对守约方我方更有利，故适用违约金条款；"
              + "定金不再按定金罚则处理，" + creditedOrReturned + "。");
        } else {
          outcome = DepositOutcome.DINGJIN_FORFEITED_INSTEAD_OF_PENALTY;
          penaltyCharged = Money.ZERO;
          forfeited = dingjin;
          returnable = excess;
          notes.add("贵司违约致使不能实现合同目的。合同既约定定金又约定违约金，守约方只能选择适用其一（《民法典》第五百八十八条）："
              + "定金 " + Money.text(dingjin) + " 元" + (dingjin.compareTo(penalty) == 0 ? "与违约金相等且已由我方收取" : "高于违约金 "
              + Money.text(penalty) + " 元，对守约方我方更有利") + "，故适用定金条款：定金不予返还，不再收取违约金 "
              + Money.text(penalty) + " 元。");
        }
      } else if (providerPenalty.compareTo(dingjin) > 0) {
        // the merchant, not in breach, chooses (art. 588): the penalty gives it more than the double return's extra
        defeatedBy = Party.PROVIDER;
        outcome = DepositOutcome.PENALTY_INSTEAD_OF_DOUBLE_RETURN;
        penaltyCharged = Money.ZERO;
        notes.add("我方违约致使不能实现合同目的。合同既约定定金又约定违约金，守约方只能选择适用其一（《民法典》第五百八十八条）："
            + "我方应付的违约金 " + Money.text(providerPenalty) + " 元高于定金 " + Money.text(dingjin) + " 元，对守约方贵司更有利，"
            + "故适用违约金条款；定金不再双倍返还，" + creditedOrReturned + "。");
      } else {
        defeatedBy = Party.PROVIDER;
        outcome = DepositOutcome.DINGJIN_RETURNED_DOUBLE;
        returnedDouble = dingjin.add(dingjin);
        returnable = excess.add(returnedDouble);
        penaltyCharged = Money.ZERO;
        notes.add("我方违约致使不能实现合同目的，双倍返还定金：" + Money.text(dingjin) + " 元 × 2 = "
            + Money.text(returnedDouble) + " 元（《民法典》第五百八十七条）"
            + (setOff ? "，抵扣贵司应付款项后退还余额。" : "。")
            + (penalty.signum() > 0 ? "贵司因我方违约解除合同，不属于无正当理由提前解约，不收取违约金 " + Money.text(penalty) + " 元。" : "")
            + (providerPenalty.signum() > 0 ? "合同既约定定金又约定违约金，守约方只能选择适用其一（《民法典》第五百八十八条）：双倍返还多得的 "
                + Money.text(dingjin) + " 元不低于我方应付的违约金 " + Money.text(providerPenalty)
                + " 元，对守约方贵司更有利，故适用定金条款，不再另付违约金。" : ""));
        providerPenalty = Money.ZERO;
      }
    }

    BigDecimal owed = Money.yuan(in.fees()).add(Money.yuan(in.unpaidInvoices())).add(penaltyCharged);
    // what the provider owes as penalty is set off against what the merchant owes first (art. 568), the rest paid out
    BigDecimal penaltySetOff = owed.min(providerPenalty);
    BigDecimal stillOwed = owed.subtract(penaltySetOff);
    BigDecimal offset = setOff ? stillOwed.min(returnable) : Money.ZERO;
    return new FinalSettlement(Money.yuan(in.fees()), Money.yuan(in.unpaidInvoices()), penaltyCharged, held, handling,
        owed, offset, stillOwed.subtract(offset), returnable.subtract(offset).add(providerPenalty.subtract(penaltySetOff)),
        in.kind(), dingjin, forfeited, returnedDouble, outcome, defeatedBy, List.copyOf(notes), providerPenalty);
  }

  /**
   * What the statement says about the provider's early-termination penalty, or null when it owes none: the
   * amount, and that it is set off against what the merchant owes (Civil Code art. 568) with the rest paid.
   */
  public String providerPenaltyNote() {
    if (providerPenalty.signum() == 0) {
      return null;
    }
    BigDecimal setOff = amountOwed.min(providerPenalty);
    return "我方无正当理由在合同期限届满前解除合同，按合同第四条向贵司支付违约金 " + Money.text(providerPenalty) + " 元"
        + (setOff.signum() > 0 ? "，其中 " + Money.text(setOff) + " 元抵扣贵司应付款项（《民法典》第五百六十八条）" : "")
        + (providerPenalty.compareTo(setOff) > 0 ? "，" + (setOff.signum() > 0 ? "其余 " : "") + Money.text(providerPenalty.subtract(setOff))
            + " 元计入我方退还金额" : "") + "。";
  }

  /** The deposit's name on the statement: the kind's, or 定金 for a contract recorded before the kind existed. */
  public String depositName() {
    return depositKind == null ? "定金" : depositKind.label();
  }
}
