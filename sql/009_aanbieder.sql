-- API.md "Who sees what": an aanbieder sees the zaken in which a toewijzing
-- names its AGB code, and nothing else. The codes are kept on the zaak (as
-- partij_bsn is), because zaak's policy cannot read toewijzing, whose own
-- policy reads zaak, without recursion. They are added as toewijzingen are
-- made (plugins/zaak/zaak_sql.h, ZK_SQL_ACTION_APPLY) and never removed: a
-- provider keeps seeing what it was once allocated.

ALTER TABLE zaak ADD COLUMN aanbieder_agbs text[] NOT NULL DEFAULT '{}';
DO $$
BEGIN
    PERFORM set_config('toegang.systeem', 'aan', true);
    UPDATE zaak z SET aanbieder_agbs = ARRAY(SELECT DISTINCT t.aanbieder_agb::text
        FROM toewijzing t WHERE t.zaak_id = z.id AND t.aanbieder_agb IS NOT NULL ORDER BY 1)
    WHERE EXISTS (SELECT 1 FROM toewijzing t WHERE t.zaak_id = z.id);
    PERFORM set_config('toegang.systeem', '', true);
END
$$;
CREATE INDEX zaak_aanbieder_agbs ON zaak USING gin (aanbieder_agbs);
GRANT UPDATE (aanbieder_agbs) ON zaak TO toegang_app;

CREATE OR REPLACE FUNCTION zaak_zichtbaar(z zaak) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(CASE
        WHEN current_setting('toegang.rol', true) IN ('ouder', 'jeugdige')
            THEN z.partij_bsn @> ARRAY[current_setting('toegang.identiteit', true)]
        WHEN current_setting('toegang.rol', true) IN ('huisarts', 'jeugdarts', 'medisch_specialist')
            THEN z.verwijzer_agb = current_setting('toegang.identiteit', true)
        WHEN current_setting('toegang.rol', true) IN ('gi', 'rechter', 'om', 'jji')
            THEN z.verwijzer_org = current_setting('toegang.identiteit', true)
        WHEN current_setting('toegang.rol', true) = 'aanbieder'
            THEN z.aanbieder_agbs @> ARRAY[current_setting('toegang.identiteit', true)]
        WHEN current_setting('toegang.rol', true) IN ('cjg', 'plein', 'gst', 'beheerder')
            THEN z.behandelende_gemeente = current_setting('toegang.identiteit', true)
        ELSE false
    END, false)
$$;
