package com.bpocontractflow.signing;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.document.ContractDocuments;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What changed in the clauses from one stored version of the contract to the next: the one comparison that
 * staff read in the review and revision forms ({@code roundChanges}) and the merchant on the review page.
 */
@Component
public class RoundChanges {

  private final ClauseSets clauseSets;
  private final ContractDocuments documents;

  public RoundChanges(ClauseSets clauseSets, ContractDocuments documents) {
    this.clauseSets = clauseSets;
    this.documents = documents;
  }

  /**
   * The changes from version {@code version - 1} to {@code version} (a version per review round); empty for
   * the first version, and when either version was not stored (a round reviewed before documents were).
   */
  public Optional<List<ClauseChanges.Change>> since(long contractId, int version) {
    if (version < 2) {
      return Optional.empty();
    }
    Optional<ContractDocuments.Version> previous = documents.find(contractId, version - 1);
    Optional<ContractDocuments.Version> current = documents.find(contractId, version);
    if (previous.isEmpty() || current.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ClauseChanges.between(
        clauseSets.version(contractId, previous.get().clauseSetVersion()).orElseThrow(),
        clauseSets.version(contractId, current.get().clauseSetVersion()).orElseThrow()));
  }
}
