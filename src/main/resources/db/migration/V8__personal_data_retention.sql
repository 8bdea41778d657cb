-- Personal data retention (PIPL arts. 19 and 47): when a contract ended, and what the retention job
-- (com.bpocontractflow.retention) did to its personal data since. See docs/personal-data.md.
-- The day a contract ended (a date in China): the day its contract-signing process finished (proposal
-- declined, signing abandoned, or closed after the final settlement and the return or deletion of the
-- merchant's data). Recorded by the retention job; an operator may set it for a contract ended otherwise.
ALTER TABLE contract ADD COLUMN ended_on DATE;
-- The day the contact data, the outbox and the links were anonymised or deleted.
ALTER TABLE contract ADD COLUMN personal_data_anonymised_on DATE;
-- The day the signer's IP address and user agent were removed from the signature evidence.
ALTER TABLE contract ADD COLUMN signing_evidence_reduced_on DATE;
CREATE INDEX ix_contract_ended_on ON contract (ended_on);
