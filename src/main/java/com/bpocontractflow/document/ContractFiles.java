package com.bpocontractflow.document;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.onboarding.MerchantAccessRevocations;
import com.bpocontractflow.term.DataDeletionCertificates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What staff see of a contract's documents — its versions, signatures, the signed version and the review
 * comments — for the JSON of DocumentController and the page of DocumentPage alike.
 */
@Component
class ContractFiles {

  private final ContractDocuments documents;
  private final ContractSignatures signatures;
  private final ReviewRounds reviewRounds;
  private final SignedCopies signedCopies;
  private final DataDeletionCertificates certificates;
  private final MerchantAccessRevocations revocations;
  private final ContractOriginals originals;

  ContractFiles(ContractDocuments documents, ContractSignatures signatures, ReviewRounds reviewRounds,
      SignedCopies signedCopies, DataDeletionCertificates certificates, MerchantAccessRevocations revocations,
      ContractOriginals originals) {
    this.revocations = revocations;
    this.certificates = certificates;
    this.originals = originals;
    this.documents = documents;
    this.signatures = signatures;
    this.reviewRounds = reviewRounds;
    this.signedCopies = signedCopies;
  }

  /**
   * contractNumber, versions, signatures, signedVersion (null before both signed), signedCopy (the final
   * signed copy without its bytes; null before both signed), reviewComments, dataDeletionCertificate (its
   * SHA-256 and dates; null until the data is deleted), merchantAccessRevocation (what access the merchant
   * had granted was revoked at the end of the service, and when; null until recorded), originalScan (the scan
   * of a paper contract's sealed original, without its bytes; null until uploaded).
   */
  Map<String, Object> of(Contract contract) {
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("contractNumber", contract.contractNumber());
    files.put("versions", documents.versions(contract.id()));
    files.put("signatures", signatures.of(contract.id()));
    files.put("signedVersion", signatures.signedVersion(contract.id()).orElse(null));
    files.put("signedCopy", signedCopies.find(contract.id()).orElse(null));
    files.put("reviewComments", reviewRounds.comments(contract.id()));
    files.put("dataDeletionCertificate", certificates.of(contract.id()).map(DataDeletionCertificates::summary)
        .orElse(null));
    files.put("merchantAccessRevocation", revocations.of(contract.id()).orElse(null));
    files.put("originalScan", originals.latest(contract.id()).orElse(null));
    return files;
  }
}
