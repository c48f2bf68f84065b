#pragma once
// One row of the Ctrl+K dialog: avatar (with the presence dot when online), the name in bold
// and a muted subtitle ("Conversation", "Offline · start a conversation"…) under it.

#include <QStyledItemDelegate>

namespace natter::client {

class JumpResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace natter::client
