#include "reactionmenu.h"

#include "chatclient.h"
#include "reactiontypes.h"

#include <QAction>
#include <QMenu>

namespace natter::client {

QList<QAction *> replyAndReactActions(ChatClient &client, qint64 messageId, QWidget *parent)
{
    auto *reply = new QAction(QObject::tr("Reply"), parent);
    reply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QObject::connect(reply, &QAction::triggered, &client.conversations(),
                     [&client, messageId]() { client.conversations().setReplyTo(messageId); });

    // Which of the set the user gave already: from the shown row.
    MessageListModel *model = client.conversations().messages();
    QStringList mine;
    if (const int row = model->rowOf(messageId); row >= 0) {
        for (const QVariant &v : model->index(row).data(MessageListModel::ReactionsRole).toList()) {
            if (v.value<ReactionChip>().mine)
                mine << v.value<ReactionChip>().emoji;
        }
    }
    auto *react = new QAction(QObject::tr("React"), parent);
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("reactMenu"));
    for (const QString &emoji : reactions::allowed()) {
        QAction *choice = menu->addAction(emoji);
        choice->setCheckable(true);
        const bool on = mine.contains(emoji);
        choice->setChecked(on);
        QObject::connect(
            choice, &QAction::triggered, &client.reactions(),
            [&client, messageId, emoji, on]() { client.reactions().react(messageId, emoji, !on); });
    }
    react->setMenu(menu);
    QObject::connect(react, &QObject::destroyed, menu, &QObject::deleteLater);
    return {reply, react};
}

} // namespace natter::client
