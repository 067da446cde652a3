-- Grensverkeer: de rollen op een gedeelde PostgreSQL-database (zie docs/privacy.md, "Toegang").
--
-- grensverkeer_lezer      mag alles zien (elke pagina, elke leesopdracht), niets wijzigen.
-- grensverkeer_schrijver  mag ook importeren, tarieven en instellingen wijzigen, plannen
--                         vaststellen en intrekken, leerlingen verwijderen en opschonen.
--
-- Uitvoeren door de EIGENAAR van de tabellen (de beheerder die Grensverkeer de database liet
-- aanmaken; alleen die werkt de database bij naar een nieuwe versie), in de database van
-- Grensverkeer, met het schema van Grensverkeer vooraan in search_path (standaard public):
--
--     psql -d grensverkeer -f roles.sql
--
-- Daarna krijgt elke medewerker een eigen inlognaam en één van de twee rollen:
--
--     CREATE ROLE jan LOGIN PASSWORD '…';   GRANT grensverkeer_lezer TO jan;
--     CREATE ROLE piet LOGIN PASSWORD '…';  GRANT grensverkeer_schrijver TO piet;
--
-- Opnieuw uitvoeren kan: bestaande rollen blijven, rechten worden opnieuw gegeven.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grensverkeer_lezer') THEN
        CREATE ROLE grensverkeer_lezer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grensverkeer_schrijver') THEN
        CREATE ROLE grensverkeer_schrijver NOLOGIN;
    END IF;
END
$$;

DO $$
DECLARE
    schema_name text := current_schema();
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO grensverkeer_lezer, grensverkeer_schrijver',
                   current_database());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO grensverkeer_lezer, grensverkeer_schrijver',
                   schema_name);
    -- lezen: alle tabellen, ook die een latere versie toevoegt
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO grensverkeer_lezer', schema_name);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES '
                   'TO grensverkeer_lezer', schema_name);
    -- schrijven: gegevens wijzigen, niet de tabellen zelf (dat doet de eigenaar bij een update)
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I '
                   'TO grensverkeer_schrijver', schema_name);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I '
                   'TO grensverkeer_schrijver', schema_name);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE '
                   'ON TABLES TO grensverkeer_schrijver', schema_name);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE '
                   'ON SEQUENCES TO grensverkeer_schrijver', schema_name);
    -- het privacylogboek: alleen toevoegen, nooit wijzigen of wissen
    IF to_regclass(format('%I.privacy_log', schema_name)) IS NOT NULL THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON %I.privacy_log FROM grensverkeer_schrijver',
                       schema_name);
    END IF;
END
$$;
