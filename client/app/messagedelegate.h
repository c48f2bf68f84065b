#pragma once
// Paints chat bubbles: own messages right and in the accent colour, the peer's left; time,
// "edited", ticks and day separators. Text is laid out as plain text (never rich text) and
// wraps at word boundaries, or anywhere for very long words.

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace natter::client {

class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString ticksFor(int deliveryState);

private:
    struct Layout
    {
        QRectF separator; // day separator, empty if none
        QRectF bubble;
        QRectF text;
        QRectF meta;
        qreal height = 0;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    QString metaText(const QModelIndex &index) const;
    QString displayText(const QModelIndex &index) const;

    QAbstractItemView *m_view;
};

} // namespace natter::client
