#pragma once
// "Message info" for a message in a group (the message menu): who of the other members has
// seen it and who has not yet (and of those, whose client has it), from the members' read and
// delivered positions (group_members), kept current by receipts while it is open.

#include <QDialog>

class QLabel;
class QListWidget;

namespace natter::client {

class ChatClient;

class MessageInfoDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit MessageInfoDialog(ChatClient &client, QWidget *parent = nullptr);

    // Shows the message `messageId` of the open group, sent by `senderId`.
    void showMessage(qint64 messageId, qint64 senderId, const QString &text);
    qint64 messageId() const { return m_messageId; }
    QString summary() const; // "Seen by 1 of 2"
    QListWidget *seenList() const { return m_seen; }
    QListWidget *unseenList() const { return m_unseen; }

private:
    void refresh();

    ChatClient &m_client;
    QLabel *m_text;
    QLabel *m_summary;
    QListWidget *m_seen;
    QListWidget *m_unseen;
    qint64 m_conversationId = 0;
    qint64 m_messageId = 0;
    qint64 m_senderId = 0;
};

} // namespace natter::client
