#!/bin/bash
# Runs once, when the postgres:16 container initialises an empty volume. Mirrors tools/services/bootstrap.ts:
# poa_owner owns the database and runs migrations; poa_app is what the API and worker connect as
# (no superuser, no BYPASSRLS, owns nothing, so row-level security applies to it).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$POA_OWNER_PASSWORD" -v app_password="$POA_APP_PASSWORD" <<'SQL'
CREATE ROLE poa_owner LOGIN NOSUPERUSER PASSWORD :'owner_password';
CREATE ROLE poa_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE poa_desk OWNER poa_owner ENCODING 'UTF8';
GRANT CONNECT, TEMPORARY ON DATABASE poa_desk TO poa_app;
\connect poa_desk
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO poa_owner;
GRANT USAGE ON SCHEMA public TO poa_app;
ALTER DEFAULT PRIVILEGES FOR ROLE poa_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO poa_app;
ALTER DEFAULT PRIVILEGES FOR ROLE poa_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO poa_app;
ALTER DEFAULT PRIVILEGES FOR ROLE poa_owner IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO poa_app;
SQL
