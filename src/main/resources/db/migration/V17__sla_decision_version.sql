-- The version of the DMN table sla-compensation whose rows the contract's remedy clause (第四条) states
-- (issue #11): stored with each document version, so the SLA reviews of a signed contract evaluate the table
-- it was signed with, and a table deployed later applies only to contracts written after it. Documents
-- written before have none: their reviews use the version deployed when the document was written.
-- Each SLA review records the version it evaluated.
ALTER TABLE contract_document ADD COLUMN sla_decision_id VARCHAR(64);
ALTER TABLE sla_review ADD COLUMN sla_decision_id VARCHAR(64);
