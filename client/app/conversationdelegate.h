#pragma once
// One row of the conversation list: initials avatar with a presence dot, name, last message
// preview, time and an unread badge (name in bold while unread).

#include <QStyledItemDelegate>

namespace natter::client {

class ConversationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString initials(const QString &name);
    static QColor avatarColor(const QString &name);
};

} // namespace natter::client
