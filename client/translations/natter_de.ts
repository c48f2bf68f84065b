<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ErrorText</name>
    <message>
        <source>The server did not accept this request.</source>
        <translation>Der Server hat diese Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>This server does not support this yet. Is it older than the app?</source>
        <translation>Dieser Server unterstützt das noch nicht. Ist er älter als die App?</translation>
    </message>
    <message>
        <source>You are not signed in any more.</source>
        <translation>Du bist nicht mehr angemeldet.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Das ist dir nicht erlaubt.</translation>
    </message>
    <message>
        <source>That is not there any more, or not yours to see.</source>
        <translation>Das gibt es nicht mehr, oder du darfst es nicht sehen.</translation>
    </message>
    <message>
        <source>That cannot be done in its present state.</source>
        <translation>Das geht im jetzigen Zustand nicht.</translation>
    </message>
    <message>
        <source>That is too long for the server.</source>
        <translation>Das ist zu lang für den Server.</translation>
    </message>
    <message>
        <source>The server is not available right now. It is tried again.</source>
        <translation>Der Server ist gerade nicht erreichbar. Es wird erneut versucht.</translation>
    </message>
    <message>
        <source>Your storage on this server is full.</source>
        <translation>Dein Speicher auf diesem Server ist voll.</translation>
    </message>
    <message>
        <source>The server has no room for this now.</source>
        <translation>Der Server hat gerade keinen Platz dafür.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent.</source>
        <translation>Die Datei hat sich beim Senden geändert.</translation>
    </message>
    <message>
        <source>The server could not do this: %1</source>
        <translation>Der Server konnte das nicht ausführen: %1</translation>
    </message>
    <message>
        <source>Too many requests. Try again in %1 s.</source>
        <translation>Zu viele Anfragen. Versuche es in %1 s erneut.</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>This file is larger than the server accepts.</source>
        <translation>Diese Datei ist größer, als der Server annimmt.</translation>
    </message>
    <message>
        <source>Your storage on this server is full. Delete files you sent to make room.</source>
        <translation>Dein Speicher auf diesem Server ist voll. Lösche gesendete Dateien, um Platz zu schaffen.</translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation>Der Server hat gerade keinen Platz für diese Datei.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent. Try again.</source>
        <translation>Die Datei hat sich beim Senden geändert. Versuche es erneut.</translation>
    </message>
    <message>
        <source>This file is no longer available.</source>
        <translation>Diese Datei ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Du bist nicht angemeldet.</translation>
    </message>
    <message>
        <source>Too many transfers at once. Try again in a moment.</source>
        <translation>Zu viele Übertragungen gleichzeitig. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This server does not accept files.</source>
        <translation>Dieser Server nimmt keine Dateien an.</translation>
    </message>
    <message>
        <source>The file could not be transferred.</source>
        <translation>Die Datei konnte nicht übertragen werden.</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>WARNING: the certificate of %1 has CHANGED since you trusted it.
This can mean someone is intercepting the connection. Only continue if the server&apos;s administrator confirms this new fingerprint:

%2</source>
        <translation>WARNUNG: Das Zertifikat von %1 hat sich GEÄNDERT, seit du ihm vertraut hast.
Das kann bedeuten, dass jemand die Verbindung abfängt. Fahre nur fort, wenn der Administrator des Servers diesen neuen Fingerabdruck bestätigt:

%2</translation>
    </message>
    <message>
        <source>The server %1 uses a certificate that no known authority has signed (usual for a server on your own network).

Trust it if this fingerprint matches what the server&apos;s administrator tells you:

%2</source>
        <translation>Der Server %1 verwendet ein Zertifikat, das keine bekannte Stelle signiert hat (üblich für einen Server im eigenen Netzwerk).

Vertraue ihm, wenn dieser Fingerabdruck mit dem übereinstimmt, was dir der Administrator des Servers sagt:

%2</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
</context>
<context>
    <name>TransferBar</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Sending: %1</source>
        <translation>Wird gesendet: %1</translation>
    </message>
    <message>
        <source>Downloading: %1</source>
        <translation>Wird heruntergeladen: %1</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>, %1/s</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>, noch %n Sekunde</numerusform>
            <numerusform>, noch %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::AddMembersDialog</name>
    <message>
        <source>Add members</source>
        <translation>Mitglieder hinzufügen</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>Personen auf diesem Server finden</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Personen finden</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 (already a member)</source>
        <translation>%1 (bereits Mitglied)</translation>
    </message>
    <message>
        <source>Nobody on this server matches “%1”.</source>
        <translation>Niemand auf diesem Server passt zu „%1“.</translation>
    </message>
    <message>
        <source>Pick someone to add.</source>
        <translation>Wähle jemanden zum Hinzufügen.</translation>
    </message>
    <message>
        <source>You are no longer a member of this group.</source>
        <translation>Du bist kein Mitglied dieser Gruppe mehr.</translation>
    </message>
    <message numerus="yes">
        <source>A group has at most %1 members: you can add %n more.</source>
        <translation>
            <numerusform>Eine Gruppe hat höchstens %1 Mitglieder: du kannst noch %n hinzufügen.</numerusform>
            <numerusform>Eine Gruppe hat höchstens %1 Mitglieder: du kannst noch %n hinzufügen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::ChatHeader</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>presence unknown while you are offline</source>
        <translation>Anwesenheit unbekannt, solange du offline bist</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>natter::client::ComposeBox</name>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter sendet, Umschalt+Enter beginnt eine neue Zeile</translation>
    </message>
</context>
<context>
    <name>natter::client::ComposePanel</name>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>Bearbeiten abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation>Verbleibende Zeichen</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Enter)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Emoji (Ctrl+E)</source>
        <translation>Emoji (Strg+E)</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+O)</source>
        <translation>Dateien anhängen (Strg+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Eine Datei senden</translation>
    </message>
    <message>
        <source>Too long to send: shorten the message</source>
        <translation>Zu lang zum Senden: kürze die Nachricht</translation>
    </message>
    <message>
        <source>Room left in this message</source>
        <translation>Verbleibender Platz in dieser Nachricht</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>Dateien senden</translation>
    </message>
    <message>
        <source>Editing: %1</source>
        <translation>Bearbeiten: %1</translation>
    </message>
</context>
<context>
    <name>natter::client::ConnectionIndicator</name>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Offline — retrying in %1 s</source>
        <translation>Offline — neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationController</name>
    <message>
        <source>That conversation is not in your list any more.</source>
        <translation>Diese Unterhaltung ist nicht mehr in deiner Liste.</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListDelegate</name>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Draft:</source>
        <translation>Entwurf:</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>Message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Du: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, online</translation>
    </message>
</context>
<context>
    <name>natter::client::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>natter::client::EditHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>Current version, %1</source>
        <translation>Aktuelle Fassung, %1</translation>
    </message>
    <message>
        <source>Original, %1</source>
        <translation>Original, %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Bearbeitet %1</translation>
    </message>
    <message>
        <source>Versions of the message</source>
        <translation>Fassungen der Nachricht</translation>
    </message>
</context>
<context>
    <name>natter::client::EmojiPicker</name>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>Find an emoji</source>
        <translation>Emoji suchen</translation>
    </message>
</context>
<context>
    <name>natter::client::FileDownload</name>
    <message>
        <source>The download folder cannot be created.</source>
        <translation>Der Download-Ordner kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>Das Zertifikat des Servers ist nicht das, dem du vertraut hast; die Datei wurde daher weder gesendet noch geholt.</translation>
    </message>
</context>
<context>
    <name>natter::client::FileOpener</name>
    <message>
        <source>Save file</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation>%1 konnte nicht heruntergeladen werden: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileSender</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 wurde nicht gesendet: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileUpload</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>Die Datei %1 ist leer.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>Das Zertifikat des Servers ist nicht das, dem du vertraut hast; die Datei wurde daher weder gesendet noch geholt.</translation>
    </message>
</context>
<context>
    <name>natter::client::FindBar</name>
    <message>
        <source>Find in conversation</source>
        <translation>In der Unterhaltung suchen</translation>
    </message>
    <message>
        <source>Newer match (Shift+Enter)</source>
        <translation>Neuerer Treffer (Umschalt+Enter)</translation>
    </message>
    <message>
        <source>Older match (Enter)</source>
        <translation>Älterer Treffer (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 von %2%3</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Keine Treffer</translation>
    </message>
</context>
<context>
    <name>natter::client::GroupUi</name>
    <message>
        <source>New group…</source>
        <translation>Neue Gruppe…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>No notifications for this conversation</source>
        <translation>Keine Benachrichtigungen für diese Unterhaltung</translation>
    </message>
    <message>
        <source>Show the members</source>
        <translation>Mitglieder anzeigen</translation>
    </message>
    <message>
        <source>You are no longer a member</source>
        <translation>Du bist kein Mitglied mehr</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 Mitglied</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 Mitglieder</translation>
    </message>
    <message>
        <source>%1, %2 online</source>
        <translation>%1, %2 online</translation>
    </message>
    <message>
        <source>You left this group or were removed from it: you can read it, not write.</source>
        <translation>Du hast diese Gruppe verlassen oder wurdest entfernt: du kannst sie lesen, aber nicht schreiben.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n Person schreibt…</numerusform>
            <numerusform>%n Personen schreiben…</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Gesehen von %1 von %2</translation>
    </message>
    <message>
        <source>Nobody has seen it yet</source>
        <translation>Noch von niemandem gesehen</translation>
    </message>
</context>
<context>
    <name>natter::client::ImageViewer</name>
    <message>
        <source>Previous image</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Image name</source>
        <translation>Bildname</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>An Fenster anpassen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>Bild speichern unter</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Dieses Bild kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Image, scrolled when zoomed in</source>
        <translation>Bild, beim Vergrößern verschiebbar</translation>
    </message>
</context>
<context>
    <name>natter::client::JumpDialog</name>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>Zu einer Unterhaltung oder Person springen</translation>
    </message>
    <message>
        <source>Jump to a conversation or person…</source>
        <translation>Zu einer Unterhaltung oder Person springen…</translation>
    </message>
    <message>
        <source>Start a conversation</source>
        <translation>Eine Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>Online · start a conversation</source>
        <translation>Online · eine Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>Offline · start a conversation</source>
        <translation>Offline · eine Unterhaltung beginnen</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation · online</source>
        <translation>Unterhaltung · online</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Nothing found on this computer.</source>
        <translation>Auf diesem Computer nichts gefunden.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>No one else is on this server yet.</source>
        <translation>Noch niemand sonst ist auf diesem Server.</translation>
    </message>
    <message>
        <source>No one found for “%1”.</source>
        <translation>Niemand gefunden für „%1“.</translation>
    </message>
    <message>
        <source>Can&apos;t search the server right now: showing only what is on this computer.</source>
        <translation>Der Server kann gerade nicht durchsucht werden: nur was auf diesem Computer ist, wird gezeigt.</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation>Nachrichten durchsuchen (Strg+Umschalt+F)</translation>
    </message>
</context>
<context>
    <name>natter::client::LocalServerHost</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The server stopped (exit code %1). %2</source>
        <translation>Der Server wurde beendet (Exit-Code %1). %2</translation>
    </message>
    <message>
        <source>The server did not start within %1 seconds.</source>
        <translation>Der Server ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
</context>
<context>
    <name>natter::client::LoginDialog</name>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Sign in to Natter</source>
        <translation>Bei Natter anmelden</translation>
    </message>
    <message>
        <source>Sign in to Natter (profile %1)</source>
        <translation>Bei Natter anmelden (Profil %1)</translation>
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation>Willkommen bei Natter</translation>
    </message>
    <message>
        <source>Sign in, or create an account on your server.</source>
        <translation>Melde dich an oder erstelle ein Konto auf deinem Server.</translation>
    </message>
    <message>
        <source>The address your server&apos;s administrator gave you (ws:// or wss://)</source>
        <translation>Die Adresse, die dir der Administrator deines Servers gegeben hat (ws:// oder wss://)</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>Wrong username or password. Check both and try again.</source>
        <translation>Falscher Benutzername oder falsches Passwort. Prüfe beides und versuche es erneut.</translation>
    </message>
    <message>
        <source>That username is already taken. Please choose another one.</source>
        <translation>Dieser Benutzername ist bereits vergeben. Bitte wähle einen anderen.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up (TLS error). Check the address, or ask the server&apos;s administrator about its certificate.
%2</source>
        <translation>Zu %1 konnte keine sichere Verbindung aufgebaut werden (TLS-Fehler). Prüfe die Adresse oder frage den Administrator des Servers nach seinem Zertifikat.
%2</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Is it running, and is the address right?</source>
        <translation>Der Server unter %1 ist nicht erreichbar. Läuft er, und stimmt die Adresse?</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Zu viele Versuche. Bitte warte %n Sekunde und versuche es erneut.</numerusform>
            <numerusform>Zu viele Versuche. Bitte warte %n Sekunden und versuche es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>Zu viele Versuche. Bitte warte einen Moment und versuche es erneut.</translation>
    </message>
    <message>
        <source>This account has too many open windows. Close one and try again.</source>
        <translation>Dieses Konto hat zu viele offene Fenster. Schließe eines und versuche es erneut.</translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <translation>Der Server hat das nicht angenommen: %1</translation>
    </message>
    <message>
        <source>This server speaks a different version of the protocol. Check the address (it ends in /v1).</source>
        <translation>Dieser Server spricht eine andere Version des Protokolls. Prüfe die Adresse (sie endet auf /v1).</translation>
    </message>
    <message>
        <source>The server reported a problem: %1</source>
        <translation>Der Server hat ein Problem gemeldet: %1</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Dein Konto wird erstellt…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <source>This server does not take new accounts; ask its admin.</source>
        <translation>Dieser Server nimmt keine neuen Konten an; frage seinen Administrator.</translation>
    </message>
    <message>
        <source>Type the server&apos;s name or address (chat.lan, 192.168.1.5:7467) or its ws:// or wss:// URL.</source>
        <translation>Gib den Namen oder die Adresse des Servers ein (chat.lan, 192.168.1.5:7467) oder seine ws://- oder wss://-URL.</translation>
    </message>
    <message>
        <source>Usernames have 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and start with a letter or digit.</source>
        <translation>Benutzernamen haben 3 bis 32 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; und beginnen mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Das Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>This password is too common (or only spaces); choose another.</source>
        <translation>Dieses Passwort ist zu verbreitet (oder nur Leerzeichen); wähle ein anderes.</translation>
    </message>
</context>
<context>
    <name>natter::client::MainWindow</name>
    <message>
        <source>Pick a conversation to start chatting</source>
        <translation>Wähle eine Unterhaltung, um zu chatten</translation>
    </message>
    <message>
        <source>Press Ctrl+K to find anyone on this server.</source>
        <translation>Drücke Strg+K, um jemanden auf diesem Server zu finden.</translation>
    </message>
    <message>
        <source>Jump to…</source>
        <translation>Springen zu…</translation>
    </message>
    <message>
        <source>Jump to first message</source>
        <translation>Zur ersten Nachricht springen</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Abmelden…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation>Von %1 abmelden?</translation>
    </message>
    <message>
        <source>About Natter</source>
        <translation>Über Natter</translation>
    </message>
    <message>
        <source>Natter %1
Self-hosted desktop chat.

Profile: %2
Server: %3</source>
        <translation>Natter %1
Selbst gehosteter Desktop-Chat.

Profil: %2
Server: %3</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Show message text</source>
        <translation>Nachrichtentext anzeigen</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Ton abspielen</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>Vorherige Unterhaltung</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>Nächste Unterhaltung</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 — Natter</source>
        <translation>%1 — Natter</translation>
    </message>
    <message>
        <source>Send a first message before files to start this chat.</source>
        <translation>Sende zuerst eine Nachricht, bevor du Dateien schickst, um diesen Chat zu beginnen.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The language changes when Natter starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Natter.</translation>
    </message>
</context>
<context>
    <name>natter::client::MembersPanel</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Gruppe verlassen…</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Zum Admin machen</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source> · admin</source>
        <translation> · Admin</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Remove admin</source>
        <translation>Admin entfernen</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Gruppe verlassen</translation>
    </message>
    <message>
        <source>Leave %1? You will keep what you received but see nothing new.</source>
        <translation>%1 verlassen? Du behältst, was du bekommen hast, siehst aber nichts Neues mehr.</translation>
    </message>
</context>
<context>
    <name>natter::client::MentionCompleter</name>
    <message>
        <source>Members to mention</source>
        <translation>Mitglieder zum Erwähnen</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageBubbleDelegate</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Not sent: the server refused it</source>
        <translation>Nicht gesendet: der Server hat abgelehnt</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>Edited (right-click, Show edit history)</source>
        <translation>Bearbeitet (Rechtsklick, Bearbeitungsverlauf anzeigen)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageInfoDialog</name>
    <message>
        <source>Message info</source>
        <translation>Nachrichteninfo</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>Gesehen von</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>Noch nicht gesehen</translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation>%1 (erhalten)</translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Gesehen von %1 von %2</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageListModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 Sending.</source>
        <translation>%1 Wird gesendet.</translation>
    </message>
    <message>
        <source>%1 Not sent.</source>
        <translation>%1 Nicht gesendet.</translation>
    </message>
    <message>
        <source>%1 Sent.</source>
        <translation>%1 Gesendet.</translation>
    </message>
    <message>
        <source>%1 Delivered.</source>
        <translation>%1 Zugestellt.</translation>
    </message>
    <message>
        <source>%1 Read.</source>
        <translation>%1 Gelesen.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>(deleted message)</source>
        <translation>(gelöschte Nachricht)</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageMenu</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Save file as…</source>
        <translation>Datei speichern unter…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Show edit history</source>
        <translation>Bearbeitungsverlauf anzeigen</translation>
    </message>
    <message>
        <source>Message info</source>
        <translation>Nachrichteninfo</translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation>Für mich löschen</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Für alle löschen</translation>
    </message>
    <message>
        <source>Delete for everyone?</source>
        <translation>Für alle löschen?</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation? This cannot be undone.</source>
        <translation>Diese Nachricht für alle in der Unterhaltung löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Noch keine Nachrichten. Sag hallo!</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Zur neuesten springen</translation>
    </message>
</context>
<context>
    <name>natter::client::NearbyServersPanel</name>
    <message>
        <source>Search again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation>Einen Server auf diesem Computer betreiben</translation>
    </message>
    <message>
        <source>Look for servers on my network</source>
        <translation>Nach Servern in meinem Netzwerk suchen</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Server in deinem Netzwerk</translation>
    </message>
    <message>
        <source>Click a server to use its address</source>
        <translation>Klicke auf einen Server, um seine Adresse zu verwenden</translation>
    </message>
    <message>
        <source>Runs a Natter server in the background while this app is open, so people on your network can join you</source>
        <translation>Betreibt einen Natter-Server im Hintergrund, solange diese App offen ist, damit Personen in deinem Netzwerk dazukommen können</translation>
    </message>
    <message>
        <source>Not looking for servers. Type the address your administrator gave you.</source>
        <translation>Es wird nicht nach Servern gesucht. Gib die Adresse ein, die dir dein Administrator gegeben hat.</translation>
    </message>
    <message>
        <source>Your server “%1” is running on this computer. People on your network find it in their sign-in window; create your account to start.</source>
        <translation>Dein Server „%1“ läuft auf diesem Computer. Personen in deinem Netzwerk finden ihn in ihrem Anmeldefenster; erstelle dein Konto, um zu beginnen.</translation>
    </message>
    <message>
        <source>The server on this computer could not start. %1</source>
        <translation>Der Server auf diesem Computer konnte nicht starten. %1</translation>
    </message>
    <message>
        <source>Looking for Natter servers on your network…</source>
        <translation>Suche nach Natter-Servern in deinem Netzwerk…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address, or host one on this computer.</source>
        <translation>Kein Natter-Server in deinem Netzwerk hat geantwortet. Gib die Adresse eines Servers ein oder betreibe einen auf diesem Computer.</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address.</source>
        <translation>Kein Natter-Server in deinem Netzwerk hat geantwortet. Gib die Adresse eines Servers ein.</translation>
    </message>
    <message>
        <source>Found one server. Click it to use it.</source>
        <translation>Ein Server gefunden. Klicke darauf, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>Found %1 servers. Click one to use it.</source>
        <translation>%1 Server gefunden. Klicke auf einen, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>Starting a server on this computer…</source>
        <translation>Ein Server wird auf diesem Computer gestartet…</translation>
    </message>
    <message>
        <source>Hosting a server on this computer</source>
        <translation>Ein Server läuft auf diesem Computer</translation>
    </message>
</context>
<context>
    <name>natter::client::NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>Personen auf diesem Server finden</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Personen finden</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Nobody picked yet</source>
        <translation>Noch niemand ausgewählt</translation>
    </message>
    <message>
        <source>With you: %1</source>
        <translation>Mit dir: %1</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Gib der Gruppe einen Namen.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>Der Name ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Pick at least one person to be in the group with you.</source>
        <translation>Wähle mindestens eine Person, die mit dir in der Gruppe sein soll.</translation>
    </message>
    <message>
        <source>A group has at most %1 members.</source>
        <translation>Eine Gruppe hat höchstens %1 Mitglieder.</translation>
    </message>
</context>
<context>
    <name>natter::client::OfflineBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>Reconnecting to the server…</source>
        <translation>Verbindung zum Server wird wiederhergestellt…</translation>
    </message>
    <message numerus="yes">
        <source>You are offline. Trying again in %n s. Messages you send go out when the connection is back.</source>
        <translation>
            <numerusform>Du bist offline. Neuer Versuch in %n s. Was du sendest, geht raus, sobald die Verbindung zurück ist.</numerusform>
            <numerusform>Du bist offline. Neuer Versuch in %n s. Was du sendest, geht raus, sobald die Verbindung zurück ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline. Messages you send go out when the connection is back.</source>
        <translation>Du bist offline. Was du sendest, geht raus, sobald die Verbindung zurück ist.</translation>
    </message>
</context>
<context>
    <name>natter::client::OnlineListView</name>
    <message>
        <source>Contacts online</source>
        <translation>Kontakte online</translation>
    </message>
    <message>
        <source>Unknown while you are offline.</source>
        <translation>Unbekannt, solange du offline bist.</translation>
    </message>
    <message>
        <source>No one you talk with is online right now.</source>
        <translation>Gerade ist niemand online, mit dem du schreibst.</translation>
    </message>
    <message>
        <source>Who was online when the connection dropped; unknown until it is back</source>
        <translation>Wer online war, als die Verbindung abbrach; unbekannt, bis sie zurück ist</translation>
    </message>
    <message>
        <source>Double-click someone to chat with them</source>
        <translation>Doppelklicke auf jemanden, um mit ihm zu chatten</translation>
    </message>
</context>
<context>
    <name>natter::client::ReplyUi</name>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>Antwort abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <source>Reply to the selected or newest message</source>
        <translation>Auf die ausgewählte oder neueste Nachricht antworten</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchDialog</name>
    <message>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Search messages… (from:name in:conversation before:2026-11-01 after:2026-10-01)</source>
        <translation>Nachrichten durchsuchen… (from:name in:unterhaltung before:2026-11-01 after:2026-10-01)</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Keine Nachrichten gefunden.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchModel</name>
    <message numerus="yes">
        <source>Searching too often: try again in %n s</source>
        <translation>
            <numerusform>Zu häufige Suche: versuche es in %n s erneut</numerusform>
            <numerusform>Zu häufige Suche: versuche es in %n s erneut</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot search for that: %1</source>
        <translation>Danach kann nicht gesucht werden: %1</translation>
    </message>
    <message>
        <source>The search is too long.</source>
        <translation>Die Suche ist zu lang.</translation>
    </message>
    <message>
        <source>That conversation cannot be searched.</source>
        <translation>Diese Unterhaltung kann nicht durchsucht werden.</translation>
    </message>
    <message>
        <source>Search needs a connection to the server.</source>
        <translation>Die Suche braucht eine Verbindung zum Server.</translation>
    </message>
    <message>
        <source>No one called “%1” in your conversations.</source>
        <translation>Niemand namens „%1“ in deinen Unterhaltungen.</translation>
    </message>
    <message>
        <source>No conversation called “%1”.</source>
        <translation>Keine Unterhaltung namens „%1“.</translation>
    </message>
    <message>
        <source>“%1” is not a date like 2026-11-01.</source>
        <translation>„%1“ ist kein Datum wie 2026-11-01.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchUi</name>
    <message>
        <source>Search all messages</source>
        <translation>Alle Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Find in this conversation</source>
        <translation>In dieser Unterhaltung suchen</translation>
    </message>
</context>
<context>
    <name>natter::client::ServerConnection</name>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
    <message>
        <source>TLS error: the server&apos;s certificate is not the one you trusted</source>
        <translation>TLS-Fehler: das Zertifikat des Servers ist nicht das, dem du vertraut hast</translation>
    </message>
    <message>
        <source>the connection was replaced</source>
        <translation>die Verbindung wurde ersetzt</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>der Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
</context>
<context>
    <name>natter::client::SessionController</name>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>You were signed out: this session was ended on the server (signed out elsewhere, password changed, account disabled, or the sign-in expired). Sign in again.</source>
        <translation>Du wurdest abgemeldet: diese Sitzung wurde auf dem Server beendet (anderswo abgemeldet, Passwort geändert, Konto deaktiviert oder Anmeldung abgelaufen). Melde dich erneut an.</translation>
    </message>
</context>
<context>
    <name>natter::client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Neue Zeile in der Nachricht</translation>
    </message>
    <message>
        <source>Edit your last message (empty compose box)</source>
        <translation>Deine letzte Nachricht bearbeiten (leeres Eingabefeld)</translation>
    </message>
    <message>
        <source>Previous / next message in the list</source>
        <translation>Vorherige / nächste Nachricht in der Liste</translation>
    </message>
    <message>
        <source>Menu of the current message</source>
        <translation>Menü der aktuellen Nachricht</translation>
    </message>
    <message>
        <source>Move between the window&apos;s parts</source>
        <translation>Zwischen den Teilen des Fensters wechseln</translation>
    </message>
</context>
<context>
    <name>natter::client::Sidebar</name>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Search or jump to…</source>
        <translation>Suchen oder springen zu…</translation>
    </message>
    <message>
        <source>Jump to a conversation or person (Ctrl+K)</source>
        <translation>Zu einer Unterhaltung oder Person springen (Strg+K)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversations yet.
Press Ctrl+K to find someone.</source>
        <translation>Noch keine Unterhaltungen.
Drücke Strg+K, um jemanden zu finden.</translation>
    </message>
    <message>
        <source>People you have a conversation with who are online</source>
        <translation>Personen, mit denen du eine Unterhaltung hast und die online sind</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Contacts online — unknown (offline)</source>
        <translation>Kontakte online — unbekannt (offline)</translation>
    </message>
    <message>
        <source>Contacts online — %1</source>
        <translation>Kontakte online — %1</translation>
    </message>
    <message>
        <source>Contacts online</source>
        <translation>Kontakte online</translation>
    </message>
</context>
<context>
    <name>natter::client::TransfersBar</name>
    <message>
        <source>%1 (downloading)</source>
        <translation>%1 (wird heruntergeladen)</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>%1 wird gesendet</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Senden abbrechen</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Herunterladen abbrechen</translation>
    </message>
    <message>
        <source>Cancel sending %1</source>
        <translation>Senden von %1 abbrechen</translation>
    </message>
    <message>
        <source>Cancel downloading %1</source>
        <translation>Herunterladen von %1 abbrechen</translation>
    </message>
    <message>
        <source>%1 of %2, %3/s%4</source>
        <translation>%1 von %2, %3/s%4</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>, noch %n Sekunde</numerusform>
            <numerusform>, noch %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation>Natter anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
</context>
<context>
    <name>natter::client::TypingIndicator</name>
    <message>
        <source>Typing indicator</source>
        <translation>Tippanzeige</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
</context>
</TS>
