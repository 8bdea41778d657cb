-- Onboarding with the merchant (issue #14, item 6). See docs/personal-data.md.

-- The merchant's answers on its onboarding checklist page (上线准备清单): per item whether it has provided
-- it and a short note; updated by the merchant through its link until go-live.
CREATE TABLE onboarding_checklist (
    contract_id            BIGINT        NOT NULL REFERENCES contract (id),
    item                   VARCHAR(40)   NOT NULL,
    provided               BOOLEAN       NOT NULL,
    note                   VARCHAR(200),
    updated_by             VARCHAR(100)  NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_onboarding_checklist PRIMARY KEY (contract_id, item)
);

-- At the end of the term: what access the merchant had granted (sub-accounts, order system/CRM, customer-
-- service software) was revoked, on which day, and who recorded it (PIPL art. 47). One record per contract,
-- kept with the data disposal and printed on the deletion certificate.
CREATE TABLE merchant_access_revocation (
    contract_id            BIGINT        PRIMARY KEY REFERENCES contract (id),
    revoked_access         VARCHAR(1000) NOT NULL,
    revoked_on             DATE          NOT NULL,
    recorded_by            VARCHAR(100),
    recorded_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
