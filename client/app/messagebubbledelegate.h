#pragma once
// Paints one message as a chat bubble: own messages on the right in a tint of the accent
// colour, the peer's on the left with their name at the start of a run; day separators;
// time, "edited" and delivery ticks in the corner. Text is laid out with QTextLayout, so it
// is always plain text (markup is never interpreted), and it wraps at word boundaries or
// anywhere inside a word that is too long.

#include <QStyledItemDelegate>

class QTextLayout;

namespace natter::client {

class MessageBubbleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageBubbleDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Where the bubble is drawn inside option.rect (hit tests, tests).
    QRect bubbleRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The text as shown: the message (its open bidi embeddings closed, see bidicontrols.h),
    // or the tombstone of a deleted one.
    static QString displayText(const QModelIndex &index);
    static QString deliveryText(int deliveryState);
    static QString dayLabel(const QDate &day, const QDate &today);

private:
    struct Layout
    {
        QRectF separator; // the day separator strip; empty when none
        QRectF bubble;
        QPointF textOrigin;
        QRectF sender; // empty when the name is not shown
        QRectF meta;   // time, "edited", ticks
        qreal height = 0;
    };

    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index,
                     QTextLayout *text) const;
    QString metaText(const QModelIndex &index) const;
    qreal metaWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintSeparator(QPainter *painter, const QStyleOptionViewItem &option,
                        const QModelIndex &index, const QRectF &strip) const;
    void paintMeta(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                   const QRectF &meta) const;
};

} // namespace natter::client
