#pragma once
// One search hit in the search dialog: the conversation and the sender on the first line
// with the time on the right, a one-line snippet of the message below with the query's words
// marked (drawn as formats over plain text: message text is never read as markup).

#include <QStyledItemDelegate>

namespace natter::client {

class SearchResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The line shown for `text`: on one line, starting a little before the first of `start`
    // (a match) so the match is seen in a long message. `*offset`: where it starts in `text`
    // (the leading "…" excluded).
    static QString snippet(const QString &text, int start, int *offset);
    // When a hit was sent: the time today, the day otherwise.
    static QString timeLabel(qint64 createdAtMs);
};

} // namespace natter::client
