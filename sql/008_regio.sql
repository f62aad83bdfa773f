-- The region a deployment serves, and doorzending (woonplaatsbeginsel).
--
-- The verantwoordelijke gemeente follows from where the gezaghebbenden live;
-- the behandelende gemeente is the one whose CJG (and Plein and teams)
-- has the zaak. They are the same unless the verantwoordelijke gemeente is
-- outside the region (configuration "regio"): then the zaak is accepted,
-- flagged buiten_regio, and lands at a gemeente of the region (the team or
-- CJG that recorded it, else the region's first), which offers it for
-- forwarding. Visibility for gemeente roles and the right to act follow the
-- behandelende gemeente.

ALTER TABLE zaak
    ADD COLUMN behandelende_gemeente char(4),
    ADD COLUMN buiten_regio boolean NOT NULL DEFAULT false,
    -- Forwarded outside the region: to whom (the zaak ends here).
    ADD COLUMN doorgezonden_naar char(4);
DO $$
BEGIN
    PERFORM set_config('toegang.systeem', 'aan', true);
    UPDATE zaak SET behandelende_gemeente = verantwoordelijke_gemeente;
    PERFORM set_config('toegang.systeem', '', true);
END
$$;
ALTER TABLE zaak ALTER COLUMN behandelende_gemeente SET NOT NULL;

CREATE INDEX zaak_behandelend ON zaak (behandelende_gemeente, aangemaakt DESC, id DESC);
DROP INDEX zaak_gemeente;
DROP INDEX zaak_open;
CREATE INDEX zaak_open ON zaak (behandelende_gemeente)
    WHERE status NOT IN ('toegekend', 'gedeeltelijk_toegekend', 'afgewezen', 'ingetrokken', 'doorgezonden');

CREATE OR REPLACE FUNCTION zaak_zichtbaar(z zaak) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(CASE
        WHEN current_setting('toegang.rol', true) IN ('ouder', 'jeugdige')
            THEN z.partij_bsn @> ARRAY[current_setting('toegang.identiteit', true)]
        WHEN current_setting('toegang.rol', true) IN ('huisarts', 'jeugdarts', 'medisch_specialist')
            THEN z.verwijzer_agb = current_setting('toegang.identiteit', true)
        WHEN current_setting('toegang.rol', true) IN ('gi', 'rechter', 'om', 'jji')
            THEN z.verwijzer_org = current_setting('toegang.identiteit', true)
        -- API.md: the zaken in which a toewijzing names its AGB (sql/007_toewijzing.sql)
        WHEN current_setting('toegang.rol', true) = 'aanbieder'
            THEN z.aanbieder_agbs @> ARRAY[current_setting('toegang.identiteit', true)]
        WHEN current_setting('toegang.rol', true) IN ('cjg', 'plein', 'gst', 'beheerder')
            THEN z.behandelende_gemeente = current_setting('toegang.identiteit', true)
        ELSE false
    END, false)
$$;

CREATE OR REPLACE FUNCTION zaak_cjg_mag(z zaak) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(current_setting('toegang.rol', true) = 'cjg'
        AND z.behandelende_gemeente = current_setting('toegang.identiteit', true), false)
$$;

-- Forwarding inside the region: the zaak moves to the CJG of p_naar and
-- starts again there ("ontvangen", with the deadlines of receipt, p_termijnen
-- [{naam, datum, grondslag}]: under Awb 2:3 the term runs from receipt by
-- the competent gemeente). The sending CJG cannot see the zaak once moved,
-- so this runs as the owner, after checking that the caller may act on it.
-- Returns 1, or 0 when the caller may not.
CREATE FUNCTION zaak_doorzenden_binnen_regio(p_zaak uuid, p_naar char(4), p_toelichting text,
    p_gegevens jsonb, p_termijnen jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    rol text := current_setting('toegang.rol', true);
    wie text := current_setting('toegang.identiteit', true);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM zaak z WHERE z.id = p_zaak AND zaak_cjg_mag(z)) THEN
        RETURN 0;
    END IF;
    PERFORM set_config('toegang.systeem', 'aan', true);
    DELETE FROM zaak_termijn WHERE zaak_id = p_zaak;
    INSERT INTO zaak_termijn (zaak_id, naam, datum, grondslag)
        SELECT p_zaak, t.naam, t.datum, t.grondslag
        FROM jsonb_to_recordset(p_termijnen) AS t (naam text, datum date, grondslag text);
    INSERT INTO zaak_status (zaak_id, status, tijdstip, toelichting, actor_rol, actor, actie, gegevens)
        VALUES (p_zaak, 'ontvangen', clock_timestamp(), p_toelichting, rol, wie, 'doorzenden', p_gegevens);
    UPDATE zaak SET status = 'ontvangen', verantwoordelijke_gemeente = p_naar,
        behandelende_gemeente = p_naar, buiten_regio = false, woonplaats_te_bepalen = false
        WHERE id = p_zaak;
    PERFORM set_config('toegang.systeem', '', true);
    RETURN 1;
END
$$;

-- zaak_termijn and zaak_status are written by the owner's function above.
SELECT systeem_beleid(t) FROM unnest(ARRAY['zaak_termijn', 'zaak_status']::regclass[]) AS t;

REVOKE ALL ON FUNCTION zaak_doorzenden_binnen_regio(uuid, char, text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zaak_doorzenden_binnen_regio(uuid, char, text, jsonb, jsonb) TO toegang_app;
GRANT UPDATE (doorgezonden_naar) ON zaak TO toegang_app;
