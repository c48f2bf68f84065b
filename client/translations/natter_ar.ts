<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ErrorText</name>
    <message>
        <source>The server did not accept this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not support this yet. Is it older than the app?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not there any more, or not yours to see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That cannot be done in its present state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too long for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is not available right now. It is tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your storage on this server is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no room for this now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed while it was being sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not do this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests. Try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>This file is larger than the server accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your storage on this server is full. Delete files you sent to make room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed while it was being sent. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is no longer available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many transfers at once. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not accept files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be transferred.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>WARNING: the certificate of %1 has CHANGED since you trusted it.
This can mean someone is intercepting the connection. Only continue if the server&apos;s administrator confirms this new fingerprint:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 uses a certificate that no known authority has signed (usual for a server on your own network).

Trust it if this fingerprint matches what the server&apos;s administrator tells you:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>React</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::AddMembersDialog</name>
    <message>
        <source>Add members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (already a member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody on this server matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick someone to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are no longer a member of this group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A group has at most %1 members: you can add %n more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::ChatHeader</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presence unknown while you are offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ComposeBox</name>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ComposePanel</name>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long to send: shorten the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room left in this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ConnectionIndicator</name>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — retrying in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationController</name>
    <message>
        <source>That conversation is not in your list any more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListDelegate</name>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>Message deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::EditHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current version, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::EmojiPicker</name>
    <message>
        <source>Emoji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an emoji</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::FileDownload</name>
    <message>
        <source>The download folder cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::FileOpener</name>
    <message>
        <source>Save file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::FileSender</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::FileUpload</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::FindBar</name>
    <message>
        <source>Find in conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::GroupUi</name>
    <message>
        <source>New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are no longer a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left this group or were removed from it: you can read it, not write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has seen it yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ImageViewer</name>
    <message>
        <source>Previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::JumpDialog</name>
    <message>
        <source>Jump to a conversation or person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a conversation or person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online · start a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline · start a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation · online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one else is on this server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t search the server right now: showing only what is on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::LocalServerHost</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped (exit code %1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not start within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::LoginDialog</name>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Natter (profile %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in, or create an account on your server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address your server&apos;s administrator gave you (ws:// or wss://)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong username or password. Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That username is already taken. Please choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up (TLS error). Check the address, or ask the server&apos;s administrator about its certificate.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Is it running, and is the address right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has too many open windows. Close one and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server speaks a different version of the protocol. Check the address (it ends in /v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not take new accounts; ask its admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the server&apos;s name or address (chat.lan, 192.168.1.5:7467) or its ws:// or wss:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usernames have 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and start with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too common (or only spaces); choose another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MainWindow</name>
    <message>
        <source>Pick a conversation to start chatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl+K to find anyone on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to first message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natter %1
Self-hosted desktop chat.

Profile: %2
Server: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a first message before files to start this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when Natter starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MembersPanel</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave %1? You will keep what you received but see nothing new.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MentionCompleter</name>
    <message>
        <source>Members to mention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MessageBubbleDelegate</name>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the server refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited (right-click, Show edit history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MessageInfoDialog</name>
    <message>
        <source>Message info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MessageListModel</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted message)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MessageMenu</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save file as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show edit history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::MessageView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::NearbyServersPanel</name>
    <message>
        <source>Search again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for servers on my network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a server to use its address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a Natter server in the background while this app is open, so people on your network can join you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not looking for servers. Type the address your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your server “%1” is running on this computer. People on your network find it in their sign-in window; create your account to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server on this computer could not start. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for Natter servers on your network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address, or host one on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found one server. Click it to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1 servers. Click one to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a server on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosting a server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody picked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick at least one person to be in the group with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group has at most %1 members.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::OfflineBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You are offline. Trying again in %n s. Messages you send go out when the connection is back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline. Messages you send go out when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::OnlineListView</name>
    <message>
        <source>Contacts online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown while you are offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one you talk with is online right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was online when the connection dropped; unknown until it is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click someone to chat with them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ReplyUi</name>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to the selected or newest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::SearchDialog</name>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages… (from:name in:conversation before:2026-11-01 after:2026-10-01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::SearchModel</name>
    <message numerus="yes">
        <source>Searching too often: try again in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot search for that: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That conversation cannot be searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search needs a connection to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one called “%1” in your conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date like 2026-11-01.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::SearchUi</name>
    <message>
        <source>Search all messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ServerConnection</name>
    <message>
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: the server&apos;s certificate is not the one you trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::SessionController</name>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were signed out: this session was ended on the server (signed out elsewhere, password changed, account disabled, or the sign-in expired). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit your last message (empty compose box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous / next message in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu of the current message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between the window&apos;s parts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::Sidebar</name>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search or jump to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a conversation or person (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet.
Press Ctrl+K to find someone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People you have a conversation with who are online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts online — unknown (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts online — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts online</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::TypingIndicator</name>
    <message>
        <source>Typing indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>natter::client::UploadsBar</name>
    <message>
        <source>Sending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2, %3/s%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
