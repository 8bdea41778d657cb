package com.bpocontractflow.onboarding;

/**
 * What the merchant provides for onboarding (上线准备清单): what the training and integration tasks need
 * from it. The access items are what the provider holds during the service and revokes at its end
 * (PIPL art. 47, docs/personal-data.md).
 */
public enum ChecklistItem {
  PRODUCT_MATERIALS("商品资料", "商品详情、卖点、规格参数和常见问题，用于客服培训（产品知识）", false),
  SERVICE_POLICIES("售后政策与话术", "退换货、退款、赠品和优惠规则，以及贵司已有的快捷回复话术（话术规范）", false),
  ORDER_SYSTEM_ACCESS("订单系统/CRM 账号", "客服查询订单和顾客记录所需的订单系统或 CRM 账号（仅开通客服所需权限）", true),
  SUBACCOUNT_AUTHORISATION("千牛子账号授权", "按客服座席数开通千牛（或贵司店铺平台）子账号并授权，仅授予客服所需权限", true),
  CS_SOFTWARE_ACCESS("客服软件接入授权", "客服软件（如智能客服、工单系统）接入店铺所需的授权", true);

  /** The longest note per item. */
  public static final int NOTE_MAX = 200;

  private final String label;
  private final String hint;
  private final boolean access;

  ChecklistItem(String label, String hint, boolean access) {
    this.label = label;
    this.hint = hint;
    this.access = access;
  }

  public String label() {
    return label;
  }

  /** What the merchant is asked for, on the page and in the e-mail. */
  public String hint() {
    return hint;
  }

  /** Whether the item is access to the merchant's systems, revoked at the end of the term. */
  public boolean access() {
    return access;
  }
}
