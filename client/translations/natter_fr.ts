<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ErrorText</name>
    <message>
        <source>The server did not accept this request.</source>
        <translation>Le serveur n’a pas accepté cette demande.</translation>
    </message>
    <message>
        <source>This server does not support this yet. Is it older than the app?</source>
        <translation>Ce serveur ne prend pas encore cela en charge. Est-il plus ancien que l’application ?</translation>
    </message>
    <message>
        <source>You are not signed in any more.</source>
        <translation>Vous n’êtes plus connecté.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n’êtes pas autorisé à faire cela.</translation>
    </message>
    <message>
        <source>That is not there any more, or not yours to see.</source>
        <translation>Cet élément n’existe plus, ou vous n’avez pas le droit de le voir.</translation>
    </message>
    <message>
        <source>That cannot be done in its present state.</source>
        <translation>Impossible dans l’état actuel.</translation>
    </message>
    <message>
        <source>That is too long for the server.</source>
        <translation>C’est trop long pour le serveur.</translation>
    </message>
    <message>
        <source>The server is not available right now. It is tried again.</source>
        <translation>Le serveur n’est pas disponible pour le moment. Nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>Your storage on this server is full.</source>
        <translation>Votre espace sur ce serveur est plein.</translation>
    </message>
    <message>
        <source>The server has no room for this now.</source>
        <translation>Le serveur n’a pas de place pour cela en ce moment.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent.</source>
        <translation>Le fichier a changé pendant l’envoi.</translation>
    </message>
    <message>
        <source>The server could not do this: %1</source>
        <translation>Le serveur n’a pas pu le faire : %1</translation>
    </message>
    <message>
        <source>Too many requests. Try again in %1 s.</source>
        <translation>Trop de demandes. Réessayez dans %1 s.</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>This file is larger than the server accepts.</source>
        <translation>Ce fichier dépasse la taille acceptée par le serveur.</translation>
    </message>
    <message>
        <source>Your storage on this server is full. Delete files you sent to make room.</source>
        <translation>Votre espace sur ce serveur est plein. Supprimez des fichiers envoyés pour faire de la place.</translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation>Le serveur n’a pas de place pour ce fichier en ce moment.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent. Try again.</source>
        <translation>Le fichier a changé pendant l’envoi. Réessayez.</translation>
    </message>
    <message>
        <source>This file is no longer available.</source>
        <translation>Ce fichier n’est plus disponible.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Vous n’êtes pas connecté.</translation>
    </message>
    <message>
        <source>Too many transfers at once. Try again in a moment.</source>
        <translation>Trop de transferts à la fois. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>This server does not accept files.</source>
        <translation>Ce serveur n’accepte pas de fichiers.</translation>
    </message>
    <message>
        <source>The file could not be transferred.</source>
        <translation>Le fichier n’a pas pu être transféré.</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>WARNING: the certificate of %1 has CHANGED since you trusted it.
This can mean someone is intercepting the connection. Only continue if the server&apos;s administrator confirms this new fingerprint:

%2</source>
        <translation>ATTENTION : le certificat de %1 a CHANGÉ depuis que vous lui avez fait confiance.
Cela peut signifier que quelqu’un intercepte la connexion. Ne continuez que si l’administrateur du serveur confirme cette nouvelle empreinte :

%2</translation>
    </message>
    <message>
        <source>The server %1 uses a certificate that no known authority has signed (usual for a server on your own network).

Trust it if this fingerprint matches what the server&apos;s administrator tells you:

%2</source>
        <translation>Le serveur %1 utilise un certificat qu’aucune autorité connue n’a signé (habituel pour un serveur sur votre propre réseau).

Faites-lui confiance si cette empreinte correspond à ce que vous indique l’administrateur du serveur :

%2</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Faire confiance à ce serveur ?</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Faire confiance et se connecter</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Réagir</translation>
    </message>
</context>
<context>
    <name>TransferBar</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Sending: %1</source>
        <translation>Envoi : %1</translation>
    </message>
    <message>
        <source>Downloading: %1</source>
        <translation>Téléchargement : %1</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>, %1/s</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>, %n seconde restante</numerusform>
            <numerusform>, %n secondes restantes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::AddMembersDialog</name>
    <message>
        <source>Add members</source>
        <translation>Ajouter des membres</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>Trouver des personnes sur ce serveur</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Trouver des personnes</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>%1 (already a member)</source>
        <translation>%1 (déjà membre)</translation>
    </message>
    <message>
        <source>Nobody on this server matches “%1”.</source>
        <translation>Personne sur ce serveur ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Pick someone to add.</source>
        <translation>Choisissez quelqu’un à ajouter.</translation>
    </message>
    <message>
        <source>You are no longer a member of this group.</source>
        <translation>Vous n’êtes plus membre de ce groupe.</translation>
    </message>
    <message numerus="yes">
        <source>A group has at most %1 members: you can add %n more.</source>
        <translation>
            <numerusform>Un groupe compte au plus %1 membres : vous pouvez encore en ajouter %n.</numerusform>
            <numerusform>Un groupe compte au plus %1 membres : vous pouvez encore en ajouter %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::ChatHeader</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>presence unknown while you are offline</source>
        <translation>présence inconnue tant que vous êtes hors ligne</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
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
        <translation>Écrire un message…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Entrée envoie, Maj+Entrée commence une nouvelle ligne</translation>
    </message>
</context>
<context>
    <name>natter::client::ComposePanel</name>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>Annuler la modification (Échap)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation>Caractères restants</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Emoji (Ctrl+E)</source>
        <translation>Emoji (Ctrl+E)</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+O)</source>
        <translation>Joindre des fichiers (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Envoyer un fichier</translation>
    </message>
    <message>
        <source>Too long to send: shorten the message</source>
        <translation>Trop long pour être envoyé : raccourcissez le message</translation>
    </message>
    <message>
        <source>Room left in this message</source>
        <translation>Place restante dans ce message</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>Envoyer des fichiers</translation>
    </message>
    <message>
        <source>Editing: %1</source>
        <translation>Modification : %1</translation>
    </message>
</context>
<context>
    <name>natter::client::ConnectionIndicator</name>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Offline — retrying in %1 s</source>
        <translation>Hors ligne — nouvelle tentative dans %1 s</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
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
        <translation>Cette conversation n’est plus dans votre liste.</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListDelegate</name>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Draft:</source>
        <translation>Brouillon :</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>écrit…</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>Message deleted</source>
        <translation>Message supprimé</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Vous : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n non lu</numerusform>
            <numerusform>%1, %n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, en ligne</translation>
    </message>
</context>
<context>
    <name>natter::client::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>natter::client::EditHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>Current version, %1</source>
        <translation>Version actuelle, %1</translation>
    </message>
    <message>
        <source>Original, %1</source>
        <translation>Original, %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Modifié %1</translation>
    </message>
    <message>
        <source>Versions of the message</source>
        <translation>Versions du message</translation>
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
        <translation>Chercher un emoji</translation>
    </message>
</context>
<context>
    <name>natter::client::FileDownload</name>
    <message>
        <source>The download folder cannot be created.</source>
        <translation>Le dossier de téléchargement ne peut pas être créé.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>Le certificat du serveur n’est pas celui auquel vous avez fait confiance : le fichier n’a donc été ni envoyé ni récupéré.</translation>
    </message>
</context>
<context>
    <name>natter::client::FileOpener</name>
    <message>
        <source>Save file</source>
        <translation>Enregistrer le fichier</translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation>%1 n’a pas pu être téléchargé : %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileSender</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 n’a pas été envoyé : %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileUpload</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Le fichier %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>Le fichier %1 est vide.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>Le certificat du serveur n’est pas celui auquel vous avez fait confiance : le fichier n’a donc été ni envoyé ni récupéré.</translation>
    </message>
</context>
<context>
    <name>natter::client::FindBar</name>
    <message>
        <source>Find in conversation</source>
        <translation>Rechercher dans la conversation</translation>
    </message>
    <message>
        <source>Newer match (Shift+Enter)</source>
        <translation>Résultat plus récent (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Older match (Enter)</source>
        <translation>Résultat plus ancien (Entrée)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 sur %2%3</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
</context>
<context>
    <name>natter::client::GroupUi</name>
    <message>
        <source>New group…</source>
        <translation>Nouveau groupe…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silencieux</translation>
    </message>
    <message>
        <source>No notifications for this conversation</source>
        <translation>Aucune notification pour cette conversation</translation>
    </message>
    <message>
        <source>Show the members</source>
        <translation>Afficher les membres</translation>
    </message>
    <message>
        <source>You are no longer a member</source>
        <translation>Vous n’êtes plus membre</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 membre</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 membres</translation>
    </message>
    <message>
        <source>%1, %2 online</source>
        <translation>%1, %2 en ligne</translation>
    </message>
    <message>
        <source>You left this group or were removed from it: you can read it, not write.</source>
        <translation>Vous avez quitté ce groupe ou en avez été retiré : vous pouvez le lire, pas y écrire.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 écrit…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 écrivent…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n personne écrit…</numerusform>
            <numerusform>%n personnes écrivent…</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Vu par %1 sur %2</translation>
    </message>
    <message>
        <source>Nobody has seen it yet</source>
        <translation>Personne ne l’a encore vu</translation>
    </message>
</context>
<context>
    <name>natter::client::ImageViewer</name>
    <message>
        <source>Previous image</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Image name</source>
        <translation>Nom de l’image</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Dézoomer</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoomer</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copier l’image</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>Enregistrer l’image sous</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 sur %3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Cette image ne peut pas être affichée.</translation>
    </message>
    <message>
        <source>Image, scrolled when zoomed in</source>
        <translation>Image, défilante une fois agrandie</translation>
    </message>
</context>
<context>
    <name>natter::client::JumpDialog</name>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>Aller à une conversation ou une personne</translation>
    </message>
    <message>
        <source>Jump to a conversation or person…</source>
        <translation>Aller à une conversation ou une personne…</translation>
    </message>
    <message>
        <source>Start a conversation</source>
        <translation>Commencer une conversation</translation>
    </message>
    <message>
        <source>Online · start a conversation</source>
        <translation>En ligne · commencer une conversation</translation>
    </message>
    <message>
        <source>Offline · start a conversation</source>
        <translation>Hors ligne · commencer une conversation</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation · online</source>
        <translation>Conversation · en ligne</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Nothing found on this computer.</source>
        <translation>Rien trouvé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No one else is on this server yet.</source>
        <translation>Personne d’autre n’est encore sur ce serveur.</translation>
    </message>
    <message>
        <source>No one found for “%1”.</source>
        <translation>Personne trouvé pour « %1 ».</translation>
    </message>
    <message>
        <source>Can&apos;t search the server right now: showing only what is on this computer.</source>
        <translation>Impossible de chercher sur le serveur pour le moment : seul ce qui est sur cet ordinateur est affiché.</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation>Rechercher des messages (Ctrl+Maj+F)</translation>
    </message>
</context>
<context>
    <name>natter::client::LocalServerHost</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>Impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>The server stopped (exit code %1). %2</source>
        <translation>Le serveur s’est arrêté (code de sortie %1). %2</translation>
    </message>
    <message>
        <source>The server did not start within %1 seconds.</source>
        <translation>Le serveur n’a pas démarré en %1 secondes.</translation>
    </message>
</context>
<context>
    <name>natter::client::LoginDialog</name>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation>Rester connecté sur cet ordinateur</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>Sign in to Natter</source>
        <translation>Se connecter à Natter</translation>
    </message>
    <message>
        <source>Sign in to Natter (profile %1)</source>
        <translation>Se connecter à Natter (profil %1)</translation>
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation>Bienvenue dans Natter</translation>
    </message>
    <message>
        <source>Sign in, or create an account on your server.</source>
        <translation>Connectez-vous, ou créez un compte sur votre serveur.</translation>
    </message>
    <message>
        <source>The address your server&apos;s administrator gave you (ws:// or wss://)</source>
        <translation>L’adresse que l’administrateur de votre serveur vous a donnée (ws:// ou wss://)</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ex. alice</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>au moins 8 caractères</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Afficher le mot de passe</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Nom d’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <source>Wrong username or password. Check both and try again.</source>
        <translation>Nom d’utilisateur ou mot de passe incorrect. Vérifiez les deux et réessayez.</translation>
    </message>
    <message>
        <source>That username is already taken. Please choose another one.</source>
        <translation>Ce nom d’utilisateur est déjà pris. Veuillez en choisir un autre.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up (TLS error). Check the address, or ask the server&apos;s administrator about its certificate.
%2</source>
        <translation>Impossible d’établir une connexion sécurisée avec %1 (erreur TLS). Vérifiez l’adresse, ou interrogez l’administrateur du serveur sur son certificat.
%2</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Is it running, and is the address right?</source>
        <translation>Impossible de joindre le serveur à %1. Est-il démarré, et l’adresse est-elle correcte ?</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Trop de tentatives. Veuillez patienter %n seconde et réessayer.</numerusform>
            <numerusform>Trop de tentatives. Veuillez patienter %n secondes et réessayer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>Trop de tentatives. Veuillez patienter un instant et réessayer.</translation>
    </message>
    <message>
        <source>This account has too many open windows. Close one and try again.</source>
        <translation>Ce compte a trop de fenêtres ouvertes. Fermez-en une et réessayez.</translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <translation>Le serveur n’a pas accepté ceci : %1</translation>
    </message>
    <message>
        <source>This server speaks a different version of the protocol. Check the address (it ends in /v1).</source>
        <translation>Ce serveur parle une autre version du protocole. Vérifiez l’adresse (elle se termine par /v1).</translation>
    </message>
    <message>
        <source>The server reported a problem: %1</source>
        <translation>Le serveur a signalé un problème : %1</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Création de votre compte…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>This server does not take new accounts; ask its admin.</source>
        <translation>Ce serveur n’accepte pas de nouveaux comptes ; demandez à son administrateur.</translation>
    </message>
    <message>
        <source>Type the server&apos;s name or address (chat.lan, 192.168.1.5:7467) or its ws:// or wss:// URL.</source>
        <translation>Saisissez le nom ou l’adresse du serveur (chat.lan, 192.168.1.5:7467) ou son URL ws:// ou wss://.</translation>
    </message>
    <message>
        <source>Usernames have 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and start with a letter or digit.</source>
        <translation>Les noms d’utilisateur comptent 3 à 32 lettres, chiffres, &apos;.&apos;, &apos;_&apos; ou &apos;-&apos;, et commencent par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Le mot de passe doit comporter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>This password is too common (or only spaces); choose another.</source>
        <translation>Ce mot de passe est trop courant (ou ne contient que des espaces) ; choisissez-en un autre.</translation>
    </message>
</context>
<context>
    <name>natter::client::MainWindow</name>
    <message>
        <source>Pick a conversation to start chatting</source>
        <translation>Choisissez une conversation pour discuter</translation>
    </message>
    <message>
        <source>Press Ctrl+K to find anyone on this server.</source>
        <translation>Appuyez sur Ctrl+K pour trouver quelqu’un sur ce serveur.</translation>
    </message>
    <message>
        <source>Jump to…</source>
        <translation>Aller à…</translation>
    </message>
    <message>
        <source>Jump to first message</source>
        <translation>Aller au premier message</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Se déconnecter…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation>Se déconnecter de %1 ?</translation>
    </message>
    <message>
        <source>About Natter</source>
        <translation>À propos de Natter</translation>
    </message>
    <message>
        <source>Natter %1
Self-hosted desktop chat.

Profile: %2
Server: %3</source>
        <translation>Natter %1
Messagerie de bureau auto-hébergée.

Profil : %2
Serveur : %3</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Show message text</source>
        <translation>Afficher le texte des messages</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Jouer un son</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>Conversation précédente</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>Conversation suivante</translation>
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
        <translation>Envoyez d’abord un message avant des fichiers pour commencer cette discussion.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The language changes when Natter starts again.</source>
        <translation>La langue change au prochain démarrage de Natter.</translation>
    </message>
</context>
<context>
    <name>natter::client::MembersPanel</name>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Quitter le groupe…</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Renommer le groupe</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <source> · admin</source>
        <translation> · administrateur</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>Remove admin</source>
        <translation>Retirer l’administration</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Quitter le groupe</translation>
    </message>
    <message>
        <source>Leave %1? You will keep what you received but see nothing new.</source>
        <translation>Quitter %1 ? Vous garderez ce que vous avez reçu mais ne verrez plus rien de nouveau.</translation>
    </message>
</context>
<context>
    <name>natter::client::MentionCompleter</name>
    <message>
        <source>Members to mention</source>
        <translation>Membres à mentionner</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageBubbleDelegate</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Not sent: the server refused it</source>
        <translation>Non envoyé : le serveur l’a refusé</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Distribué</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Ce message a été supprimé</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Edited (right-click, Show edit history)</source>
        <translation>Modifié (clic droit, Afficher l’historique des modifications)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageInfoDialog</name>
    <message>
        <source>Message info</source>
        <translation>Infos du message</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>Vu par</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>Pas encore vu</translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation>%1 (reçu)</translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Vu par %1 sur %2</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageListModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Ce message a été supprimé</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Fichier %1</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Fichier %1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <source>%1 Sending.</source>
        <translation>%1 Envoi en cours.</translation>
    </message>
    <message>
        <source>%1 Not sent.</source>
        <translation>%1 Non envoyé.</translation>
    </message>
    <message>
        <source>%1 Sent.</source>
        <translation>%1 Envoyé.</translation>
    </message>
    <message>
        <source>%1 Delivered.</source>
        <translation>%1 Distribué.</translation>
    </message>
    <message>
        <source>%1 Read.</source>
        <translation>%1 Lu.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>(deleted message)</source>
        <translation>(message supprimé)</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageMenu</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <source>Save file as…</source>
        <translation>Enregistrer le fichier sous…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Show edit history</source>
        <translation>Afficher l’historique des modifications</translation>
    </message>
    <message>
        <source>Message info</source>
        <translation>Infos du message</translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation>Supprimer pour moi</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Supprimer pour tout le monde</translation>
    </message>
    <message>
        <source>Delete for everyone?</source>
        <translation>Supprimer pour tout le monde ?</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation? This cannot be undone.</source>
        <translation>Supprimer ce message pour tous les participants de la conversation ? Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Pas encore de messages. Dites bonjour !</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>Aller au message le plus récent</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Aller aux derniers</translation>
    </message>
</context>
<context>
    <name>natter::client::NearbyServersPanel</name>
    <message>
        <source>Search again</source>
        <translation>Chercher à nouveau</translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation>Héberger un serveur sur cet ordinateur</translation>
    </message>
    <message>
        <source>Look for servers on my network</source>
        <translation>Chercher des serveurs sur mon réseau</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Serveurs sur votre réseau</translation>
    </message>
    <message>
        <source>Click a server to use its address</source>
        <translation>Cliquez sur un serveur pour utiliser son adresse</translation>
    </message>
    <message>
        <source>Runs a Natter server in the background while this app is open, so people on your network can join you</source>
        <translation>Fait tourner un serveur Natter en arrière-plan tant que cette application est ouverte, pour que les personnes de votre réseau puissent vous rejoindre</translation>
    </message>
    <message>
        <source>Not looking for servers. Type the address your administrator gave you.</source>
        <translation>Pas de recherche de serveurs. Saisissez l’adresse que votre administrateur vous a donnée.</translation>
    </message>
    <message>
        <source>Your server “%1” is running on this computer. People on your network find it in their sign-in window; create your account to start.</source>
        <translation>Votre serveur « %1 » tourne sur cet ordinateur. Les personnes de votre réseau le trouvent dans leur fenêtre de connexion ; créez votre compte pour commencer.</translation>
    </message>
    <message>
        <source>The server on this computer could not start. %1</source>
        <translation>Le serveur de cet ordinateur n’a pas pu démarrer. %1</translation>
    </message>
    <message>
        <source>Looking for Natter servers on your network…</source>
        <translation>Recherche de serveurs Natter sur votre réseau…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address, or host one on this computer.</source>
        <translation>Aucun serveur Natter n’a répondu sur votre réseau. Saisissez l’adresse d’un serveur, ou hébergez-en un sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address.</source>
        <translation>Aucun serveur Natter n’a répondu sur votre réseau. Saisissez l’adresse d’un serveur.</translation>
    </message>
    <message>
        <source>Found one server. Click it to use it.</source>
        <translation>Un serveur trouvé. Cliquez dessus pour l’utiliser.</translation>
    </message>
    <message>
        <source>Found %1 servers. Click one to use it.</source>
        <translation>%1 serveurs trouvés. Cliquez sur l’un d’eux pour l’utiliser.</translation>
    </message>
    <message>
        <source>Starting a server on this computer…</source>
        <translation>Démarrage d’un serveur sur cet ordinateur…</translation>
    </message>
    <message>
        <source>Hosting a server on this computer</source>
        <translation>Un serveur est hébergé sur cet ordinateur</translation>
    </message>
</context>
<context>
    <name>natter::client::NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Nouveau groupe</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>Trouver des personnes sur ce serveur</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Trouver des personnes</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>Nobody picked yet</source>
        <translation>Personne n’est encore choisi</translation>
    </message>
    <message>
        <source>With you: %1</source>
        <translation>Avec vous : %1</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Donnez un nom au groupe.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>Le nom est trop long : au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Pick at least one person to be in the group with you.</source>
        <translation>Choisissez au moins une personne pour être dans le groupe avec vous.</translation>
    </message>
    <message>
        <source>A group has at most %1 members.</source>
        <translation>Un groupe compte au plus %1 membres.</translation>
    </message>
</context>
<context>
    <name>natter::client::OfflineBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>Se reconnecter maintenant</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Reconnecting to the server…</source>
        <translation>Reconnexion au serveur…</translation>
    </message>
    <message numerus="yes">
        <source>You are offline. Trying again in %n s. Messages you send go out when the connection is back.</source>
        <translation>
            <numerusform>Vous êtes hors ligne. Nouvelle tentative dans %n s. Vos messages partiront au retour de la connexion.</numerusform>
            <numerusform>Vous êtes hors ligne. Nouvelle tentative dans %n s. Vos messages partiront au retour de la connexion.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline. Messages you send go out when the connection is back.</source>
        <translation>Vous êtes hors ligne. Vos messages partiront au retour de la connexion.</translation>
    </message>
</context>
<context>
    <name>natter::client::OnlineListView</name>
    <message>
        <source>Contacts online</source>
        <translation>Contacts en ligne</translation>
    </message>
    <message>
        <source>Unknown while you are offline.</source>
        <translation>Inconnu tant que vous êtes hors ligne.</translation>
    </message>
    <message>
        <source>No one you talk with is online right now.</source>
        <translation>Personne avec qui vous discutez n’est en ligne pour le moment.</translation>
    </message>
    <message>
        <source>Who was online when the connection dropped; unknown until it is back</source>
        <translation>Qui était en ligne quand la connexion a été coupée ; inconnu jusqu’à son retour</translation>
    </message>
    <message>
        <source>Double-click someone to chat with them</source>
        <translation>Double-cliquez sur quelqu’un pour discuter</translation>
    </message>
</context>
<context>
    <name>natter::client::ReplyUi</name>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>Annuler la réponse (Échap)</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Annuler la réponse</translation>
    </message>
    <message>
        <source>Reply to the selected or newest message</source>
        <translation>Répondre au message sélectionné ou au plus récent</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Réponse à %1 : %2</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchDialog</name>
    <message>
        <source>Load more</source>
        <translation>Charger plus</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Rechercher des messages</translation>
    </message>
    <message>
        <source>Search messages… (from:name in:conversation before:2026-11-01 after:2026-10-01)</source>
        <translation>Rechercher des messages… (from:nom in:conversation before:2026-11-01 after:2026-10-01)</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Retirer ce filtre</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Aucun message trouvé.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchModel</name>
    <message numerus="yes">
        <source>Searching too often: try again in %n s</source>
        <translation>
            <numerusform>Recherches trop fréquentes : réessayez dans %n s</numerusform>
            <numerusform>Recherches trop fréquentes : réessayez dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot search for that: %1</source>
        <translation>Impossible de chercher cela : %1</translation>
    </message>
    <message>
        <source>The search is too long.</source>
        <translation>La recherche est trop longue.</translation>
    </message>
    <message>
        <source>That conversation cannot be searched.</source>
        <translation>Cette conversation ne peut pas être recherchée.</translation>
    </message>
    <message>
        <source>Search needs a connection to the server.</source>
        <translation>La recherche a besoin d’une connexion au serveur.</translation>
    </message>
    <message>
        <source>No one called “%1” in your conversations.</source>
        <translation>Personne appelé « %1 » dans vos conversations.</translation>
    </message>
    <message>
        <source>No conversation called “%1”.</source>
        <translation>Aucune conversation appelée « %1 ».</translation>
    </message>
    <message>
        <source>“%1” is not a date like 2026-11-01.</source>
        <translation>« %1 » n’est pas une date comme 2026-11-01.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchUi</name>
    <message>
        <source>Search all messages</source>
        <translation>Rechercher dans tous les messages</translation>
    </message>
    <message>
        <source>Find in this conversation</source>
        <translation>Rechercher dans cette conversation</translation>
    </message>
</context>
<context>
    <name>natter::client::ServerConnection</name>
    <message>
        <source>TLS error: %1</source>
        <translation>Erreur TLS : %1</translation>
    </message>
    <message>
        <source>TLS error: the server&apos;s certificate is not the one you trusted</source>
        <translation>Erreur TLS : le certificat du serveur n’est pas celui auquel vous avez fait confiance</translation>
    </message>
    <message>
        <source>the connection was replaced</source>
        <translation>la connexion a été remplacée</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>le serveur n’a pas répondu</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>pas de réponse en %1 s</translation>
    </message>
</context>
<context>
    <name>natter::client::SessionController</name>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Impossible de joindre le serveur : %1</translation>
    </message>
    <message>
        <source>You were signed out: this session was ended on the server (signed out elsewhere, password changed, account disabled, or the sign-in expired). Sign in again.</source>
        <translation>Vous avez été déconnecté : cette session a été fermée sur le serveur (déconnexion ailleurs, mot de passe changé, compte désactivé ou connexion expirée). Reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>natter::client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nouvelle ligne dans le message</translation>
    </message>
    <message>
        <source>Edit your last message (empty compose box)</source>
        <translation>Modifier votre dernier message (zone de saisie vide)</translation>
    </message>
    <message>
        <source>Previous / next message in the list</source>
        <translation>Message précédent / suivant dans la liste</translation>
    </message>
    <message>
        <source>Menu of the current message</source>
        <translation>Menu du message courant</translation>
    </message>
    <message>
        <source>Move between the window&apos;s parts</source>
        <translation>Passer d’une partie de la fenêtre à l’autre</translation>
    </message>
</context>
<context>
    <name>natter::client::Sidebar</name>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Search or jump to…</source>
        <translation>Chercher ou aller à…</translation>
    </message>
    <message>
        <source>Jump to a conversation or person (Ctrl+K)</source>
        <translation>Aller à une conversation ou une personne (Ctrl+K)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>No conversations yet.
Press Ctrl+K to find someone.</source>
        <translation>Pas encore de conversations.
Appuyez sur Ctrl+K pour trouver quelqu’un.</translation>
    </message>
    <message>
        <source>People you have a conversation with who are online</source>
        <translation>Les personnes en ligne avec qui vous avez une conversation</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Contacts online — unknown (offline)</source>
        <translation>Contacts en ligne — inconnu (hors ligne)</translation>
    </message>
    <message>
        <source>Contacts online — %1</source>
        <translation>Contacts en ligne — %1</translation>
    </message>
    <message>
        <source>Contacts online</source>
        <translation>Contacts en ligne</translation>
    </message>
</context>
<context>
    <name>natter::client::TransfersBar</name>
    <message>
        <source>%1 (downloading)</source>
        <translation>%1 (téléchargement)</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>Envoi de %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Téléchargement de %1</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Cancel sending %1</source>
        <translation>Annuler l’envoi de %1</translation>
    </message>
    <message>
        <source>Cancel downloading %1</source>
        <translation>Annuler le téléchargement de %1</translation>
    </message>
    <message>
        <source>%1 of %2, %3/s%4</source>
        <translation>%1 sur %2, %3/s%4</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>, %n seconde restante</numerusform>
            <numerusform>, %n secondes restantes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation>Afficher Natter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
</context>
<context>
    <name>natter::client::TypingIndicator</name>
    <message>
        <source>Typing indicator</source>
        <translation>Indicateur de saisie</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 écrit…</translation>
    </message>
</context>
</TS>
