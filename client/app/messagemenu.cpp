#include "messagemenu.h"

#include "chatclient.h"
#include "composebox.h"
#include "edithistorydialog.h"
#include "fileopener.h"
#include "reactionmenu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace natter::client {

MessageMenu::MessageMenu(ChatClient &client, ComposeBox *compose, QWidget *window)
    : QObject(window), m_client(client), m_compose(compose), m_window(window)
{}

QList<QAction *> MessageMenu::actions(int row)
{
    QList<QAction *> actions;
    const QModelIndex index = m_client.conversations().messages()->index(row);
    if (!index.isValid())
        return actions;
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    // A system line is the caller's when they made the change, but only hiding it is allowed.
    const bool own = index.data(MessageListModel::IsOwnRole).toBool() &&
                     !index.data(MessageListModel::IsSystemRole).toBool();
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    const QString text = index.data(MessageListModel::TextRole).toString();
    const auto add = [&](const QString &label, auto slot) {
        auto *action = new QAction(label, m_window);
        connect(action, &QAction::triggered, this, slot);
        actions << action;
        return action;
    };
    if (!deleted)
        add(tr("Copy"), [text]() { QApplication::clipboard()->setText(text); });
    if (id == 0)
        return actions; // not on the server yet: nothing else applies
    const QJsonObject file = index.data(MessageListModel::FileRole).toJsonObject();
    if (m_files && !file.isEmpty()) {
        add(tr("Open file"), [this, file]() { m_files->open(file); });
        add(tr("Save file as…"), [this, file]() { m_files->saveAs(file); });
    }
    if (!deleted)
        actions << replyAndReactActions(m_client, id, m_window);
    if (own && !deleted)
        add(tr("Edit"), [this, id, text]() { m_compose->beginEdit(id, text); });
    if (index.data(MessageListModel::EditedRole).toBool())
        add(tr("Show edit history"),
            [this, persistent = QPersistentModelIndex(index)]() { showEditHistory(persistent); });
    const Conversation *c =
        m_client.conversations().list()->find(m_client.conversations().openConversationId());
    if (c && c->group && !index.data(MessageListModel::IsSystemRole).toBool())
        add(tr("Message info"),
            [this, id, text, sender = index.data(MessageListModel::SenderIdRole).toLongLong()]() {
                emit infoRequested(id, sender, text);
            });
    auto *separator = new QAction(m_window);
    separator->setSeparator(true);
    actions << separator;
    add(tr("Delete for me"), [this, id]() { m_client.conversations().deleteMessage(id, false); });
    if (own && !deleted)
        add(tr("Delete for everyone"), [this, id]() {
            if (confirmDeleteForEveryone())
                m_client.conversations().deleteMessage(id, true);
        });
    return actions;
}

bool MessageMenu::confirmDeleteForEveryone()
{
    // It cannot be taken back (the others' copies go too): one question first, Cancel the
    // default so a stray Enter keeps the message.
    QMessageBox box(QMessageBox::Question, tr("Delete for everyone?"),
                    tr("Delete this message for everyone in the conversation? This cannot be "
                       "undone."),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("deleteForEveryoneQuestion"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *remove = box.addButton(tr("Delete for everyone"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == remove;
}

void MessageMenu::showAt(const QModelIndex &index, const QPoint &globalPos)
{
    QMenu menu(m_window);
    const QList<QAction *> list = actions(index.row());
    menu.addActions(list);
    menu.exec(globalPos);
    qDeleteAll(list);
}

void MessageMenu::showEditHistory(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString current = index.data(MessageListModel::TextRole).toString();
    const QDateTime created = index.data(MessageListModel::CreatedAtRole).toDateTime();
    m_client.conversations().requestEditHistory(
        index.data(MessageListModel::IdRole).toLongLong(),
        [this, current, created](const QList<EditRecord> &edits) {
            auto *dialog = new EditHistoryDialog(current, created, edits, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setObjectName(QStringLiteral("editHistoryDialog"));
            dialog->show();
        });
}

void MessageMenu::editLastOwnMessage()
{
    const MessageListModel *model = m_client.conversations().messages();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = model->index(row);
        if (index.data(MessageListModel::IsOwnRole).toBool() &&
            !index.data(MessageListModel::IsSystemRole).toBool() &&
            !index.data(MessageListModel::DeletedRole).toBool() &&
            index.data(MessageListModel::IdRole).toLongLong() > 0) {
            m_compose->beginEdit(index.data(MessageListModel::IdRole).toLongLong(),
                                 index.data(MessageListModel::TextRole).toString());
            return;
        }
    }
}

} // namespace natter::client
