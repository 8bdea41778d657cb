package com.bpocontractflow.document;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.contract.SettlementCycle;
import java.util.Map;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.Sha256;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The contract document the merchant signs electronically, rendered from {@code templates/documents/contract.html}
 * and identified by the SHA-256 of its bytes: the same contract content always gives the same hash, any change
 * gives another.
 */
@Component
public class ContractDocument {

  private final ITemplateEngine templates;
  private final MerchantMailer mailer;
  private final ClauseSets clauseSets;

  public ContractDocument(ITemplateEngine templates, MerchantMailer mailer, ClauseSets clauseSets) {
    this.templates = templates;
    this.mailer = mailer;
    this.clauseSets = clauseSets;
  }

  public Rendered render(Contract contract) {
    Map<String, Object> model = mailer.model(contract);
    Map<String, Object> clauses = clauseSets.latest(contract.id()).orElse(Map.of());
    model.put("c", clauses);
    model.put("settlementCycle", MerchantMailer.label(clauses.get("settlementCycle"), SettlementCycle::valueOf, SettlementCycle::label));
    model.put("disputeForum", MerchantMailer.label(clauses.get("disputeForum"), DisputeForum::valueOf, DisputeForum::label));
    Context context = new Context(Locale.SIMPLIFIED_CHINESE, model);
    String html = templates.process("documents/contract", context);
    return new Rendered(html, Sha256.hex(html), contract.reviewRound());
  }

  /** The document's HTML, its SHA-256 (hex) and its version (the clause-review round). */
  public record Rendered(String html, String sha256, int version) {
  }
}
