#include "store/schema.h"

// Who may do what on a PostgreSQL store: two group roles, cluster-wide and NOLOGIN, that the store's
// owner grants to the team's login roles (mdm-console grant admin|viewer ROLE):
//   mdm_admin   reads and changes the records (every action of the console);
//   mdm_viewer  reads them (browse, search, details, audit log) and exports, which writes its audit entry.
// Nobody may change or remove an audit entry: no role (not even the owner) holds UPDATE, DELETE or
// TRUNCATE on the audit tables, the append-only triggers stay besides, and audit_log.db_user is filled by
// the server (session_user) and may not be given in an admin's or viewer's INSERT.
namespace mdm::schema {

namespace {

// The audit_log columns a writer may set: all but id (identity) and db_user (the server's).
constexpr const char *kAuditInsertColumns = "at, actor, action, record_kind, record_ids, details";

} // namespace

QStringList postgresRoles()
{
    return {
        // The roles are the cluster's, shared by every store on it: made once by an owner who may
        // (superuser or CREATEROLE); otherwise a superuser makes them by hand (README: Roles).
        QStringLiteral(
            "DO $$DECLARE r text; BEGIN"
            " FOREACH r IN ARRAY ARRAY['mdm_admin', 'mdm_viewer'] LOOP"
            "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) AND EXISTS (SELECT 1 FROM pg_roles"
            "   WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN"
            "   BEGIN EXECUTE format('CREATE ROLE %I NOLOGIN', r);"
            "   EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;"
            "  END IF;"
            " END LOOP; END$$"),
        // The journal and the append-only checks are written by triggers: they run as the owner, so a
        // writer needs no rights on change_journal. A fixed search_path, so that nobody's own schema
        // can put a table of theirs in the owner's way. Every trigger function of the store, including
        // those of later migrations (this runs after each).
        QStringLiteral(
            "DO $$DECLARE f regprocedure; BEGIN"
            " FOR f IN SELECT p.oid::regprocedure FROM pg_proc p WHERE p.pronamespace ="
            "  current_schema()::regnamespace AND p.prorettype = 'trigger'::regtype"
            "  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP"
            "  EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = %I, pg_temp', f,"
            "   current_schema());"
            " END LOOP; END$$"),
        // The owner too gives up changing and removing audit entries (it could take the rights back, as
        // it could alter its tables: the owner is trusted with the store). It keeps INSERT on every
        // column, for import-store, which copies an older store's entries with their IDs. And UPDATE of
        // audit_log.id: the foreign key check of audit_log_records runs as the owner and locks the entry
        // (SELECT … FOR KEY SHARE), which needs UPDATE on some column; the append-only trigger refuses
        // any UPDATE all the same.
        QStringLiteral(
            "DO $$BEGIN"
            " EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_log_records FROM %I',"
            "  current_user);"
            " EXECUTE format('GRANT UPDATE (id) ON audit_log TO %I', current_user);"
            " END$$"),
        QStringLiteral(
            "DO $$DECLARE s text := quote_ident(current_schema()); BEGIN"
            " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mdm_viewer') THEN"
            "  EXECUTE 'GRANT USAGE ON SCHEMA ' || s || ' TO mdm_viewer';"
            "  EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || s || ' TO mdm_viewer';"
            "  EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ' || s || ' FROM "
            "mdm_viewer';"
            // An export writes its audit entry: the viewer's only write.
            "  GRANT INSERT (%1) ON audit_log TO mdm_viewer;"
            "  GRANT INSERT ON audit_log_records TO mdm_viewer;"
            " END IF;"
            " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mdm_admin') THEN"
            "  EXECUTE 'GRANT USAGE ON SCHEMA ' || s || ' TO mdm_admin';"
            "  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ' || s || ' TO "
            "mdm_admin';"
            "  EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ' || s || ' TO mdm_admin';"
            "  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_version FROM mdm_admin;"
            "  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log, audit_log_records FROM mdm_admin;"
            "  GRANT INSERT (%1) ON audit_log TO mdm_admin;"
            "  GRANT INSERT ON audit_log_records TO mdm_admin;"
            " END IF; END$$")
            .arg(QLatin1String(kAuditInsertColumns)),
    };
}

} // namespace mdm::schema
