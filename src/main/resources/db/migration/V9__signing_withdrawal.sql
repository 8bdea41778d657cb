-- Withdrawal by the merchant or cancellation by the provider before the contract is formed (Civil Code
-- arts. 475-477: an offer may be revoked until it is accepted). Who withdrew, why and when.
ALTER TABLE contract ADD COLUMN withdrawn_by VARCHAR(20);
ALTER TABLE contract ADD COLUMN withdrawal_reason VARCHAR(500);
ALTER TABLE contract ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
