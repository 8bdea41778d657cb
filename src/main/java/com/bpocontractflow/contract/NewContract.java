package com.bpocontractflow.contract;

/** What a merchant's request carries when a contract is registered. */
public record NewContract(
    String requestedNumber,
    String merchantName,
    String merchantEmail,
    String contactPerson,
    String contactPhone,
    ShopPlatform shopPlatform,
    int seats,
    String serviceNeeds) {
}
