package com.bpocontractflow.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A contract record as stored in the application's {@code contract} table. */
public record Contract(
    long id,
    String contractNumber,
    String processInstanceId,
    String status,
    String merchantName,
    String merchantEmail,
    String contactPerson,
    String contactPhone,
    String shopPlatform,
    int seats,
    String serviceNeeds,
    String serviceScope,
    String serviceHours,
    String billingModel,
    BigDecimal unitPrice,
    Integer termMonths,
    int proposalRound,
    String proposalDecision,
    String proposalComment,
    String signingMethod,
    BigDecimal depositAmount,
    String depositHandling,
    int reviewRound,
    String sealedBy,
    LocalDate sealedDate,
    String courierCompany,
    String trackingNumber,
    LocalDate merchantSealedDate,
    LocalDate countersignedReceivedOn,
    String merchantSignerName,
    OffsetDateTime merchantSignedAt,
    String merchantSignerIp,
    String merchantSignerUserAgent,
    String signedDocumentSha256,
    Integer signedDocumentVersion,
    String returnCourierCompany,
    String returnTrackingNumber,
    String countersignedBy,
    LocalDate goLiveDate,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public ContractStatus statusValue() {
    return ContractStatus.valueOf(status);
  }
}
