-- Access-log records written outside the request's own transaction: reads a
-- hot standby served (the standby cannot write), sent to the primary after
-- the read or, while the primary is away, kept in a host's spool and
-- replayed later (docs/scale-out.md). Each such record carries a delivery
-- key (request id, a random part, the row's number within the record); a
-- record delivered twice (a connection cut after the insert, a replay cut
-- after its commit) stays one row: the insert says ON CONFLICT DO NOTHING,
-- which needs no right beyond INSERT. Rows written in the request's own
-- transaction have no key, and the partial index does not hold them.
ALTER TABLE toegangslog ADD COLUMN delivery_key text;
CREATE UNIQUE INDEX toegangslog_delivery_key ON toegangslog (delivery_key)
    WHERE delivery_key IS NOT NULL;
COMMENT ON COLUMN toegangslog.delivery_key IS
    'set when the record was delivered after the read (standby reads, spool replay); unique';
