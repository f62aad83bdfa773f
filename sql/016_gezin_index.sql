-- A create looked for the family with zaak.partij_bsn && p_bsn. gezin_van()
-- runs as the owner, whom FORCE ROW LEVEL SECURITY binds, and && is not
-- leakproof, so PostgreSQL may not use it in an index scan ahead of the
-- policies: every create scanned every gezin (gezin_van() 16 ms at 10 000
-- zaken, 2.7 s at one million; docs/performance.md). = on char(9) is
-- leakproof, so the family's zaken are found through an index on
-- betrokkene.bsn, which holds exactly the BSNs partij_bsn is made of.
CREATE INDEX betrokkene_bsn ON betrokkene (bsn);

CREATE OR REPLACE FUNCTION gezin_van(p_bsn text[]) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    gevonden uuid[];
    g uuid;
BEGIN
    PERFORM set_config('toegang.systeem', 'aan', true);
    -- Two creates for one family wait for each other here (locks taken in
    -- one order, so they cannot deadlock), and the second finds the first's gezin.
    PERFORM pg_advisory_xact_lock(s.h)
       FROM (SELECT DISTINCT hashtextextended(b, 5037) AS h FROM unnest(p_bsn) AS b ORDER BY 1) s;
    SELECT array_agg(x.gezin_id ORDER BY x.aangemaakt, x.gezin_id) INTO gevonden
      FROM (SELECT DISTINCT z.gezin_id, gz.aangemaakt
              FROM betrokkene b
              JOIN zaak z ON z.id = b.zaak_id
              JOIN gezin gz ON gz.id = z.gezin_id
             WHERE b.bsn = ANY (p_bsn::bpchar[])) x;
    IF gevonden IS NULL THEN
        INSERT INTO gezin DEFAULT VALUES RETURNING id INTO g;
    ELSE
        g := gevonden[1];
        IF cardinality(gevonden) > 1 THEN
            UPDATE zaak SET gezin_id = g WHERE gezin_id = ANY (gevonden[2:]);
            UPDATE gezinsplan SET gezin_id = g WHERE gezin_id = ANY (gevonden[2:]);
            UPDATE gezin_regisseur SET gezin_id = g WHERE gezin_id = ANY (gevonden[2:]);
            UPDATE gezin SET samengevoegd_in = g WHERE id = ANY (gevonden[2:]);
        END IF;
    END IF;
    PERFORM set_config('toegang.systeem', '', true);
    RETURN g;
END
$$;
