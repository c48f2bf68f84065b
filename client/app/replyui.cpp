#include "replyui.h"

#include "chatclient.h"
#include "composebox.h"
#include "composepanel.h"
#include "mainwindow.h"
#include "messageview.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::client {

ReplyUi::ReplyUi(ChatClient &client, MainWindow &window)
    : QObject(&window), m_client(client), m_window(window), m_bar(new QWidget),
      m_text(new QLabel(m_bar)), m_cancel(new QToolButton(m_bar))
{
    m_bar->setObjectName(QStringLiteral("replyBar"));
    m_text->setObjectName(QStringLiteral("replyBarText"));
    m_text->setTextFormat(Qt::PlainText); // a message's words, never markup
    m_text->setMinimumWidth(1);
    m_cancel->setObjectName(QStringLiteral("cancelReplyButton"));
    m_cancel->setText(QStringLiteral("\u2715"));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Cancel the reply (Esc)"));
    m_cancel->setAccessibleName(tr("Cancel the reply"));
    auto *row = new QHBoxLayout(m_bar);
    row->setContentsMargins(8, 2, 4, 2);
    row->addWidget(m_text, 1);
    row->addWidget(m_cancel);
    m_bar->hide();
    if (auto *layout = qobject_cast<QVBoxLayout *>(window.composePanel()->layout()))
        layout->insertWidget(0, m_bar);

    ConversationController *conversations = &client.conversations();
    connect(m_cancel, &QToolButton::clicked, conversations,
            [conversations]() { conversations->setReplyTo(0); });
    connect(conversations, &ConversationController::replyToChanged, this,
            &ReplyUi::onReplyToChanged);
    window.composeBox()->installEventFilter(this);
    auto *reply = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), &window);
    reply->setWhatsThis(tr("Reply to the selected or newest message"));
    connect(reply, &QShortcut::activated, this, &ReplyUi::replyToSelectedOrNewest);

    MessageView *view = window.messageView();
    connect(view, &MessageView::quoteClicked, this, &ReplyUi::jumpTo);
    connect(view, &MessageView::reactionClicked, &client.reactions(),
            [&client](qint64 messageId, const QString &emoji, bool mine) {
                client.reactions().react(messageId, emoji, !mine);
            });
}

QString ReplyUi::replyBarText() const
{
    return m_bar->isVisible() ? m_text->text() : QString();
}

void ReplyUi::onReplyToChanged(qint64 messageId)
{
    MessageListModel *model = m_client.conversations().messages();
    const int row = messageId > 0 ? model->rowOf(messageId) : -1;
    if (row < 0) {
        m_bar->hide();
        return;
    }
    const QModelIndex index = model->index(row);
    const QString text = index.data(MessageListModel::TextRole).toString().simplified();
    m_text->setText(
        tr("Replying to %1: %2")
            .arg(index.data(MessageListModel::SenderNameRole).toString(), text.left(100)));
    m_bar->show();
    m_window.composeBox()->setFocus();
}

void ReplyUi::replyToSelectedOrNewest()
{
    if (!m_window.isChatShown())
        return;
    MessageListModel *model = m_client.conversations().messages();
    const QModelIndex selected = m_window.messageView()->currentIndex();
    qint64 id = selected.isValid() && m_window.messageView()->selectionModel()->isSelected(selected)
                    ? selected.data(MessageListModel::IdRole).toLongLong()
                    : 0;
    for (int row = model->rowCount() - 1; id == 0 && row >= 0; --row) {
        const QModelIndex index = model->index(row);
        if (!index.data(MessageListModel::IsSystemRole).toBool() &&
            !index.data(MessageListModel::DeletedRole).toBool())
            id = index.data(MessageListModel::IdRole).toLongLong();
    }
    if (id > 0)
        m_client.conversations().setReplyTo(id);
}

void ReplyUi::jumpTo(qint64 messageId)
{
    ConversationController &conversations = m_client.conversations();
    if (conversations.messages()->rowOf(messageId) >= 0)
        m_window.messageView()->focusMessage(messageId); // loaded: scroll to it
    else // the jump of a search hit: a page around it
        conversations.openConversationAt(conversations.openConversationId(), messageId);
}

bool ReplyUi::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape &&
        m_client.conversations().replyTo() > 0) {
        m_client.conversations().setReplyTo(0);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace natter::client
