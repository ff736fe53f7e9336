#!/bin/bash
# PostgreSQL init for the supabase-local profile (runs once, on an empty data volume, from
# /docker-entrypoint-initdb.d): creates the role and database the orchestrator uses. The password comes
# from the compose secret codeagent_db_password, the same file the orchestrator reads.
set -euo pipefail
user="${CODEAGENT_DB_USER:-codeagent}"
password_file="/run/secrets/codeagent_db_password"
if [[ ! -s "$password_file" ]]; then
  echo "codeagent init: $password_file is missing or empty" >&2
  exit 1
fi
password="$(tr -d '\r\n' < "$password_file")"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  --set=user="$user" --set=password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('GRANT %I TO CURRENT_USER', :'user') \gexec
SELECT format('CREATE DATABASE codeagent OWNER %I', :'user')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'codeagent') \gexec
SQL
echo "codeagent init: role $user and database codeagent ready"
