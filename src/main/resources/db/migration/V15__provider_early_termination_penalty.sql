-- Termination symmetry (issue #11): the provider's own early-termination penalty, owed to the merchant when the
-- provider ends the contract without cause before its term, set off against what the merchant owes (Civil Code
-- art. 568). The clause field providerEarlyTerminationPenalty lives in contract_clause_set like the others;
-- the final statement records what the provider owed. Statements made before it: none owed.
ALTER TABLE final_settlement ADD COLUMN provider_penalty DECIMAL(14,2) DEFAULT 0 NOT NULL;
