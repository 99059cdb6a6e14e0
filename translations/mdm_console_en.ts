<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AgentJson</name>
    <message>
        <source>Malformed JSON at offset %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body is not a JSON object.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” must be a string.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is longer than %2 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“token” is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“platform” must be one of android, ios, ipados, macos, windows, other.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“status” must be Acknowledged, Error or NotNow.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppleText</name>
    <message>
        <source>The key %1 is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key %1 is not a &lt;string&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key %1 is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key %1 is not &lt;data&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key %1 is not an &lt;array&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body's plist is not a &lt;dict&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The MessageType %1 is not supported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Status %1 is not supported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An ErrorChain entry is not a &lt;dict&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device identity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device management</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lets %1 manage this device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lets %1 manage this device for %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 device management</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected text “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>entity references are not allowed (&amp;%1;).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>processing instructions are not allowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a document type declaration is only allowed before &lt;plist&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>text before &lt;plist&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DTD declarations (&lt;!ENTITY&gt; and the like) are not allowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, not &lt;plist&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the body holds no &lt;plist&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected content before &lt;plist&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;plist&gt; holds no value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;plist&gt; holds more than one value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;plist&gt; is not closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>text after &lt;/plist&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>content after &lt;/plist&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;%1&gt; inside &lt;%2&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected content inside &lt;%1&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>containers nest more than %1 deep.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;%1&gt; must be empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;%1&gt; is not a property list element.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a 64-bit integer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;data&gt; is not valid base64.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a date like 2024-05-31T12:00:00Z.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;dict&gt; is not closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;%1&gt; in a &lt;dict&gt; where a &lt;key&gt; belongs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the key “%1” appears twice in one &lt;dict&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the key “%1” has no value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;array&gt; is not closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;key&gt; inside an &lt;array&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The device identity's name must have 1 to %1 characters, not %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gateway CA needs both its certificate and its private key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gateway CA certificate is not a PEM certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gateway CA key is not an unencrypted PEM private key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gateway CA key does not belong to its certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gateway CA certificate may not sign certificates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not make the device identity's key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not make the device identity's certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not sign the device identity's certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not make the device identity's password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not pack the device identity.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a NUL byte; bodies must be UTF-8.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an element with more than %1 attributes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the body is declared as %1; bodies must be UTF-8.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Enrollment invite sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment invite resent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment request removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User re-assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke MDM queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Factory reset queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staged device removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staged device assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staged devices imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List exported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mail settings changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample data added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment profile downloaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device authenticated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device enrolled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device checked out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Command sent to the device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device answered a command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device left management</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push to wake the device failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database role granted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database role revoked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store imported</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BulkAction</name>
    <message>
        <source>No longer exists.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2, skipped %3, failed %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--platform must be one of android, ios, ipados, macos, windows, other.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--owned-by must be corporate or personal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>resend takes either --expired or one or more --id N.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No invitation has expired.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>resent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>remove-request needs one or more --id N.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected argument “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reassign needs --device N… and --email EMAIL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a known user; give --name to create the user.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>re-assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>deprovision needs --device N… and --mode revoke|factory-reset.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>deprovision removes devices from management; add --yes to confirm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list takes managed, staged or pending.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--since takes an ISO 8601 time such as 2026-11-28T09:00:00Z.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mdm-console: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try 'mdm-console --help'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store file to open (default: %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User interface language, e.g. de or en.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--%1 takes record IDs (whole numbers), not “%2”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>demo takes no further arguments.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” already holds devices or invitations; demo fills only an empty store. Use --force to add sample data anyway.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample data was not written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filled %1 with %2 managed devices, %3 staged devices, %4 pending invitations (%5 users).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown command “%1”; commands: %2.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n line(s) have problems.</source>
        <translation>
            <numerusform>Nothing was sent: %n line has problems.</numerusform>
            <numerusform>Nothing was sent: %n lines have problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>export takes managed, staged or pending and a file (- for standard output).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--columns names no column.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write to standard output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>exported %1 records (%2 bytes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>import-staged takes one CSV file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: warning: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>would import %1, skip %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>imported %1, skipped %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--%1 takes a whole number from 0 to 4000000, not “%2”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For cron, set %1 in the job's environment (or pipe the password to deliver --password-stdin); the password is never written to the store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>warning: %1 is set; standard input is not read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No password for %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No mail server is set up. Set one with:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none (no user, so no authentication)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not in the store; deliver takes %1, --password-stdin or the keychain entry “%2”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--wait takes a number of seconds (1 to 86400), not “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No mail server is set up: run 'mdm-console mail-settings --host H --port P --security starttls|tls|none --from ADDR' first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The mail settings are not usable: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Nothing is due; %n message(s) wait for a retry, the next at %1.</source>
        <translation>
            <numerusform>Nothing is due; %n message waits for a retry, at %1.</numerusform>
            <numerusform>Nothing is due; %n messages wait for a retry, the next at %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>retry later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#%1: the outcome could not be recorded, so the message stays queued: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Stopped after %n second(s) (--wait); what was not sent stays queued.</source>
        <translation>
            <numerusform>Stopped after %n second (--wait); what was not sent stays queued.</numerusform>
            <numerusform>Stopped after %n seconds (--wait); what was not sent stays queued.</numerusform>
        </translation>
    </message>
    <message>
        <source>sent %1, retry later %2, failed %3; %4 still queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--security must be starttls, tls or none, not “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--port takes a number, not “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--ca-file: cannot read “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--password-stdin needs --user (the account the password belongs to).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--password-stdin: standard input held no password. Nothing was saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved the mail settings: %1:%2 (%3), from %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved the password in the keychain (service “%1”, entry “%2”).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password was not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: ok</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is damaged: PRAGMA integrity_check found the problems above. Restore the store from a backup.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n line(s) would invite again.</source>
        <translation>
            <numerusform>Nothing was sent: %n line would invite again.</numerusform>
            <numerusform>Nothing was sent: %n lines would invite again.</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: the audit log could not record the export: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>serve needs --listen ADDRESS:PORT (e.g. 0.0.0.0:8443).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>serve needs --cert FILE and --key FILE (or --insecure-http for a trial on one machine).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--apns-cert and --apns-key go together.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>warning: serving plain HTTP (--insecure-http): enrollment secrets cross the network unencrypted. Use this only for a trial on one machine.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Serving %1 on %2:%3 (%4).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot set up signal handling.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No push certificate (--apns-cert): queued commands wait for each Apple device's next check-in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>grant takes admin or viewer and a database role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is now an admin of the store (mdm_admin).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is now a viewer of the store (mdm_viewer): it may browse, search and export, not change anything.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>revoke takes a database role.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is no longer an admin or viewer of the store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>import-store takes one store file: import-store FILE.db</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copied %1 of %2 rows (%3)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imported %1 into %2: %3 rows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: mdm-console [--db PATH] [--lang CODE]          open the console window
       mdm-console [--db PATH] COMMAND [OPTIONS]       run a command without a window
       mdm-console --help | --version

Global options:
  --db PATH     store file (default: %1),
                or a team's PostgreSQL store: postgresql://USER@HOST[:PORT]/DATABASE
                (the password from ~/.pgpass, PGPASSWORD or the keychain, never in the URI)
  --lang CODE   user interface language (e.g. de); default: the system's

Commands:
  demo [--devices N] [--staged N] [--pending N] [--force]
        fill an empty store with sample data (N managed devices, default 300;
        N/5 staged and N/3 pending unless given)
  invite --name NAME --email EMAIL --platform android|ios|ipados|macos|windows|other
         [--owned-by corporate|personal] [--group G]
  invite --csv FILE               invitations from a bulk-enrollment CSV
  resend --expired | --id N [--id N…]
  remove-request --id N [--id N…]
  reassign --device N… --email EMAIL [--name NAME] [--group G]
  deprovision --device N… --mode revoke|factory-reset --yes
  list managed|staged|pending [--search TEXT]   records with their IDs
  audit [--since ISO8601]         the audit log
  check                           full integrity check of the store (read-only)
  grant admin|viewer ROLE         (PostgreSQL store, run by its owner) let a database role
                                  change the records (admin) or only read and export (viewer)
  revoke ROLE                     take both from a database role
  export managed|staged|pending [--search TEXT] [--columns a,b,…] [--raw] [--bom] FILE|-
  import-staged FILE [--dry-run] [--skip-invalid]
  import-store FILE               copy a store file (records, audit log, outbox, settings)
                                  into the empty PostgreSQL store given by
                                  --db postgresql://…, in one transaction
  store-password                  (PostgreSQL store) read the store's password from standard
                                  input, check it with the server, keep it in the keychain
  deliver [--now] [--wait SECONDS]   send the queued invitation mails
  mail-settings --host H --port P --security starttls|tls|none --from ADDR [--from-name NAME]
                [--user U] [--password-stdin] [--ca-file F] [--link-base URL]
                --link-base: the enrollment gateway's public URL (e.g. https://mdm.example.com);
                invitation links read URL/enroll/TOKEN
  serve --listen ADDR:PORT --cert FILE --key FILE [--public-url URL] [--insecure-http]
        [--apns-cert FILE --apns-key FILE] [--apns-topic TOPIC] [--apns-url URL]
        [--apns-ca FILE]
        the enrollment gateway devices talk to (HTTPS; stops on SIGINT/SIGTERM);
        --apns-cert/--apns-key: the MDM push certificate (PEM) that wakes Apple devices
        with a queued command; --apns-ca: an extra CA to trust for --apns-url (tests,
        an internal CA)

Exit codes: 0 success, 1 failure (or records skipped), 2 usage error.
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>store-password takes no arguments; it reads the password from standard input.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>store-password is for a PostgreSQL store: --db postgresql://USER@HOST/DB store-password (a store file needs no password).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>store-password: standard input held no password. Nothing was stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server did not take the login for “%1”: %2. Nothing was stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Without a keychain, put the password in ~/.pgpass (or the file PGPASSFILE names) or set PGPASSWORD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stored the password in the keychain (service “mdm-console”, entry “%1”).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ownership</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IMEI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OS version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrolled on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>Line %1 is not UTF-8 text. Save the file as “CSV UTF-8” and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1: a quoted field is never closed (a " is missing).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>The %1 tab has no column “%2” to export. Its columns are: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column %1 of the %2 tab cannot be exported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot export the %1 tab: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is the console's own store; choose another file to export to.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Sample data was not written: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeviceGatewayService</name>
    <message>
        <source>The invitation no longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TokenUpdate before Authenticate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The device left management before it carried out the command.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The device reported an error without a description.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A serial number or an IMEI is needed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation is for %1, not %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeviceService</name>
    <message>
        <source>The new user's name is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The chosen user no longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; no device was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No longer staged: it has enrolled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a managed device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already assigned to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already queued: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; no device was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Being deprovisioned: %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>Cannot add the user %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot add the group %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DomainText</name>
    <message>
        <source>Android</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>iOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>iPadOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>macOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Windows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Corporate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unmanaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wipe pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivery failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Factory reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke MDM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wipe failed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EnrollmentService</name>
    <message>
        <source>The user name is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 already has a valid pending %2 invitation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 already has an enrolled %2 device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is nobody to invite.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; no invitation was resent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The request was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user has enrolled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user has enrolled a %1 device since.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; no request was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already removed.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n line(s) were invited meanwhile by another console or command:</source>
        <translation>
            <numerusform>%n line were invited meanwhile by another console or command:</numerusform>
            <numerusform>%n lines were invited meanwhile by another console or command:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewayLaunch</name>
    <message>
        <source>Listen on: give an address and a port, e.g. 127.0.0.1:8443 or 0.0.0.0:443.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public URL: give the address devices use, e.g. https://mdm.example.com.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the gateway's TLS certificate and its private key (PEM files).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GatewayStatus</name>
    <message>
        <source>just now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not running (last seen %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>last check-in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no check-in yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>serving %1 · %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvitationMail</name>
    <message>
        <source>Open this email on the Android device you want to enroll.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tap the enrollment link and install the device management app when asked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the app: accept the terms and set up the work profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this email on the iPhone or iPad you want to enroll, in Safari.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tap the enrollment link and allow the configuration profile to download.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Settings ▸ Profile Downloaded, tap Install and enter the device passcode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this email on the Mac you want to enroll.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click the enrollment link and download the enrollment profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open System Settings ▸ Privacy &amp; Security ▸ Profiles, double-click the profile and install it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this email on the Windows PC you want to enroll.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click the enrollment link, or open Settings ▸ Accounts ▸ Access work or school.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose “Enroll only in device management” and sign in with your work address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this email on the device you want to enroll.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the enrollment link and follow the steps.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll your %1 device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hello %1,</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>your organisation invites you to enroll your %1 device in device management.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment link: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link is valid until %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>If you did not expect this email, ask your IT department.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll this device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>your organisation invites you to enroll your device in device management.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll your device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading this on another screen? Scan this code with the device's camera to open the link there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR code of the enrollment link</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvitationText</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>7 days after sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>7 days after sending: the link is valid for 7 days from when the mail server accepts the mail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: the mail was not delivered. Resend the invitation to give the user a link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expired %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gave up after 24 hours: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrying at %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InviteCsv</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(column %1 has no title)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: the columns “%2” and “%3” mean the same; keep one of them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: the file has no EMAIL_ADDRESS column.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: the file has no PLATFORM_TYPE column.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These columns are not used and were ignored: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no email address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no platform type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a platform type (Android, iOS, iPadOS, macOS, Windows or Other).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OWNED_BY is “%1”; it must be Corporate or Personal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the row has more cells than the header has columns (an unquoted comma in a value?).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file has a header but nobody to invite.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is invited for %2 on line %3 too; each line sends an invitation.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LandingPage</name>
    <message>
        <source>Hello,</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hello %1,</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation enrolls one %1 device in your organisation's device management.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download the enrollment profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next: open System Settings, choose the downloaded profile and install it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next: open Settings, tap “Profile Downloaded” and install it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next: open this link in the device management app on your device; it enrolls the device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Or scan this code with the device you want to enroll:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR code of the enrollment link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link works for one device only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll your device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown enrollment link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This enrollment link is not known. Check that you opened the whole link from your invitation, or ask your IT department for a new invitation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation has expired.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation was withdrawn by your IT department.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation has already been used to enroll a device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitation no longer valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Please ask your IT department for a new invitation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step by step, with what you need before you start</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>The mail server's host name is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an email address for the sender.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an email address for the test email.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gateway's public URL must start with https:// (or http://) and name a host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gateway's public URL must not contain “?” or “#”.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>%1 records; see Show Details for the list.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PgText</name>
    <message>
        <source>The connection to the PostgreSQL server was lost.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PushCredentials</name>
    <message>
        <source>The push service address "%1" is not an https:// URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No CA certificate could be read from "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file "%1" does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file "%1" cannot be read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A push certificate and its key file are both needed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No PEM certificate could be read from "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key in "%1" is encrypted; the push key must be stored without a pass phrase.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No PEM private key could be read from "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key in "%1" does not belong to the certificate in "%2".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key in "%1" is of a kind that cannot be used for TLS here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate in "%1" has no UID in its subject, so the push topic is unknown; give the topic explicitly.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>IMEI %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>device name (serial or IMEI)</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>email address (platform)</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordStatusReader</name>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changed since you selected it: removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changed since you selected it: now %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StagedImport</name>
    <message>
        <source>(column %1 has no title)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The columns “%1” and “%2” mean the same; keep one of them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file has no platform column. Name one “Platform” (Android, iOS, iPadOS, macOS, Windows or Other in each row).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file has neither a serial number nor an IMEI column; a device needs one of them. Name it “Serial number” or “IMEI”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The row has more cells than the header has columns (an unquoted comma in a value?).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No platform.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a platform (Android, iOS, iPadOS, macOS, Windows or Other).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Neither a serial number nor an IMEI; a device needs one of them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The IMEI %1 has a wrong check digit (mistyped?).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The IMEI “%1” is not 15 digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No email address, so the device is staged without a user; the user name “%1” is not kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The serial number %1 is also on line %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The IMEI %1 is also on line %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These columns are not used and were ignored: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file has a header but no devices.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems.</source>
        <translation>
            <numerusform>%n row has problems.</numerusform>
            <numerusform>%n rows have problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems, so nothing was imported. Correct them, or import only the valid rows.</source>
        <translation>
            <numerusform>%n row has problems, so nothing was imported. Correct it, or import only the valid rows.</numerusform>
            <numerusform>%n rows have problems, so nothing was imported. Correct them, or import only the valid rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>The serial number %1 already belongs to a staged device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The serial number %1 already belongs to a managed device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The IMEI %1 already belongs to a staged device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The IMEI %1 already belongs to a managed device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; no device was imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot add the user %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is the console's own store, not a CSV file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreImport</name>
    <message>
        <source>%1 holds a table import-store does not know: “%2”. Use the console version that wrote it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 lacks the table “%2”; it is not a complete store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The table “%1” has other columns in %2 (%3) than in %4 (%5).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL store's connection is not inside the import's transaction.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 rows of “%2” were read, %3 expected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not empty: it holds rows in %2. import-store copies only into an empty store; nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>import-store copies into a PostgreSQL store: give --db postgresql://…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an SQLite store file: import-store copies from a store file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store file “%1” does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a store file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store file “%1” cannot be copied: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreRoles</name>
    <message>
        <source>Only the store's owner (or a superuser) may grant and revoke the console's roles; nothing was changed. Run the command with the owner's URI. (The server said: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Roles are for a PostgreSQL store; an SQLite store's rights are its file's permissions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name the database role to grant or revoke.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is one of the console's group roles; name a login role instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The roles mdm_admin and mdm_viewer do not exist on this server. A superuser makes them once: CREATE ROLE mdm_admin NOLOGIN; CREATE ROLE mdm_viewer NOLOGIN;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server has no role “%1”. Create it first (e.g. “createuser %1”).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreWatcher</name>
    <message>
        <source>Cannot follow changes to the store “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no connection to listen on</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TabText</name>
    <message>
        <source>Staged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staged (no user)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Managed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment Pending</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>The PostgreSQL server refused the password kept in the keychain (entry “%1”) for the store “%2”. Store the right one with: mdm-console --db URI store-password</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MDM Enrollment Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password not remembered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store is open, but its password could not be kept in the keychain: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::ActionController</name>
    <message>
        <source>%1: done for %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send another invitation?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the invitation anyway?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send Anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send enrollment invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send enrollment invites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assign staged devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-assign user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resend enrollment invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No invitation has expired.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resend expired invitations</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Resend %Ln Invitation(s)</source>
        <translation>
            <numerusform>Resend %Ln Invitation</numerusform>
            <numerusform>Resend %Ln Invitations</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove enrollment requests</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Remove %Ln Request(s)</source>
        <translation>
            <numerusform>Remove %Ln Request</numerusform>
            <numerusform>Remove %Ln Requests</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove staged devices</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Remove %Ln Device(s)</source>
        <translation>
            <numerusform>Remove %Ln Device</numerusform>
            <numerusform>Remove %Ln Devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove staged device</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln record to %1.</numerusform>
            <numerusform>Exported %Ln records to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Importing staged devices…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is the console's own store, not a CSV file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is still running. Try again when it has finished.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resend enrollment invitations</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Resend %Ln enrollment invitation(s)? A new link, valid for 7 days, replaces any link sent before.</source>
        <translation>
            <numerusform>Resend %Ln enrollment invitation? A new link, valid for 7 days, replaces any link sent before.</numerusform>
            <numerusform>Resend %Ln enrollment invitations? A new link, valid for 7 days, replaces any link sent before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resend %Ln expired invitation(s)? A new link, valid for 7 days, replaces the expired one.</source>
        <translation>
            <numerusform>Resend %Ln expired invitation? A new link, valid for 7 days, replaces the expired one.</numerusform>
            <numerusform>Resend %Ln expired invitations? New links, valid for 7 days, replace the expired ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln enrollment request(s) from the Enrollment Pending tab? Invitation links already sent stop working at once.</source>
        <translation>
            <numerusform>Remove %Ln enrollment request from the Enrollment Pending tab? Invitation links already sent stop working at once.</numerusform>
            <numerusform>Remove %Ln enrollment requests from the Enrollment Pending tab? Invitation links already sent stop working at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln staged device(s)? A removed device is no longer prepared for enrollment.</source>
        <translation>
            <numerusform>Remove %Ln staged device? A removed device is no longer prepared for enrollment.</numerusform>
            <numerusform>Remove %Ln staged devices? A removed device is no longer prepared for enrollment.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln record(s)…</source>
        <translation>
            <numerusform>Exporting %Ln record…</numerusform>
            <numerusform>Exporting %Ln records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln staged device(s).</source>
        <translation>
            <numerusform>Imported %Ln staged device.</numerusform>
            <numerusform>Imported %Ln staged devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %Ln row(s).</source>
        <translation>
            <numerusform>Skipped %Ln row.</numerusform>
            <numerusform>Skipped %Ln rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log could not record it: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::ActionRunner</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::AssignDialog</name>
    <message>
        <source>An &amp;existing user:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A &amp;new user:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the user; change the group only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-Assign User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assign / Re-Enroll Staged Devices</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%Ln device(s) will change hands. The new user receives the access, settings and configurations of their role.</source>
        <translation>
            <numerusform>%Ln device will change hands. The new user receives the access, settings and configurations of their role.</numerusform>
            <numerusform>%Ln devices will change hands. The new user receives the access, settings and configurations of their role.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln staged device(s) will be assigned.</source>
        <translation>
            <numerusform>%Ln staged device will be assigned.</numerusform>
            <numerusform>%Ln staged devices will be assigned.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search users by name or email…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep each device's group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assign to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-&amp;Assign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the user an enrollment invitation for each device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a user from the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the new user's name and email.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the group.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An invitation needs a user.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — now used by %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln device(s)&lt;/b&gt;, now used by:</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln device&lt;/b&gt;, now used by:</numerusform>
            <numerusform>&lt;b&gt;%Ln devices&lt;/b&gt;, now used by:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln staged device(s)&lt;/b&gt;, now assigned to:</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln staged device&lt;/b&gt;, now assigned to:</numerusform>
            <numerusform>&lt;b&gt;%Ln staged devices&lt;/b&gt;, now assigned to:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The device keeps its user; only its group changes.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The %Ln devices keep their users; only their group changes.</source>
        <translation>
            <numerusform>The %Ln devices keep their users; only their group changes.</numerusform>
            <numerusform>The %Ln devices keep their users; only their group changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is an existing user; the devices go to them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is already the email of %2. The devices go to %2; the name “%3” is not used.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::AuditLogModel</name>
    <message>
        <source> … (%1 in all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::AuditLogWindow</name>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search who, what, which records…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (newest %1 shown)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::ConsoleActions</name>
    <message>
        <source>&amp;Send Enrollment Invite…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send Invites from &amp;CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import Staged Devices…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Mail Server Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the &amp;Demo Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;lear Search and Filters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details &amp;Pane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Audit Log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll &amp;Additional Device…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-&amp;Assign User…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Resend Enrollment Invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resend All &amp;Expired Invites…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;move Request…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment &amp;Steps…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;move Staged Device…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assign / Re-&amp;Enroll…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help Contents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Troubleshooting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;How-To</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;FAQ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About MDM Enrollment Console</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>&amp;Export %Ln Selected…</source>
        <translation>
            <numerusform>&amp;Export %Ln Selected…</numerusform>
            <numerusform>&amp;Export %Ln Selected…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-&amp;Assign %Ln Devices…</source>
        <translation>
            <numerusform>Re-&amp;Assign %Ln Devices…</numerusform>
            <numerusform>Re-&amp;Assign %Ln Devices…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deprovision %Ln Devices…</source>
        <translation>
            <numerusform>&amp;Deprovision %Ln Devices…</numerusform>
            <numerusform>&amp;Deprovision %Ln Devices…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Resend %Ln Invitations…</source>
        <translation>
            <numerusform>&amp;Resend %Ln Invitations…</numerusform>
            <numerusform>&amp;Resend %Ln Invitations…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;move %Ln Requests…</source>
        <translation>
            <numerusform>Re&amp;move %Ln Requests…</numerusform>
            <numerusform>Re&amp;move %Ln Requests…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;move %Ln Staged Devices…</source>
        <translation>
            <numerusform>Re&amp;move %Ln Staged Devices…</numerusform>
            <numerusform>Re&amp;move %Ln Staged Devices…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign / Re-&amp;Enroll %Ln Devices…</source>
        <translation>
            <numerusform>Assign / Re-&amp;Enroll %Ln Devices…</numerusform>
            <numerusform>Assign / Re-&amp;Enroll %Ln Devices…</numerusform>
        </translation>
    </message>
    <message>
        <source>Invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-Assign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deprovision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Deprovision…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment &amp;Gateway…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your database role may only read this store (viewer): ask an admin.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::CsvPreviewDialog</name>
    <message>
        <source>Type or paste the path of a CSV file, or choose one…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a CSV file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 rows: %2 valid, %3 with problems.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>…and %1 more (see the Check column).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::DeprovisionDialog</name>
    <message>
        <source>&amp;Revoke MDM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Factory reset device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove &lt;b&gt;%1&lt;/b&gt; (%2) from management.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Remove &lt;b&gt;%Ln device(s)&lt;/b&gt; from management.</source>
        <translation>
            <numerusform>Remove &lt;b&gt;%Ln device&lt;/b&gt; from management.</numerusform>
            <numerusform>Remove &lt;b&gt;%Ln devices&lt;/b&gt; from management.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removes the management profile and erases corporate data and configurations. The device keeps its current state, including personal data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Erases everything — data, apps and settings, including those from MDM — and returns the device to its original state. For devices being retired or repurposed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To confirm, type the device name &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To confirm, type the number of devices, &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Factory Reset %Ln Devices</source>
        <translation>
            <numerusform>Factory Reset %Ln Devices</numerusform>
            <numerusform>Factory Reset %Ln Devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Factory Reset</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Revoke MDM on %Ln Devices</source>
        <translation>
            <numerusform>Revoke MDM on %Ln Devices</numerusform>
            <numerusform>Revoke MDM on %Ln Devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke MDM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Android: the device is reset to factory settings; Factory Reset Protection may ask for the last Google account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Android: the work profile (or the fully managed setup) and its apps and data are removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>iOS/iPadOS: the device is erased; Activation Lock may need the Apple ID or a bypass code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>iOS/iPadOS: the management profile, managed apps and their data are removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>macOS: the Mac is erased; on Apple silicon it restarts into Recovery.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>macOS: the management profile and the settings it installed are removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Windows: the PC is reset and the user's files are removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Windows: the device leaves management; corporate policies and apps are removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other devices: the reset depends on the device's own management agent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other devices: the management agent is told to unenroll.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deprovision: Factory Reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deprovision: Revoke MDM</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::DetailsPane</name>
    <message>
        <source>Select a row to see every field and its history.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%Ln record(s) selected.</source>
        <translation>
            <numerusform>%Ln record selected.</numerusform>
            <numerusform>%Ln records selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No recorded actions yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a single row to see every field and its history.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::DeviceTabView</name>
    <message>
        <source>All groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search user name or email… (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search name, user, email, serial, IMEI… (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All platforms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show only invitations whose 7-day validity has passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expiring within 48 h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show only valid invitations that expire within the next 48 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear search and filters (Ctrl+Shift+L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send Enrollment Invite…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import Staged Devices…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try the Demo Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear Search and Filters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing matches</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>No record matches the search and filters; %Ln in this tab in all.</source>
        <translation>
            <numerusform>No record matches the search and filters; %Ln in this tab in all.</numerusform>
            <numerusform>No record matches the search and filters; %Ln in this tab in all.</numerusform>
        </translation>
    </message>
    <message>
        <source>No managed devices yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Devices appear here when users complete enrollment. Send an enrollment invite to get started, or try the demo store to explore the console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No staged devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a CSV list of devices (serial number or IMEI, platform) to prepare them for enrollment in bulk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No pending invitations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An enrollment invite waits here until the user enrolls the device. Invitations are valid for 7 days.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the store could not be read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store could not be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1

The records of this tab cannot be shown until the store can be read again. Reload to try again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::EnrollmentStepsDialog</name>
    <message>
        <source>Enrollment Steps — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link was emailed; only its fingerprint is kept here. Resend the invitation to issue a new link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ownership</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation has expired: the link no longer works. Resend it to give the user a new link valid for 7 days.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Resend Invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation has been used: the device is enrolled and no longer pending.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This enrollment request has been removed; its link no longer works.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR code of the enrollment link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan with the device's camera to open the enrollment link.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::ExportDialog</name>
    <message>
        <source>Excel compatible (UTF-8 with a byte-order mark)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protect against spreadsheet formulas (recommended)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;All records (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The records the search and filters &amp;show (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The s&amp;elected records (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Columns, as on screen: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cells that begin with = + - @ get a leading apostrophe, so a spreadsheet shows them as text instead of running them. Turn off only for programs that read the file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::GatewayController</name>
    <message>
        <source>gateway: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A gateway already serves this store at %1. Stop it first, or use that one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not start the gateway: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This window runs the enrollment gateway. Closing it stops the gateway: devices cannot enroll or check in until a gateway runs again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop Gateway and Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The enrollment gateway stopped unexpectedly. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The enrollment gateway stopped (exit code %1). %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::GatewayDialog</name>
    <message>
        <source>Plain &amp;HTTP without TLS (a trial on this machine only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment Gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Devices open their invitation link, enroll and check in through the enrollment gateway. On a server, run &lt;code&gt;mdm-console serve&lt;/code&gt; there; for a one-machine setup this window can run it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 0.0.0.0:443</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty: the mail settings' link base</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM file, e.g. /etc/ssl/mdm.pem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM file of its private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gateway log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The log of a gateway started here shows here: one line per request.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Public URL:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gateway certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM files (*.pem *.crt)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM files (*.pem *.key)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (run by this window)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Log of the gateway run by this window:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last request: %1 · started: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::HelpBrowser</name>
    <message>
        <source>Help — MDM Enrollment Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::ImportDialog</name>
    <message>
        <source>Import Staged Devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A CSV file with a header line. Each device needs a platform and a serial number or an IMEI; device name, user name, email and group are optional. Nothing is imported until every row is valid, unless you choose to import only the valid rows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import staged devices</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln Device(s)</source>
        <translation>
            <numerusform>&amp;Import %Ln Device</numerusform>
            <numerusform>&amp;Import %Ln Devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import Only the %Ln &amp;Valid Row(s)</source>
        <translation>
            <numerusform>Import Only the %Ln &amp;Valid Row</numerusform>
            <numerusform>Import Only the %Ln &amp;Valid Rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdm::ImportPreviewModel</name>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OK — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IMEI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::InviteCsvDialog</name>
    <message>
        <source>Send Invites from CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A bulk-enrollment CSV with a header line: EMAIL_ADDRESS and PLATFORM_TYPE, and optionally OWNED_BY, GROUP_NAME and USER_NAME. An address that already has an open invitation or an enrolled device for the platform is not invited again. Nothing is sent until every row is valid, unless you choose to send only the valid rows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send invites from CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln Invitation(s)</source>
        <translation>
            <numerusform>&amp;Send %Ln Invitation</numerusform>
            <numerusform>&amp;Send %Ln Invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send Only the %Ln &amp;Valid Row(s)</source>
        <translation>
            <numerusform>Send Only the %Ln &amp;Valid Row</numerusform>
            <numerusform>Send Only the %Ln &amp;Valid Rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdm::InviteDialog</name>
    <message>
        <source>Corporate-owned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personal (BYOD)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send Enrollment Invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Ana Silva</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. ana.silva@example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ownership:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user receives an email with a link to enroll the device. The link is valid for 7 days; you can resend it from the Enrollment Pending tab.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Send Invite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll Additional Device</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::InvitePreviewModel</name>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OK — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owned by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::MailController</name>
    <message>
        <source>Mail server password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No system keychain is available, so the password for %1 on %2 is not remembered. Enter it for this session:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MDM Enrollment Console: test email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This test email from the MDM Enrollment Console was sent at %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mail server: not set up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mail server: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>outbox: %1 queued, %2 failed · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test email to %1 accepted by the server: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The test email to %1 was not accepted: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::MailSettingsDialog</name>
    <message>
        <source>Mail Server Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None — only for a relay on this machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave empty when the relay needs no sign-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kept in the system keychain, never in the store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. it-enrollment@example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. IT Service Desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only for a relay with an internal certificate authority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From &amp;name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA certificate:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send &amp;Test Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending a test email to %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty: the From address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send test t&amp;o:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. https://mdm.example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public URL of the enrollment gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address at which devices reach the enrollment gateway. Invitation links read &lt;i&gt;public URL&lt;/i&gt;/enroll/&lt;i&gt;token&lt;/i&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gateway public &amp;URL:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Enrollment Steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About MDM Enrollment Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;MDM Enrollment Console %1&lt;/h3&gt;&lt;p&gt;Manage device enrollment: managed devices, staged devices and pending enrollment invitations.&lt;/p&gt;&lt;p&gt;Store: %2&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 selected of %2 shown (%3 total)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This window already shows the demo store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not start a second console window.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another program is writing to the store; changes show when it is done.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changes made by other programs no longer show (press F5 to reload): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another program is writing to the store; the action waits for it and tries again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read-only (viewer)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::OutboxDispatcher</name>
    <message>
        <source>No mail server is set up (File ▸ Mail Server Settings).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another console or deliver command is sending this store's mail right now.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::RecordTableModel</name>
    <message>
        <source>Record ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ownership</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staged on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expires on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions for this invitation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Erase PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 queued — push sent %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 queued — waits for the device's next check-in (the device's push token is no longer valid)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 queued — waits for the device's next check-in (no push certificate)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 queued — waits for the device's next check-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::ResultSheet</name>
    <message>
        <source>Record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 done · %2 skipped · %3 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Retry Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::Store</name>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” was written by a newer version of the console (store version %2; this version reads up to %3). Update the console; the file was left unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upgrading the store to version %1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no store file “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an MDM console store (not an SQLite database file). The file was left unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is damaged: %2. The file was left unchanged; run “mdm-console --db %1 check” for a full report and restore the store from a backup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is a folder, not a store file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is read-only. The console needs to write to its store; check the file's permissions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The folder “%1” is read-only. The console keeps a journal beside the store and needs to write there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The folder “%1” is read-only; cannot create a store there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create “%1”: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store is locked by another program that is writing to it; gave up after %1 s. Try again when it has finished.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read “%1”: permission denied.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store is damaged (%1). Run “mdm-console --db STORE check” for a full report and restore the store from a backup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk is full (no space left on the device); free some space and try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading or writing the store failed (disk I/O error). The file itself may be sound: check that its disk is present and healthy, then try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot check “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upgrading the store left a record that refers to a missing one (%1 #%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · database user %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database of “%1” holds tables of another program; it is not an MDM console store. It was left unchanged. Give the store an empty database of its own.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” was written by a newer version of the console (store version %2; this version reads up to %3). Update the console; the database was left unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open “%1”: Qt's PostgreSQL driver (QPSQL) is not installed. Install the package libqt6sql6-psql.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server of “%1” is version %2; the console needs version 13 or later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database user “%1” has no rights on the store “%2”. Its owner makes it an admin or a viewer: mdm-console --db URI grant admin|viewer %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open “%1”: its store version %2 is unknown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store's user must own its database (e.g. “createdb -O USER DATABASE”).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>creating the store failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Setting the roles' rights on the store failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database of “%1” is empty: there is no store to check.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>store version %1, expected %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>table %1 is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>trigger %1 is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>trigger %1 is disabled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store's connection cannot take bulk writes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bulk writes need the store's open transaction.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the PostgreSQL server %1 for the store “%2”: %3. Check the host and port and that the server is running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a usable PostgreSQL connection URI: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server %1 does not accept connections now (it is starting or shutting down): %2. Try again in a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server %1 has no database “%2”. Create it first (e.g. “createdb -O USER %2”), then open the store again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the store “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the PostgreSQL server's disk is full; ask its administrator to free some space, then try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the PostgreSQL server could not read or write its files (I/O error: %1); ask its administrator to check the server's disk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server reports damaged data (%1). Ask its administrator to restore the store from a backup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another program changed the same records at the same moment, so nothing was changed (%1). Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection to the PostgreSQL server was lost (%1). Check the network and the server, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server refused the login (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server has no such database (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your database role may only read this store (mdm_viewer): ask an admin. (The server said: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a PostgreSQL connection URI (postgresql://user@host:port/database).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a valid PostgreSQL connection URI: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store's URI sets %1 to a value with “;”, which the console cannot pass on. Use a value without it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database did not return the new row's ID.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not available on a PostgreSQL store yet; it works on an SQLite store file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create the lock file “%1”: permission denied or the disk is full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server %1 asks for a password for the store “%2”, and none was found. Put it in ~/.pgpass (or the file PGPASSFILE names), set PGPASSWORD, or keep it in the keychain (mdm-console --db URI store-password); the console never takes it on the command line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PostgreSQL server %1 refused the login for the store “%2” (authentication failed): %3. Check the user name in the URI and the password in ~/.pgpass, PGPASSFILE, PGPASSWORD or the keychain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store's URI holds a password; the console does not take one there (it would show in process lists and shell history). Remove it from the URI and put the password in ~/.pgpass (or the file PGPASSFILE names), PGPASSWORD or the keychain (mdm-console --db URI store-password).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::StorePasswordDialog</name>
    <message>
        <source>Remember in the keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password for the team store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the password in the system's keychain, so that the console and its commands find it next time. It is never written to the store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::gateway::ApnsClient</name>
    <message>
        <source>No push certificate is loaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The device has no push token or PushMagic.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gave up: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (token %2, attempt %3)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::gateway::GatewayServer</name>
    <message>
        <source>Cannot read the certificate “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the private key “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” holds no PEM certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” holds no unencrypted PEM private key (RSA or EC).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot listen on %1:%2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write to the store: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Method not allowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body must be application/json.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation is not for an Apple device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device management</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body must be an Apple check-in plist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown MessageType.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body must be an Apple command report plist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown Status.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This invitation is no longer valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown invitation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown or revoked device secret.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown command.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::gateway::PushDispatcher</name>
    <message>
        <source>Not following the store any more (%1); queued commands are pushed once a minute.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the queued commands: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push for command %1: %2 (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot record push outcomes: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::mail::PasswordStore</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s) (is it waiting for a password prompt?).</source>
        <translation>
            <numerusform>The keychain did not answer within %n second (is it waiting for a password prompt?).</numerusform>
            <numerusform>The keychain did not answer within %n seconds (is it waiting for a password prompt?).</numerusform>
        </translation>
    </message>
    <message>
        <source>The keychain holds no password for %1 (or it is locked).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain could not delete the password for %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The OS keychain is not available (%1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::mail::SmtpClient</name>
    <message>
        <source>Cancelled before the server confirmed delivery.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No mail server (host and port) is set.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sender address "%1" is not a valid email address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TLS is not available on this computer (no TLS backend).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No certificate could be read from the CA file "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Check the port and the security setting (STARTTLS is usually on port 587, implicit TLS on port 465).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TLS error with %1: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 closed the connection %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not connect to %1: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection to %1 failed %2: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No answer from %1 within %2 s %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 does not answer like an SMTP server (a line of more than %2 bytes). Check the host, port and security settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 does not answer like an SMTP server. Check the host, port and security settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server is closing the connection (service not available).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected answer from %1 %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The mail server %1 refuses the connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused EHLO for now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused HELO.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused STARTTLS.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected answer from %1 during authentication.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server rejected the login as "%1". Check the user name and password in the mail settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server could not check the login right now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not encrypted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no login</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>logged in as %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected to %1 (%2). Greeting: %3. %4. Sender %5 accepted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refuses the sender address %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not accept the sender right now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused the recipient %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused to take the message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused the message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not reset the mail transaction.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 offers none of the supported login methods (PLAIN, LOGIN), only: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The recipient address "%1" is not a valid email address; nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The message could not be built (%1); nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>while connecting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>during the TLS handshake</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>before its greeting (check the port and the security setting)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after EHLO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after HELO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after STARTTLS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>during authentication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after MAIL FROM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after RCPT TO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after DATA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after the message was sent, before it was confirmed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after RSET</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after QUIT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> The certificate is for "%1", issued by "%2", valid until %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate of %1 was rejected: %2.%3 If the server uses a certificate from your organisation's own certificate authority, add that CA certificate in the mail settings; otherwise check the host name and the server's certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not offer STARTTLS; choose TLS or None. Nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not offer authentication (AUTH); leave the user name empty, or choose STARTTLS or TLS if it offers AUTH only on an encrypted connection.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mdm::mail::SmtpMailTransport</name>
    <message>
        <source>The mail client is busy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The test ended without an answer.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>