package com.bpocontractflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.Party;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The final statement by the deposit's kind, worked out by hand. The contract of every case: 5 seats at
 * 6,000.00 per seat and month = 30,000.00 a month, 12 months, so the contract's value is 360,000.00 and
 * the 定金 cap 20 % of it = 72,000.00 (Civil Code art. 586).
 */
class FinalSettlementTest {

  static final BigDecimal CAP = new BigDecimal("72000.00");

  static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }

  static FinalSettlement dingjin(String fees, String unpaid, String penalty, String agreed, String paid,
      DepositHandling handling, Party purposeDefeatedBy) {
    return FinalSettlement.of(new FinalSettlement.Inputs(yuan(fees), yuan(unpaid), yuan(penalty), DepositKind.DINGJIN,
        yuan(agreed), yuan(paid), CAP, handling, purposeDefeatedBy));
  }

  static FinalSettlement bond(String fees, String penalty, String paid, DepositHandling handling, Party defeatedBy) {
    return FinalSettlement.of(new FinalSettlement.Inputs(yuan(fees), BigDecimal.ZERO, yuan(penalty),
        DepositKind.PERFORMANCE_BOND, yuan(paid), yuan(paid), null, handling, defeatedBy));
  }

  @Test
  void theCapIsTwentyPercentOfTheContractsValue() {
    // 5 × 6,000.00 × 12 = 360,000.00; 20 % = 72,000.00
    BigDecimal value = FeeCalculator.contractValue(com.bpocontractflow.contract.BillingModel.PER_SEAT,
        yuan("6000.00"), 5, 12, null);
    assertThat(value).isEqualTo("360000.00");
    assertThat(Dingjin.cap(value)).isEqualTo(CAP);
    assertThat(Dingjin.withinCap(yuan("72000.00"), value)).isTrue();
    assertThat(Dingjin.withinCap(yuan("72000.01"), value)).isFalse();
  }

  @Test
  void aDingjinIsCreditedAgainstWhatTheMerchantOwesWhenTheContractIsPerformed() {
    // expired: last month's fees 30,000.00 owed; the 定金 20,000.00 paid is credited (抵作价款, art. 587)
    // owed 30,000.00 − 20,000.00 = 10,000.00 to pay, nothing refunded
    FinalSettlement s = dingjin("30000.00", "0", "0", "20000.00", "20000.00", DepositHandling.SET_OFF, null);

    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_CREDITED_OR_RETURNED);
    assertThat(s.dingjin()).isEqualTo("20000.00");
    assertThat(s.amountOwed()).isEqualTo("30000.00");
    assertThat(s.depositSetOff()).isEqualTo("20000.00");
    assertThat(s.merchantPays()).isEqualTo("10000.00");
    assertThat(s.providerRefunds()).isEqualTo("0.00");
    assertThat(s.depositForfeited()).isEqualTo("0.00");
    assertThat(s.depositNotes()).containsExactly(
        "合同未因一方违约而不能实现合同目的，定金 20,000.00 元抵作价款，抵扣贵司应付款项（《民法典》第五百八十七条）。");

    // returned instead (收回): the merchant pays the 30,000.00 owed, the 20,000.00 comes back
    FinalSettlement returned = dingjin("30000.00", "0", "0", "20000.00", "20000.00", DepositHandling.REFUND, null);
    assertThat(returned.merchantPays()).isEqualTo("30000.00");
    assertThat(returned.providerRefunds()).isEqualTo("20000.00");
    assertThat(returned.depositNotes()).containsExactly(
        "合同未因一方违约而不能实现合同目的，定金 20,000.00 元由我方退还（《民法典》第五百八十七条）。");
  }

  @Test
  void aDingjinPaidShortIsTheAmountPaid() {
    // agreed 20,000.00, paid 15,000.00: the 定金 is 15,000.00 (art. 586). The merchant's breach defeats the
    // purpose: it loses the 15,000.00 paid, not the 20,000.00 agreed; fees 30,000.00 still owed in full
    FinalSettlement forfeited = dingjin("30000.00", "0", "0", "20000.00", "15000.00", DepositHandling.SET_OFF,
        Party.MERCHANT);
    assertThat(forfeited.dingjin()).isEqualTo("15000.00");
    assertThat(forfeited.depositForfeited()).isEqualTo("15000.00");
    assertThat(forfeited.merchantPays()).isEqualTo("30000.00");
    assertThat(forfeited.providerRefunds()).isEqualTo("0.00");
    assertThat(forfeited.depositNotes()).containsExactly(
        "实际交付的定金 15,000.00 元与约定的 20,000.00 元不一致，视为变更约定的定金数额（《民法典》第五百八十六条）。",
        "贵司违约致使不能实现合同目的，无权请求返还定金 15,000.00 元（《民法典》第五百八十七条）。");

    // the provider's breach: double the 15,000.00 paid = 30,000.00, not double the 20,000.00 agreed
    FinalSettlement doubled = dingjin("0", "0", "0", "20000.00", "15000.00", DepositHandling.REFUND, Party.PROVIDER);
    assertThat(doubled.depositReturnedDouble()).isEqualTo("30000.00");
    assertThat(doubled.providerRefunds()).isEqualTo("30000.00");
  }

  @Test
  void aPaymentAboveTheCapIsDingjinOnlyUpToTheCap() {
    // agreed 70,000.00, paid 80,000.00: the 定金 would become 80,000.00, but only 72,000.00 (20 %) is 定金;
    // the merchant's breach forfeits 72,000.00, the 8,000.00 above the cap is a prepayment set off against
    // the 30,000.00 owed: 30,000.00 − 8,000.00 = 22,000.00 to pay
    FinalSettlement s = dingjin("30000.00", "0", "0", "70000.00", "80000.00", DepositHandling.SET_OFF, Party.MERCHANT);
    assertThat(s.dingjin()).isEqualTo("72000.00");
    assertThat(s.depositForfeited()).isEqualTo("72000.00");
    assertThat(s.depositSetOff()).isEqualTo("8000.00");
    assertThat(s.merchantPays()).isEqualTo("22000.00");
    assertThat(s.providerRefunds()).isEqualTo("0.00");
    assertThat(s.depositNotes()).containsExactly(
        "实际交付的定金 80,000.00 元与约定的 70,000.00 元不一致，视为变更约定的定金数额（《民法典》第五百八十六条）。",
        "定金不得超过合同标的额的 20%（本合同上限 72,000.00 元），超过部分 8,000.00 元不产生定金效力（《民法典》第五百八十六条），作为预付款抵扣应付款项。",
        "贵司违约致使不能实现合同目的，无权请求返还定金 72,000.00 元（《民法典》第五百八十七条）。");
  }

  @Test
  void theMerchantForfeitsTheDingjinWhenItsBreachDefeatsTheContractsPurpose() {
    // fees 30,000.00 + unpaid invoice 30,000.00 = 60,000.00 owed; the 20,000.00 定金 is kept, not set off
    FinalSettlement s = dingjin("30000.00", "30000.00", "0", "20000.00", "20000.00", DepositHandling.SET_OFF,
        Party.MERCHANT);
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_FORFEITED);
    assertThat(s.purposeDefeatedBy()).isEqualTo(Party.MERCHANT);
    assertThat(s.depositForfeited()).isEqualTo("20000.00");
    assertThat(s.penalties()).isEqualTo("0.00");
    assertThat(s.amountOwed()).isEqualTo("60000.00");
    assertThat(s.depositSetOff()).isEqualTo("0.00");
    assertThat(s.merchantPays()).isEqualTo("60000.00");
    assertThat(s.providerRefunds()).isEqualTo("0.00");
  }

  @Test
  void theProviderReturnsDoubleWhenItsBreachDefeatsTheContractsPurpose() {
    // fees 12,000.00 owed; double 20,000.00 = 40,000.00 due back, set off: 40,000.00 − 12,000.00 = 28,000.00
    // refunded, nothing to pay. The merchant ended the contract because of that breach: no penalty
    FinalSettlement s = dingjin("12000.00", "0", "20000.00", "20000.00", "20000.00", DepositHandling.SET_OFF,
        Party.PROVIDER);
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_RETURNED_DOUBLE);
    assertThat(s.depositReturnedDouble()).isEqualTo("40000.00");
    assertThat(s.penalties()).isEqualTo("0.00");
    assertThat(s.amountOwed()).isEqualTo("12000.00");
    assertThat(s.depositSetOff()).isEqualTo("12000.00");
    assertThat(s.merchantPays()).isEqualTo("0.00");
    assertThat(s.providerRefunds()).isEqualTo("28000.00");
    assertThat(s.depositNotes()).containsExactly("我方违约致使不能实现合同目的，双倍返还定金：20,000.00 元 × 2 = 40,000.00 元"
        + "（《民法典》第五百八十七条），抵扣贵司应付款项后退还余额。贵司因我方违约解除合同，不属于无正当理由提前解约，不收取违约金 20,000.00 元。");
  }

  @Test
  void aTerminationByNoticeTheContractAllowsKeepsTheDingjinRulesOutAndThePenaltyAsAgreed() {
    // the merchant's notice without cause: no breach defeating the purpose, so no 定金罚则; the contract's
    // penalty 20,000.00 applies. Fees 39,000.00 + unpaid 30,000.00 + penalty 20,000.00 = 89,000.00 owed,
    // the 定金 5,000.00 credited: 84,000.00 to pay
    FinalSettlement s = dingjin("39000.00", "30000.00", "20000.00", "5000.00", "5000.00", DepositHandling.SET_OFF,
        null);
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_CREDITED_OR_RETURNED);
    assertThat(s.penalties()).isEqualTo("20000.00");
    assertThat(s.depositForfeited()).isEqualTo("0.00");
    assertThat(s.amountOwed()).isEqualTo("89000.00");
    assertThat(s.depositSetOff()).isEqualTo("5000.00");
    assertThat(s.merchantPays()).isEqualTo("84000.00");
    assertThat(s.depositNotes()).containsExactly("合同未因一方违约而不能实现合同目的，定金 5,000.00 元抵作价款，抵扣贵司应付款项"
        + "（《民法典》第五百八十七条）。按合同约定提前通知解除不适用定金罚则，违约金 20,000.00 元按合同约定计收。");
  }

  @Test
  void withBothAgreedThePenaltyAppliesWhenItIsLargerAndTheStatementSaysWhy() {
    // the merchant's breach defeats the purpose and owes the 30,000.00 penalty; the 定金 is 20,000.00.
    // Only one applies (art. 588); 30,000.00 > 20,000.00 favours the provider: the penalty is charged and
    // the 定金 credited as on performance. Fees 10,000.00 + penalty 30,000.00 = 40,000.00 owed,
    // − 20,000.00 定金 = 20,000.00 to pay
    FinalSettlement s = dingjin("10000.00", "0", "30000.00", "20000.00", "20000.00", DepositHandling.SET_OFF,
        Party.MERCHANT);
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.PENALTY_INSTEAD_OF_DINGJIN);
    assertThat(s.penalties()).isEqualTo("30000.00");
    assertThat(s.depositForfeited()).isEqualTo("0.00");
    assertThat(s.amountOwed()).isEqualTo("40000.00");
    assertThat(s.depositSetOff()).isEqualTo("20000.00");
    assertThat(s.merchantPays()).isEqualTo("20000.00");
    assertThat(s.depositNotes()).containsExactly("贵司违约致使不能实现合同目的。合同既约定定金又约定违约金，守约方只能选择适用其一"
        + "（《民法典》第五百八十八条）：违约金 30,000.00 元高于定金 20,000.00 元，对守约方我方更有利，故适用违约金条款；"
        + "定金不再按定金罚则处理，抵作价款，抵扣贵司应付款项。");
  }

  @Test
  void withBothAgreedTheDingjinAppliesWhenItIsLargerOrEqualAndNoPenaltyIsCharged() {
    // 定金 50,000.00 > penalty 20,000.00: the 定金 is kept, no penalty. Owed: fees 10,000.00 only, nothing
    // left of the deposit to set off
    FinalSettlement s = dingjin("10000.00", "0", "20000.00", "50000.00", "50000.00", DepositHandling.SET_OFF,
        Party.MERCHANT);
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_FORFEITED_INSTEAD_OF_PENALTY);
    assertThat(s.penalties()).isEqualTo("0.00");
    assertThat(s.depositForfeited()).isEqualTo("50000.00");
    assertThat(s.amountOwed()).isEqualTo("10000.00");
    assertThat(s.depositSetOff()).isEqualTo("0.00");
    assertThat(s.merchantPays()).isEqualTo("10000.00");
    assertThat(s.providerRefunds()).isEqualTo("0.00");
    assertThat(s.depositNotes()).containsExactly("贵司违约致使不能实现合同目的。合同既约定定金又约定违约金，守约方只能选择适用其一"
        + "（《民法典》第五百八十八条）：定金 50,000.00 元高于违约金 20,000.00 元，对守约方我方更有利，故适用定金条款："
        + "定金不予返还，不再收取违约金 20,000.00 元。");

    // equal amounts: the 定金, which the provider already holds
    FinalSettlement equal = dingjin("0", "0", "20000.00", "20000.00", "20000.00", DepositHandling.REFUND, Party.MERCHANT);
    assertThat(equal.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_FORFEITED_INSTEAD_OF_PENALTY);
    assertThat(equal.merchantPays()).isEqualTo("0.00");
    assertThat(equal.providerRefunds()).isEqualTo("0.00");
    assertThat(equal.depositNotes()).singleElement().asString()
        .contains("定金 20,000.00 元与违约金相等且已由我方收取，故适用定金条款");
  }

  @Test
  void noDingjinPaidMeansNoDingjin() {
    FinalSettlement s = dingjin("30000.00", "0", "0", "20000.00", "0", DepositHandling.SET_OFF, Party.MERCHANT);
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_NOT_PAID);
    assertThat(s.depositForfeited()).isEqualTo("0.00");
    assertThat(s.merchantPays()).isEqualTo("30000.00");
    assertThat(s.depositNotes()).containsExactly("定金自实际交付时生效，贵司未交付定金，不适用定金罚则（《民法典》第五百八十六条）。");
  }

  @Test
  void aPerformanceBondIsRefundedInFullWithThePenaltyOnTopWhateverTheBreach() {
    // fees 30,000.00 + penalty 20,000.00 = 50,000.00 owed; the 5,000.00 bond comes back in full. A breach
    // defeating the purpose changes nothing: a 履约保证金 knows no 定金罚则
    for (Party breach : new Party[] {null, Party.MERCHANT, Party.PROVIDER}) {
      FinalSettlement s = bond("30000.00", "20000.00", "5000.00", DepositHandling.REFUND, breach);
      assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.SECURITY_RETURNED_OR_SET_OFF);
      assertThat(s.purposeDefeatedBy()).isNull();
      assertThat(s.amountOwed()).isEqualTo("50000.00");
      assertThat(s.depositSetOff()).isEqualTo("0.00");
      assertThat(s.merchantPays()).isEqualTo("50000.00");
      assertThat(s.providerRefunds()).isEqualTo("5000.00");
      assertThat(s.depositName()).isEqualTo("履约保证金");
      assertThat(s.depositNotes()).containsExactly("履约保证金不是定金，不适用定金罚则，按合同约定全额退还。违约金 20,000.00 元按合同约定另行计收。");
    }
  }

  @Test
  void aPerformanceBondIsSetOffAndTheRestRefunded() {
    // owed 3,000.00; bond 5,000.00: 3,000.00 set off, 2,000.00 refunded
    FinalSettlement s = bond("3000.00", "0", "5000.00", DepositHandling.SET_OFF, null);
    assertThat(s.depositSetOff()).isEqualTo("3000.00");
    assertThat(s.merchantPays()).isEqualTo("0.00");
    assertThat(s.providerRefunds()).isEqualTo("2000.00");
    assertThat(s.depositNotes()).containsExactly("履约保证金不是定金，不适用定金罚则，按合同约定抵扣贵司应付款项，余额退还。");
  }

  @Test
  void aContractWithoutAKindIsSettledAsTodayAsSecurity() {
    // recorded before the kind existed: security, penalties on top, no explanation, called 定金 as its text does
    FinalSettlement s = FinalSettlement.of(yuan("30000.00"), yuan("0"), List.of(yuan("20000.00")), yuan("5000.00"),
        DepositHandling.SET_OFF);
    assertThat(s.depositKind()).isNull();
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.SECURITY_RETURNED_OR_SET_OFF);
    assertThat(s.amountOwed()).isEqualTo("50000.00");
    assertThat(s.depositSetOff()).isEqualTo("5000.00");
    assertThat(s.merchantPays()).isEqualTo("45000.00");
    assertThat(s.depositName()).isEqualTo("定金");
    assertThat(s.depositNotes()).isEmpty();
    assertThat(FinalSettlement.of(new FinalSettlement.Inputs(yuan("30000.00"), yuan("0"), yuan("20000.00"), null,
        yuan("5000.00"), yuan("5000.00"), null, DepositHandling.SET_OFF, Party.MERCHANT))).isEqualTo(s);
  }

  // --- the provider's own early-termination penalty (termination symmetry, issue #11) ----------------------

  static FinalSettlement providerEnded(DepositKind kind, String fees, String unpaid, String paid,
      DepositHandling handling, Party defeatedBy, String providerPenalty) {
    return FinalSettlement.of(new FinalSettlement.Inputs(yuan(fees), yuan(unpaid), BigDecimal.ZERO, kind, yuan(paid),
        yuan(paid), kind == DepositKind.DINGJIN ? CAP : null, handling, defeatedBy, yuan(providerPenalty)));
  }

  @Test
  void theProvidersPenaltyIsSetOffAgainstWhatTheMerchantOwesAndTheBondSetOffThenTheRestRefunded() {
    // the provider ended without cause: fees 39,000.00 + unpaid 30,000.00 = 69,000.00 owed by the merchant; the
    // provider owes its penalty 20,000.00: set off (art. 568) → 49,000.00; the bond 5,000.00 set off → 44,000.00
    FinalSettlement s = providerEnded(DepositKind.PERFORMANCE_BOND, "39000.00", "30000.00", "5000.00",
        DepositHandling.SET_OFF, null, "20000.00");
    assertThat(s.penalties()).isEqualTo("0.00");
    assertThat(s.providerPenalty()).isEqualTo("20000.00");
    assertThat(s.amountOwed()).isEqualTo("69000.00");
    assertThat(s.depositSetOff()).isEqualTo("5000.00");
    assertThat(s.merchantPays()).isEqualTo("44000.00");
    assertThat(s.providerRefunds()).isEqualTo("0.00");
    assertThat(s.providerPenaltyNote()).isEqualTo("我方无正当理由在合同期限届满前解除合同，按合同第四条向贵司支付违约金 20,000.00 元，"
        + "其中 20,000.00 元抵扣贵司应付款项（《民法典》第五百六十八条）。");
  }

  @Test
  void theProvidersPenaltyAboveWhatTheMerchantOwesIsPaidOutWithTheRefund() {
    // fees 3,000.00 owed; the provider owes 20,000.00: 3,000.00 set off, 17,000.00 paid; the bond 5,000.00 is
    // refunded in full (REFUND): 17,000.00 + 5,000.00 = 22,000.00 to the merchant, nothing to pay
    FinalSettlement s = providerEnded(DepositKind.PERFORMANCE_BOND, "3000.00", "0", "5000.00",
        DepositHandling.REFUND, null, "20000.00");
    assertThat(s.amountOwed()).isEqualTo("3000.00");
    assertThat(s.depositSetOff()).isEqualTo("0.00");
    assertThat(s.merchantPays()).isEqualTo("0.00");
    assertThat(s.providerRefunds()).isEqualTo("22000.00");
    assertThat(s.providerPenaltyNote()).isEqualTo("我方无正当理由在合同期限届满前解除合同，按合同第四条向贵司支付违约金 20,000.00 元，"
        + "其中 3,000.00 元抵扣贵司应付款项（《民法典》第五百六十八条），其余 17,000.00 元计入我方退还金额。");

    // everything paid already: the whole penalty is paid out
    FinalSettlement paidUp = providerEnded(DepositKind.PERFORMANCE_BOND, "0", "0", "0", DepositHandling.SET_OFF,
        null, "20000.00");
    assertThat(paidUp.merchantPays()).isEqualTo("0.00");
    assertThat(paidUp.providerRefunds()).isEqualTo("20000.00");
    assertThat(paidUp.providerPenaltyNote()).endsWith("支付违约金 20,000.00 元，20,000.00 元计入我方退还金额。");
  }

  @Test
  void aDingjinIsCreditedAsAgreedWhenTheProviderEndsByNoticeAndItsPenaltyIsOwed() {
    // no breach defeating the purpose: the 定金 20,000.00 is credited (art. 587), no double return; fees
    // 30,000.00 − penalty 10,000.00 = 20,000.00, − 定金 20,000.00 = 0.00 to pay
    FinalSettlement s = providerEnded(DepositKind.DINGJIN, "30000.00", "0", "20000.00", DepositHandling.SET_OFF,
        null, "10000.00");
    assertThat(s.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_CREDITED_OR_RETURNED);
    assertThat(s.depositReturnedDouble()).isEqualTo("0.00");
    assertThat(s.depositSetOff()).isEqualTo("20000.00");
    assertThat(s.merchantPays()).isEqualTo("0.00");
    assertThat(s.providerRefunds()).isEqualTo("0.00");
  }

  @Test
  void withTheProvidersBreachAndItsPenaltyTheMerchantGetsTheLargerOfPenaltyAndDoubleReturn() {
    // the provider's breach defeated the purpose, and its penalty 30,000.00 is also due. The double return of
    // the 定金 20,000.00 would give the merchant 20,000.00 more; the penalty 30,000.00 is more (art. 588): the
    // 定金 is credited once and the penalty owed. Fees 12,000.00 − 12,000.00 penalty set off = 0.00 owed;
    // refund: 定金 20,000.00 + the rest of the penalty 18,000.00 = 38,000.00
    FinalSettlement penalty = providerEnded(DepositKind.DINGJIN, "12000.00", "0", "20000.00", DepositHandling.SET_OFF,
        Party.PROVIDER, "30000.00");
    assertThat(penalty.depositOutcome()).isEqualTo(DepositOutcome.PENALTY_INSTEAD_OF_DOUBLE_RETURN);
    assertThat(penalty.depositReturnedDouble()).isEqualTo("0.00");
    assertThat(penalty.providerPenalty()).isEqualTo("30000.00");
    assertThat(penalty.merchantPays()).isEqualTo("0.00");
    assertThat(penalty.providerRefunds()).isEqualTo("38000.00");
    assertThat(penalty.depositNotes()).containsExactly("我方违约致使不能实现合同目的。合同既约定定金又约定违约金，守约方只能选择适用其一"
        + "（《民法典》第五百八十八条）：我方应付的违约金 30,000.00 元高于定金 20,000.00 元，对守约方贵司更有利，故适用违约金条款；"
        + "定金不再双倍返还，抵作价款，抵扣贵司应付款项。");

    // a penalty of 20,000.00 gives no more than the double return's 20,000.00: double return 40,000.00, no
    // penalty; 40,000.00 − fees 12,000.00 = 28,000.00 refunded
    FinalSettlement doubled = providerEnded(DepositKind.DINGJIN, "12000.00", "0", "20000.00", DepositHandling.SET_OFF,
        Party.PROVIDER, "20000.00");
    assertThat(doubled.depositOutcome()).isEqualTo(DepositOutcome.DINGJIN_RETURNED_DOUBLE);
    assertThat(doubled.depositReturnedDouble()).isEqualTo("40000.00");
    assertThat(doubled.providerPenalty()).isEqualTo("0.00");
    assertThat(doubled.providerPenaltyNote()).isNull();
    assertThat(doubled.merchantPays()).isEqualTo("0.00");
    assertThat(doubled.providerRefunds()).isEqualTo("28000.00");
    assertThat(String.join("", doubled.depositNotes())).endsWith("双倍返还多得的 20,000.00 元不低于我方应付的违约金 20,000.00 元，"
        + "对守约方贵司更有利，故适用定金条款，不再另付违约金。");
  }

  @Test
  void noProviderPenaltyLeavesTheStatementAsBefore() {
    FinalSettlement s = bond("30000.00", "20000.00", "5000.00", DepositHandling.REFUND, null);
    assertThat(s.providerPenalty()).isEqualTo("0.00");
    assertThat(s.providerPenaltyNote()).isNull();
    assertThat(s.merchantPays()).isEqualTo("50000.00");
  }
}
