-- Two holes the row-level security proof (tests/integration/rls.sh) found.
--
-- 1. SECURITY DEFINER functions ran with search_path = public, but
-- PostgreSQL searches the session's temporary schema before it for tables,
-- and every role could make temporary tables (PUBLIC holds TEMPORARY on a
-- new database). The app role could put a temporary "zaak" and "gezin" in
-- front of the real ones, grant them to the owner and call gezin_van(): the
-- owner then moved another family's gezinsplan and casusregisseur rows into
-- a gezin of the caller's choosing, rows the app role may not update. So
-- pg_temp goes last for every such function (as the PostgreSQL manual asks,
-- "Writing SECURITY DEFINER Functions Safely"), and only the owner keeps
-- TEMPORARY: toegang-import runs as the owner, the daemon and the sync make
-- no temporary tables. A function added later sets it itself; rls.sh fails
-- for one that does not.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid FROM pg_proc p
              WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f);
    END LOOP;
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

-- 2. idempotentie had no row-level security: any transaction of the app
-- role read every caller's keys (free text a client chooses) and the zaak
-- each made, another gemeente's and another family's too. A key is now
-- read only with its zaak. The insert stays unchecked: it is part of the
-- statement that inserts the zaak, which that statement cannot see yet;
-- the primary key still makes a second insert of the same key wait and fail.
ALTER TABLE idempotentie ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotentie FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotentie_lezen ON idempotentie FOR SELECT USING (zaak_id_zichtbaar(zaak_id));
CREATE POLICY idempotentie_aanmaken ON idempotentie FOR INSERT WITH CHECK (true);
