#include "messagedelegate.h"

#include "messagelistmodel.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace natter::client {
namespace {

constexpr int kMargin = 8;
constexpr int kPadding = 8;
constexpr int kSeparatorHeight = 28;

// Lays out plain text (QTextLayout never interprets markup) and returns its size.
QSizeF layoutPlainText(QTextLayout &layout, qreal width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0;
    qreal widest = 0;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        widest = qMax(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    return {widest, y};
}

} // namespace

MessageDelegate::MessageDelegate(QAbstractItemView *view) : QStyledItemDelegate(view), m_view(view)
{}

QString MessageDelegate::ticksFor(int deliveryState)
{
    switch (DeliveryState(deliveryState)) {
    case DeliveryState::Pending:
        return QStringLiteral("\u23F1"); // stopwatch: waiting to be sent
    case DeliveryState::Failed:
        return QStringLiteral("\u26A0 not sent");
    case DeliveryState::Sent:
        return QStringLiteral("\u2713");
    case DeliveryState::Delivered:
        return QStringLiteral("\u2713\u2713");
    case DeliveryState::Read:
        return tr("\u2713\u2713 Read");
    }
    return {};
}

QString MessageDelegate::displayText(const QModelIndex &index) const
{
    if (index.data(MessageListModel::DeletedRole).toBool())
        return tr("This message was deleted");
    return index.data(MessageListModel::TextRole).toString();
}

QString MessageDelegate::metaText(const QModelIndex &index) const
{
    QStringList parts;
    if (index.data(MessageListModel::EditedRole).toBool())
        parts << tr("edited");
    parts << index.data(MessageListModel::CreatedAtRole)
                 .toDateTime()
                 .time()
                 .toString(QStringLiteral("HH:mm"));
    if (index.data(MessageListModel::IsOwnRole).toBool())
        parts << ticksFor(index.data(MessageListModel::DeliveryRole).toInt());
    return parts.join(QStringLiteral("  "));
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index, int width) const
{
    Layout l;
    qreal y = 0;
    if (index.data(MessageListModel::StartsNewDayRole).toBool()) {
        l.separator = QRectF(0, 0, width, kSeparatorHeight);
        y = kSeparatorHeight;
    }
    const qreal maxText = qMax(80.0, width * 0.7 - 2 * kPadding);
    QFont font = option.font;
    font.setItalic(index.data(MessageListModel::DeletedRole).toBool());
    QTextLayout text(displayText(index), font);
    const QSizeF textSize = layoutPlainText(text, maxText);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.8);
    const QFontMetricsF fm(small);
    const QSizeF metaSize(fm.horizontalAdvance(metaText(index)), fm.height());
    const qreal inner = qMax(textSize.width(), metaSize.width());
    const QSizeF bubble(inner + 2 * kPadding, textSize.height() + metaSize.height() + 2 * kPadding);
    const bool own = index.data(MessageListModel::IsOwnRole).toBool();
    const qreal x = own ? width - kMargin - bubble.width() : kMargin;
    l.bubble = QRectF(QPointF(x, y + kMargin / 2.0), bubble);
    l.text = QRectF(l.bubble.topLeft() + QPointF(kPadding, kPadding), textSize);
    l.meta =
        QRectF(QPointF(l.bubble.right() - kPadding - metaSize.width(), l.text.bottom()), metaSize);
    l.height = l.bubble.bottom() + kMargin / 2.0;
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view->viewport()->width();
    return QSize(width, int(std::ceil(layoutFor(option, index, width).height)));
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const int width = option.rect.width();
    const Layout l = layoutFor(option, index, width);
    const QPalette &pal = option.palette;
    const bool own = index.data(MessageListModel::IsOwnRole).toBool();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(option.rect.topLeft());

    if (!l.separator.isEmpty()) {
        const QDate day = index.data(MessageListModel::CreatedAtRole).toDateTime().date();
        const QString label = day == QDate::currentDate() ? tr("Today")
                              : day == QDate::currentDate().addDays(-1)
                                  ? tr("Yesterday")
                                  : QLocale().toString(day, QLocale::LongFormat);
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter->setFont(small);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(l.separator, Qt::AlignCenter, label);
    }

    const QColor accent = pal.color(QPalette::Highlight);
    const QColor fill = own ? accent : pal.color(QPalette::AlternateBase);
    const QColor ink = own ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    QPainterPath path;
    path.addRoundedRect(l.bubble, 10, 10);
    painter->fillPath(path, option.state & QStyle::State_Selected ? fill.darker(115) : fill);
    if (!own) {
        painter->setPen(pal.color(QPalette::Mid));
        painter->drawPath(path);
    }

    QFont font = option.font;
    font.setItalic(index.data(MessageListModel::DeletedRole).toBool());
    QTextLayout text(displayText(index), font);
    layoutPlainText(text, l.text.width() + 1);
    painter->setPen(ink);
    text.draw(painter, l.text.topLeft());

    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.8);
    painter->setFont(small);
    QColor metaInk = ink;
    metaInk.setAlphaF(0.75);
    painter->setPen(metaInk);
    painter->drawText(l.meta, Qt::AlignRight | Qt::AlignVCenter, metaText(index));
    painter->restore();
}

} // namespace natter::client
