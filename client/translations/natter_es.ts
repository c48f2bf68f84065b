<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ErrorText</name>
    <message>
        <source>The server did not accept this request.</source>
        <translation>El servidor no aceptó esta solicitud.</translation>
    </message>
    <message>
        <source>This server does not support this yet. Is it older than the app?</source>
        <translation>Este servidor todavía no admite esto. ¿Es más antiguo que la aplicación?</translation>
    </message>
    <message>
        <source>You are not signed in any more.</source>
        <translation>Ya no has iniciado sesión.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>No tienes permiso para hacer esto.</translation>
    </message>
    <message>
        <source>That is not there any more, or not yours to see.</source>
        <translation>Eso ya no existe, o no tienes permiso para verlo.</translation>
    </message>
    <message>
        <source>That cannot be done in its present state.</source>
        <translation>No se puede hacer en su estado actual.</translation>
    </message>
    <message>
        <source>That is too long for the server.</source>
        <translation>Es demasiado largo para el servidor.</translation>
    </message>
    <message>
        <source>The server is not available right now. It is tried again.</source>
        <translation>El servidor no está disponible ahora. Se volverá a intentar.</translation>
    </message>
    <message>
        <source>Your storage on this server is full.</source>
        <translation>Tu espacio en este servidor está lleno.</translation>
    </message>
    <message>
        <source>The server has no room for this now.</source>
        <translation>El servidor no tiene espacio para esto ahora.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent.</source>
        <translation>El archivo cambió mientras se enviaba.</translation>
    </message>
    <message>
        <source>The server could not do this: %1</source>
        <translation>El servidor no pudo hacerlo: %1</translation>
    </message>
    <message>
        <source>Too many requests. Try again in %1 s.</source>
        <translation>Demasiadas solicitudes. Inténtalo de nuevo en %1 s.</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>This file is larger than the server accepts.</source>
        <translation>Este archivo es más grande de lo que acepta el servidor.</translation>
    </message>
    <message>
        <source>Your storage on this server is full. Delete files you sent to make room.</source>
        <translation>Tu espacio en este servidor está lleno. Borra archivos que enviaste para hacer sitio.</translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation>El servidor no tiene espacio para este archivo ahora.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent. Try again.</source>
        <translation>El archivo cambió mientras se enviaba. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>This file is no longer available.</source>
        <translation>Este archivo ya no está disponible.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>No has iniciado sesión.</translation>
    </message>
    <message>
        <source>Too many transfers at once. Try again in a moment.</source>
        <translation>Demasiadas transferencias a la vez. Inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>This server does not accept files.</source>
        <translation>Este servidor no acepta archivos.</translation>
    </message>
    <message>
        <source>The file could not be transferred.</source>
        <translation>No se pudo transferir el archivo.</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>New messages</source>
        <translation>Mensajes nuevos</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>WARNING: the certificate of %1 has CHANGED since you trusted it.
This can mean someone is intercepting the connection. Only continue if the server&apos;s administrator confirms this new fingerprint:

%2</source>
        <translation>ADVERTENCIA: el certificado de %1 ha CAMBIADO desde que confiaste en él.
Esto puede significar que alguien está interceptando la conexión. Continúa solo si el administrador del servidor confirma esta nueva huella:

%2</translation>
    </message>
    <message>
        <source>The server %1 uses a certificate that no known authority has signed (usual for a server on your own network).

Trust it if this fingerprint matches what the server&apos;s administrator tells you:

%2</source>
        <translation>El servidor %1 usa un certificado que ninguna autoridad conocida ha firmado (habitual en un servidor de tu propia red).

Confía en él si esta huella coincide con la que te indique el administrador del servidor:

%2</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>¿Confiar en este servidor?</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Confiar y conectar</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reaccionar</translation>
    </message>
</context>
<context>
    <name>TransferBar</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Sending: %1</source>
        <translation>Enviando: %1</translation>
    </message>
    <message>
        <source>Downloading: %1</source>
        <translation>Descargando: %1</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>, %1/s</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>, queda %n segundo</numerusform>
            <numerusform>, quedan %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::AddMembersDialog</name>
    <message>
        <source>Add members</source>
        <translation>Añadir miembros</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>Buscar personas en este servidor</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>El servidor lo rechazó: %1</translation>
    </message>
    <message>
        <source>%1 (already a member)</source>
        <translation>%1 (ya es miembro)</translation>
    </message>
    <message>
        <source>Nobody on this server matches “%1”.</source>
        <translation>Nadie en este servidor coincide con «%1».</translation>
    </message>
    <message>
        <source>Pick someone to add.</source>
        <translation>Elige a alguien para añadir.</translation>
    </message>
    <message>
        <source>You are no longer a member of this group.</source>
        <translation>Ya no eres miembro de este grupo.</translation>
    </message>
    <message numerus="yes">
        <source>A group has at most %1 members: you can add %n more.</source>
        <translation>
            <numerusform>Un grupo tiene como máximo %1 miembros: puedes añadir %n más.</numerusform>
            <numerusform>Un grupo tiene como máximo %1 miembros: puedes añadir %n más.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::ChatHeader</name>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>presence unknown while you are offline</source>
        <translation>presencia desconocida mientras estás sin conexión</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
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
        <translation>Escribe un mensaje…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Intro envía, Mayús+Intro empieza una línea nueva</translation>
    </message>
</context>
<context>
    <name>natter::client::ComposePanel</name>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>Cancelar la edición (Esc)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancelar la edición</translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation>Caracteres restantes</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Intro)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
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
        <translation>Adjuntar archivos (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Enviar un archivo</translation>
    </message>
    <message>
        <source>Too long to send: shorten the message</source>
        <translation>Demasiado largo para enviarlo: acorta el mensaje</translation>
    </message>
    <message>
        <source>Room left in this message</source>
        <translation>Espacio restante en este mensaje</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>Enviar archivos</translation>
    </message>
    <message>
        <source>Editing: %1</source>
        <translation>Editando: %1</translation>
    </message>
</context>
<context>
    <name>natter::client::ConnectionIndicator</name>
    <message>
        <source>Connection state</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Offline — retrying in %1 s</source>
        <translation>Sin conexión — reintento en %1 s</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
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
        <translation>Esa conversación ya no está en tu lista.</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListDelegate</name>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Draft:</source>
        <translation>Borrador:</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>escribiendo…</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>Message deleted</source>
        <translation>Mensaje eliminado</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Tú: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n sin leer</numerusform>
            <numerusform>%1, %n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, en línea</translation>
    </message>
</context>
<context>
    <name>natter::client::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>natter::client::EditHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation>Historial de ediciones</translation>
    </message>
    <message>
        <source>Current version, %1</source>
        <translation>Versión actual, %1</translation>
    </message>
    <message>
        <source>Original, %1</source>
        <translation>Original, %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Editado %1</translation>
    </message>
    <message>
        <source>Versions of the message</source>
        <translation>Versiones del mensaje</translation>
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
        <translation>Buscar un emoji</translation>
    </message>
</context>
<context>
    <name>natter::client::FileDownload</name>
    <message>
        <source>The download folder cannot be created.</source>
        <translation>No se puede crear la carpeta de descargas.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>El certificado del servidor no es el que aceptaste, así que el archivo no se envió ni se descargó.</translation>
    </message>
</context>
<context>
    <name>natter::client::FileOpener</name>
    <message>
        <source>Save file</source>
        <translation>Guardar archivo</translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation>No se pudo descargar %1: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileSender</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>No se envió %1: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileUpload</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>No se puede leer el archivo %1.</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>El archivo %1 está vacío.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>El certificado del servidor no es el que aceptaste, así que el archivo no se envió ni se descargó.</translation>
    </message>
</context>
<context>
    <name>natter::client::FindBar</name>
    <message>
        <source>Find in conversation</source>
        <translation>Buscar en la conversación</translation>
    </message>
    <message>
        <source>Newer match (Shift+Enter)</source>
        <translation>Coincidencia más reciente (Mayús+Intro)</translation>
    </message>
    <message>
        <source>Older match (Enter)</source>
        <translation>Coincidencia más antigua (Intro)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 de %2%3</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Sin resultados</translation>
    </message>
</context>
<context>
    <name>natter::client::GroupUi</name>
    <message>
        <source>New group…</source>
        <translation>Nuevo grupo…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>No notifications for this conversation</source>
        <translation>Sin notificaciones para esta conversación</translation>
    </message>
    <message>
        <source>Show the members</source>
        <translation>Mostrar los miembros</translation>
    </message>
    <message>
        <source>You are no longer a member</source>
        <translation>Ya no eres miembro</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 miembro</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 miembros</translation>
    </message>
    <message>
        <source>%1, %2 online</source>
        <translation>%1, %2 en línea</translation>
    </message>
    <message>
        <source>You left this group or were removed from it: you can read it, not write.</source>
        <translation>Saliste de este grupo o te quitaron: puedes leerlo, pero no escribir.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 y %2 están escribiendo…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n persona está escribiendo…</numerusform>
            <numerusform>%n personas están escribiendo…</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Visto por %1 de %2</translation>
    </message>
    <message>
        <source>Nobody has seen it yet</source>
        <translation>Nadie lo ha visto aún</translation>
    </message>
</context>
<context>
    <name>natter::client::ImageViewer</name>
    <message>
        <source>Previous image</source>
        <translation>Imagen anterior</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Imagen siguiente</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Image name</source>
        <translation>Nombre de la imagen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copiar imagen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>Guardar imagen como</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 de %3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>No se puede mostrar esta imagen.</translation>
    </message>
    <message>
        <source>Image, scrolled when zoomed in</source>
        <translation>Imagen, desplazable al ampliar</translation>
    </message>
</context>
<context>
    <name>natter::client::JumpDialog</name>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>Ir a una conversación o persona</translation>
    </message>
    <message>
        <source>Jump to a conversation or person…</source>
        <translation>Ir a una conversación o persona…</translation>
    </message>
    <message>
        <source>Start a conversation</source>
        <translation>Empezar una conversación</translation>
    </message>
    <message>
        <source>Online · start a conversation</source>
        <translation>En línea · empezar una conversación</translation>
    </message>
    <message>
        <source>Offline · start a conversation</source>
        <translation>Sin conexión · empezar una conversación</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation · online</source>
        <translation>Conversación · en línea</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Nothing found on this computer.</source>
        <translation>No se encontró nada en este equipo.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No one else is on this server yet.</source>
        <translation>Todavía no hay nadie más en este servidor.</translation>
    </message>
    <message>
        <source>No one found for “%1”.</source>
        <translation>No se encontró a nadie para «%1».</translation>
    </message>
    <message>
        <source>Can&apos;t search the server right now: showing only what is on this computer.</source>
        <translation>No se puede buscar en el servidor ahora: solo se muestra lo que hay en este equipo.</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation>Buscar mensajes (Ctrl+Mayús+F)</translation>
    </message>
</context>
<context>
    <name>natter::client::LocalServerHost</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>No se pudo iniciar %1: %2</translation>
    </message>
    <message>
        <source>The server stopped (exit code %1). %2</source>
        <translation>El servidor se detuvo (código de salida %1). %2</translation>
    </message>
    <message>
        <source>The server did not start within %1 seconds.</source>
        <translation>El servidor no arrancó en %1 segundos.</translation>
    </message>
</context>
<context>
    <name>natter::client::LoginDialog</name>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation>Mantener la sesión iniciada en este equipo</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Sign in to Natter</source>
        <translation>Iniciar sesión en Natter</translation>
    </message>
    <message>
        <source>Sign in to Natter (profile %1)</source>
        <translation>Iniciar sesión en Natter (perfil %1)</translation>
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation>Te damos la bienvenida a Natter</translation>
    </message>
    <message>
        <source>Sign in, or create an account on your server.</source>
        <translation>Inicia sesión o crea una cuenta en tu servidor.</translation>
    </message>
    <message>
        <source>The address your server&apos;s administrator gave you (ws:// or wss://)</source>
        <translation>La dirección que te dio el administrador de tu servidor (ws:// o wss://)</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ej., alice</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>al menos 8 caracteres</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostrar la contraseña</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>el servidor</translation>
    </message>
    <message>
        <source>Wrong username or password. Check both and try again.</source>
        <translation>Usuario o contraseña incorrectos. Revisa ambos e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>That username is already taken. Please choose another one.</source>
        <translation>Ese nombre de usuario ya está en uso. Elige otro.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up (TLS error). Check the address, or ask the server&apos;s administrator about its certificate.
%2</source>
        <translation>No se pudo establecer una conexión segura con %1 (error de TLS). Revisa la dirección o pregunta al administrador del servidor por su certificado.
%2</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Is it running, and is the address right?</source>
        <translation>No se puede contactar con el servidor en %1. ¿Está en marcha y la dirección es correcta?</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Demasiados intentos. Espera %n segundo e inténtalo de nuevo.</numerusform>
            <numerusform>Demasiados intentos. Espera %n segundos e inténtalo de nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>Demasiados intentos. Espera un momento e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>This account has too many open windows. Close one and try again.</source>
        <translation>Esta cuenta tiene demasiadas ventanas abiertas. Cierra una e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <translation>El servidor no aceptó esto: %1</translation>
    </message>
    <message>
        <source>This server speaks a different version of the protocol. Check the address (it ends in /v1).</source>
        <translation>Este servidor habla otra versión del protocolo. Revisa la dirección (termina en /v1).</translation>
    </message>
    <message>
        <source>The server reported a problem: %1</source>
        <translation>El servidor informó de un problema: %1</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Creando tu cuenta…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>This server does not take new accounts; ask its admin.</source>
        <translation>Este servidor no acepta cuentas nuevas; pregunta a su administrador.</translation>
    </message>
    <message>
        <source>Type the server&apos;s name or address (chat.lan, 192.168.1.5:7467) or its ws:// or wss:// URL.</source>
        <translation>Escribe el nombre o la dirección del servidor (chat.lan, 192.168.1.5:7467) o su URL ws:// o wss://.</translation>
    </message>
    <message>
        <source>Usernames have 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and start with a letter or digit.</source>
        <translation>Los nombres de usuario tienen de 3 a 32 letras, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;, y empiezan por una letra o un dígito.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>La contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>This password is too common (or only spaces); choose another.</source>
        <translation>Esta contraseña es demasiado común (o solo espacios); elige otra.</translation>
    </message>
</context>
<context>
    <name>natter::client::MainWindow</name>
    <message>
        <source>Pick a conversation to start chatting</source>
        <translation>Elige una conversación para empezar a chatear</translation>
    </message>
    <message>
        <source>Press Ctrl+K to find anyone on this server.</source>
        <translation>Pulsa Ctrl+K para encontrar a cualquiera en este servidor.</translation>
    </message>
    <message>
        <source>Jump to…</source>
        <translation>Ir a…</translation>
    </message>
    <message>
        <source>Jump to first message</source>
        <translation>Ir al primer mensaje</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Cerrar sesión…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation>¿Cerrar sesión en %1?</translation>
    </message>
    <message>
        <source>About Natter</source>
        <translation>Acerca de Natter</translation>
    </message>
    <message>
        <source>Natter %1
Self-hosted desktop chat.

Profile: %2
Server: %3</source>
        <translation>Natter %1
Chat de escritorio autoalojado.

Perfil: %2
Servidor: %3</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Show message text</source>
        <translation>Mostrar el texto del mensaje</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Reproducir un sonido</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>Conversación anterior</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>Conversación siguiente</translation>
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
        <translation>Envía primero un mensaje antes que archivos para empezar este chat.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>The language changes when Natter starts again.</source>
        <translation>El idioma cambia la próxima vez que se inicie Natter.</translation>
    </message>
</context>
<context>
    <name>natter::client::MembersPanel</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Salir del grupo…</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Hacer administrador</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>El servidor lo rechazó: %1</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Renombrar grupo</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source> · admin</source>
        <translation> · administrador</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>Remove admin</source>
        <translation>Quitar administrador</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Salir del grupo</translation>
    </message>
    <message>
        <source>Leave %1? You will keep what you received but see nothing new.</source>
        <translation>¿Salir de %1? Conservarás lo que recibiste, pero no verás nada nuevo.</translation>
    </message>
</context>
<context>
    <name>natter::client::MentionCompleter</name>
    <message>
        <source>Members to mention</source>
        <translation>Miembros para mencionar</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageBubbleDelegate</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Esperando para enviarse</translation>
    </message>
    <message>
        <source>Not sent: the server refused it</source>
        <translation>No enviado: el servidor lo rechazó</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leído</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Este mensaje se eliminó</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <source>Edited (right-click, Show edit history)</source>
        <translation>Editado (clic derecho, Mostrar historial de ediciones)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageInfoDialog</name>
    <message>
        <source>Message info</source>
        <translation>Información del mensaje</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>Visto por</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>Sin ver todavía</translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation>%1 (recibido)</translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Visto por %1 de %2</translation>
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
        <translation>Este mensaje se eliminó</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Archivo %1</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Archivo %1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 Sending.</source>
        <translation>%1 Enviando.</translation>
    </message>
    <message>
        <source>%1 Not sent.</source>
        <translation>%1 No enviado.</translation>
    </message>
    <message>
        <source>%1 Sent.</source>
        <translation>%1 Enviado.</translation>
    </message>
    <message>
        <source>%1 Delivered.</source>
        <translation>%1 Entregado.</translation>
    </message>
    <message>
        <source>%1 Read.</source>
        <translation>%1 Leído.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>(deleted message)</source>
        <translation>(mensaje eliminado)</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageMenu</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>Save file as…</source>
        <translation>Guardar archivo como…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Show edit history</source>
        <translation>Mostrar historial de ediciones</translation>
    </message>
    <message>
        <source>Message info</source>
        <translation>Información del mensaje</translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation>Eliminar para mí</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Eliminar para todos</translation>
    </message>
    <message>
        <source>Delete for everyone?</source>
        <translation>¿Eliminar para todos?</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation? This cannot be undone.</source>
        <translation>¿Eliminar este mensaje para todos en la conversación? No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Todavía no hay mensajes. ¡Saluda!</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>Ir al mensaje más reciente</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Ir a lo último</translation>
    </message>
</context>
<context>
    <name>natter::client::NearbyServersPanel</name>
    <message>
        <source>Search again</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation>Alojar un servidor en este equipo</translation>
    </message>
    <message>
        <source>Look for servers on my network</source>
        <translation>Buscar servidores en mi red</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Servidores en tu red</translation>
    </message>
    <message>
        <source>Click a server to use its address</source>
        <translation>Haz clic en un servidor para usar su dirección</translation>
    </message>
    <message>
        <source>Runs a Natter server in the background while this app is open, so people on your network can join you</source>
        <translation>Ejecuta un servidor de Natter en segundo plano mientras esta aplicación está abierta, para que la gente de tu red pueda unirse</translation>
    </message>
    <message>
        <source>Not looking for servers. Type the address your administrator gave you.</source>
        <translation>No se buscan servidores. Escribe la dirección que te dio tu administrador.</translation>
    </message>
    <message>
        <source>Your server “%1” is running on this computer. People on your network find it in their sign-in window; create your account to start.</source>
        <translation>Tu servidor «%1» se está ejecutando en este equipo. La gente de tu red lo encuentra en su ventana de inicio de sesión; crea tu cuenta para empezar.</translation>
    </message>
    <message>
        <source>The server on this computer could not start. %1</source>
        <translation>El servidor de este equipo no pudo arrancar. %1</translation>
    </message>
    <message>
        <source>Looking for Natter servers on your network…</source>
        <translation>Buscando servidores de Natter en tu red…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address, or host one on this computer.</source>
        <translation>Ningún servidor de Natter respondió en tu red. Escribe la dirección de un servidor o aloja uno en este equipo.</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address.</source>
        <translation>Ningún servidor de Natter respondió en tu red. Escribe la dirección de un servidor.</translation>
    </message>
    <message>
        <source>Found one server. Click it to use it.</source>
        <translation>Se encontró un servidor. Haz clic en él para usarlo.</translation>
    </message>
    <message>
        <source>Found %1 servers. Click one to use it.</source>
        <translation>Se encontraron %1 servidores. Haz clic en uno para usarlo.</translation>
    </message>
    <message>
        <source>Starting a server on this computer…</source>
        <translation>Iniciando un servidor en este equipo…</translation>
    </message>
    <message>
        <source>Hosting a server on this computer</source>
        <translation>Alojando un servidor en este equipo</translation>
    </message>
</context>
<context>
    <name>natter::client::NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Nuevo grupo</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>Buscar personas en este servidor</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>El servidor lo rechazó: %1</translation>
    </message>
    <message>
        <source>Nobody picked yet</source>
        <translation>Aún no has elegido a nadie</translation>
    </message>
    <message>
        <source>With you: %1</source>
        <translation>Contigo: %1</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Ponle un nombre al grupo.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>El nombre es demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>Pick at least one person to be in the group with you.</source>
        <translation>Elige al menos una persona para que esté en el grupo contigo.</translation>
    </message>
    <message>
        <source>A group has at most %1 members.</source>
        <translation>Un grupo tiene como máximo %1 miembros.</translation>
    </message>
</context>
<context>
    <name>natter::client::OfflineBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>Reconectar ahora</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problema de conexión</translation>
    </message>
    <message>
        <source>Reconnecting to the server…</source>
        <translation>Reconectando con el servidor…</translation>
    </message>
    <message numerus="yes">
        <source>You are offline. Trying again in %n s. Messages you send go out when the connection is back.</source>
        <translation>
            <numerusform>Estás sin conexión. Nuevo intento en %n s. Lo que envíes saldrá cuando vuelva la conexión.</numerusform>
            <numerusform>Estás sin conexión. Nuevo intento en %n s. Lo que envíes saldrá cuando vuelva la conexión.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline. Messages you send go out when the connection is back.</source>
        <translation>Estás sin conexión. Lo que envíes saldrá cuando vuelva la conexión.</translation>
    </message>
</context>
<context>
    <name>natter::client::OnlineListView</name>
    <message>
        <source>Contacts online</source>
        <translation>Contactos en línea</translation>
    </message>
    <message>
        <source>Unknown while you are offline.</source>
        <translation>Desconocido mientras estás sin conexión.</translation>
    </message>
    <message>
        <source>No one you talk with is online right now.</source>
        <translation>Nadie con quien hablas está en línea ahora.</translation>
    </message>
    <message>
        <source>Who was online when the connection dropped; unknown until it is back</source>
        <translation>Quién estaba en línea cuando se cortó la conexión; desconocido hasta que vuelva</translation>
    </message>
    <message>
        <source>Double-click someone to chat with them</source>
        <translation>Haz doble clic en alguien para chatear</translation>
    </message>
</context>
<context>
    <name>natter::client::ReplyUi</name>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>Cancelar la respuesta (Esc)</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Cancelar la respuesta</translation>
    </message>
    <message>
        <source>Reply to the selected or newest message</source>
        <translation>Responder al mensaje seleccionado o al más reciente</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Respondiendo a %1: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchDialog</name>
    <message>
        <source>Load more</source>
        <translation>Cargar más</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Search messages… (from:name in:conversation before:2026-11-01 after:2026-10-01)</source>
        <translation>Buscar mensajes… (from:nombre in:conversación before:2026-11-01 after:2026-10-01)</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Quitar este filtro</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>No se encontraron mensajes.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchModel</name>
    <message numerus="yes">
        <source>Searching too often: try again in %n s</source>
        <translation>
            <numerusform>Buscas demasiado a menudo: inténtalo de nuevo en %n s</numerusform>
            <numerusform>Buscas demasiado a menudo: inténtalo de nuevo en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot search for that: %1</source>
        <translation>No se puede buscar eso: %1</translation>
    </message>
    <message>
        <source>The search is too long.</source>
        <translation>La búsqueda es demasiado larga.</translation>
    </message>
    <message>
        <source>That conversation cannot be searched.</source>
        <translation>No se puede buscar en esa conversación.</translation>
    </message>
    <message>
        <source>Search needs a connection to the server.</source>
        <translation>La búsqueda necesita conexión con el servidor.</translation>
    </message>
    <message>
        <source>No one called “%1” in your conversations.</source>
        <translation>Nadie llamado «%1» en tus conversaciones.</translation>
    </message>
    <message>
        <source>No conversation called “%1”.</source>
        <translation>Ninguna conversación llamada «%1».</translation>
    </message>
    <message>
        <source>“%1” is not a date like 2026-11-01.</source>
        <translation>«%1» no es una fecha como 2026-11-01.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchUi</name>
    <message>
        <source>Search all messages</source>
        <translation>Buscar en todos los mensajes</translation>
    </message>
    <message>
        <source>Find in this conversation</source>
        <translation>Buscar en esta conversación</translation>
    </message>
</context>
<context>
    <name>natter::client::ServerConnection</name>
    <message>
        <source>TLS error: %1</source>
        <translation>Error de TLS: %1</translation>
    </message>
    <message>
        <source>TLS error: the server&apos;s certificate is not the one you trusted</source>
        <translation>Error de TLS: el certificado del servidor no es el que aceptaste</translation>
    </message>
    <message>
        <source>the connection was replaced</source>
        <translation>la conexión fue sustituida</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>el servidor no respondió</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>sin respuesta en %1 s</translation>
    </message>
</context>
<context>
    <name>natter::client::SessionController</name>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>No se puede contactar con el servidor: %1</translation>
    </message>
    <message>
        <source>You were signed out: this session was ended on the server (signed out elsewhere, password changed, account disabled, or the sign-in expired). Sign in again.</source>
        <translation>Se cerró tu sesión: esta sesión terminó en el servidor (cerraste sesión en otro sitio, cambiaste la contraseña, la cuenta se desactivó o la sesión caducó). Vuelve a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>natter::client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Enviar el mensaje</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Línea nueva en el mensaje</translation>
    </message>
    <message>
        <source>Edit your last message (empty compose box)</source>
        <translation>Editar tu último mensaje (cuadro de texto vacío)</translation>
    </message>
    <message>
        <source>Previous / next message in the list</source>
        <translation>Mensaje anterior / siguiente de la lista</translation>
    </message>
    <message>
        <source>Menu of the current message</source>
        <translation>Menú del mensaje actual</translation>
    </message>
    <message>
        <source>Move between the window&apos;s parts</source>
        <translation>Moverse entre las partes de la ventana</translation>
    </message>
</context>
<context>
    <name>natter::client::Sidebar</name>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Search or jump to…</source>
        <translation>Buscar o ir a…</translation>
    </message>
    <message>
        <source>Jump to a conversation or person (Ctrl+K)</source>
        <translation>Ir a una conversación o persona (Ctrl+K)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>No conversations yet.
Press Ctrl+K to find someone.</source>
        <translation>Todavía no hay conversaciones.
Pulsa Ctrl+K para encontrar a alguien.</translation>
    </message>
    <message>
        <source>People you have a conversation with who are online</source>
        <translation>Personas con las que tienes una conversación y que están en línea</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Contacts online — unknown (offline)</source>
        <translation>Contactos en línea — desconocido (sin conexión)</translation>
    </message>
    <message>
        <source>Contacts online — %1</source>
        <translation>Contactos en línea — %1</translation>
    </message>
    <message>
        <source>Contacts online</source>
        <translation>Contactos en línea</translation>
    </message>
</context>
<context>
    <name>natter::client::TransfersBar</name>
    <message>
        <source>%1 (downloading)</source>
        <translation>%1 (descargando)</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>Enviando %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Descargando %1</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Cancelar el envío</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <source>Cancel sending %1</source>
        <translation>Cancelar el envío de %1</translation>
    </message>
    <message>
        <source>Cancel downloading %1</source>
        <translation>Cancelar la descarga de %1</translation>
    </message>
    <message>
        <source>%1 of %2, %3/s%4</source>
        <translation>%1 de %2, %3/s%4</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>, queda %n segundo</numerusform>
            <numerusform>, quedan %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation>Mostrar Natter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
</context>
<context>
    <name>natter::client::TypingIndicator</name>
    <message>
        <source>Typing indicator</source>
        <translation>Indicador de escritura</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
</context>
</TS>
