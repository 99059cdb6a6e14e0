#!/bin/sh
# Runs the PostgreSQL store's cases of the test binary ($1) through the PgBouncer that scripts/test starts
# (MDM_TEST_PG_POOLED_URI) instead of the server itself. Without a pooler it says so and passes, as the
# PostgreSQL cases do without a server.
if [ -z "$MDM_TEST_PG_POOLED_URI" ]; then
  echo "MDM_TEST_PG_POOLED_URI is not set: the cases through a pooler are skipped"
  exit 0
fi
MDM_TEST_PG_URI=$MDM_TEST_PG_POOLED_URI exec "$1" "$2"
