-- The outbox sender claims a batch in a short transaction and sends it without one (issues #12, #16).
-- A claimed e-mail is SENDING until lease_until, held by claimed_by (the node and a token per claim);
-- sending_since is set just before its SMTP exchange starts, so a lease that expires tells whether the
-- e-mail was in flight (outcome unknown: sent again with the same Message-ID, counted in repeats) or
-- never attempted (simply put back). UNKNOWN (new status, no column) is an e-mail the SMTP server had
-- in full without confirming it; confirmed_by is the staff member who confirmed its delivery.
ALTER TABLE mail_outbox ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN claimed_by VARCHAR(150);
ALTER TABLE mail_outbox ADD COLUMN sending_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN repeats INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN confirmed_by VARCHAR(100);

-- The claim reads "status = 'PENDING' AND next_attempt_at <= now ORDER BY next_attempt_at, id LIMIT n":
-- this index answers it in that order, walking only the due PENDING entries, however many SENT rows the
-- table holds (they sit under another status in the index), with no sort. The expired-lease check reads
-- the SENDING entries (at most the batches in flight). A PostgreSQL partial index (WHERE status IN
-- ('PENDING', 'SENDING')) would be smaller but is not H2 syntax; one plain index keeps one migration for
-- both databases. It replaces ix_mail_outbox_due (status, next_attempt_at), a prefix of it.
DROP INDEX ix_mail_outbox_due;
CREATE INDEX ix_mail_outbox_claim ON mail_outbox (status, next_attempt_at, id);
