package com.bpocontractflow.contract;

/**
 * In what capacity the merchant's signer signs electronically: as the legal representative named in the
 * contract, or as a signatory authorised by a power of attorney (授权委托书) uploaded when signing. An
 * agent acts within the authority granted (Civil Code arts. 161-162, 165); a legal representative acts for
 * the company (art. 61).
 */
public enum SignerAuthority {
  LEGAL_REPRESENTATIVE("法定代表人"),
  AUTHORISED_SIGNATORY("授权签署人（凭授权委托书）");

  private final String label;

  SignerAuthority(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
