-- Which application node delivered each e-mail (bpo.node-name), for operators and the two-node test.
ALTER TABLE mail_outbox ADD COLUMN sent_by VARCHAR(100);
