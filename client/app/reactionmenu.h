#pragma once
// The message menu's "Reply" and "React" (a submenu of the fixed emoji set, the user's own
// checked: choosing one sets or clears it).

#include <QList>

class QAction;
class QWidget;

namespace natter::client {

class ChatClient;

// For a message on the server that is not deleted; owned by the caller (as MessageMenu's).
QList<QAction *> replyAndReactActions(ChatClient &client, qint64 messageId, QWidget *parent);

} // namespace natter::client
