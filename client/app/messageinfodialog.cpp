#include "messageinfodialog.h"

#include "chatclient.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace natter::client {

MessageInfoDialog::MessageInfoDialog(ChatClient &client, QWidget *parent)
    : QDialog(parent), m_client(client), m_text(new QLabel(this)), m_summary(new QLabel(this)),
      m_seen(new QListWidget(this)), m_unseen(new QListWidget(this))
{
    setWindowTitle(tr("Message info"));
    m_text->setTextFormat(Qt::PlainText); // message text is never markup
    m_text->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_seen->setAccessibleName(tr("Seen by"));
    m_unseen->setAccessibleName(tr("Not seen yet"));
    auto *seenTitle = new QLabel(tr("Seen by"), this);
    auto *unseenTitle = new QLabel(tr("Not seen yet"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_summary);
    layout->addWidget(seenTitle);
    layout->addWidget(m_seen, 1);
    layout->addWidget(unseenTitle);
    layout->addWidget(m_unseen, 1);
    layout->addWidget(buttons);
    resize(320, 420);
    // Receipts move the members' positions (GroupController says so as membersLoaded).
    connect(&client.groups(), &GroupController::membersLoaded, this, &MessageInfoDialog::refresh);
    connect(&client.conversations(), &ConversationController::conversationOpened, this,
            &QDialog::reject); // it is about a message of the group that was open
}

void MessageInfoDialog::showMessage(qint64 messageId, qint64 senderId, const QString &text)
{
    m_conversationId = m_client.conversations().openConversationId();
    m_messageId = messageId;
    m_senderId = senderId;
    m_text->setText(fontMetrics().elidedText(text.simplified(), Qt::ElideRight, 600));
    refresh();
    show();
    raise();
    activateWindow();
}

QString MessageInfoDialog::summary() const
{
    return m_summary->text();
}

void MessageInfoDialog::refresh()
{
    const GroupController &groups = m_client.groups();
    if (m_messageId == 0 || groups.membersConversationId() != m_conversationId)
        return;
    m_seen->clear();
    m_unseen->clear();
    int others = 0;
    QStringList seen;
    QStringList unseen;
    for (const GroupMember &m : groups.members()) {
        if (m.user.id == m_senderId)
            continue;
        ++others;
        if (m.readUpTo >= m_messageId)
            seen.append(m.user.username);
        else if (m.deliveredUpTo >= m_messageId)
            unseen.append(tr("%1 (received)").arg(m.user.username));
        else
            unseen.append(m.user.username);
    }
    seen.sort(Qt::CaseInsensitive);
    unseen.sort(Qt::CaseInsensitive);
    m_seen->addItems(seen);
    m_unseen->addItems(unseen);
    m_summary->setText(tr("Seen by %1 of %2").arg(seen.size()).arg(others));
}

} // namespace natter::client
