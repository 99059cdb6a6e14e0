<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentJson</name>
    <message>
        <source>Malformed JSON at offset %1: %2</source>
        <translation>Fehlerhaftes JSON an Position %1: %2</translation>
    </message>
    <message>
        <source>The body is not a JSON object.</source>
        <translation>Die Anfrage ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>“%1” must be a string.</source>
        <translation>„%1“ muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>“%1” is longer than %2 characters.</source>
        <translation>„%1“ ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>“token” is missing.</source>
        <translation>„token“ fehlt.</translation>
    </message>
    <message>
        <source>“platform” must be one of android, ios, ipados, macos, windows, other.</source>
        <translation>„platform“ muss einer der Werte android, ios, ipados, macos, windows, other sein.</translation>
    </message>
    <message>
        <source>“status” must be Acknowledged, Error or NotNow.</source>
        <translation>„status“ muss Acknowledged, Error oder NotNow sein.</translation>
    </message>
</context>
<context>
    <name>AppleText</name>
    <message>
        <source>The key %1 is missing.</source>
        <translation>Der Schlüssel %1 fehlt.</translation>
    </message>
    <message>
        <source>The key %1 is not a &lt;string&gt;.</source>
        <translation>Der Schlüssel %1 ist kein &lt;string&gt;.</translation>
    </message>
    <message>
        <source>The key %1 is empty.</source>
        <translation>Der Schlüssel %1 ist leer.</translation>
    </message>
    <message>
        <source>The key %1 is not &lt;data&gt;.</source>
        <translation>Der Schlüssel %1 ist kein &lt;data&gt;.</translation>
    </message>
    <message>
        <source>The key %1 is not an &lt;array&gt;.</source>
        <translation>Der Schlüssel %1 ist kein &lt;array&gt;.</translation>
    </message>
    <message>
        <source>The body&apos;s plist is not a &lt;dict&gt;.</source>
        <translation>Die plist der Anfrage ist kein &lt;dict&gt;.</translation>
    </message>
    <message>
        <source>The MessageType %1 is not supported.</source>
        <translation>Der MessageType %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The Status %1 is not supported.</source>
        <translation>Der Status %1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>An ErrorChain entry is not a &lt;dict&gt;.</source>
        <translation>Ein Eintrag der ErrorChain ist kein &lt;dict&gt;.</translation>
    </message>
    <message>
        <source>Device identity</source>
        <translation>Geräteidentität</translation>
    </message>
    <message>
        <source>Device management</source>
        <translation>Geräteverwaltung</translation>
    </message>
    <message>
        <source>Lets %1 manage this device.</source>
        <translation>Ermöglicht %1 die Verwaltung dieses Geräts.</translation>
    </message>
    <message>
        <source>Lets %1 manage this device for %2.</source>
        <translation>Ermöglicht %1 die Verwaltung dieses Geräts für %2.</translation>
    </message>
    <message>
        <source>%1 device management</source>
        <translation>Geräteverwaltung von %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>unexpected text “%1”.</source>
        <translation>Unerwarteter Text „%1“.</translation>
    </message>
    <message>
        <source>entity references are not allowed (&amp;%1;).</source>
        <translation>Entitätsreferenzen sind nicht erlaubt (&amp;%1;).</translation>
    </message>
    <message>
        <source>processing instructions are not allowed.</source>
        <translation>Verarbeitungsanweisungen sind nicht erlaubt.</translation>
    </message>
    <message>
        <source>a document type declaration is only allowed before &lt;plist&gt;.</source>
        <translation>Eine Dokumenttyp-Deklaration ist nur vor &lt;plist&gt; erlaubt.</translation>
    </message>
    <message>
        <source>text before &lt;plist&gt;.</source>
        <translation>Text vor &lt;plist&gt;.</translation>
    </message>
    <message>
        <source>DTD declarations (&lt;!ENTITY&gt; and the like) are not allowed.</source>
        <translation>DTD-Deklarationen (&lt;!ENTITY&gt; und Ähnliches) sind nicht erlaubt.</translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, not &lt;plist&gt;.</source>
        <translation>Das Wurzelelement ist &lt;%1&gt;, nicht &lt;plist&gt;.</translation>
    </message>
    <message>
        <source>the body holds no &lt;plist&gt;.</source>
        <translation>Die Anfrage enthält kein &lt;plist&gt;.</translation>
    </message>
    <message>
        <source>unexpected content before &lt;plist&gt;.</source>
        <translation>Unerwarteter Inhalt vor &lt;plist&gt;.</translation>
    </message>
    <message>
        <source>&lt;plist&gt; holds no value.</source>
        <translation>&lt;plist&gt; enthält keinen Wert.</translation>
    </message>
    <message>
        <source>&lt;plist&gt; holds more than one value.</source>
        <translation>&lt;plist&gt; enthält mehr als einen Wert.</translation>
    </message>
    <message>
        <source>&lt;plist&gt; is not closed.</source>
        <translation>&lt;plist&gt; ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>text after &lt;/plist&gt;.</source>
        <translation>Text nach &lt;/plist&gt;.</translation>
    </message>
    <message>
        <source>content after &lt;/plist&gt;.</source>
        <translation>Inhalt nach &lt;/plist&gt;.</translation>
    </message>
    <message>
        <source>&lt;%1&gt; inside &lt;%2&gt;.</source>
        <translation>&lt;%1&gt; innerhalb von &lt;%2&gt;.</translation>
    </message>
    <message>
        <source>unexpected content inside &lt;%1&gt;.</source>
        <translation>Unerwarteter Inhalt innerhalb von &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>containers nest more than %1 deep.</source>
        <translation>Container sind mehr als %1 Ebenen tief verschachtelt.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be empty.</source>
        <translation>&lt;%1&gt; muss leer sein.</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a property list element.</source>
        <translation>&lt;%1&gt; ist kein Element einer Property List.</translation>
    </message>
    <message>
        <source>“%1” is not a 64-bit integer.</source>
        <translation>„%1“ ist keine 64-Bit-Ganzzahl.</translation>
    </message>
    <message>
        <source>&lt;data&gt; is not valid base64.</source>
        <translation>&lt;data&gt; ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>“%1” is not a date like 2024-05-31T12:00:00Z.</source>
        <translation>„%1“ ist kein Datum im Format 2024-05-31T12:00:00Z.</translation>
    </message>
    <message>
        <source>&lt;dict&gt; is not closed.</source>
        <translation>&lt;dict&gt; ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>&lt;%1&gt; in a &lt;dict&gt; where a &lt;key&gt; belongs.</source>
        <translation>&lt;%1&gt; in einem &lt;dict&gt; an einer Stelle, an die ein &lt;key&gt; gehört.</translation>
    </message>
    <message>
        <source>the key “%1” appears twice in one &lt;dict&gt;.</source>
        <translation>Der Schlüssel „%1“ kommt in einem &lt;dict&gt; doppelt vor.</translation>
    </message>
    <message>
        <source>the key “%1” has no value.</source>
        <translation>Der Schlüssel „%1“ hat keinen Wert.</translation>
    </message>
    <message>
        <source>&lt;array&gt; is not closed.</source>
        <translation>&lt;array&gt; ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>&lt;key&gt; inside an &lt;array&gt;.</source>
        <translation>&lt;key&gt; innerhalb eines &lt;array&gt;.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The device identity&apos;s name must have 1 to %1 characters, not %2.</source>
        <translation>Der Name der Geräteidentität muss 1 bis %1 Zeichen lang sein, nicht %2.</translation>
    </message>
    <message>
        <source>The gateway CA needs both its certificate and its private key.</source>
        <translation>Die Gateway-CA benötigt sowohl ihr Zertifikat als auch ihren privaten Schlüssel.</translation>
    </message>
    <message>
        <source>The gateway CA certificate is not a PEM certificate.</source>
        <translation>Das Zertifikat der Gateway-CA ist kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The gateway CA key is not an unencrypted PEM private key.</source>
        <translation>Der Schlüssel der Gateway-CA ist kein unverschlüsselter privater PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>The gateway CA key does not belong to its certificate.</source>
        <translation>Der Schlüssel der Gateway-CA gehört nicht zu ihrem Zertifikat.</translation>
    </message>
    <message>
        <source>The gateway CA certificate may not sign certificates.</source>
        <translation>Das Zertifikat der Gateway-CA darf keine Zertifikate signieren.</translation>
    </message>
    <message>
        <source>Could not make the device identity&apos;s key.</source>
        <translation>Der Schlüssel der Geräteidentität konnte nicht erzeugt werden.</translation>
    </message>
    <message>
        <source>Could not make the device identity&apos;s certificate.</source>
        <translation>Das Zertifikat der Geräteidentität konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not sign the device identity&apos;s certificate.</source>
        <translation>Das Zertifikat der Geräteidentität konnte nicht signiert werden.</translation>
    </message>
    <message>
        <source>Could not make the device identity&apos;s password.</source>
        <translation>Das Passwort der Geräteidentität konnte nicht erzeugt werden.</translation>
    </message>
    <message>
        <source>Could not pack the device identity.</source>
        <translation>Die Geräteidentität konnte nicht verpackt werden.</translation>
    </message>
    <message>
        <source>a NUL byte; bodies must be UTF-8.</source>
        <translation>Ein NUL-Byte; Anfragen müssen UTF-8-kodiert sein.</translation>
    </message>
    <message>
        <source>an element with more than %1 attributes.</source>
        <translation>Ein Element mit mehr als %1 Attributen.</translation>
    </message>
    <message>
        <source>the body is declared as %1; bodies must be UTF-8.</source>
        <translation>Die Anfrage ist als %1 deklariert; Anfragen müssen UTF-8-kodiert sein.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Enrollment invite sent</source>
        <translation>Registrierungseinladung gesendet</translation>
    </message>
    <message>
        <source>Enrollment invite resent</source>
        <translation>Registrierungseinladung erneut gesendet</translation>
    </message>
    <message>
        <source>Enrollment request removed</source>
        <translation>Registrierungsanfrage entfernt</translation>
    </message>
    <message>
        <source>User re-assigned</source>
        <translation>Benutzer neu zugewiesen</translation>
    </message>
    <message>
        <source>Revoke MDM queued</source>
        <translation>MDM-Widerruf in Warteschlange gestellt</translation>
    </message>
    <message>
        <source>Factory reset queued</source>
        <translation>Zurücksetzen auf Werkseinstellungen in Warteschlange gestellt</translation>
    </message>
    <message>
        <source>Staged device removed</source>
        <translation>Bereitgestelltes Gerät entfernt</translation>
    </message>
    <message>
        <source>Staged device assigned</source>
        <translation>Bereitgestelltes Gerät zugewiesen</translation>
    </message>
    <message>
        <source>Staged devices imported</source>
        <translation>Bereitgestellte Geräte importiert</translation>
    </message>
    <message>
        <source>List exported</source>
        <translation>Liste exportiert</translation>
    </message>
    <message>
        <source>Mail settings changed</source>
        <translation>Mailserver-Einstellungen geändert</translation>
    </message>
    <message>
        <source>Sample data added</source>
        <translation>Beispieldaten hinzugefügt</translation>
    </message>
    <message>
        <source>Enrollment profile downloaded</source>
        <translation>Registrierungsprofil heruntergeladen</translation>
    </message>
    <message>
        <source>Device authenticated</source>
        <translation>Gerät authentifiziert</translation>
    </message>
    <message>
        <source>Device enrolled</source>
        <translation>Gerät registriert</translation>
    </message>
    <message>
        <source>Device checked out</source>
        <translation>Gerät abgemeldet</translation>
    </message>
    <message>
        <source>Command sent to the device</source>
        <translation>Befehl an das Gerät gesendet</translation>
    </message>
    <message>
        <source>Device answered a command</source>
        <translation>Gerät hat auf einen Befehl geantwortet</translation>
    </message>
    <message>
        <source>Device left management</source>
        <translation>Gerät hat die Verwaltung verlassen</translation>
    </message>
    <message>
        <source>Push to wake the device failed</source>
        <translation>Push zum Aufwecken des Geräts fehlgeschlagen</translation>
    </message>
    <message>
        <source>Database role granted</source>
        <translation>Datenbankrolle erteilt</translation>
    </message>
    <message>
        <source>Database role revoked</source>
        <translation>Datenbankrolle entzogen</translation>
    </message>
    <message>
        <source>Store imported</source>
        <translation>Datenspeicher importiert</translation>
    </message>
</context>
<context>
    <name>BulkAction</name>
    <message>
        <source>No longer exists.</source>
        <translation>Existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>%1 %2, skipped %3, failed %4</source>
        <translation>%1 %2, übersprungen %3, fehlgeschlagen %4</translation>
    </message>
    <message>
        <source>--platform must be one of android, ios, ipados, macos, windows, other.</source>
        <translation>--platform muss einer der Werte android, ios, ipados, macos, windows, other sein.</translation>
    </message>
    <message>
        <source>--owned-by must be corporate or personal.</source>
        <translation>--owned-by muss corporate oder personal sein.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>eingeladen</translation>
    </message>
    <message>
        <source>resend takes either --expired or one or more --id N.</source>
        <translation>resend erwartet entweder --expired oder eine oder mehrere --id N.</translation>
    </message>
    <message>
        <source>No invitation has expired.</source>
        <translation>Keine Einladung ist abgelaufen.</translation>
    </message>
    <message>
        <source>resent</source>
        <translation>erneut gesendet</translation>
    </message>
    <message>
        <source>remove-request needs one or more --id N.</source>
        <translation>remove-request erwartet eine oder mehrere --id N.</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>unexpected argument “%1”.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>reassign needs --device N… and --email EMAIL.</source>
        <translation>reassign erwartet --device N… und --email E-MAIL.</translation>
    </message>
    <message>
        <source>%1 is not a known user; give --name to create the user.</source>
        <translation>%1 ist kein bekannter Benutzer; geben Sie --name an, um den Benutzer anzulegen.</translation>
    </message>
    <message>
        <source>re-assigned</source>
        <translation>neu zugewiesen</translation>
    </message>
    <message>
        <source>deprovision needs --device N… and --mode revoke|factory-reset.</source>
        <translation>deprovision erwartet --device N… und --mode revoke|factory-reset.</translation>
    </message>
    <message>
        <source>deprovision removes devices from management; add --yes to confirm.</source>
        <translation>deprovision entfernt Geräte aus der Verwaltung; fügen Sie zur Bestätigung --yes hinzu.</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>list takes managed, staged or pending.</source>
        <translation>list erwartet managed, staged oder pending.</translation>
    </message>
    <message>
        <source>--since takes an ISO 8601 time such as 2026-11-28T09:00:00Z.</source>
        <translation>--since erwartet eine ISO-8601-Zeit wie 2026-11-28T09:00:00Z.</translation>
    </message>
    <message>
        <source>mdm-console: %1</source>
        <translation>mdm-console: %1</translation>
    </message>
    <message>
        <source>Try &apos;mdm-console --help&apos;.</source>
        <translation>Weitere Informationen mit „mdm-console --help“.</translation>
    </message>
    <message>
        <source>Store file to open (default: %1).</source>
        <translation>Zu öffnende Datenspeicher-Datei (Standard: %1).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>--%1 takes record IDs (whole numbers), not “%2”.</source>
        <translation>--%1 erwartet Datensatz-IDs (ganze Zahlen), nicht „%2“.</translation>
    </message>
    <message>
        <source>demo takes no further arguments.</source>
        <translation>demo erwartet keine weiteren Argumente.</translation>
    </message>
    <message>
        <source>“%1” already holds devices or invitations; demo fills only an empty store. Use --force to add sample data anyway.</source>
        <translation>„%1“ enthält bereits Geräte oder Einladungen; demo füllt nur einen leeren Datenspeicher. Verwenden Sie --force, um trotzdem Beispieldaten hinzuzufügen.</translation>
    </message>
    <message>
        <source>Sample data was not written: %1</source>
        <translation>Die Beispieldaten wurden nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Filled %1 with %2 managed devices, %3 staged devices, %4 pending invitations (%5 users).</source>
        <translation>%1 gefüllt mit %2 verwalteten Geräten, %3 bereitgestellten Geräten, %4 ausstehenden Einladungen (%5 Benutzer).</translation>
    </message>
    <message>
        <source>unknown command “%1”; commands: %2.</source>
        <translation>Unbekannter Befehl „%1“; Befehle: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n line(s) have problems.</source>
        <translation>
            <numerusform>Nichts wurde gesendet: %n Zeile hat Probleme.</numerusform>
            <numerusform>Nichts wurde gesendet: %n Zeilen haben Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>export takes managed, staged or pending and a file (- for standard output).</source>
        <translation>export erwartet managed, staged oder pending und eine Datei (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>--columns names no column.</source>
        <translation>--columns nennt keine Spalte.</translation>
    </message>
    <message>
        <source>Could not write to standard output.</source>
        <translation>Auf die Standardausgabe konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message>
        <source>exported %1 records (%2 bytes)</source>
        <translation>%1 Datensätze exportiert (%2 Bytes)</translation>
    </message>
    <message>
        <source>import-staged takes one CSV file.</source>
        <translation>import-staged erwartet eine CSV-Datei.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>line %1: warning: %2</source>
        <translation>Zeile %1: Warnung: %2</translation>
    </message>
    <message>
        <source>would import %1, skip %2</source>
        <translation>würde %1 importieren, %2 überspringen</translation>
    </message>
    <message>
        <source>imported %1, skipped %2</source>
        <translation>%1 importiert, %2 übersprungen</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from 0 to 4000000, not “%2”.</source>
        <translation>--%1 erwartet eine ganze Zahl von 0 bis 4000000, nicht „%2“.</translation>
    </message>
    <message>
        <source>For cron, set %1 in the job&apos;s environment (or pipe the password to deliver --password-stdin); the password is never written to the store.</source>
        <translation>Setzen Sie für cron %1 in der Umgebung des Jobs (oder übergeben Sie das Passwort per Pipe an deliver --password-stdin); das Passwort wird nie in den Datenspeicher geschrieben.</translation>
    </message>
    <message>
        <source>warning: %1 is set; standard input is not read.</source>
        <translation>Warnung: %1 ist gesetzt; die Standardeingabe wird nicht gelesen.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin: Die Standardeingabe enthielt kein Passwort.</translation>
    </message>
    <message>
        <source>No password for %1: %2</source>
        <translation>Kein Passwort für %1: %2</translation>
    </message>
    <message>
        <source>No mail server is set up. Set one with:</source>
        <translation>Es ist kein Mailserver eingerichtet. Richten Sie einen ein mit:</translation>
    </message>
    <message>
        <source>none (no user, so no authentication)</source>
        <translation>keines (kein Benutzer, daher keine Authentifizierung)</translation>
    </message>
    <message>
        <source>not in the store; deliver takes %1, --password-stdin or the keychain entry “%2”</source>
        <translation>nicht im Datenspeicher; deliver verwendet %1, --password-stdin oder den Schlüsselbund-Eintrag „%2“</translation>
    </message>
    <message>
        <source>--wait takes a number of seconds (1 to 86400), not “%1”.</source>
        <translation>--wait erwartet eine Anzahl Sekunden (1 bis 86400), nicht „%1“.</translation>
    </message>
    <message>
        <source>No mail server is set up: run &apos;mdm-console mail-settings --host H --port P --security starttls|tls|none --from ADDR&apos; first.</source>
        <translation>Es ist kein Mailserver eingerichtet: Führen Sie zuerst „mdm-console mail-settings --host H --port P --security starttls|tls|none --from ADRESSE“ aus.</translation>
    </message>
    <message>
        <source>The mail settings are not usable: %1</source>
        <translation>Die Mailserver-Einstellungen sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>Nichts zu senden.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing is due; %n message(s) wait for a retry, the next at %1.</source>
        <translation>
            <numerusform>Nichts ist fällig; %n Nachricht wartet auf einen neuen Versuch um %1.</numerusform>
            <numerusform>Nichts ist fällig; %n Nachrichten warten auf einen neuen Versuch, die nächste um %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gescheitert</translation>
    </message>
    <message>
        <source>retry later</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>#%1: the outcome could not be recorded, so the message stays queued: %2</source>
        <translation>#%1: Das Ergebnis konnte nicht gespeichert werden, daher bleibt die Nachricht in der Warteschlange: %2</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n second(s) (--wait); what was not sent stays queued.</source>
        <translation>
            <numerusform>Nach %n Sekunde angehalten (--wait); was nicht gesendet wurde, bleibt in der Warteschlange.</numerusform>
            <numerusform>Nach %n Sekunden angehalten (--wait); was nicht gesendet wurde, bleibt in der Warteschlange.</numerusform>
        </translation>
    </message>
    <message>
        <source>sent %1, retry later %2, failed %3; %4 still queued</source>
        <translation>gesendet %1, verschoben %2, gescheitert %3; %4 weiterhin in der Warteschlange</translation>
    </message>
    <message>
        <source>--security must be starttls, tls or none, not “%1”.</source>
        <translation>--security muss starttls, tls oder none sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--port takes a number, not “%1”.</source>
        <translation>--port erwartet eine Zahl, nicht „%1“.</translation>
    </message>
    <message>
        <source>--ca-file: cannot read “%1”.</source>
        <translation>--ca-file: „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1 Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>--password-stdin needs --user (the account the password belongs to).</source>
        <translation>--password-stdin erwartet --user (das Konto, zu dem das Passwort gehört).</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password. Nothing was saved.</source>
        <translation>--password-stdin: Die Standardeingabe enthielt kein Passwort. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved the mail settings: %1:%2 (%3), from %4.</source>
        <translation>Mailserver-Einstellungen gespeichert: %1:%2 (%3), Absender %4.</translation>
    </message>
    <message>
        <source>Saved the password in the keychain (service “%1”, entry “%2”).</source>
        <translation>Das Passwort wurde im Schlüsselbund gespeichert (Dienst „%1“, Eintrag „%2“).</translation>
    </message>
    <message>
        <source>The password was not saved: %1</source>
        <translation>Das Passwort wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation>%1: ok</translation>
    </message>
    <message>
        <source>%1 is damaged: PRAGMA integrity_check found the problems above. Restore the store from a backup.</source>
        <translation>%1 ist beschädigt: PRAGMA integrity_check hat die obigen Probleme gefunden. Stellen Sie den Datenspeicher aus einer Sicherung wieder her.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n line(s) would invite again.</source>
        <translation>
            <numerusform>Nichts wurde gesendet: %n Zeile würde eine doppelte Einladung senden.</numerusform>
            <numerusform>Nichts wurde gesendet: %n Zeilen würden doppelte Einladungen senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: the audit log could not record the export: %1</source>
        <translation>Warnung: Das Prüfprotokoll konnte den Export nicht aufzeichnen: %1</translation>
    </message>
    <message>
        <source>serve needs --listen ADDRESS:PORT (e.g. 0.0.0.0:8443).</source>
        <translation>serve erwartet --listen ADRESSE:PORT (z. B. 0.0.0.0:8443).</translation>
    </message>
    <message>
        <source>serve needs --cert FILE and --key FILE (or --insecure-http for a trial on one machine).</source>
        <translation>serve erwartet --cert DATEI und --key DATEI (oder --insecure-http für einen Test auf einem einzigen Computer).</translation>
    </message>
    <message>
        <source>--apns-cert and --apns-key go together.</source>
        <translation>--apns-cert und --apns-key müssen zusammen angegeben werden.</translation>
    </message>
    <message>
        <source>warning: serving plain HTTP (--insecure-http): enrollment secrets cross the network unencrypted. Use this only for a trial on one machine.</source>
        <translation>Warnung: Bereitstellung über einfaches HTTP (--insecure-http): Registrierungsgeheimnisse werden unverschlüsselt über das Netzwerk übertragen. Verwenden Sie dies nur für einen Test auf einem einzigen Computer.</translation>
    </message>
    <message>
        <source>Serving %1 on %2:%3 (%4).</source>
        <translation>%1 wird auf %2:%3 bereitgestellt (%4).</translation>
    </message>
    <message>
        <source>Cannot set up signal handling.</source>
        <translation>Die Signalbehandlung kann nicht eingerichtet werden.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Beendet.</translation>
    </message>
    <message>
        <source>No push certificate (--apns-cert): queued commands wait for each Apple device&apos;s next check-in.</source>
        <translation>Kein Push-Zertifikat (--apns-cert): Anstehende Befehle warten auf den nächsten Check-in des jeweiligen Apple-Geräts.</translation>
    </message>
    <message>
        <source>grant takes admin or viewer and a database role.</source>
        <translation>grant erwartet admin oder viewer und eine Datenbankrolle.</translation>
    </message>
    <message>
        <source>%1 is now an admin of the store (mdm_admin).</source>
        <translation>%1 ist jetzt Administrator des Datenspeichers (mdm_admin).</translation>
    </message>
    <message>
        <source>%1 is now a viewer of the store (mdm_viewer): it may browse, search and export, not change anything.</source>
        <translation>%1 ist jetzt Betrachter des Datenspeichers (mdm_viewer): Die Rolle darf ansehen, suchen und exportieren, aber nichts ändern.</translation>
    </message>
    <message>
        <source>revoke takes a database role.</source>
        <translation>revoke erwartet eine Datenbankrolle.</translation>
    </message>
    <message>
        <source>%1 is no longer an admin or viewer of the store.</source>
        <translation>%1 ist nicht mehr Administrator oder Betrachter des Datenspeichers.</translation>
    </message>
    <message>
        <source>import-store takes one store file: import-store FILE.db</source>
        <translation>import-store erwartet eine Datenspeicher-Datei: import-store DATEI.db</translation>
    </message>
    <message>
        <source>Copied %1 of %2 rows (%3)…</source>
        <translation>%1 von %2 Zeilen kopiert (%3)…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>Imported %1 into %2: %3 rows.</source>
        <translation>%1 in %2 importiert: %3 Zeilen.</translation>
    </message>
    <message>
        <source>Usage: mdm-console [--db PATH] [--lang CODE]          open the console window
       mdm-console [--db PATH] COMMAND [OPTIONS]       run a command without a window
       mdm-console --help | --version

Global options:
  --db PATH     store file (default: %1),
                or a team&apos;s PostgreSQL store: postgresql://USER@HOST[:PORT]/DATABASE
                (the password from ~/.pgpass, PGPASSWORD or the keychain, never in the URI)
  --lang CODE   user interface language (e.g. de); default: the system&apos;s

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
  store-password                  (PostgreSQL store) read the store&apos;s password from standard
                                  input, check it with the server, keep it in the keychain
  deliver [--now] [--wait SECONDS]   send the queued invitation mails
  mail-settings --host H --port P --security starttls|tls|none --from ADDR [--from-name NAME]
                [--user U] [--password-stdin] [--ca-file F] [--link-base URL]
                --link-base: the enrollment gateway&apos;s public URL (e.g. https://mdm.example.com);
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
        <translation>Aufruf: mdm-console [--db PFAD] [--lang CODE]          öffnet das Konsolenfenster
        mdm-console [--db PFAD] BEFEHL [OPTIONEN]       führt einen Befehl ohne Fenster aus
        mdm-console --help | --version

Globale Optionen:
  --db PFAD     Datenspeicher-Datei (Standard: %1),
                oder der PostgreSQL-Datenspeicher eines Teams: postgresql://USER@HOST[:PORT]/DATABASE
                (das Passwort aus ~/.pgpass, PGPASSWORD oder dem Schlüsselbund, nie in der URI)
  --lang CODE   Sprache der Benutzeroberfläche (z. B. de); Standard: die des Systems

Befehle:
  demo [--devices N] [--staged N] [--pending N] [--force]
        füllt einen leeren Datenspeicher mit Beispieldaten (N verwaltete Geräte,
        Standard 300; N/5 bereitgestellte und N/3 ausstehende, wenn nicht angegeben)
  invite --name NAME --email E-MAIL --platform android|ios|ipados|macos|windows|other
         [--owned-by corporate|personal] [--group G]
  invite --csv DATEI              Einladungen aus einer CSV-Datei zur Massenregistrierung
  resend --expired | --id N [--id N…]
  remove-request --id N [--id N…]
  reassign --device N… --email E-MAIL [--name NAME] [--group G]
  deprovision --device N… --mode revoke|factory-reset --yes
  list managed|staged|pending [--search TEXT]   Datensätze mit ihren IDs
  audit [--since ISO8601]         das Prüfprotokoll
  check                           vollständige Integritätsprüfung des Datenspeichers (nur lesend)
  grant admin|viewer ROLLE        (PostgreSQL-Datenspeicher, durch dessen Eigentümer) erlaubt einer
                                  Datenbankrolle, die Datensätze zu ändern (admin) oder nur zu
                                  lesen und zu exportieren (viewer)
  revoke ROLLE                    entzieht einer Datenbankrolle beides
  export managed|staged|pending [--search TEXT] [--columns a,b,…] [--raw] [--bom] DATEI|-
  import-staged DATEI [--dry-run] [--skip-invalid]
  import-store DATEI              kopiert eine Datenspeicher-Datei (Datensätze, Prüfprotokoll,
                                  Postausgang, Einstellungen) in den leeren PostgreSQL-Datenspeicher,
                                  der mit --db postgresql://… angegeben ist, in einer Transaktion
  store-password                  (PostgreSQL-Datenspeicher) liest das Passwort des Datenspeichers von
                                  der Standardeingabe, prüft es beim Server, legt es im Schlüsselbund ab
  deliver [--now] [--wait SEKUNDEN]   sendet die Einladungs-E-Mails aus der Warteschlange
  mail-settings --host H --port P --security starttls|tls|none --from ADRESSE [--from-name NAME]
                [--user U] [--password-stdin] [--ca-file F] [--link-base URL]
                --link-base: die öffentliche URL des Registrierungs-Gateways (z. B. https://mdm.example.com);
                Einladungslinks lauten URL/enroll/TOKEN
  serve --listen ADRESSE:PORT --cert DATEI --key DATEI [--public-url URL] [--insecure-http]
        [--apns-cert DATEI --apns-key DATEI] [--apns-topic TOPIC] [--apns-url URL]
        [--apns-ca DATEI]
        das Registrierungs-Gateway für die Geräte (HTTPS; endet bei SIGINT/SIGTERM);
        --apns-cert/--apns-key: das MDM-Push-Zertifikat (PEM), das Apple-Geräte mit
        anstehendem Befehl weckt; --apns-ca: eine zusätzliche vertrauenswürdige CA für
        --apns-url (Tests, eine interne CA)

Exit-Codes: 0 Erfolg, 1 Fehler (oder Datensätze übersprungen), 2 Aufruffehler.
</translation>
    </message>
    <message>
        <source>store-password takes no arguments; it reads the password from standard input.</source>
        <translation>store-password nimmt keine Argumente; es liest das Passwort von der Standardeingabe.</translation>
    </message>
    <message>
        <source>store-password is for a PostgreSQL store: --db postgresql://USER@HOST/DB store-password (a store file needs no password).</source>
        <translation>store-password ist für einen PostgreSQL-Datenspeicher: --db postgresql://USER@HOST/DB store-password (eine Datenspeicher-Datei braucht kein Passwort).</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>store-password: standard input held no password. Nothing was stored.</source>
        <translation>store-password: Die Standardeingabe enthielt kein Passwort. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The PostgreSQL server did not take the login for “%1”: %2. Nothing was stored.</source>
        <translation>Der PostgreSQL-Server hat die Anmeldung für „%1“ nicht angenommen: %2. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation>Das Passwort wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Without a keychain, put the password in ~/.pgpass (or the file PGPASSFILE names) or set PGPASSWORD.</source>
        <translation>Ohne Schlüsselbund legen Sie das Passwort in ~/.pgpass (oder der Datei, die PGPASSFILE nennt) ab oder setzen PGPASSWORD.</translation>
    </message>
    <message>
        <source>Stored the password in the keychain (service “mdm-console”, entry “%1”).</source>
        <translation>Das Passwort ist im Schlüsselbund gespeichert (Dienst „mdm-console“, Eintrag „%1“).</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Besitz</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>OS-Version</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Registriert am</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Resends</source>
        <translation>Erneut gesendet</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>Line %1 is not UTF-8 text. Save the file as “CSV UTF-8” and try again.</source>
        <translation>Zeile %1 ist kein UTF-8-Text. Speichern Sie die Datei als „CSV UTF-8“ und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed (a &quot; is missing).</source>
        <translation>Zeile %1: Ein Feld in Anführungszeichen wird nie geschlossen (ein &quot; fehlt).</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>The %1 tab has no column “%2” to export. Its columns are: %3.</source>
        <translation>Die Registerkarte „%1“ hat keine Spalte „%2“ zum Exportieren. Ihre Spalten sind: %3.</translation>
    </message>
    <message>
        <source>Column %1 of the %2 tab cannot be exported.</source>
        <translation>Spalte %1 der Registerkarte „%2“ kann nicht exportiert werden.</translation>
    </message>
    <message>
        <source>Cannot export the %1 tab: %2</source>
        <translation>Die Registerkarte „%1“ kann nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>“%1” is the console&apos;s own store; choose another file to export to.</source>
        <translation>„%1“ ist der Datenspeicher der Konsole selbst; wählen Sie eine andere Datei für den Export.</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Sample data was not written: %1</source>
        <translation>Die Beispieldaten wurden nicht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>DeviceGatewayService</name>
    <message>
        <source>The invitation no longer exists.</source>
        <translation>Die Einladung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>TokenUpdate before Authenticate.</source>
        <translation>TokenUpdate vor Authenticate.</translation>
    </message>
    <message>
        <source>The device left management before it carried out the command.</source>
        <translation>Das Gerät hat die Verwaltung verlassen, bevor es den Befehl ausgeführt hat.</translation>
    </message>
    <message>
        <source>The device reported an error without a description.</source>
        <translation>Das Gerät hat einen Fehler ohne Beschreibung gemeldet.</translation>
    </message>
    <message>
        <source>A serial number or an IMEI is needed.</source>
        <translation>Eine Seriennummer oder IMEI wird benötigt.</translation>
    </message>
    <message>
        <source>This invitation is for %1, not %2.</source>
        <translation>Diese Einladung gilt für %1, nicht für %2.</translation>
    </message>
</context>
<context>
    <name>DeviceService</name>
    <message>
        <source>The new user&apos;s name is empty.</source>
        <translation>Der Name des neuen Benutzers ist leer.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The chosen user no longer exists.</source>
        <translation>Der ausgewählte Benutzer existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Cancelled; no device was changed.</source>
        <translation>Abgebrochen; es wurde kein Gerät geändert.</translation>
    </message>
    <message>
        <source>No longer exists.</source>
        <translation>Existiert nicht mehr.</translation>
    </message>
    <message>
        <source>No longer staged: it has enrolled.</source>
        <translation>Nicht mehr bereitgestellt: Es wurde registriert.</translation>
    </message>
    <message>
        <source>Not a managed device.</source>
        <translation>Kein verwaltetes Gerät.</translation>
    </message>
    <message>
        <source>Already assigned to %1.</source>
        <translation>Bereits %1 zugewiesen.</translation>
    </message>
    <message>
        <source>Already queued: %1.</source>
        <translation>Bereits in der Warteschlange: %1.</translation>
    </message>
    <message>
        <source>Cancelled; no device was removed.</source>
        <translation>Abgebrochen; es wurde kein Gerät entfernt.</translation>
    </message>
    <message>
        <source>Being deprovisioned: %1.</source>
        <translation>Wird außer Betrieb genommen: %1.</translation>
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>Cannot add the user %1: %2</source>
        <translation>Der Benutzer %1 kann nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>Cannot add the group %1: %2</source>
        <translation>Die Gruppe %1 kann nicht hinzugefügt werden: %2</translation>
    </message>
</context>
<context>
    <name>DomainText</name>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>iPadOS</source>
        <translation>iPadOS</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Unmanaged</source>
        <translation>Nicht verwaltet</translation>
    </message>
    <message>
        <source>Revoke pending</source>
        <translation>Widerruf läuft</translation>
    </message>
    <message>
        <source>Wipe pending</source>
        <translation>Löschung läuft</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>Zustellfehler</translation>
    </message>
    <message>
        <source>Factory reset</source>
        <translation>Auf Werkseinstellungen zurücksetzen</translation>
    </message>
    <message>
        <source>Revoke MDM</source>
        <translation>MDM widerrufen</translation>
    </message>
    <message>
        <source>Revoke failed</source>
        <translation>Widerruf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Wipe failed</source>
        <translation>Löschung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>EnrollmentService</name>
    <message>
        <source>The user name is empty.</source>
        <translation>Der Benutzername ist leer.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>%1 already has a valid pending %2 invitation.</source>
        <translation>%1 hat bereits eine gültige, ausstehende %2-Einladung.</translation>
    </message>
    <message>
        <source>%1 already has an enrolled %2 device.</source>
        <translation>%1 hat bereits ein registriertes %2-Gerät.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>There is nobody to invite.</source>
        <translation>Es gibt niemanden zum Einladen.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was sent.</source>
        <translation>Abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Cancelled; no invitation was resent.</source>
        <translation>Abgebrochen; es wurde keine Einladung erneut gesendet.</translation>
    </message>
    <message>
        <source>The request was removed.</source>
        <translation>Die Anfrage wurde entfernt.</translation>
    </message>
    <message>
        <source>The user has enrolled.</source>
        <translation>Der Benutzer hat sich registriert.</translation>
    </message>
    <message>
        <source>The user has enrolled a %1 device since.</source>
        <translation>Der Benutzer hat inzwischen ein %1-Gerät registriert.</translation>
    </message>
    <message>
        <source>Cancelled; no request was removed.</source>
        <translation>Abgebrochen; es wurde keine Anfrage entfernt.</translation>
    </message>
    <message>
        <source>Already removed.</source>
        <translation>Bereits entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were invited meanwhile by another console or command:</source>
        <translation>
            <numerusform>%n Zeile wurde inzwischen von einer anderen Konsole oder einem anderen Befehl eingeladen:</numerusform>
            <numerusform>%n Zeilen wurden inzwischen von einer anderen Konsole oder einem anderen Befehl eingeladen:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewayLaunch</name>
    <message>
        <source>Listen on: give an address and a port, e.g. 127.0.0.1:8443 or 0.0.0.0:443.</source>
        <translation>Lauschen auf: Geben Sie eine Adresse und einen Port an, z. B. 127.0.0.1:8443 oder 0.0.0.0:443.</translation>
    </message>
    <message>
        <source>Public URL: give the address devices use, e.g. https://mdm.example.com.</source>
        <translation>Öffentliche URL: Geben Sie die Adresse an, über die Geräte das Gateway erreichen, z. B. https://mdm.example.com.</translation>
    </message>
    <message>
        <source>Choose the gateway&apos;s TLS certificate and its private key (PEM files).</source>
        <translation>Wählen Sie das TLS-Zertifikat des Gateways und seinen privaten Schlüssel aus (PEM-Dateien).</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>GatewayStatus</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>not running (last seen %1)</source>
        <translation>läuft nicht (zuletzt aktiv %1)</translation>
    </message>
    <message>
        <source>last check-in %1</source>
        <translation>letzter Check-in %1</translation>
    </message>
    <message>
        <source>no check-in yet</source>
        <translation>noch kein Check-in</translation>
    </message>
    <message>
        <source>serving %1 · %2</source>
        <translation>aktiv unter %1 · %2</translation>
    </message>
</context>
<context>
    <name>InvitationMail</name>
    <message>
        <source>Open this email on the Android device you want to enroll.</source>
        <translation>Öffnen Sie diese E-Mail auf dem Android-Gerät, das Sie registrieren möchten.</translation>
    </message>
    <message>
        <source>Tap the enrollment link and install the device management app when asked.</source>
        <translation>Tippen Sie auf den Registrierungslink und installieren Sie die Geräteverwaltungs-App, wenn Sie dazu aufgefordert werden.</translation>
    </message>
    <message>
        <source>Follow the app: accept the terms and set up the work profile.</source>
        <translation>Folgen Sie den Anweisungen der App: Akzeptieren Sie die Bedingungen und richten Sie das Arbeitsprofil ein.</translation>
    </message>
    <message>
        <source>Open this email on the iPhone or iPad you want to enroll, in Safari.</source>
        <translation>Öffnen Sie diese E-Mail in Safari auf dem iPhone oder iPad, das Sie registrieren möchten.</translation>
    </message>
    <message>
        <source>Tap the enrollment link and allow the configuration profile to download.</source>
        <translation>Tippen Sie auf den Registrierungslink und erlauben Sie das Laden des Konfigurationsprofils.</translation>
    </message>
    <message>
        <source>Open Settings ▸ Profile Downloaded, tap Install and enter the device passcode.</source>
        <translation>Öffnen Sie Einstellungen ▸ Profil geladen, tippen Sie auf „Installieren“ und geben Sie den Gerätecode ein.</translation>
    </message>
    <message>
        <source>Open this email on the Mac you want to enroll.</source>
        <translation>Öffnen Sie diese E-Mail auf dem Mac, den Sie registrieren möchten.</translation>
    </message>
    <message>
        <source>Click the enrollment link and download the enrollment profile.</source>
        <translation>Klicken Sie auf den Registrierungslink und laden Sie das Registrierungsprofil herunter.</translation>
    </message>
    <message>
        <source>Open System Settings ▸ Privacy &amp; Security ▸ Profiles, double-click the profile and install it.</source>
        <translation>Öffnen Sie Systemeinstellungen ▸ Datenschutz &amp; Sicherheit ▸ Profile, doppelklicken Sie auf das Profil und installieren Sie es.</translation>
    </message>
    <message>
        <source>Open this email on the Windows PC you want to enroll.</source>
        <translation>Öffnen Sie diese E-Mail auf dem Windows-PC, den Sie registrieren möchten.</translation>
    </message>
    <message>
        <source>Click the enrollment link, or open Settings ▸ Accounts ▸ Access work or school.</source>
        <translation>Klicken Sie auf den Registrierungslink oder öffnen Sie Einstellungen ▸ Konten ▸ Auf Arbeits- oder Schulkonto zugreifen.</translation>
    </message>
    <message>
        <source>Choose “Enroll only in device management” and sign in with your work address.</source>
        <translation>Wählen Sie „Nur bei der Geräteverwaltung registrieren“ und melden Sie sich mit Ihrer geschäftlichen Adresse an.</translation>
    </message>
    <message>
        <source>Open this email on the device you want to enroll.</source>
        <translation>Öffnen Sie diese E-Mail auf dem Gerät, das Sie registrieren möchten.</translation>
    </message>
    <message>
        <source>Open the enrollment link and follow the steps.</source>
        <translation>Öffnen Sie den Registrierungslink und folgen Sie den Schritten.</translation>
    </message>
    <message>
        <source>Enroll your %1 device</source>
        <translation>Registrieren Sie Ihr %1-Gerät</translation>
    </message>
    <message>
        <source>Hello %1,</source>
        <translation>Guten Tag %1,</translation>
    </message>
    <message>
        <source>your organisation invites you to enroll your %1 device in device management.</source>
        <translation>Ihre Organisation lädt Sie ein, Ihr %1-Gerät in der Geräteverwaltung zu registrieren.</translation>
    </message>
    <message>
        <source>Enrollment link: %1</source>
        <translation>Registrierungslink: %1</translation>
    </message>
    <message>
        <source>The link is valid until %1.</source>
        <translation>Der Link ist gültig bis %1.</translation>
    </message>
    <message>
        <source>If you did not expect this email, ask your IT department.</source>
        <translation>Falls Sie diese E-Mail nicht erwartet haben, wenden Sie sich an Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <source>Enroll this device</source>
        <translation>Dieses Gerät registrieren</translation>
    </message>
    <message>
        <source>your organisation invites you to enroll your device in device management.</source>
        <translation>Ihre Organisation lädt Sie ein, Ihr Gerät in der Geräteverwaltung zu registrieren.</translation>
    </message>
    <message>
        <source>Enroll your device</source>
        <translation>Registrieren Sie Ihr Gerät</translation>
    </message>
    <message>
        <source>Reading this on another screen? Scan this code with the device&apos;s camera to open the link there.</source>
        <translation>Lesen Sie dies auf einem anderen Bildschirm? Scannen Sie diesen Code mit der Kamera des Geräts, um den Link dort zu öffnen.</translation>
    </message>
    <message>
        <source>QR code of the enrollment link</source>
        <translation>QR-Code des Registrierungslinks</translation>
    </message>
</context>
<context>
    <name>InvitationText</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>vor %1 abgelaufen</translation>
    </message>
    <message>
        <source>7 days after sending</source>
        <translation>7 Tage nach dem Senden</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>7 days after sending: the link is valid for 7 days from when the mail server accepts the mail.</source>
        <translation>7 Tage nach dem Senden: Der Link ist ab der Annahme der E-Mail durch den Mailserver 7 Tage gültig.</translation>
    </message>
    <message>
        <source>Not sent: the mail was not delivered. Resend the invitation to give the user a link.</source>
        <translation>Nicht gesendet: Die E-Mail wurde nicht zugestellt. Senden Sie die Einladung erneut, um dem Benutzer einen Link zu geben.</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Gesendet am %1</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Abgelaufen am %1</translation>
    </message>
    <message>
        <source>Gave up after 24 hours: %1</source>
        <translation>Nach 24 Stunden aufgegeben: %1</translation>
    </message>
    <message>
        <source>Retrying at %1: %2</source>
        <translation>Neuer Versuch um %1: %2</translation>
    </message>
</context>
<context>
    <name>InviteCsv</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>(column %1 has no title)</source>
        <translation>(Spalte %1 hat keine Überschrift)</translation>
    </message>
    <message>
        <source>line %1: the columns “%2” and “%3” mean the same; keep one of them.</source>
        <translation>Zeile %1: Die Spalten „%2“ und „%3“ bedeuten dasselbe; behalten Sie nur eine davon.</translation>
    </message>
    <message>
        <source>line %1: the file has no EMAIL_ADDRESS column.</source>
        <translation>Zeile %1: Die Datei hat keine Spalte EMAIL_ADDRESS.</translation>
    </message>
    <message>
        <source>line %1: the file has no PLATFORM_TYPE column.</source>
        <translation>Zeile %1: Die Datei hat keine Spalte PLATFORM_TYPE.</translation>
    </message>
    <message>
        <source>These columns are not used and were ignored: %1.</source>
        <translation>Diese Spalten werden nicht verwendet und wurden ignoriert: %1.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>no email address.</source>
        <translation>keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>no platform type.</source>
        <translation>kein Plattformtyp.</translation>
    </message>
    <message>
        <source>“%1” is not a platform type (Android, iOS, iPadOS, macOS, Windows or Other).</source>
        <translation>„%1“ ist kein Plattformtyp (Android, iOS, iPadOS, macOS, Windows oder Other).</translation>
    </message>
    <message>
        <source>OWNED_BY is “%1”; it must be Corporate or Personal.</source>
        <translation>OWNED_BY ist „%1“; zulässig sind Corporate oder Personal.</translation>
    </message>
    <message>
        <source>the row has more cells than the header has columns (an unquoted comma in a value?).</source>
        <translation>Die Zeile hat mehr Zellen, als die Kopfzeile Spalten hat (ein Komma ohne Anführungszeichen in einem Wert?).</translation>
    </message>
    <message>
        <source>The file has a header but nobody to invite.</source>
        <translation>Die Datei hat eine Kopfzeile, aber niemanden zum Einladen.</translation>
    </message>
    <message>
        <source>%1 is invited for %2 on line %3 too; each line sends an invitation.</source>
        <translation>%1 wird auch in Zeile %3 für %2 eingeladen; jede Zeile sendet eine Einladung.</translation>
    </message>
</context>
<context>
    <name>LandingPage</name>
    <message>
        <source>Hello,</source>
        <translation>Guten Tag,</translation>
    </message>
    <message>
        <source>Hello %1,</source>
        <translation>Guten Tag %1,</translation>
    </message>
    <message>
        <source>This invitation enrolls one %1 device in your organisation&apos;s device management.</source>
        <translation>Mit dieser Einladung registrieren Sie ein %1-Gerät in der Geräteverwaltung Ihrer Organisation.</translation>
    </message>
    <message>
        <source>Download the enrollment profile</source>
        <translation>Registrierungsprofil herunterladen</translation>
    </message>
    <message>
        <source>Next: open System Settings, choose the downloaded profile and install it.</source>
        <translation>Öffnen Sie anschließend die Systemeinstellungen, wählen Sie das heruntergeladene Profil aus und installieren Sie es.</translation>
    </message>
    <message>
        <source>Next: open Settings, tap “Profile Downloaded” and install it.</source>
        <translation>Öffnen Sie anschließend die Einstellungen, tippen Sie auf „Profil geladen“ und installieren Sie es.</translation>
    </message>
    <message>
        <source>Next: open this link in the device management app on your device; it enrolls the device.</source>
        <translation>Öffnen Sie anschließend diesen Link in der Geräteverwaltungs-App auf Ihrem Gerät; damit wird das Gerät registriert.</translation>
    </message>
    <message>
        <source>Or scan this code with the device you want to enroll:</source>
        <translation>Oder scannen Sie diesen Code mit dem Gerät, das Sie registrieren möchten:</translation>
    </message>
    <message>
        <source>QR code of the enrollment link</source>
        <translation>QR-Code des Registrierungslinks</translation>
    </message>
    <message>
        <source>The link works for one device only.</source>
        <translation>Der Link funktioniert nur für ein einziges Gerät.</translation>
    </message>
    <message>
        <source>Enroll your device</source>
        <translation>Registrieren Sie Ihr Gerät</translation>
    </message>
    <message>
        <source>Unknown enrollment link</source>
        <translation>Unbekannter Registrierungslink</translation>
    </message>
    <message>
        <source>This enrollment link is not known. Check that you opened the whole link from your invitation, or ask your IT department for a new invitation.</source>
        <translation>Dieser Registrierungslink ist nicht bekannt. Prüfen Sie, ob Sie den vollständigen Link aus Ihrer Einladung geöffnet haben, oder bitten Sie Ihre IT-Abteilung um eine neue Einladung.</translation>
    </message>
    <message>
        <source>This invitation has expired.</source>
        <translation>Diese Einladung ist abgelaufen.</translation>
    </message>
    <message>
        <source>This invitation was withdrawn by your IT department.</source>
        <translation>Diese Einladung wurde von Ihrer IT-Abteilung zurückgezogen.</translation>
    </message>
    <message>
        <source>This invitation has already been used to enroll a device.</source>
        <translation>Mit dieser Einladung wurde bereits ein Gerät registriert.</translation>
    </message>
    <message>
        <source>Invitation no longer valid</source>
        <translation>Einladung nicht mehr gültig</translation>
    </message>
    <message>
        <source>Please ask your IT department for a new invitation.</source>
        <translation>Bitte wenden Sie sich für eine neue Einladung an Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <source>Step by step, with what you need before you start</source>
        <translation>Schritt für Schritt, mit allem, was Sie vorher brauchen</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>The mail server&apos;s host name is empty.</source>
        <translation>Der Hostname des Mailservers ist leer.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>“%1” is not an email address for the sender.</source>
        <translation>„%1“ ist keine E-Mail-Adresse für den Absender.</translation>
    </message>
    <message>
        <source>“%1” is not an email address for the test email.</source>
        <translation>„%1“ ist keine E-Mail-Adresse für die Test-E-Mail.</translation>
    </message>
    <message>
        <source>The gateway&apos;s public URL must start with https:// (or http://) and name a host.</source>
        <translation>Die öffentliche URL des Gateways muss mit https:// (oder http://) beginnen und einen Host enthalten.</translation>
    </message>
    <message>
        <source>The gateway&apos;s public URL must not contain “?” or “#”.</source>
        <translation>Die öffentliche URL des Gateways darf weder „?“ noch „#“ enthalten.</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>%1 records; see Show Details for the list.</source>
        <translation>%1 Datensätze; die Liste finden Sie unter „Details einblenden“.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>PgText</name>
    <message>
        <source>The connection to the PostgreSQL server was lost.</source>
        <translation>Die Verbindung zum PostgreSQL-Server wurde unterbrochen.</translation>
    </message>
</context>
<context>
    <name>PushCredentials</name>
    <message>
        <source>The push service address &quot;%1&quot; is not an https:// URL.</source>
        <translation>Die Adresse des Push-Dienstes „%1“ ist keine https://-URL.</translation>
    </message>
    <message>
        <source>No CA certificate could be read from &quot;%1&quot;.</source>
        <translation>Aus „%1“ konnte kein CA-Zertifikat gelesen werden.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; does not exist.</source>
        <translation>Die Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; cannot be read: %2</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>A push certificate and its key file are both needed.</source>
        <translation>Es werden sowohl ein Push-Zertifikat als auch seine Schlüsseldatei benötigt.</translation>
    </message>
    <message>
        <source>No PEM certificate could be read from &quot;%1&quot;.</source>
        <translation>Aus „%1“ konnte kein PEM-Zertifikat gelesen werden.</translation>
    </message>
    <message>
        <source>The key in &quot;%1&quot; is encrypted; the push key must be stored without a pass phrase.</source>
        <translation>Der Schlüssel in „%1“ ist verschlüsselt; der Push-Schlüssel muss ohne Passphrase gespeichert sein.</translation>
    </message>
    <message>
        <source>No PEM private key could be read from &quot;%1&quot;.</source>
        <translation>Aus „%1“ konnte kein privater PEM-Schlüssel gelesen werden.</translation>
    </message>
    <message>
        <source>The key in &quot;%1&quot; does not belong to the certificate in &quot;%2&quot;.</source>
        <translation>Der Schlüssel in „%1“ gehört nicht zum Zertifikat in „%2“.</translation>
    </message>
    <message>
        <source>The key in &quot;%1&quot; is of a kind that cannot be used for TLS here.</source>
        <translation>Der Schlüssel in „%1“ ist von einem Typ, der hier nicht für TLS verwendet werden kann.</translation>
    </message>
    <message>
        <source>The certificate in &quot;%1&quot; has no UID in its subject, so the push topic is unknown; give the topic explicitly.</source>
        <translation>Das Zertifikat in „%1“ enthält im Antragsteller (Subject) keine UID, daher ist das Push-Topic unbekannt; geben Sie das Topic ausdrücklich an.</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>IMEI %1</source>
        <translation>IMEI %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>device name (serial or IMEI)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>email address (platform)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>RecordStatusReader</name>
    <message>
        <source>Enrolled</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Changed since you selected it: removed</source>
        <translation>Seit Ihrer Auswahl geändert: entfernt</translation>
    </message>
    <message>
        <source>Changed since you selected it: now %1</source>
        <translation>Seit Ihrer Auswahl geändert: jetzt %1</translation>
    </message>
</context>
<context>
    <name>StagedImport</name>
    <message>
        <source>(column %1 has no title)</source>
        <translation>(Spalte %1 hat keine Überschrift)</translation>
    </message>
    <message>
        <source>The columns “%1” and “%2” mean the same; keep one of them.</source>
        <translation>Die Spalten „%1“ und „%2“ bedeuten dasselbe; behalten Sie nur eine davon.</translation>
    </message>
    <message>
        <source>The file has no platform column. Name one “Platform” (Android, iOS, iPadOS, macOS, Windows or Other in each row).</source>
        <translation>Die Datei hat keine Plattformspalte. Nennen Sie eine Spalte „Platform“ (Android, iOS, iPadOS, macOS, Windows oder Other in jeder Zeile).</translation>
    </message>
    <message>
        <source>The file has neither a serial number nor an IMEI column; a device needs one of them. Name it “Serial number” or “IMEI”.</source>
        <translation>Die Datei hat weder eine Seriennummer- noch eine IMEI-Spalte; ein Gerät braucht eines von beiden. Nennen Sie die Spalte „Serial number“ oder „IMEI“.</translation>
    </message>
    <message>
        <source>The row has more cells than the header has columns (an unquoted comma in a value?).</source>
        <translation>Die Zeile hat mehr Zellen, als die Kopfzeile Spalten hat (ein Komma ohne Anführungszeichen in einem Wert?).</translation>
    </message>
    <message>
        <source>No platform.</source>
        <translation>Keine Plattform.</translation>
    </message>
    <message>
        <source>“%1” is not a platform (Android, iOS, iPadOS, macOS, Windows or Other).</source>
        <translation>„%1“ ist keine Plattform (Android, iOS, iPadOS, macOS, Windows oder Other).</translation>
    </message>
    <message>
        <source>Neither a serial number nor an IMEI; a device needs one of them.</source>
        <translation>Weder Seriennummer noch IMEI; ein Gerät braucht eines von beiden.</translation>
    </message>
    <message>
        <source>The IMEI %1 has a wrong check digit (mistyped?).</source>
        <translation>Die IMEI %1 hat eine falsche Prüfziffer (Tippfehler?).</translation>
    </message>
    <message>
        <source>The IMEI “%1” is not 15 digits.</source>
        <translation>Die IMEI „%1“ hat nicht 15 Ziffern.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>No email address, so the device is staged without a user; the user name “%1” is not kept.</source>
        <translation>Keine E-Mail-Adresse, daher wird das Gerät ohne Benutzer bereitgestellt; der Benutzername „%1“ wird nicht übernommen.</translation>
    </message>
    <message>
        <source>The serial number %1 is also on line %2.</source>
        <translation>Die Seriennummer %1 steht auch in Zeile %2.</translation>
    </message>
    <message>
        <source>The IMEI %1 is also on line %2.</source>
        <translation>Die IMEI %1 steht auch in Zeile %2.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>These columns are not used and were ignored: %1.</source>
        <translation>Diese Spalten werden nicht verwendet und wurden ignoriert: %1.</translation>
    </message>
    <message>
        <source>The file has a header but no devices.</source>
        <translation>Die Datei hat eine Kopfzeile, aber keine Geräte.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems.</source>
        <translation>
            <numerusform>%n Zeile hat Probleme.</numerusform>
            <numerusform>%n Zeilen haben Probleme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems, so nothing was imported. Correct them, or import only the valid rows.</source>
        <translation>
            <numerusform>%n Zeile hat Probleme, daher wurde nichts importiert. Korrigieren Sie sie oder importieren Sie nur die gültigen Zeilen.</numerusform>
            <numerusform>%n Zeilen haben Probleme, daher wurde nichts importiert. Korrigieren Sie sie oder importieren Sie nur die gültigen Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The serial number %1 already belongs to a staged device.</source>
        <translation>Die Seriennummer %1 gehört bereits zu einem bereitgestellten Gerät.</translation>
    </message>
    <message>
        <source>The serial number %1 already belongs to a managed device.</source>
        <translation>Die Seriennummer %1 gehört bereits zu einem verwalteten Gerät.</translation>
    </message>
    <message>
        <source>The IMEI %1 already belongs to a staged device.</source>
        <translation>Die IMEI %1 gehört bereits zu einem bereitgestellten Gerät.</translation>
    </message>
    <message>
        <source>The IMEI %1 already belongs to a managed device.</source>
        <translation>Die IMEI %1 gehört bereits zu einem verwalteten Gerät.</translation>
    </message>
    <message>
        <source>Cancelled; no device was imported.</source>
        <translation>Abgebrochen; es wurde kein Gerät importiert.</translation>
    </message>
    <message>
        <source>Cannot add the user %1: %2</source>
        <translation>Der Benutzer %1 kann nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>“%1” is the console&apos;s own store, not a CSV file.</source>
        <translation>„%1“ ist der Datenspeicher der Konsole selbst, keine CSV-Datei.</translation>
    </message>
</context>
<context>
    <name>StoreImport</name>
    <message>
        <source>%1 holds a table import-store does not know: “%2”. Use the console version that wrote it.</source>
        <translation>%1 enthält eine Tabelle, die import-store nicht kennt: „%2“. Verwenden Sie die Konsolenversion, die sie geschrieben hat.</translation>
    </message>
    <message>
        <source>%1 lacks the table “%2”; it is not a complete store.</source>
        <translation>In %1 fehlt die Tabelle „%2“; es ist kein vollständiger Datenspeicher.</translation>
    </message>
    <message>
        <source>The table “%1” has other columns in %2 (%3) than in %4 (%5).</source>
        <translation>Die Tabelle „%1“ hat in %2 (%3) andere Spalten als in %4 (%5).</translation>
    </message>
    <message>
        <source>The PostgreSQL store&apos;s connection is not inside the import&apos;s transaction.</source>
        <translation>Die Verbindung des PostgreSQL-Datenspeichers befindet sich nicht in der Transaktion des Imports.</translation>
    </message>
    <message>
        <source>%1 rows of “%2” were read, %3 expected.</source>
        <translation>%1 Zeilen von „%2“ gelesen, %3 erwartet.</translation>
    </message>
    <message>
        <source>%1 is not empty: it holds rows in %2. import-store copies only into an empty store; nothing was changed.</source>
        <translation>%1 ist nicht leer: Es enthält Zeilen in %2. import-store kopiert nur in einen leeren Datenspeicher; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>import-store copies into a PostgreSQL store: give --db postgresql://…</source>
        <translation>import-store kopiert in einen PostgreSQL-Datenspeicher: Geben Sie --db postgresql://… an</translation>
    </message>
    <message>
        <source>“%1” is not an SQLite store file: import-store copies from a store file.</source>
        <translation>„%1“ ist keine SQLite-Datenspeicher-Datei: import-store kopiert aus einer Datenspeicher-Datei.</translation>
    </message>
    <message>
        <source>The store file “%1” does not exist.</source>
        <translation>Die Datenspeicher-Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>“%1” is not a store file.</source>
        <translation>„%1“ ist keine Datenspeicher-Datei.</translation>
    </message>
    <message>
        <source>The store file “%1” cannot be copied: %2</source>
        <translation>Die Datenspeicher-Datei „%1“ kann nicht kopiert werden: %2</translation>
    </message>
</context>
<context>
    <name>StoreRoles</name>
    <message>
        <source>Only the store&apos;s owner (or a superuser) may grant and revoke the console&apos;s roles; nothing was changed. Run the command with the owner&apos;s URI. (The server said: %1)</source>
        <translation>Nur der Eigentümer des Datenspeichers (oder ein Superuser) darf die Rollen der Konsole erteilen und entziehen; es wurde nichts geändert. Führen Sie den Befehl mit der URI des Eigentümers aus. (Meldung des Servers: %1)</translation>
    </message>
    <message>
        <source>Roles are for a PostgreSQL store; an SQLite store&apos;s rights are its file&apos;s permissions.</source>
        <translation>Rollen gibt es nur für einen PostgreSQL-Datenspeicher; bei einem SQLite-Datenspeicher gelten die Berechtigungen seiner Datei.</translation>
    </message>
    <message>
        <source>Name the database role to grant or revoke.</source>
        <translation>Geben Sie die Datenbankrolle an, der Rechte erteilt oder entzogen werden sollen.</translation>
    </message>
    <message>
        <source>“%1” is one of the console&apos;s group roles; name a login role instead.</source>
        <translation>„%1“ ist eine der Gruppenrollen der Konsole; geben Sie stattdessen eine Login-Rolle an.</translation>
    </message>
    <message>
        <source>The roles mdm_admin and mdm_viewer do not exist on this server. A superuser makes them once: CREATE ROLE mdm_admin NOLOGIN; CREATE ROLE mdm_viewer NOLOGIN;</source>
        <translation>Die Rollen mdm_admin und mdm_viewer existieren auf diesem Server nicht. Ein Superuser legt sie einmalig an: CREATE ROLE mdm_admin NOLOGIN; CREATE ROLE mdm_viewer NOLOGIN;</translation>
    </message>
    <message>
        <source>The PostgreSQL server has no role “%1”. Create it first (e.g. “createuser %1”).</source>
        <translation>Der PostgreSQL-Server hat keine Rolle „%1“. Legen Sie sie zuerst an (z. B. „createuser %1“).</translation>
    </message>
</context>
<context>
    <name>StoreWatcher</name>
    <message>
        <source>Cannot follow changes to the store “%1”: %2</source>
        <translation>Änderungen am Datenspeicher „%1“ können nicht verfolgt werden: %2</translation>
    </message>
    <message>
        <source>no connection to listen on</source>
        <translation>keine Verbindung für Änderungsbenachrichtigungen (LISTEN)</translation>
    </message>
</context>
<context>
    <name>TabText</name>
    <message>
        <source>Staged</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Staged (no user)</source>
        <translation>Ohne Benutzer</translation>
    </message>
    <message>
        <source>Managed</source>
        <translation>Verwaltet</translation>
    </message>
    <message>
        <source>Enrollment Pending</source>
        <translation>Registrierung ausstehend</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>The PostgreSQL server refused the password kept in the keychain (entry “%1”) for the store “%2”. Store the right one with: mdm-console --db URI store-password</source>
        <translation>Der PostgreSQL-Server hat das im Schlüsselbund abgelegte Passwort (Eintrag „%1“) für den Datenspeicher „%2“ abgelehnt. Speichern Sie das richtige mit: mdm-console --db URI store-password</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MDM Enrollment Console</source>
        <translation>MDM Enrollment Console</translation>
    </message>
    <message>
        <source>Cannot open the store</source>
        <translation>Datenspeicher kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Password not remembered</source>
        <translation>Passwort nicht gemerkt</translation>
    </message>
    <message>
        <source>The store is open, but its password could not be kept in the keychain: %1</source>
        <translation>Der Datenspeicher ist geöffnet, aber sein Passwort konnte nicht im Schlüsselbund abgelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>mdm::ActionController</name>
    <message>
        <source>%1: done for %2.</source>
        <translation>%1: erledigt für %2.</translation>
    </message>
    <message>
        <source>Send another invitation?</source>
        <translation>Weitere Einladung senden?</translation>
    </message>
    <message>
        <source>Send the invitation anyway?</source>
        <translation>Einladung trotzdem senden?</translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Send enrollment invite</source>
        <translation>Registrierungseinladung senden</translation>
    </message>
    <message>
        <source>Send enrollment invites</source>
        <translation>Registrierungseinladungen senden</translation>
    </message>
    <message>
        <source>Assign staged devices</source>
        <translation>Bereitgestellte Geräte zuweisen</translation>
    </message>
    <message>
        <source>Re-assign user</source>
        <translation>Benutzer neu zuweisen</translation>
    </message>
    <message>
        <source>Resend enrollment invite</source>
        <translation>Registrierungseinladung erneut senden</translation>
    </message>
    <message>
        <source>No invitation has expired.</source>
        <translation>Keine Einladung ist abgelaufen.</translation>
    </message>
    <message>
        <source>Resend expired invitations</source>
        <translation>Abgelaufene Einladungen erneut senden</translation>
    </message>
    <message numerus="yes">
        <source>Resend %Ln Invitation(s)</source>
        <translation>
            <numerusform>%Ln Einladung erneut senden</numerusform>
            <numerusform>%Ln Einladungen erneut senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove enrollment requests</source>
        <translation>Registrierungsanfragen entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln Request(s)</source>
        <translation>
            <numerusform>%Ln Anfrage entfernen</numerusform>
            <numerusform>%Ln Anfragen entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove request</source>
        <translation>Anfrage entfernen</translation>
    </message>
    <message>
        <source>Remove staged devices</source>
        <translation>Bereitgestellte Geräte entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln Device(s)</source>
        <translation>
            <numerusform>%Ln Gerät entfernen</numerusform>
            <numerusform>%Ln Geräte entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove staged device</source>
        <translation>Bereitgestelltes Gerät entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1.</source>
        <translation>
            <numerusform>%Ln Datensatz nach %1 exportiert.</numerusform>
            <numerusform>%Ln Datensätze nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Importing staged devices…</source>
        <translation>Bereitgestellte Geräte werden importiert…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>“%1” is the console&apos;s own store, not a CSV file.</source>
        <translation>„%1“ ist der Datenspeicher der Konsole selbst, keine CSV-Datei.</translation>
    </message>
    <message>
        <source>“%1” is still running. Try again when it has finished.</source>
        <translation>„%1“ läuft noch. Versuchen Sie es erneut, wenn die Aktion abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Resend enrollment invitations</source>
        <translation>Einladungen erneut senden</translation>
    </message>
    <message numerus="yes">
        <source>Resend %Ln enrollment invitation(s)? A new link, valid for 7 days, replaces any link sent before.</source>
        <translation>
            <numerusform>%Ln Registrierungseinladung erneut senden? Ein neuer Link, der 7 Tage gültig ist, ersetzt jeden zuvor gesendeten Link.</numerusform>
            <numerusform>%Ln Registrierungseinladungen erneut senden? Neue Links, die 7 Tage gültig sind, ersetzen alle zuvor gesendeten Links.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resend %Ln expired invitation(s)? A new link, valid for 7 days, replaces the expired one.</source>
        <translation>
            <numerusform>%Ln abgelaufene Einladung erneut senden? Ein neuer Link, der 7 Tage gültig ist, ersetzt den abgelaufenen.</numerusform>
            <numerusform>%Ln abgelaufene Einladungen erneut senden? Neue Links, die 7 Tage gültig sind, ersetzen die abgelaufenen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln enrollment request(s) from the Enrollment Pending tab? Invitation links already sent stop working at once.</source>
        <translation>
            <numerusform>%Ln Registrierungsanfrage von der Registerkarte „Registrierung ausstehend“ entfernen? Bereits gesendete Einladungslinks funktionieren sofort nicht mehr.</numerusform>
            <numerusform>%Ln Registrierungsanfragen von der Registerkarte „Registrierung ausstehend“ entfernen? Bereits gesendete Einladungslinks funktionieren sofort nicht mehr.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln staged device(s)? A removed device is no longer prepared for enrollment.</source>
        <translation>
            <numerusform>%Ln bereitgestelltes Gerät entfernen? Ein entferntes Gerät ist nicht mehr für die Registrierung vorbereitet.</numerusform>
            <numerusform>%Ln bereitgestellte Geräte entfernen? Entfernte Geräte sind nicht mehr für die Registrierung vorbereitet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln record(s)…</source>
        <translation>
            <numerusform>%Ln Datensatz wird exportiert…</numerusform>
            <numerusform>%Ln Datensätze werden exportiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln staged device(s).</source>
        <translation>
            <numerusform>%Ln bereitgestelltes Gerät importiert.</numerusform>
            <numerusform>%Ln bereitgestellte Geräte importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %Ln row(s).</source>
        <translation>
            <numerusform>%Ln Zeile übersprungen.</numerusform>
            <numerusform>%Ln Zeilen übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log could not record it: %1</source>
        <translation>Das Prüfprotokoll konnte den Export nicht aufzeichnen: %1</translation>
    </message>
</context>
<context>
    <name>mdm::ActionRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>mdm::AssignDialog</name>
    <message>
        <source>An &amp;existing user:</source>
        <translation>&amp;Vorhandener Benutzer:</translation>
    </message>
    <message>
        <source>A &amp;new user:</source>
        <translation>&amp;Neuer Benutzer:</translation>
    </message>
    <message>
        <source>Keep the user; change the group only</source>
        <translation>Benutzer behalten; nur die Gruppe ändern</translation>
    </message>
    <message>
        <source>Re-Assign User</source>
        <translation>Benutzer neu zuweisen</translation>
    </message>
    <message>
        <source>Assign / Re-Enroll Staged Devices</source>
        <translation>Bereitgestellte Geräte zuweisen / neu registrieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) will change hands. The new user receives the access, settings and configurations of their role.</source>
        <translation>
            <numerusform>%Ln Gerät wechselt den Besitzer. Der neue Benutzer erhält die Zugriffsrechte, Einstellungen und Konfigurationen seiner Rolle.</numerusform>
            <numerusform>%Ln Geräte wechseln den Besitzer. Der neue Benutzer erhält die Zugriffsrechte, Einstellungen und Konfigurationen seiner Rolle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln staged device(s) will be assigned.</source>
        <translation>
            <numerusform>%Ln bereitgestelltes Gerät wird zugewiesen.</numerusform>
            <numerusform>%Ln bereitgestellte Geräte werden zugewiesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search users by name or email…</source>
        <translation>Benutzer nach Name oder E-Mail suchen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Keep each device&apos;s group</source>
        <translation>Gruppe jedes Geräts beibehalten</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Zuweisen an</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>Re-&amp;Assign</source>
        <translation>Neu &amp;zuweisen</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>Send the user an enrollment invitation for each device</source>
        <translation>Dem Benutzer für jedes Gerät eine Registrierungseinladung senden</translation>
    </message>
    <message>
        <source>Choose a user from the list.</source>
        <translation>Wählen Sie einen Benutzer aus der Liste.</translation>
    </message>
    <message>
        <source>Enter the new user&apos;s name and email.</source>
        <translation>Geben Sie Name und E-Mail-Adresse des neuen Benutzers ein.</translation>
    </message>
    <message>
        <source>Choose the group.</source>
        <translation>Wählen Sie die Gruppe.</translation>
    </message>
    <message>
        <source>An invitation needs a user.</source>
        <translation>Für eine Einladung wird ein Benutzer benötigt.</translation>
    </message>
    <message>
        <source>no user</source>
        <translation>kein Benutzer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — now used by %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — derzeit verwendet von %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln device(s)&lt;/b&gt;, now used by:</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln Gerät&lt;/b&gt;, derzeit verwendet von:</numerusform>
            <numerusform>&lt;b&gt;%Ln Geräte&lt;/b&gt;, derzeit verwendet von:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln staged device(s)&lt;/b&gt;, now assigned to:</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln bereitgestelltes Gerät&lt;/b&gt;, derzeit zugewiesen an:</numerusform>
            <numerusform>&lt;b&gt;%Ln bereitgestellte Geräte&lt;/b&gt;, derzeit zugewiesen an:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>The device keeps its user; only its group changes.</source>
        <translation>Das Gerät behält seinen Benutzer; nur seine Gruppe ändert sich.</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln devices keep their users; only their group changes.</source>
        <translation>
            <numerusform>%Ln Gerät behält seinen Benutzer; nur seine Gruppe ändert sich.</numerusform>
            <numerusform>Die %Ln Geräte behalten ihre Benutzer; nur ihre Gruppe ändert sich.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is an existing user; the devices go to them.</source>
        <translation>%1 ist ein vorhandener Benutzer; die Geräte werden diesem Benutzer zugewiesen.</translation>
    </message>
    <message>
        <source>%1 is already the email of %2. The devices go to %2; the name “%3” is not used.</source>
        <translation>%1 ist bereits die E-Mail-Adresse von %2. Die Geräte werden %2 zugewiesen; der Name „%3“ wird nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>mdm::AuditLogModel</name>
    <message>
        <source> … (%1 in all)</source>
        <translation> … (insgesamt %1)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
</context>
<context>
    <name>mdm::AuditLogWindow</name>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Search who, what, which records…</source>
        <translation>Nach Benutzer, Aktion, Datensätzen suchen…</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%1 von %2 Einträgen</translation>
    </message>
    <message>
        <source> (newest %1 shown)</source>
        <translation> (neueste %1 angezeigt)</translation>
    </message>
</context>
<context>
    <name>mdm::ConsoleActions</name>
    <message>
        <source>&amp;Send Enrollment Invite…</source>
        <translation>Einladung &amp;senden…</translation>
    </message>
    <message>
        <source>Send Invites from &amp;CSV…</source>
        <translation>Einladungen aus &amp;CSV senden…</translation>
    </message>
    <message>
        <source>&amp;Import Staged Devices…</source>
        <translation>Geräte &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Mail Server Settings…</source>
        <translation>&amp;Mailserver-Einstellungen…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Store</source>
        <translation>&amp;Demo-Datenspeicher öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>C&amp;lear Search and Filters</source>
        <translation>Suche und Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Details &amp;Pane</source>
        <translation>Details&amp;bereich</translation>
    </message>
    <message>
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <source>&amp;Audit Log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Enroll &amp;Additional Device…</source>
        <translation>&amp;Weiteres Gerät registrieren…</translation>
    </message>
    <message>
        <source>Re-&amp;Assign User…</source>
        <translation>Benutzer neu &amp;zuweisen…</translation>
    </message>
    <message>
        <source>&amp;Resend Enrollment Invite</source>
        <translation>Einladung &amp;erneut senden</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Resend All &amp;Expired Invites…</source>
        <translation>Alle a&amp;bgelaufenen Einladungen erneut senden…</translation>
    </message>
    <message>
        <source>Re&amp;move Request…</source>
        <translation>Anfrage ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Enrollment &amp;Steps…</source>
        <translation>Registrierungsschri&amp;tte…</translation>
    </message>
    <message>
        <source>Re&amp;move Staged Device…</source>
        <translation>Bereitgestelltes Gerät entfer&amp;nen…</translation>
    </message>
    <message>
        <source>Assign / Re-&amp;Enroll…</source>
        <translation>Zuweisen / neu &amp;registrieren…</translation>
    </message>
    <message>
        <source>&amp;Help Contents</source>
        <translation>Hilfe&amp;inhalt</translation>
    </message>
    <message>
        <source>&amp;Troubleshooting</source>
        <translation>&amp;Fehlerbehebung</translation>
    </message>
    <message>
        <source>&amp;How-To</source>
        <translation>&amp;Anleitungen</translation>
    </message>
    <message>
        <source>&amp;FAQ</source>
        <translation>&amp;Häufige Fragen (FAQ)</translation>
    </message>
    <message>
        <source>&amp;About MDM Enrollment Console</source>
        <translation>Ü&amp;ber MDM Enrollment Console</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export %Ln Selected…</source>
        <translation>
            <numerusform>&amp;Exportieren (%Ln)…</numerusform>
            <numerusform>&amp;Exportieren (%Ln)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-&amp;Assign %Ln Devices…</source>
        <translation>
            <numerusform>%Ln Gerät neu &amp;zuweisen…</numerusform>
            <numerusform>%Ln Geräte neu &amp;zuweisen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deprovision %Ln Devices…</source>
        <translation>
            <numerusform>%Ln Gerät &amp;außer Betrieb nehmen…</numerusform>
            <numerusform>%Ln Geräte &amp;außer Betrieb nehmen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Resend %Ln Invitations…</source>
        <translation>
            <numerusform>%Ln Einladung &amp;erneut senden…</numerusform>
            <numerusform>%Ln Einladungen &amp;erneut senden…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;move %Ln Requests…</source>
        <translation>
            <numerusform>%Ln Anfrage ent&amp;fernen…</numerusform>
            <numerusform>%Ln Anfragen ent&amp;fernen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;move %Ln Staged Devices…</source>
        <translation>
            <numerusform>%Ln bereitgestelltes Gerät entfer&amp;nen…</numerusform>
            <numerusform>%Ln bereitgestellte Geräte entfer&amp;nen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign / Re-&amp;Enroll %Ln Devices…</source>
        <translation>
            <numerusform>%Ln Gerät zuweisen / neu &amp;registrieren…</numerusform>
            <numerusform>%Ln Geräte zuweisen / neu &amp;registrieren…</numerusform>
        </translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Re-Assign</source>
        <translation>Neu zuweisen</translation>
    </message>
    <message>
        <source>Deprovision</source>
        <translation>Außer Betrieb nehmen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&amp;Deprovision…</source>
        <translation>&amp;Außer Betrieb nehmen…</translation>
    </message>
    <message>
        <source>Enrollment &amp;Gateway…</source>
        <translation>Registrierungs-&amp;Gateway…</translation>
    </message>
    <message>
        <source>Your database role may only read this store (viewer): ask an admin.</source>
        <translation>Ihre Datenbankrolle darf diesen Datenspeicher nur lesen (viewer): Wenden Sie sich an einen Administrator.</translation>
    </message>
</context>
<context>
    <name>mdm::CsvPreviewDialog</name>
    <message>
        <source>Type or paste the path of a CSV file, or choose one…</source>
        <translation>Pfad einer CSV-Datei eingeben oder einfügen oder eine Datei auswählen…</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>Datei &amp;auswählen…</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a CSV file.</source>
        <translation>Wählen Sie eine CSV-Datei aus.</translation>
    </message>
    <message>
        <source>%1 rows: %2 valid, %3 with problems.</source>
        <translation>%1 Zeilen: %2 gültig, %3 mit Problemen.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>…and %1 more (see the Check column).</source>
        <translation>…und %1 weitere (siehe Spalte „Prüfung“).</translation>
    </message>
</context>
<context>
    <name>mdm::DeprovisionDialog</name>
    <message>
        <source>&amp;Revoke MDM</source>
        <translation>&amp;MDM widerrufen</translation>
    </message>
    <message>
        <source>&amp;Factory reset device</source>
        <translation>Gerät auf &amp;Werkseinstellungen zurücksetzen</translation>
    </message>
    <message>
        <source>Remove &lt;b&gt;%1&lt;/b&gt; (%2) from management.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) aus der Verwaltung entfernen.</translation>
    </message>
    <message numerus="yes">
        <source>Remove &lt;b&gt;%Ln device(s)&lt;/b&gt; from management.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln Gerät&lt;/b&gt; aus der Verwaltung entfernen.</numerusform>
            <numerusform>&lt;b&gt;%Ln Geräte&lt;/b&gt; aus der Verwaltung entfernen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removes the management profile and erases corporate data and configurations. The device keeps its current state, including personal data.</source>
        <translation>Entfernt das Verwaltungsprofil und löscht die Daten und Konfigurationen des Unternehmens. Das Gerät behält seinen aktuellen Zustand einschließlich persönlicher Daten.</translation>
    </message>
    <message>
        <source>Erases everything — data, apps and settings, including those from MDM — and returns the device to its original state. For devices being retired or repurposed.</source>
        <translation>Löscht alles – Daten, Apps und Einstellungen, auch die aus dem MDM – und versetzt das Gerät in den Auslieferungszustand. Für Geräte, die ausgemustert oder neu eingesetzt werden.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>To confirm, type the device name &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung den Gerätenamen &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>To confirm, type the number of devices, &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung die Anzahl der Geräte ein, &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message numerus="yes">
        <source>Factory Reset %Ln Devices</source>
        <translation>
            <numerusform>%Ln Gerät auf Werkseinstellungen zurücksetzen</numerusform>
            <numerusform>%Ln Geräte auf Werkseinstellungen zurücksetzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Factory Reset</source>
        <translation>Auf Werkseinstellungen zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>Revoke MDM on %Ln Devices</source>
        <translation>
            <numerusform>MDM auf %Ln Gerät widerrufen</numerusform>
            <numerusform>MDM auf %Ln Geräten widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke MDM</source>
        <translation>MDM widerrufen</translation>
    </message>
    <message>
        <source>Android: the device is reset to factory settings; Factory Reset Protection may ask for the last Google account.</source>
        <translation>Android: Das Gerät wird auf die Werkseinstellungen zurückgesetzt; der Schutz für zurückgesetzte Geräte (FRP) fragt möglicherweise nach dem letzten Google-Konto.</translation>
    </message>
    <message>
        <source>Android: the work profile (or the fully managed setup) and its apps and data are removed.</source>
        <translation>Android: Das Arbeitsprofil (bzw. die vollständig verwaltete Einrichtung) wird mit seinen Apps und Daten entfernt.</translation>
    </message>
    <message>
        <source>iOS/iPadOS: the device is erased; Activation Lock may need the Apple ID or a bypass code.</source>
        <translation>iOS/iPadOS: Das Gerät wird gelöscht; für die Aktivierungssperre werden möglicherweise die Apple-ID oder ein Umgehungscode benötigt.</translation>
    </message>
    <message>
        <source>iOS/iPadOS: the management profile, managed apps and their data are removed.</source>
        <translation>iOS/iPadOS: Das Verwaltungsprofil, die verwalteten Apps und deren Daten werden entfernt.</translation>
    </message>
    <message>
        <source>macOS: the Mac is erased; on Apple silicon it restarts into Recovery.</source>
        <translation>macOS: Der Mac wird gelöscht; auf Apple Silicon startet er in die Wiederherstellung neu.</translation>
    </message>
    <message>
        <source>macOS: the management profile and the settings it installed are removed.</source>
        <translation>macOS: Das Verwaltungsprofil und die von ihm installierten Einstellungen werden entfernt.</translation>
    </message>
    <message>
        <source>Windows: the PC is reset and the user&apos;s files are removed.</source>
        <translation>Windows: Der PC wird zurückgesetzt und die Dateien des Benutzers werden entfernt.</translation>
    </message>
    <message>
        <source>Windows: the device leaves management; corporate policies and apps are removed.</source>
        <translation>Windows: Das Gerät verlässt die Verwaltung; Richtlinien und Apps des Unternehmens werden entfernt.</translation>
    </message>
    <message>
        <source>Other devices: the reset depends on the device&apos;s own management agent.</source>
        <translation>Andere Geräte: Das Zurücksetzen hängt vom eigenen Verwaltungsagenten des Geräts ab.</translation>
    </message>
    <message>
        <source>Other devices: the management agent is told to unenroll.</source>
        <translation>Andere Geräte: Der Verwaltungsagent wird angewiesen, die Registrierung aufzuheben.</translation>
    </message>
    <message>
        <source>Deprovision: Factory Reset</source>
        <translation>Außer Betrieb nehmen: Auf Werkseinstellungen zurücksetzen</translation>
    </message>
    <message>
        <source>Deprovision: Revoke MDM</source>
        <translation>Außer Betrieb nehmen: MDM widerrufen</translation>
    </message>
</context>
<context>
    <name>mdm::DetailsPane</name>
    <message>
        <source>Select a row to see every field and its history.</source>
        <translation>Wählen Sie eine Zeile aus, um alle Felder und ihren Verlauf zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) selected.</source>
        <translation>
            <numerusform>%Ln Datensatz ausgewählt.</numerusform>
            <numerusform>%Ln Datensätze ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>No recorded actions yet.</source>
        <translation>Noch keine Aktionen aufgezeichnet.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Select a single row to see every field and its history.</source>
        <translation>Wählen Sie eine einzelne Zeile aus, um alle Felder und ihren Verlauf zu sehen.</translation>
    </message>
</context>
<context>
    <name>mdm::DeviceTabView</name>
    <message>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>Search user name or email… (Ctrl+F)</source>
        <translation>Benutzername oder E-Mail suchen… (Strg+F)</translation>
    </message>
    <message>
        <source>Search name, user, email, serial, IMEI… (Ctrl+F)</source>
        <translation>Name, Benutzer, E-Mail, Seriennr., IMEI suchen… (Strg+F)</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Alle Plattformen</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Show only invitations whose 7-day validity has passed</source>
        <translation>Nur Einladungen anzeigen, deren 7-tägige Gültigkeit abgelaufen ist</translation>
    </message>
    <message>
        <source>Expiring within 48 h</source>
        <translation>Läuft in 48 h ab</translation>
    </message>
    <message>
        <source>Show only valid invitations that expire within the next 48 hours</source>
        <translation>Nur gültige Einladungen anzeigen, die in den nächsten 48 Stunden ablaufen</translation>
    </message>
    <message>
        <source>Clear search and filters (Ctrl+Shift+L)</source>
        <translation>Suche und Filter zurücksetzen (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Send Enrollment Invite…</source>
        <translation>Registrierungseinladung senden…</translation>
    </message>
    <message>
        <source>Import Staged Devices…</source>
        <translation>Bereitgestellte Geräte importieren…</translation>
    </message>
    <message>
        <source>Try the Demo Store</source>
        <translation>Demo-Datenspeicher ausprobieren</translation>
    </message>
    <message>
        <source>Clear Search and Filters</source>
        <translation>Suche und Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Nothing matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>No record matches the search and filters; %Ln in this tab in all.</source>
        <translation>
            <numerusform>Kein Datensatz entspricht der Suche und den Filtern; auf dieser Registerkarte gibt es insgesamt %Ln Datensatz.</numerusform>
            <numerusform>Kein Datensatz entspricht der Suche und den Filtern; auf dieser Registerkarte gibt es insgesamt %Ln Datensätze.</numerusform>
        </translation>
    </message>
    <message>
        <source>No managed devices yet</source>
        <translation>Noch keine verwalteten Geräte</translation>
    </message>
    <message>
        <source>Devices appear here when users complete enrollment. Send an enrollment invite to get started, or try the demo store to explore the console.</source>
        <translation>Geräte erscheinen hier, sobald Benutzer die Registrierung abgeschlossen haben. Senden Sie zum Einstieg eine Registrierungseinladung, oder probieren Sie den Demo-Datenspeicher aus, um die Konsole kennenzulernen.</translation>
    </message>
    <message>
        <source>No staged devices</source>
        <translation>Keine bereitgestellten Geräte</translation>
    </message>
    <message>
        <source>Import a CSV list of devices (serial number or IMEI, platform) to prepare them for enrollment in bulk.</source>
        <translation>Importieren Sie eine CSV-Liste von Geräten (Seriennummer oder IMEI, Plattform), um sie gesammelt für die Registrierung vorzubereiten.</translation>
    </message>
    <message>
        <source>No pending invitations</source>
        <translation>Keine ausstehenden Einladungen</translation>
    </message>
    <message>
        <source>An enrollment invite waits here until the user enrolls the device. Invitations are valid for 7 days.</source>
        <translation>Eine Registrierungseinladung wartet hier, bis der Benutzer das Gerät registriert. Einladungen sind 7 Tage gültig.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>%1: the store could not be read: %2</source>
        <translation>%1: Der Datenspeicher konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The store could not be read</source>
        <translation>Der Datenspeicher konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1

The records of this tab cannot be shown until the store can be read again. Reload to try again.</source>
        <translation>%1

Die Datensätze dieses Tabs können erst angezeigt werden, wenn der Datenspeicher wieder gelesen werden kann. Laden Sie neu, um es erneut zu versuchen.</translation>
    </message>
</context>
<context>
    <name>mdm::EnrollmentStepsDialog</name>
    <message>
        <source>Enrollment Steps — %1</source>
        <translation>Registrierungsschritte — %1</translation>
    </message>
    <message>
        <source>The link was emailed; only its fingerprint is kept here. Resend the invitation to issue a new link.</source>
        <translation>Der Link wurde per E-Mail versendet; hier wird nur sein Fingerabdruck gespeichert. Senden Sie die Einladung erneut, um einen neuen Link auszustellen.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Besitz</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Zuletzt gesendet</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Resent</source>
        <translation>Erneut gesendet</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Enrollment link</source>
        <translation>Registrierungslink</translation>
    </message>
    <message>
        <source>This invitation has expired: the link no longer works. Resend it to give the user a new link valid for 7 days.</source>
        <translation>Diese Einladung ist abgelaufen: Der Link funktioniert nicht mehr. Senden Sie sie erneut, um dem Benutzer einen neuen Link zu geben, der 7 Tage gültig ist.</translation>
    </message>
    <message>
        <source>&amp;Resend Invite</source>
        <translation>Einladung &amp;erneut senden</translation>
    </message>
    <message>
        <source>This invitation has been used: the device is enrolled and no longer pending.</source>
        <translation>Diese Einladung wurde verwendet: Das Gerät ist registriert und nicht mehr ausstehend.</translation>
    </message>
    <message>
        <source>This enrollment request has been removed; its link no longer works.</source>
        <translation>Diese Registrierungsanfrage wurde entfernt; ihr Link funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>QR code of the enrollment link</source>
        <translation>QR-Code des Registrierungslinks</translation>
    </message>
    <message>
        <source>Scan with the device&apos;s camera to open the enrollment link.</source>
        <translation>Mit der Kamera des Geräts scannen, um den Registrierungslink zu öffnen.</translation>
    </message>
</context>
<context>
    <name>mdm::ExportDialog</name>
    <message>
        <source>Excel compatible (UTF-8 with a byte-order mark)</source>
        <translation>Excel-kompatibel (UTF-8 mit Byte-Order-Mark)</translation>
    </message>
    <message>
        <source>Protect against spreadsheet formulas (recommended)</source>
        <translation>Vor Tabellenkalkulationsformeln schützen (empfohlen)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>„%1“ exportieren</translation>
    </message>
    <message>
        <source>&amp;All records (%1)</source>
        <translation>&amp;Alle Datensätze (%1)</translation>
    </message>
    <message>
        <source>The records the search and filters &amp;show (%1)</source>
        <translation>Von Suche und Filtern an&amp;gezeigte Datensätze (%1)</translation>
    </message>
    <message>
        <source>The s&amp;elected records (%1)</source>
        <translation>Au&amp;sgewählte Datensätze (%1)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Columns, as on screen: %1</source>
        <translation>Spalten wie auf dem Bildschirm: %1</translation>
    </message>
    <message>
        <source>Cells that begin with = + - @ get a leading apostrophe, so a spreadsheet shows them as text instead of running them. Turn off only for programs that read the file.</source>
        <translation>Zellen, die mit = + - @ beginnen, erhalten einen vorangestellten Apostroph, damit eine Tabellenkalkulation sie als Text anzeigt, statt sie auszuführen. Nur für Programme ausschalten, die die Datei maschinell einlesen.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>mdm::GatewayController</name>
    <message>
        <source>gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>A gateway already serves this store at %1. Stop it first, or use that one.</source>
        <translation>Für diesen Datenspeicher läuft bereits ein Gateway unter %1. Beenden Sie es zuerst, oder verwenden Sie dieses.</translation>
    </message>
    <message>
        <source>Could not start the gateway: %1</source>
        <translation>Das Gateway konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Enrollment gateway</source>
        <translation>Registrierungs-Gateway</translation>
    </message>
    <message>
        <source>This window runs the enrollment gateway. Closing it stops the gateway: devices cannot enroll or check in until a gateway runs again.</source>
        <translation>Dieses Fenster betreibt das Registrierungs-Gateway. Wenn Sie es schließen, wird das Gateway beendet: Geräte können sich erst wieder registrieren oder einchecken, wenn wieder ein Gateway läuft.</translation>
    </message>
    <message>
        <source>Stop Gateway and Close</source>
        <translation>Gateway beenden und schließen</translation>
    </message>
    <message>
        <source>The enrollment gateway stopped unexpectedly. %1</source>
        <translation>Das Registrierungs-Gateway wurde unerwartet beendet. %1</translation>
    </message>
    <message>
        <source>The enrollment gateway stopped (exit code %1). %2</source>
        <translation>Das Registrierungs-Gateway wurde beendet (Exit-Code %1). %2</translation>
    </message>
</context>
<context>
    <name>mdm::GatewayDialog</name>
    <message>
        <source>Plain &amp;HTTP without TLS (a trial on this machine only)</source>
        <translation>Unverschlüsseltes &amp;HTTP ohne TLS (nur zum Testen auf diesem Computer)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Enrollment Gateway</source>
        <translation>Registrierungs-Gateway</translation>
    </message>
    <message>
        <source>Devices open their invitation link, enroll and check in through the enrollment gateway. On a server, run &lt;code&gt;mdm-console serve&lt;/code&gt; there; for a one-machine setup this window can run it.</source>
        <translation>Geräte öffnen ihren Einladungslink, registrieren sich und checken über das Registrierungs-Gateway ein. Führen Sie auf einem Server dort &lt;code&gt;mdm-console serve&lt;/code&gt; aus; bei einer Einrichtung auf nur einem Computer kann dieses Fenster das Gateway betreiben.</translation>
    </message>
    <message>
        <source>e.g. 0.0.0.0:443</source>
        <translation>z. B. 0.0.0.0:443</translation>
    </message>
    <message>
        <source>Empty: the mail settings&apos; link base</source>
        <translation>Leer: die URL aus den Mailserver-Einstellungen</translation>
    </message>
    <message>
        <source>PEM file, e.g. /etc/ssl/mdm.pem</source>
        <translation>PEM-Datei, z. B. /etc/ssl/mdm.pem</translation>
    </message>
    <message>
        <source>PEM file of its private key</source>
        <translation>PEM-Datei des privaten Schlüssels</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Gateway log</source>
        <translation>Gateway-Protokoll</translation>
    </message>
    <message>
        <source>The log of a gateway started here shows here: one line per request.</source>
        <translation>Hier erscheint das Protokoll eines hier gestarteten Gateways: eine Zeile pro Anfrage.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Lauschen auf:</translation>
    </message>
    <message>
        <source>&amp;Public URL:</source>
        <translation>Öffentliche &amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Gateway certificate</source>
        <translation>Gateway-Zertifikat</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt)</source>
        <translation>PEM-Dateien (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>&amp;Privater Schlüssel:</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key)</source>
        <translation>PEM-Dateien (*.pem *.key)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <source>%1 (run by this window)</source>
        <translation>%1 (von diesem Fenster betrieben)</translation>
    </message>
    <message>
        <source>&amp;Log of the gateway run by this window:</source>
        <translation>Pr&amp;otokoll des von diesem Fenster gestarteten Gateways:</translation>
    </message>
    <message>
        <source>Last request: %1 · started: %2</source>
        <translation>Letzte Anfrage: %1 · gestartet: %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
</context>
<context>
    <name>mdm::HelpBrowser</name>
    <message>
        <source>Help — MDM Enrollment Console</source>
        <translation>Hilfe — MDM Enrollment Console</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
</context>
<context>
    <name>mdm::ImportDialog</name>
    <message>
        <source>Import Staged Devices</source>
        <translation>Bereitgestellte Geräte importieren</translation>
    </message>
    <message>
        <source>A CSV file with a header line. Each device needs a platform and a serial number or an IMEI; device name, user name, email and group are optional. Nothing is imported until every row is valid, unless you choose to import only the valid rows.</source>
        <translation>Eine CSV-Datei mit Kopfzeile. Jedes Gerät braucht eine Plattform und eine Seriennummer oder IMEI; Gerätename, Benutzername, E-Mail und Gruppe sind optional. Es wird erst importiert, wenn jede Zeile gültig ist – es sei denn, Sie importieren nur die gültigen Zeilen.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import staged devices</source>
        <translation>Bereitgestellte Geräte importieren</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln Device(s)</source>
        <translation>
            <numerusform>%Ln Gerät &amp;importieren</numerusform>
            <numerusform>%Ln Geräte &amp;importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import Only the %Ln &amp;Valid Row(s)</source>
        <translation>
            <numerusform>Nur die %Ln &amp;gültige Zeile importieren</numerusform>
            <numerusform>Nur die %Ln &amp;gültigen Zeilen importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdm::ImportPreviewModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>OK — %1</source>
        <translation>OK — %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>mdm::InviteCsvDialog</name>
    <message>
        <source>Send Invites from CSV</source>
        <translation>Einladungen aus CSV senden</translation>
    </message>
    <message>
        <source>A bulk-enrollment CSV with a header line: EMAIL_ADDRESS and PLATFORM_TYPE, and optionally OWNED_BY, GROUP_NAME and USER_NAME. An address that already has an open invitation or an enrolled device for the platform is not invited again. Nothing is sent until every row is valid, unless you choose to send only the valid rows.</source>
        <translation>Eine CSV-Datei zur Massenregistrierung mit Kopfzeile: EMAIL_ADDRESS und PLATFORM_TYPE, optional OWNED_BY, GROUP_NAME und USER_NAME. Eine Adresse, die für die Plattform bereits eine ausstehende Einladung oder ein registriertes Gerät hat, wird nicht erneut eingeladen. Es wird erst gesendet, wenn jede Zeile gültig ist – es sei denn, Sie senden nur die gültigen Zeilen.</translation>
    </message>
    <message>
        <source>Send invites from CSV</source>
        <translation>Einladungen aus CSV senden</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln Invitation(s)</source>
        <translation>
            <numerusform>%Ln Einladung &amp;senden</numerusform>
            <numerusform>%Ln Einladungen &amp;senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send Only the %Ln &amp;Valid Row(s)</source>
        <translation>
            <numerusform>Nur die %Ln &amp;gültige Zeile senden</numerusform>
            <numerusform>Nur die %Ln &amp;gültigen Zeilen senden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdm::InviteDialog</name>
    <message>
        <source>Corporate-owned</source>
        <translation>Unternehmenseigen</translation>
    </message>
    <message>
        <source>Personal (BYOD)</source>
        <translation>Persönlich (BYOD)</translation>
    </message>
    <message>
        <source>Send Enrollment Invite</source>
        <translation>Registrierungseinladung senden</translation>
    </message>
    <message>
        <source>e.g. Ana Silva</source>
        <translation>z. B. Ana Silva</translation>
    </message>
    <message>
        <source>e.g. ana.silva@example.com</source>
        <translation>z. B. ana.silva@example.com</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>Keine Gruppe</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>Ownership:</source>
        <translation>Besitz:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>The user receives an email with a link to enroll the device. The link is valid for 7 days; you can resend it from the Enrollment Pending tab.</source>
        <translation>Der Benutzer erhält eine E-Mail mit einem Link zum Registrieren des Geräts. Der Link ist 7 Tage gültig; Sie können ihn auf der Registerkarte „Registrierung ausstehend“ erneut senden.</translation>
    </message>
    <message>
        <source>&amp;Send Invite</source>
        <translation>Einladung &amp;senden</translation>
    </message>
    <message>
        <source>Enroll Additional Device</source>
        <translation>Weiteres Gerät registrieren</translation>
    </message>
</context>
<context>
    <name>mdm::InvitePreviewModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>OK — %1</source>
        <translation>OK — %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation>Besitz</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>mdm::MailController</name>
    <message>
        <source>Mail server password</source>
        <translation>Mailserver-Passwort</translation>
    </message>
    <message>
        <source>No system keychain is available, so the password for %1 on %2 is not remembered. Enter it for this session:</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher wird das Passwort für %1 auf %2 nicht gespeichert. Geben Sie es für diese Sitzung ein:</translation>
    </message>
    <message>
        <source>MDM Enrollment Console: test email</source>
        <translation>MDM Enrollment Console: Test-E-Mail</translation>
    </message>
    <message>
        <source>This test email from the MDM Enrollment Console was sent at %1.</source>
        <translation>Diese Test-E-Mail der MDM Enrollment Console wurde am %1 gesendet.</translation>
    </message>
    <message>
        <source>mail server: not set up</source>
        <translation>Mailserver: nicht eingerichtet</translation>
    </message>
    <message>
        <source>mail server: %1</source>
        <translation>Mailserver: %1</translation>
    </message>
    <message>
        <source>outbox: %1 queued, %2 failed · %3</source>
        <translation>Postausgang: %1 wartend, %2 fehlgeschlagen · %3</translation>
    </message>
    <message>
        <source>Test email to %1 accepted by the server: %2</source>
        <translation>Test-E-Mail an %1 vom Server angenommen: %2</translation>
    </message>
    <message>
        <source>The test email to %1 was not accepted: %2</source>
        <translation>Die Test-E-Mail an %1 wurde nicht angenommen: %2</translation>
    </message>
</context>
<context>
    <name>mdm::MailSettingsDialog</name>
    <message>
        <source>Mail Server Settings</source>
        <translation>Mailserver-Einstellungen</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>z. B. smtp.example.com</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (meist Port 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS von Anfang an (meist Port 465)</translation>
    </message>
    <message>
        <source>None — only for a relay on this machine</source>
        <translation>Keine — nur für ein Relay auf diesem Computer</translation>
    </message>
    <message>
        <source>Leave empty when the relay needs no sign-in</source>
        <translation>Leer lassen, wenn das Relay keine Anmeldung benötigt</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the store</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie im Datenspeicher</translation>
    </message>
    <message>
        <source>e.g. it-enrollment@example.com</source>
        <translation>z. B. it-enrollment@example.com</translation>
    </message>
    <message>
        <source>e.g. IT Service Desk</source>
        <translation>z. B. IT-Servicedesk</translation>
    </message>
    <message>
        <source>Only for a relay with an internal certificate authority</source>
        <translation>Nur für ein Relay mit interner Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>Si&amp;cherheit:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation>Absender-&amp;E-Mail:</translation>
    </message>
    <message>
        <source>From &amp;name:</source>
        <translation>Absender&amp;name:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Send &amp;Test Email</source>
        <translation>&amp;Test-E-Mail senden</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Sending a test email to %1…</source>
        <translation>Test-E-Mail wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>Empty: the From address</source>
        <translation>Leer: an die Absender-E-Mail</translation>
    </message>
    <message>
        <source>Send test t&amp;o:</source>
        <translation>Test senden &amp;an:</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>Die Einstellungen wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>e.g. https://mdm.example.com</source>
        <translation>z. B. https://mdm.example.com</translation>
    </message>
    <message>
        <source>Public URL of the enrollment gateway</source>
        <translation>Öffentliche URL des Registrierungs-Gateways</translation>
    </message>
    <message>
        <source>The address at which devices reach the enrollment gateway. Invitation links read &lt;i&gt;public URL&lt;/i&gt;/enroll/&lt;i&gt;token&lt;/i&gt;.</source>
        <translation>Die Adresse, unter der Geräte das Registrierungs-Gateway erreichen. Einladungslinks lauten &lt;i&gt;öffentliche URL&lt;/i&gt;/enroll/&lt;i&gt;Token&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Gateway public &amp;URL:</source>
        <translation>Öffentliche Gateway-&amp;URL:</translation>
    </message>
</context>
<context>
    <name>mdm::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>A&amp;ktionen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Enrollment Steps</source>
        <translation>&amp;Registrierungsschritte</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>About MDM Enrollment Console</source>
        <translation>Über MDM Enrollment Console</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MDM Enrollment Console %1&lt;/h3&gt;&lt;p&gt;Manage device enrollment: managed devices, staged devices and pending enrollment invitations.&lt;/p&gt;&lt;p&gt;Store: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MDM Enrollment Console %1&lt;/h3&gt;&lt;p&gt;Geräteregistrierung verwalten: verwaltete Geräte, bereitgestellte Geräte und ausstehende Registrierungseinladungen.&lt;/p&gt;&lt;p&gt;Datenspeicher: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 selected of %2 shown (%3 total)</source>
        <translation>%1 von %2 angezeigten ausgewählt (%3 insgesamt)</translation>
    </message>
    <message>
        <source> · loading…</source>
        <translation> · wird geladen…</translation>
    </message>
    <message>
        <source>Demo store</source>
        <translation>Demo-Datenspeicher</translation>
    </message>
    <message>
        <source>This window already shows the demo store.</source>
        <translation>Dieses Fenster zeigt bereits den Demo-Datenspeicher.</translation>
    </message>
    <message>
        <source>Could not start a second console window.</source>
        <translation>Ein zweites Konsolenfenster konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Another program is writing to the store; changes show when it is done.</source>
        <translation>Ein anderes Programm schreibt gerade in den Datenspeicher; Änderungen erscheinen, sobald es fertig ist.</translation>
    </message>
    <message>
        <source>Changes made by other programs no longer show (press F5 to reload): %1</source>
        <translation>Änderungen anderer Programme werden nicht mehr angezeigt (F5 lädt neu): %1</translation>
    </message>
    <message>
        <source>Another program is writing to the store; the action waits for it and tries again.</source>
        <translation>Ein anderes Programm schreibt gerade in den Datenspeicher; die Aktion wartet darauf und versucht es dann erneut.</translation>
    </message>
    <message>
        <source>read-only (viewer)</source>
        <translation>nur lesend (viewer)</translation>
    </message>
</context>
<context>
    <name>mdm::OutboxDispatcher</name>
    <message>
        <source>No mail server is set up (File ▸ Mail Server Settings).</source>
        <translation>Es ist kein Mailserver eingerichtet (Datei ▸ Mailserver-Einstellungen).</translation>
    </message>
    <message>
        <source>Another console or deliver command is sending this store&apos;s mail right now.</source>
        <translation>Eine andere Konsole oder ein deliver-Befehl sendet gerade die E-Mails dieses Datenspeichers.</translation>
    </message>
</context>
<context>
    <name>mdm::RecordTableModel</name>
    <message>
        <source>Record ID</source>
        <translation>Datensatz-ID</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Besitz</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Staged on</source>
        <translation>Bereitgestellt am</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Zuletzt gesendet</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Actions for this invitation</source>
        <translation>Aktionen für diese Einladung</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Erase PIN</source>
        <translation>Lösch-PIN</translation>
    </message>
    <message>
        <source>%1 queued — push sent %2</source>
        <translation>%1 in Warteschlange — Push gesendet %2</translation>
    </message>
    <message>
        <source>%1 queued — waits for the device&apos;s next check-in (the device&apos;s push token is no longer valid)</source>
        <translation>%1 in Warteschlange — wartet auf den nächsten Check-in des Geräts (das Push-Token des Geräts ist nicht mehr gültig)</translation>
    </message>
    <message>
        <source>%1 queued — waits for the device&apos;s next check-in (no push certificate)</source>
        <translation>%1 in Warteschlange — wartet auf den nächsten Check-in des Geräts (kein Push-Zertifikat)</translation>
    </message>
    <message>
        <source>%1 queued — waits for the device&apos;s next check-in</source>
        <translation>%1 in Warteschlange — wartet auf den nächsten Check-in des Geräts</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
</context>
<context>
    <name>mdm::ResultSheet</name>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>%1 done · %2 skipped · %3 failed</source>
        <translation>%1 erledigt · %2 übersprungen · %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>&amp;Retry Failed</source>
        <translation>&amp;Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
</context>
<context>
    <name>mdm::Store</name>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>“%1” was written by a newer version of the console (store version %2; this version reads up to %3). Update the console; the file was left unchanged.</source>
        <translation>„%1“ wurde von einer neueren Version der Konsole geschrieben (Datenspeicher-Version %2; diese Version liest bis Version %3). Aktualisieren Sie die Konsole; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Upgrading the store to version %1 failed: %2</source>
        <translation>Die Aktualisierung des Datenspeichers auf Version %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>There is no store file “%1”.</source>
        <translation>Es gibt keine Datenspeicher-Datei „%1“.</translation>
    </message>
    <message>
        <source>“%1” is not an MDM console store (not an SQLite database file). The file was left unchanged.</source>
        <translation>„%1“ ist kein Datenspeicher der MDM-Konsole (keine SQLite-Datenbankdatei). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>“%1” is damaged: %2. The file was left unchanged; run “mdm-console --db %1 check” for a full report and restore the store from a backup.</source>
        <translation>„%1“ ist beschädigt: %2. Die Datei wurde nicht verändert; führen Sie „mdm-console --db %1 check“ für einen vollständigen Bericht aus und stellen Sie den Datenspeicher aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a store file.</source>
        <translation>„%1“ ist ein Ordner, keine Datenspeicher-Datei.</translation>
    </message>
    <message>
        <source>“%1” is read-only. The console needs to write to its store; check the file&apos;s permissions.</source>
        <translation>„%1“ ist schreibgeschützt. Die Konsole muss in ihren Datenspeicher schreiben; prüfen Sie die Berechtigungen der Datei.</translation>
    </message>
    <message>
        <source>The folder “%1” is read-only. The console keeps a journal beside the store and needs to write there.</source>
        <translation>Der Ordner „%1“ ist schreibgeschützt. Die Konsole legt neben dem Datenspeicher ein Journal an und muss dort schreiben können.</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation>Der Ordner „%1“ kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The folder “%1” is read-only; cannot create a store there.</source>
        <translation>Der Ordner „%1“ ist schreibgeschützt; dort kann kein Datenspeicher erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot create “%1”: %2.</source>
        <translation>„%1“ kann nicht erstellt werden: %2.</translation>
    </message>
    <message>
        <source>The store is locked by another program that is writing to it; gave up after %1 s. Try again when it has finished.</source>
        <translation>Der Datenspeicher ist durch ein anderes Programm gesperrt, das gerade hineinschreibt; nach %1 s aufgegeben. Versuchen Sie es erneut, wenn es fertig ist.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: permission denied.</source>
        <translation>„%1“ kann nicht gelesen werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>The store is damaged (%1). Run “mdm-console --db STORE check” for a full report and restore the store from a backup.</source>
        <translation>Der Datenspeicher ist beschädigt (%1). Führen Sie „mdm-console --db DATENSPEICHER check“ für einen vollständigen Bericht aus und stellen Sie den Datenspeicher aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>the disk is full (no space left on the device); free some space and try again</source>
        <translation>der Datenträger ist voll (kein Speicherplatz mehr frei); geben Sie Speicherplatz frei und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>reading or writing the store failed (disk I/O error). The file itself may be sound: check that its disk is present and healthy, then try again</source>
        <translation>Lesen oder Schreiben des Datenspeichers ist fehlgeschlagen (E/A-Fehler des Datenträgers). Die Datei selbst kann in Ordnung sein: Prüfen Sie, ob der Datenträger vorhanden und intakt ist, und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>Cannot check “%1”: %2</source>
        <translation>„%1“ kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>Upgrading the store left a record that refers to a missing one (%1 #%2).</source>
        <translation>Nach der Aktualisierung des Datenspeichers verweist ein Datensatz auf einen fehlenden Datensatz (%1 #%2).</translation>
    </message>
    <message>
        <source>%1 · database user %2</source>
        <translation>%1 · Datenbankbenutzer %2</translation>
    </message>
    <message>
        <source>The database of “%1” holds tables of another program; it is not an MDM console store. It was left unchanged. Give the store an empty database of its own.</source>
        <translation>Die Datenbank von „%1“ enthält Tabellen eines anderen Programms; sie ist kein Datenspeicher der MDM-Konsole. Sie wurde nicht verändert. Geben Sie dem Datenspeicher eine eigene, leere Datenbank.</translation>
    </message>
    <message>
        <source>“%1” was written by a newer version of the console (store version %2; this version reads up to %3). Update the console; the database was left unchanged.</source>
        <translation>„%1“ wurde von einer neueren Version der Konsole geschrieben (Datenspeicher-Version %2; diese Version liest bis %3). Aktualisieren Sie die Konsole; die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot open “%1”: Qt&apos;s PostgreSQL driver (QPSQL) is not installed. Install the package libqt6sql6-psql.</source>
        <translation>„%1“ kann nicht geöffnet werden: Der PostgreSQL-Treiber von Qt (QPSQL) ist nicht installiert. Installieren Sie das Paket libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>The PostgreSQL server of “%1” is version %2; the console needs version 13 or later.</source>
        <translation>Der PostgreSQL-Server von „%1“ hat Version %2; die Konsole benötigt Version 13 oder neuer.</translation>
    </message>
    <message>
        <source>The database user “%1” has no rights on the store “%2”. Its owner makes it an admin or a viewer: mdm-console --db URI grant admin|viewer %1</source>
        <translation>Der Datenbankbenutzer „%1“ hat keine Rechte am Datenspeicher „%2“. Dessen Eigentümer macht ihn zum Administrator oder Betrachter: mdm-console --db URI grant admin|viewer %1</translation>
    </message>
    <message>
        <source>Cannot open “%1”: its store version %2 is unknown.</source>
        <translation>„%1“ kann nicht geöffnet werden: Die Datenspeicher-Version %2 ist unbekannt.</translation>
    </message>
    <message>
        <source>The store&apos;s user must own its database (e.g. “createdb -O USER DATABASE”).</source>
        <translation>Der Benutzer des Datenspeichers muss Eigentümer seiner Datenbank sein (z. B. „createdb -O USER DATABASE“).</translation>
    </message>
    <message>
        <source>creating the store failed: %1</source>
        <translation>Anlegen des Datenspeichers fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Setting the roles&apos; rights on the store failed: %1</source>
        <translation>Das Setzen der Rechte der Rollen am Datenspeicher ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The database of “%1” is empty: there is no store to check.</source>
        <translation>Die Datenbank von „%1“ ist leer: Es gibt keinen Datenspeicher zu prüfen.</translation>
    </message>
    <message>
        <source>store version %1, expected %2</source>
        <translation>Datenspeicher-Version %1, erwartet %2</translation>
    </message>
    <message>
        <source>table %1 is missing</source>
        <translation>Tabelle %1 fehlt</translation>
    </message>
    <message>
        <source>trigger %1 is missing</source>
        <translation>Trigger %1 fehlt</translation>
    </message>
    <message>
        <source>trigger %1 is disabled</source>
        <translation>Trigger %1 ist deaktiviert</translation>
    </message>
    <message>
        <source>The store&apos;s connection cannot take bulk writes.</source>
        <translation>Die Verbindung des Datenspeichers unterstützt keine Massenschreibvorgänge.</translation>
    </message>
    <message>
        <source>Bulk writes need the store&apos;s open transaction.</source>
        <translation>Massenschreibvorgänge benötigen die offene Transaktion des Datenspeichers.</translation>
    </message>
    <message>
        <source>Cannot reach the PostgreSQL server %1 for the store “%2”: %3. Check the host and port and that the server is running.</source>
        <translation>Der PostgreSQL-Server %1 für den Datenspeicher „%2“ ist nicht erreichbar: %3. Prüfen Sie Host und Port und ob der Server läuft.</translation>
    </message>
    <message>
        <source>“%1” is not a usable PostgreSQL connection URI: %2</source>
        <translation>„%1“ ist keine verwendbare PostgreSQL-Verbindungs-URI: %2</translation>
    </message>
    <message>
        <source>The PostgreSQL server %1 does not accept connections now (it is starting or shutting down): %2. Try again in a moment.</source>
        <translation>Der PostgreSQL-Server %1 nimmt gerade keine Verbindungen an (er wird gestartet oder heruntergefahren): %2. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The PostgreSQL server %1 has no database “%2”. Create it first (e.g. “createdb -O USER %2”), then open the store again.</source>
        <translation>Der PostgreSQL-Server %1 hat keine Datenbank „%2“. Legen Sie sie zuerst an (z. B. „createdb -O USER %2“) und öffnen Sie dann den Datenspeicher erneut.</translation>
    </message>
    <message>
        <source>Cannot open the store “%1”: %2</source>
        <translation>Der Datenspeicher „%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the PostgreSQL server&apos;s disk is full; ask its administrator to free some space, then try again</source>
        <translation>die Festplatte des PostgreSQL-Servers ist voll; bitten Sie seinen Administrator, Speicherplatz freizugeben, und versuchen Sie es dann erneut</translation>
    </message>
    <message>
        <source>the PostgreSQL server could not read or write its files (I/O error: %1); ask its administrator to check the server&apos;s disk</source>
        <translation>der PostgreSQL-Server konnte seine Dateien nicht lesen oder schreiben (E/A-Fehler: %1); bitten Sie seinen Administrator, die Festplatte des Servers zu prüfen</translation>
    </message>
    <message>
        <source>The PostgreSQL server reports damaged data (%1). Ask its administrator to restore the store from a backup.</source>
        <translation>Der PostgreSQL-Server meldet beschädigte Daten (%1). Bitten Sie seinen Administrator, den Datenspeicher aus einer Sicherung wiederherzustellen.</translation>
    </message>
    <message>
        <source>Another program changed the same records at the same moment, so nothing was changed (%1). Try again.</source>
        <translation>Ein anderes Programm hat gleichzeitig dieselben Datensätze geändert, daher wurde nichts geändert (%1). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection to the PostgreSQL server was lost (%1). Check the network and the server, then try again.</source>
        <translation>Die Verbindung zum PostgreSQL-Server wurde unterbrochen (%1). Prüfen Sie Netzwerk und Server und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The PostgreSQL server refused the login (%1).</source>
        <translation>Der PostgreSQL-Server hat die Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The PostgreSQL server has no such database (%1).</source>
        <translation>Der PostgreSQL-Server hat keine solche Datenbank (%1).</translation>
    </message>
    <message>
        <source>Your database role may only read this store (mdm_viewer): ask an admin. (The server said: %1)</source>
        <translation>Ihre Datenbankrolle darf diesen Datenspeicher nur lesen (mdm_viewer): Wenden Sie sich an einen Administrator. (Meldung des Servers: %1)</translation>
    </message>
    <message>
        <source>“%1” is not a PostgreSQL connection URI (postgresql://user@host:port/database).</source>
        <translation>„%1“ ist keine PostgreSQL-Verbindungs-URI (postgresql://user@host:port/database).</translation>
    </message>
    <message>
        <source>“%1” is not a valid PostgreSQL connection URI: %2</source>
        <translation>„%1“ ist keine gültige PostgreSQL-Verbindungs-URI: %2</translation>
    </message>
    <message>
        <source>The store&apos;s URI sets %1 to a value with “;”, which the console cannot pass on. Use a value without it.</source>
        <translation>Die URI des Datenspeichers setzt %1 auf einen Wert mit „;“, den die Konsole nicht weitergeben kann. Verwenden Sie einen Wert ohne „;“.</translation>
    </message>
    <message>
        <source>The database did not return the new row&apos;s ID.</source>
        <translation>Die Datenbank hat die ID der neuen Zeile nicht zurückgegeben.</translation>
    </message>
    <message>
        <source>This is not available on a PostgreSQL store yet; it works on an SQLite store file.</source>
        <translation>Dies ist für einen PostgreSQL-Datenspeicher noch nicht verfügbar; es funktioniert mit einer SQLite-Datenspeicher-Datei.</translation>
    </message>
    <message>
        <source>Cannot create the lock file “%1”: permission denied or the disk is full.</source>
        <translation>Die Sperrdatei „%1“ kann nicht angelegt werden: Zugriff verweigert oder die Festplatte ist voll.</translation>
    </message>
    <message>
        <source>The PostgreSQL server %1 asks for a password for the store “%2”, and none was found. Put it in ~/.pgpass (or the file PGPASSFILE names), set PGPASSWORD, or keep it in the keychain (mdm-console --db URI store-password); the console never takes it on the command line.</source>
        <translation>Der PostgreSQL-Server %1 verlangt ein Passwort für den Datenspeicher „%2“, und es wurde keines gefunden. Legen Sie es in ~/.pgpass (oder der Datei, die PGPASSFILE nennt) ab, setzen Sie PGPASSWORD oder bewahren Sie es im Schlüsselbund auf (mdm-console --db URI store-password); die Konsole nimmt es nie auf der Befehlszeile entgegen.</translation>
    </message>
    <message>
        <source>The PostgreSQL server %1 refused the login for the store “%2” (authentication failed): %3. Check the user name in the URI and the password in ~/.pgpass, PGPASSFILE, PGPASSWORD or the keychain.</source>
        <translation>Der PostgreSQL-Server %1 hat die Anmeldung für den Datenspeicher „%2“ abgelehnt (Authentifizierung fehlgeschlagen): %3. Prüfen Sie den Benutzernamen in der URI und das Passwort in ~/.pgpass, PGPASSFILE, PGPASSWORD oder im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The store&apos;s URI holds a password; the console does not take one there (it would show in process lists and shell history). Remove it from the URI and put the password in ~/.pgpass (or the file PGPASSFILE names), PGPASSWORD or the keychain (mdm-console --db URI store-password).</source>
        <translation>Die URI des Datenspeichers enthält ein Passwort; die Konsole nimmt dort keines an (es wäre in Prozesslisten und im Shell-Verlauf zu sehen). Entfernen Sie es aus der URI und legen Sie das Passwort in ~/.pgpass (oder der Datei, die PGPASSFILE nennt), PGPASSWORD oder im Schlüsselbund ab (mdm-console --db URI store-password).</translation>
    </message>
</context>
<context>
    <name>mdm::StorePasswordDialog</name>
    <message>
        <source>Remember in the keychain</source>
        <translation>Im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>Store password</source>
        <translation>Passwort des Datenspeichers</translation>
    </message>
    <message>
        <source>Password for the team store</source>
        <translation>Passwort für den Team-Datenspeicher</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Keep the password in the system&apos;s keychain, so that the console and its commands find it next time. It is never written to the store.</source>
        <translation>Bewahrt das Passwort im Schlüsselbund des Systems auf, damit die Konsole und ihre Befehle es beim nächsten Mal finden. Es wird nie in den Datenspeicher geschrieben.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>mdm::gateway::ApnsClient</name>
    <message>
        <source>No push certificate is loaded.</source>
        <translation>Es ist kein Push-Zertifikat geladen.</translation>
    </message>
    <message>
        <source>The device has no push token or PushMagic.</source>
        <translation>Das Gerät hat kein Push-Token oder kein PushMagic.</translation>
    </message>
    <message>
        <source>Gave up: %1</source>
        <translation>Aufgegeben: %1</translation>
    </message>
    <message>
        <source>%1 (token %2, attempt %3)</source>
        <translation>%1 (Token %2, Versuch %3)</translation>
    </message>
</context>
<context>
    <name>mdm::gateway::GatewayServer</name>
    <message>
        <source>Cannot read the certificate “%1”.</source>
        <translation>Das Zertifikat „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the private key “%1”.</source>
        <translation>Der private Schlüssel „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>“%1” holds no PEM certificate.</source>
        <translation>„%1“ enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>“%1” holds no unencrypted PEM private key (RSA or EC).</source>
        <translation>„%1“ enthält keinen unverschlüsselten privaten PEM-Schlüssel (RSA oder EC).</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2.</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden.</translation>
    </message>
    <message>
        <source>Cannot write to the store: %1</source>
        <translation>In den Datenspeicher kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Store error: %1</source>
        <translation>Fehler im Datenspeicher: %1</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>Der Server konnte die Anfrage nicht abschließen.</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>Die Anfrage ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>Method not allowed.</source>
        <translation>Methode nicht erlaubt.</translation>
    </message>
    <message>
        <source>The body must be application/json.</source>
        <translation>Die Anfrage muss application/json sein.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <source>This invitation is not for an Apple device.</source>
        <translation>Diese Einladung gilt nicht für ein Apple-Gerät.</translation>
    </message>
    <message>
        <source>Device management</source>
        <translation>Geräteverwaltung</translation>
    </message>
    <message>
        <source>The body must be an Apple check-in plist.</source>
        <translation>Die Anfrage muss eine Apple-Check-in-plist sein.</translation>
    </message>
    <message>
        <source>Unknown MessageType.</source>
        <translation>Unbekannter MessageType.</translation>
    </message>
    <message>
        <source>The body must be an Apple command report plist.</source>
        <translation>Die Anfrage muss eine plist mit einer Apple-Befehlsantwort sein.</translation>
    </message>
    <message>
        <source>Unknown Status.</source>
        <translation>Unbekannter Status.</translation>
    </message>
    <message>
        <source>This invitation is no longer valid.</source>
        <translation>Diese Einladung ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Unknown invitation.</source>
        <translation>Unbekannte Einladung.</translation>
    </message>
    <message>
        <source>Unknown or revoked device secret.</source>
        <translation>Unbekanntes oder widerrufenes Gerätegeheimnis.</translation>
    </message>
    <message>
        <source>Unknown command.</source>
        <translation>Unbekannter Befehl.</translation>
    </message>
</context>
<context>
    <name>mdm::gateway::PushDispatcher</name>
    <message>
        <source>Not following the store any more (%1); queued commands are pushed once a minute.</source>
        <translation>Der Datenspeicher wird nicht mehr verfolgt (%1); anstehende Befehle werden einmal pro Minute gepusht.</translation>
    </message>
    <message>
        <source>Cannot read the queued commands: %1</source>
        <translation>Die anstehenden Befehle können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Push for command %1: %2 (%3)</source>
        <translation>Push für Befehl %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Cannot record push outcomes: %1</source>
        <translation>Die Ergebnisse der Pushes können nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>mdm::mail::PasswordStore</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s) (is it waiting for a password prompt?).</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet (wartet er auf eine Passworteingabe?).</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet (wartet er auf eine Passworteingabe?).</numerusform>
        </translation>
    </message>
    <message>
        <source>The keychain holds no password for %1 (or it is locked).</source>
        <translation>Der Schlüsselbund enthält kein Passwort für %1 (oder er ist gesperrt).</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>The keychain could not delete the password for %1: %2</source>
        <translation>Der Schlüsselbund konnte das Passwort für %1 nicht löschen: %2</translation>
    </message>
    <message>
        <source>The OS keychain is not available (%1).</source>
        <translation>Der Schlüsselbund des Betriebssystems ist nicht verfügbar (%1).</translation>
    </message>
</context>
<context>
    <name>mdm::mail::SmtpClient</name>
    <message>
        <source>Cancelled before the server confirmed delivery.</source>
        <translation>Abgebrochen, bevor der Server die Zustellung bestätigt hat.</translation>
    </message>
    <message>
        <source>No mail server (host and port) is set.</source>
        <translation>Es ist kein Mailserver (Host und Port) festgelegt.</translation>
    </message>
    <message>
        <source>The sender address &quot;%1&quot; is not a valid email address.</source>
        <translation>Die Absenderadresse „%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>TLS is not available on this computer (no TLS backend).</source>
        <translation>TLS ist auf diesem Computer nicht verfügbar (kein TLS-Backend).</translation>
    </message>
    <message>
        <source>No certificate could be read from the CA file &quot;%1&quot;.</source>
        <translation>Aus der CA-Datei „%1“ konnte kein Zertifikat gelesen werden.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Check the port and the security setting (STARTTLS is usually on port 587, implicit TLS on port 465).</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen: %2. Prüfen Sie den Port und die Sicherheitseinstellung (STARTTLS meist auf Port 587, implizites TLS auf Port 465).</translation>
    </message>
    <message>
        <source>TLS error with %1: %2.</source>
        <translation>TLS-Fehler bei %1: %2.</translation>
    </message>
    <message>
        <source>%1 closed the connection %2.</source>
        <translation>%1 hat die Verbindung %2 geschlossen.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2.</source>
        <translation>Keine Verbindung zu %1 möglich: %2.</translation>
    </message>
    <message>
        <source>Connection to %1 failed %2: %3.</source>
        <translation>Die Verbindung zu %1 ist %2 fehlgeschlagen: %3.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s %3.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s %3.</translation>
    </message>
    <message>
        <source>%1 does not answer like an SMTP server (a line of more than %2 bytes). Check the host, port and security settings.</source>
        <translation>%1 antwortet nicht wie ein SMTP-Server (eine Zeile mit mehr als %2 Bytes). Prüfen Sie Host, Port und Sicherheitseinstellungen.</translation>
    </message>
    <message>
        <source>%1 does not answer like an SMTP server. Check the host, port and security settings.</source>
        <translation>%1 antwortet nicht wie ein SMTP-Server. Prüfen Sie Host, Port und Sicherheitseinstellungen.</translation>
    </message>
    <message>
        <source>The server is closing the connection (service not available).</source>
        <translation>Der Server schließt die Verbindung (Dienst nicht verfügbar).</translation>
    </message>
    <message>
        <source>Unexpected answer from %1 %2.</source>
        <translation>Unerwartete Antwort von %1 %2.</translation>
    </message>
    <message>
        <source>The mail server %1 refuses the connection.</source>
        <translation>Der Mailserver %1 verweigert die Verbindung.</translation>
    </message>
    <message>
        <source>The server refused EHLO for now.</source>
        <translation>Der Server hat EHLO vorerst abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused HELO.</source>
        <translation>Der Server hat HELO abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused STARTTLS.</source>
        <translation>Der Server hat STARTTLS abgelehnt.</translation>
    </message>
    <message>
        <source>Unexpected answer from %1 during authentication.</source>
        <translation>Unerwartete Antwort von %1 bei der Authentifizierung.</translation>
    </message>
    <message>
        <source>The server rejected the login as &quot;%1&quot;. Check the user name and password in the mail settings.</source>
        <translation>Der Server hat die Anmeldung als „%1“ abgelehnt. Prüfen Sie Benutzername und Passwort in den Mailserver-Einstellungen.</translation>
    </message>
    <message>
        <source>The server could not check the login right now.</source>
        <translation>Der Server konnte die Anmeldung gerade nicht prüfen.</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>unverschlüsselt</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>Keine Anmeldung</translation>
    </message>
    <message>
        <source>logged in as %1: %2</source>
        <translation>Angemeldet als %1: %2</translation>
    </message>
    <message>
        <source>Connected to %1 (%2). Greeting: %3. %4. Sender %5 accepted.</source>
        <translation>Verbunden mit %1 (%2). Begrüßung: %3. %4. Absender %5 akzeptiert.</translation>
    </message>
    <message>
        <source>The server refuses the sender address %1.</source>
        <translation>Der Server lehnt die Absenderadresse %1 ab.</translation>
    </message>
    <message>
        <source>The server does not accept the sender right now.</source>
        <translation>Der Server nimmt den Absender derzeit nicht an.</translation>
    </message>
    <message>
        <source>The server refused the recipient %1.</source>
        <translation>Der Server hat den Empfänger %1 abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused to take the message.</source>
        <translation>Der Server hat die Annahme der Nachricht verweigert.</translation>
    </message>
    <message>
        <source>The server refused the message.</source>
        <translation>Der Server hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <source>The server did not reset the mail transaction.</source>
        <translation>Der Server hat die Mail-Transaktion nicht zurückgesetzt.</translation>
    </message>
    <message>
        <source>%1 offers none of the supported login methods (PLAIN, LOGIN), only: %2.</source>
        <translation>%1 bietet keine der unterstützten Anmeldemethoden (PLAIN, LOGIN) an, nur: %2.</translation>
    </message>
    <message>
        <source>The recipient address &quot;%1&quot; is not a valid email address; nothing was sent.</source>
        <translation>Die Empfängeradresse „%1“ ist keine gültige E-Mail-Adresse; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The message could not be built (%1); nothing was sent.</source>
        <translation>Die Nachricht konnte nicht erstellt werden (%1); es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>while connecting</source>
        <translation>beim Verbindungsaufbau</translation>
    </message>
    <message>
        <source>during the TLS handshake</source>
        <translation>während des TLS-Handshakes</translation>
    </message>
    <message>
        <source>before its greeting (check the port and the security setting)</source>
        <translation>vor der Begrüßungsmeldung (prüfen Sie den Port und die Sicherheitseinstellung)</translation>
    </message>
    <message>
        <source>after EHLO</source>
        <translation>nach EHLO</translation>
    </message>
    <message>
        <source>after HELO</source>
        <translation>nach HELO</translation>
    </message>
    <message>
        <source>after STARTTLS</source>
        <translation>nach STARTTLS</translation>
    </message>
    <message>
        <source>during authentication</source>
        <translation>bei der Authentifizierung</translation>
    </message>
    <message>
        <source>after MAIL FROM</source>
        <translation>nach MAIL FROM</translation>
    </message>
    <message>
        <source>after RCPT TO</source>
        <translation>nach RCPT TO</translation>
    </message>
    <message>
        <source>after DATA</source>
        <translation>nach DATA</translation>
    </message>
    <message>
        <source>after the message was sent, before it was confirmed</source>
        <translation>nach dem Senden der Nachricht, vor deren Bestätigung</translation>
    </message>
    <message>
        <source>after RSET</source>
        <translation>nach RSET</translation>
    </message>
    <message>
        <source>after QUIT</source>
        <translation>nach QUIT</translation>
    </message>
    <message>
        <source> The certificate is for &quot;%1&quot;, issued by &quot;%2&quot;, valid until %3.</source>
        <translation> Das Zertifikat ist ausgestellt für „%1“ von „%2“, gültig bis %3.</translation>
    </message>
    <message>
        <source>The certificate of %1 was rejected: %2.%3 If the server uses a certificate from your organisation&apos;s own certificate authority, add that CA certificate in the mail settings; otherwise check the host name and the server&apos;s certificate.</source>
        <translation>Das Zertifikat von %1 wurde abgelehnt: %2.%3 Wenn der Server ein Zertifikat der eigenen Zertifizierungsstelle Ihrer Organisation verwendet, fügen Sie dieses CA-Zertifikat in den Mailserver-Einstellungen hinzu; andernfalls prüfen Sie den Hostnamen und das Zertifikat des Servers.</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS; choose TLS or None. Nothing was sent.</source>
        <translation>Der Server bietet kein STARTTLS an; wählen Sie TLS oder „Keine“. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The server does not offer authentication (AUTH); leave the user name empty, or choose STARTTLS or TLS if it offers AUTH only on an encrypted connection.</source>
        <translation>Der Server bietet keine Authentifizierung (AUTH) an; lassen Sie den Benutzernamen leer oder wählen Sie STARTTLS oder TLS, falls er AUTH nur über eine verschlüsselte Verbindung anbietet.</translation>
    </message>
</context>
<context>
    <name>mdm::mail::SmtpMailTransport</name>
    <message>
        <source>The mail client is busy.</source>
        <translation>Der Mail-Client ist beschäftigt.</translation>
    </message>
    <message>
        <source>The test ended without an answer.</source>
        <translation>Der Test endete ohne Antwort.</translation>
    </message>
</context>
</TS>
