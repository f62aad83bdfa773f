-- The access log (NEN 7513): who, in which role, did what to which zaak and
-- person, when, from where, with what outcome. The daemon's role may only
-- append; nobody with that role can change or remove what was logged.
-- Roles: toegang_owner runs migrations and owns every object; toegang_app is
-- the daemon's role (LOGIN, no superuser, no BYPASSRLS, owns nothing). Both
-- are created by whoever sets up the cluster (./dev up, or the DBA).

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO toegang_app;

CREATE TABLE toegangslog (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tijdstip     timestamptz NOT NULL DEFAULT clock_timestamp(),
    request_id   text NOT NULL,
    rol          text,
    actor        text,
    actie        text NOT NULL,
    zaak_id      text,
    persoon_ref  text,
    uitkomst     text NOT NULL,
    herkomst     text
);
COMMENT ON TABLE toegangslog IS 'NEN 7513 access log; append-only for the daemon';

CREATE INDEX toegangslog_zaak ON toegangslog (zaak_id, tijdstip) WHERE zaak_id IS NOT NULL;

REVOKE ALL ON toegangslog FROM PUBLIC;
GRANT INSERT ON toegangslog TO toegang_app;
