-- What the final statement did with the money paid after signing, by the kind the contract chose (issue #11):
-- a 定金 (Civil Code arts. 586-588: the amount that took effect, forfeited or returned double after a breach
-- that defeated the contract's purpose) or a 履约保证金 (refunded or set off). Statements made before have
-- no kind: they treated the deposit as security. (V10 is the merchant's seal date on main.)
ALTER TABLE final_settlement ADD COLUMN deposit_kind VARCHAR(20);
ALTER TABLE final_settlement ADD COLUMN dingjin DECIMAL(14,2);
ALTER TABLE final_settlement ADD COLUMN deposit_forfeited DECIMAL(14,2) DEFAULT 0 NOT NULL;
ALTER TABLE final_settlement ADD COLUMN deposit_returned_double DECIMAL(14,2) DEFAULT 0 NOT NULL;
ALTER TABLE final_settlement ADD COLUMN deposit_outcome VARCHAR(40);
ALTER TABLE final_settlement ADD COLUMN purpose_defeated_by VARCHAR(20);
