-- The merchant's choice at the end of the entrusted processing (PIPL art. 21: return or delete as the
-- entrusting party chooses; art. 47: delete when the processing ends if not returned), how the data was
-- deleted, and the deletion certificate (数据删除证明) mailed to the merchant. See docs/personal-data.md.

-- RETURNED or DELETED; LINK (the merchant on its link page), STAFF (staff recorded the merchant's letter or
-- call) or DEFAULT (no choice by the deadline: deleted, art. 47); the return format the merchant asked for
-- or how it told staff; who recorded it (a staff user id, or the merchant's link) and when.
ALTER TABLE contract_term ADD COLUMN data_choice VARCHAR(20);
ALTER TABLE contract_term ADD COLUMN data_choice_source VARCHAR(20);
ALTER TABLE contract_term ADD COLUMN data_choice_note VARCHAR(500);
ALTER TABLE contract_term ADD COLUMN data_choice_by VARCHAR(100);
ALTER TABLE contract_term ADD COLUMN data_choice_at TIMESTAMP WITH TIME ZONE;
-- How the data was deleted (删除方式), as staff recorded it; null when it was returned.
ALTER TABLE contract_term ADD COLUMN data_deletion_method VARCHAR(500);

-- One certificate per contract: the PDF as mailed, its SHA-256, and the token (its SHA-256 only) of the
-- merchant's download link.
CREATE TABLE data_deletion_certificate (
    contract_id            BIGINT        PRIMARY KEY REFERENCES contract (id),
    pdf                    BYTEA         NOT NULL,
    pdf_sha256             CHAR(64)      NOT NULL,
    token_hash             CHAR(64)      NOT NULL,
    deleted_on             DATE          NOT NULL,
    recorded_by            VARCHAR(100),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_data_deletion_certificate_token UNIQUE (token_hash)
);
