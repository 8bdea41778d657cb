-- The day the merchant sealed a paper contract: the contract is formed then (Civil Code art. 490), not on the
-- day its copy reached us. Kept on the contract (beside our sealed_date and countersigned_received_on) and, as
-- before, in the merchant's contract_signature row: signed_on is now the seal date, received_on the arrival.
ALTER TABLE contract ADD COLUMN merchant_sealed_date DATE;

-- Until now the merchant's paper signature recorded the day of arrival as signed_on as well. That day stays
-- in received_on; the seal date itself was never recorded, so it is unknown rather than guessed.
UPDATE contract_signature SET signed_on = NULL WHERE party = 'MERCHANT' AND method = 'PAPER';
