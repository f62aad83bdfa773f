-- The VNG landelijke inkoop list (issue 8): providers under a national VNG
-- contract (Landelijk Transitiearrangement), fetched from outside by
-- toegang-landelijk-sync. The copy is replaced whole, in one statement, and
-- only by a download that was valid throughout; a failed fetch only records
-- that it failed, so the last good copy and its fetch time stay.

CREATE TABLE landelijke_aanbieder (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    naam               text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    agb                char(8) CHECK (agb ~ '^[0-9]{8}$'),
    kvk                char(8) CHECK (kvk ~ '^[0-9]{8}$'),
    functies           text[] NOT NULL CHECK (cardinality(functies) BETWEEN 1 AND 20),
    productcategorieen text[] NOT NULL CHECK (cardinality(productcategorieen) BETWEEN 1 AND 20),
    ingangsdatum       date NOT NULL,
    einddatum          date,
    CHECK (agb IS NOT NULL OR kvk IS NOT NULL),
    CHECK (einddatum IS NULL OR einddatum >= ingangsdatum)
);
CREATE INDEX landelijke_aanbieder_agb ON landelijke_aanbieder (agb);

-- One row: where the copy came from and when. opgehaald is the last time the
-- source confirmed the copy (a new download or a 304); verouderd is derived
-- from max_leeftijd, which the sync command writes from its configuration.
CREATE TABLE landelijke_lijst (
    id             boolean PRIMARY KEY DEFAULT true CHECK (id),
    bron           text,
    opgehaald      timestamptz,
    gewijzigd      timestamptz,
    etag           text,
    last_modified  text,
    aantal         integer NOT NULL DEFAULT 0,
    max_leeftijd   interval NOT NULL DEFAULT interval '48 hours',
    laatste_poging timestamptz,
    laatste_fout   text
);
INSERT INTO landelijke_lijst DEFAULT VALUES;

REVOKE ALL ON landelijke_aanbieder, landelijke_lijst FROM PUBLIC;
GRANT SELECT ON landelijke_aanbieder, landelijke_lijst TO toegang_app;

-- The state of the copy as health and the search show it. A plain SQL
-- function (the app role may read the row): the planner inlines it, which
-- keeps health as cheap as the SELECT 1 it replaced.
CREATE FUNCTION landelijke_lijst_status() RETURNS json
LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'ingericht', l.bron IS NOT NULL,
        'opgehaald', l.opgehaald, 'gewijzigd', l.gewijzigd, 'aantal', l.aantal,
        'verouderd', l.opgehaald IS NULL OR l.opgehaald < now() - l.max_leeftijd,
        'max_leeftijd_uren', extract(epoch FROM l.max_leeftijd)::bigint / 3600,
        'laatste_poging', l.laatste_poging, 'laatste_fout', l.laatste_fout)
    FROM landelijke_lijst l
$$;

-- A valid download: the records (checked by the command, and again by the
-- table's constraints) replace the copy. One statement, so all or nothing.
CREATE FUNCTION landelijke_lijst_vervang(p_bron text, p_etag text, p_last_modified text,
    p_max_leeftijd interval, p_aanbieders jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    n integer;
BEGIN
    IF jsonb_typeof(p_aanbieders) IS DISTINCT FROM 'array' OR jsonb_array_length(p_aanbieders) = 0 THEN
        RAISE EXCEPTION 'an empty list never replaces the copy' USING ERRCODE = '22023';
    END IF;
    DELETE FROM landelijke_aanbieder;
    INSERT INTO landelijke_aanbieder (naam, agb, kvk, functies, productcategorieen,
                                      ingangsdatum, einddatum)
    SELECT r->>'naam', r->>'agb', r->>'kvk',
           ARRAY(SELECT jsonb_array_elements_text(r->'functies')),
           ARRAY(SELECT jsonb_array_elements_text(r->'productcategorieen')),
           (r->>'ingangsdatum')::date, (r->>'einddatum')::date
      FROM jsonb_array_elements(p_aanbieders) r;
    GET DIAGNOSTICS n = ROW_COUNT;
    UPDATE landelijke_lijst SET bron = p_bron, opgehaald = now(), gewijzigd = now(),
           etag = p_etag, last_modified = p_last_modified, aantal = n,
           max_leeftijd = p_max_leeftijd, laatste_poging = now(), laatste_fout = NULL;
    RETURN n;
END $$;

-- A 304: the source confirms the copy.
CREATE FUNCTION landelijke_lijst_ongewijzigd(p_bron text, p_max_leeftijd interval) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
    UPDATE landelijke_lijst SET opgehaald = now(), max_leeftijd = p_max_leeftijd,
           laatste_poging = now(), laatste_fout = NULL
     WHERE bron = p_bron
    RETURNING aantal
$$;

-- A failed fetch or a refused download: the copy stays, the failure shows.
CREATE FUNCTION landelijke_lijst_mislukt(p_bron text, p_max_leeftijd interval, p_fout text)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
    UPDATE landelijke_lijst SET laatste_poging = now(), max_leeftijd = p_max_leeftijd,
           laatste_fout = left(p_fout, 500)
$$;

REVOKE ALL ON FUNCTION landelijke_lijst_status(), landelijke_lijst_vervang(text, text, text, interval, jsonb),
    landelijke_lijst_ongewijzigd(text, interval), landelijke_lijst_mislukt(text, interval, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION landelijke_lijst_status(), landelijke_lijst_vervang(text, text, text, interval, jsonb),
    landelijke_lijst_ongewijzigd(text, interval), landelijke_lijst_mislukt(text, interval, text) TO toegang_app;
