-- -------------------------------------------------------------------------------------------------
-- First start of the compose PostgreSQL server (docker-entrypoint-initdb.d, run by psql as the
-- superuser): one database per service, owned by a login role of the same name. Each service's
-- Flyway migrations create its tables as that owner; no role can connect to another's database.
--
-- The passwords come from the container's environment (deploy/.env, see docker-compose.yml) through
-- psql's \getenv, so none is written here. Runs only when the data volume is empty.
-- -------------------------------------------------------------------------------------------------
\set ON_ERROR_STOP on

\getenv accounts_password ACCOUNTS_DB_PASSWORD
\getenv submissions_password SUBMISSIONS_DB_PASSWORD
\getenv evaluation_password EVALUATION_DB_PASSWORD
\getenv reporting_password REPORTING_DB_PASSWORD

CREATE ROLE accounts LOGIN PASSWORD :'accounts_password';
CREATE ROLE submissions LOGIN PASSWORD :'submissions_password';
CREATE ROLE evaluation LOGIN PASSWORD :'evaluation_password';
CREATE ROLE reporting LOGIN PASSWORD :'reporting_password';

CREATE DATABASE accounts OWNER accounts;
CREATE DATABASE submissions OWNER submissions;
CREATE DATABASE evaluation OWNER evaluation;
CREATE DATABASE reporting OWNER reporting;

REVOKE ALL ON DATABASE accounts FROM PUBLIC;
REVOKE ALL ON DATABASE submissions FROM PUBLIC;
REVOKE ALL ON DATABASE evaluation FROM PUBLIC;
REVOKE ALL ON DATABASE reporting FROM PUBLIC;
