package com.bpocontractflow.signing;

/**
 * The public interface of {@code cancel-contract} (取消合同): a sales member or a manager cancels, in
 * Tasklist, the signing of one contract before it is formed. Its start form names the contract
 * ({@code contractNumber}) and the reason ({@code withdrawalReason}, the variable of {@code SigningWithdrawn}).
 */
public final class ContractCancellationProcess {

  public static final String KEY = "cancel-contract";
  public static final String RESOURCE = "bpmn/cancel-contract.bpmn";
  public static final String START_FORM = "cancel-contract";

  private ContractCancellationProcess() {
  }

  public static final class Elements {
    public static final String CANCEL_SIGNING = "ServiceTask_CancelSigning";
    public static final String SIGNING_CANCELLED = "EndEvent_SigningCancelled";

    private Elements() {
    }
  }
}
