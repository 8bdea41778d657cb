-- Free-extension days awarded by SLA reviews (issue #14 item 5, the contract's 第四条): each award moves the
-- term's last day (term_last_day) on by its days; this column keeps their sum, so the term's end can be
-- shown with the part of it that comes from free extensions.
ALTER TABLE contract_term ADD COLUMN free_extension_days INT DEFAULT 0 NOT NULL;
