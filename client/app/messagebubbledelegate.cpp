#include "messagebubbledelegate.h"

#include "avatar.h"
#include "bidicontrols.h"
#include "bubblegeometry.h"
#include "filekinds.h"
#include "imagethumbnails.h"
#include "mentionmarks.h"
#include "messagelinks.h"
#include "messagelistmodel.h"
#include "messagewindowmodel.h"
#include "reactionchips.h"
#include "searchmarks.h"
#include "systemline.h"
#include "theme.h"
#include "ticks.h"
#include "timetext.h"
#include "transferbar.h"
#include "unreadline.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace natter::client {
namespace {

constexpr qreal kSideMargin = 14;
constexpr qreal kAvatar = 28;              // the sender's, beside others' bubbles in a group
constexpr qreal kAvatarLane = kAvatar + 8; // others' bubbles move right by this in a group
constexpr qreal kPadX = 11;
constexpr qreal kPadY = 7;
constexpr qreal kRadius = 15;
constexpr qreal kTightRadius = 5; // the corner between two bubbles of one run
constexpr qreal kRunGap = 2;      // between bubbles of one run
constexpr qreal kGap = 9;         // between runs
constexpr qreal kMetaGap = 10;    // between the last line of text and the time
constexpr qreal kImageGap = 6;    // between an image and its name line

QFont smallFont(const QFont &font)
{
    QFont f = font;
    f.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.82 : 8);
    return f;
}

QFont senderFont(const QFont &font)
{
    QFont f = font;
    f.setBold(true);
    f.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.92 : 9);
    return f;
}

QFont textFont(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QFont f = option.font;
    f.setItalic(index.data(MessageListModel::DeletedRole).toBool());
    return f;
}

qreal maxBubbleWidth(qreal viewportWidth)
{
    return qMax(140.0, qMin(viewportWidth * 0.78, 640.0));
}

enum MeasuredFlag : quint8
{
    Own = 1,
    Deleted = 2,
    Edited = 4,
    Failed = 8,
};

quint8 measuredFlags(const QModelIndex &index)
{
    const bool own = index.data(MessageListModel::IsOwnRole).toBool();
    return quint8(
        (own ? Own : 0) | (index.data(MessageListModel::DeletedRole).toBool() ? Deleted : 0) |
        (index.data(MessageListModel::EditedRole).toBool() ? Edited : 0) |
        (own && index.data(MessageListModel::DeliveryRole).toInt() == int(DeliveryState::Failed)
             ? Failed
             : 0));
}

// Neighbours (runs, the newest row) are those of the whole list, not of the view's window.
QModelIndex sourceOf(const QModelIndex &index)
{
    if (const auto *window = qobject_cast<const MessageWindowModel *>(index.model()))
        return window->mapToSource(index);
    return index;
}

int viewportWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 480;
}

} // namespace

MessageBubbleDelegate::MessageBubbleDelegate(QObject *parent) : QStyledItemDelegate(parent)
{}

QString MessageBubbleDelegate::displayText(const QModelIndex &index)
{
    if (index.data(MessageListModel::DeletedRole).toBool())
        return tr("This message was deleted");
    // Each message is laid out on its own, and its open bidi controls are closed at the end of
    // each of its paragraphs: nothing a message opens reaches beyond it. QTextLayout breaks
    // lines only at U+2028, not at the newlines people type (Shift+Enter).
    QString text = bidi::terminated(index.data(MessageListModel::TextRole).toString());
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    const QJsonObject file = index.data(MessageListModel::FileRole).toJsonObject();
    if (!file.isEmpty()) {
        // A file message: its kind's symbol, name and size above the caption (plain text, like
        // the caption).
        const QString name = file.value(QStringLiteral("name")).toString();
        const QString line =
            QStringLiteral("%1 %2 · %3")
                .arg(
                    fileKindSymbol(fileKindOf(file.value(QStringLiteral("mime")).toString(), name)),
                    bidi::terminated(name),
                    QLocale().formattedDataSize(file.value(QStringLiteral("size")).toInteger()));
        text = text.isEmpty() ? line : line + QChar::LineSeparator + text;
    }
    return text;
}

QString MessageBubbleDelegate::metaText(const QModelIndex &index) const
{
    const QString time = clockTime(index.data(MessageListModel::CreatedAtRole).toDateTime().time());
    if (index.data(MessageListModel::IsOwnRole).toBool() &&
        index.data(MessageListModel::DeliveryRole).toInt() == int(DeliveryState::Failed))
        return tr("Not sent") + QStringLiteral("  ") + time;
    if (index.data(MessageListModel::EditedRole).toBool())
        return tr("edited") + QStringLiteral("  ") + time;
    return time;
}

qreal MessageBubbleDelegate::metaWidth(const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const QFontMetricsF fm(smallFont(option.font));
    qreal w = fm.horizontalAdvance(metaText(index));
    if (index.data(MessageListModel::IsOwnRole).toBool() &&
        !index.data(MessageListModel::DeletedRole).toBool())
        w += 4 + ticks::width(fm.height());
    return w;
}

void MessageBubbleDelegate::clearCache()
{
    m_cache.clear();
    m_cache.squeeze();
}

void MessageBubbleDelegate::forget(const QModelIndex &index)
{
    m_cache.remove(Key{index.data(MessageListModel::IdRole).toLongLong(),
                       index.data(MessageListModel::ClientIdRole).toUuid()});
}

const MessageBubbleDelegate::Measured &
MessageBubbleDelegate::measured(const QStyleOptionViewItem &option, const QModelIndex &index,
                                qreal maxInner) const
{
    if (maxInner != m_cacheWidth || option.font != m_cacheFont) {
        m_cache.clear();
        m_cacheWidth = maxInner;
        m_cacheFont = option.font;
    }
    const Key key{index.data(MessageListModel::IdRole).toLongLong(),
                  index.data(MessageListModel::ClientIdRole).toUuid()};
    const qint64 revision = index.data(MessageListModel::RevisionRole).toLongLong();
    const quint8 flags = measuredFlags(index);
    const auto length = int(index.data(MessageListModel::TextRole).toString().size());
    Measured &m = m_cache[key];
    if (m.revision == revision && m.flags == flags && m.textLength == length && m.textHeight > 0)
        return m;

    ++m_measured;
    QTextLayout layout(displayText(index), textFont(option, index));
    const TextSize ts = layoutPlainText(&layout, maxInner);
    m.revision = revision;
    m.flags = flags;
    m.textLength = length;
    m.textWidth = float(ts.width);
    m.textHeight = float(qMax<qreal>(ts.height, 1));
    m.lastLineWidth = float(ts.lastLineWidth);
    m.metaWidth = float(metaWidth(option, index));
    m.senderWidth =
        (flags & Own)
            ? 0
            : float(qMin(
                  maxInner,
                  QFontMetricsF(senderFont(option.font))
                      .horizontalAdvance(index.data(MessageListModel::SenderNameRole).toString())));
    return m;
}

MessageBubbleDelegate::Layout MessageBubbleDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                               const QModelIndex &index) const
{
    Layout l;
    const qreal width = viewportWidth(option);
    const bool own = index.data(MessageListModel::IsOwnRole).toBool();
    const bool continues = continuesRun(index);
    const QFontMetricsF smallFm(smallFont(option.font));
    qreal y = 0;
    if (index.data(MessageListModel::StartsNewDayRole).toBool()) {
        const qreal h = smallFm.height() + 26;
        l.separator = QRectF(0, index.row() == 0 ? 4 : 8, width, h);
        y = l.separator.bottom();
    }
    if (index.data(MessageListModel::StartsUnreadRole).toBool()) {
        l.unread = QRectF(0, y + 6, width, unreadline::height(option.font));
        y = l.unread.bottom();
    }
    y += continues ? kRunGap : kGap;
    if (index.data(MessageListModel::IsSystemRole).toBool()) {
        l.system = true;
        l.bubble = systemline::rect(option.font, displayText(index), width, y);
        l.height = l.bubble.bottom() + (index.row() == index.model()->rowCount() - 1 ? 12 : 0);
        return l;
    }

    const qreal maxInner = maxBubbleWidth(width) - 2 * kPadX;
    const Measured &m = measured(option, index, maxInner);

    qreal senderH = 0;
    qreal senderW = 0;
    if (m_showSenderNames && !own && !continues) {
        senderH = QFontMetricsF(senderFont(option.font)).height() + 1;
        senderW = m.senderWidth;
    }
    const qreal metaW = m.metaWidth;
    const qreal metaH = smallFm.height();
    const qreal textH = m.textHeight;
    const qreal quoteH = extras::quoteHeight(option.font, index); // replies: reactionchips.h
    const qreal quoteW = quoteH > 0 ? qMin(maxInner, extras::quoteWidth(option.font, index)) : 0;
    QSizeF image;
    if (m_thumbnails && index.data(MessageListModel::IsImageRole).toBool()) {
        const QImage thumbnail =
            m_thumbnails->thumbnail(index.data(MessageListModel::FileRole).toJsonObject());
        if (!thumbnail.isNull()) {
            image = thumbnail.deviceIndependentSize();
            if (image.width() > maxInner) // a narrow window: shrink, never stretch
                image = image.scaled(maxInner, image.height(), Qt::KeepAspectRatio);
        }
    }
    const qreal imageH = image.isEmpty() ? 0 : std::ceil(image.height()) + kImageGap;
    // The time sits on the last line when it fits there, else on a line of its own.
    const bool inlineMeta = m.lastLineWidth + kMetaGap + metaW <= maxInner;
    const qreal innerW =
        std::ceil(std::max({senderW, quoteW, qreal(m.textWidth), image.width(),
                            inlineMeta ? m.lastLineWidth + kMetaGap + metaW : metaW}));
    const qreal innerH = senderH + quoteH + imageH + textH + (inlineMeta ? 0 : metaH);
    const QSizeF bubble(innerW + 2 * kPadX, std::ceil(innerH + 2 * kPadY));
    // Right to left (Arabic): the sides swap, one's own messages on the left.
    const bool rtl = option.direction == Qt::RightToLeft;
    const qreal lane = m_showSenderNames ? kAvatarLane : 0;
    const qreal x = own   ? (rtl ? kSideMargin : width - kSideMargin - bubble.width())
                    : rtl ? width - kSideMargin - lane - bubble.width()
                          : kSideMargin + lane;
    l.bubble = QRectF(QPointF(x, y), bubble);
    if (senderH > 0)
        l.sender = QRectF(x + kPadX, y + kPadY, senderW, senderH);
    if (quoteH > 0)
        l.quote = QRectF(x + kPadX, y + kPadY + senderH, innerW, quoteH);
    if (imageH > 0)
        l.image = QRectF(QPointF(x + kPadX, y + kPadY + senderH + quoteH), image);
    l.textOrigin = QPointF(x + kPadX, y + kPadY + senderH + quoteH + imageH);
    l.meta =
        QRectF(l.bubble.right() - kPadX - metaW, l.bubble.bottom() - kPadY - metaH, metaW, metaH);
    l.height = l.bubble.bottom() + extras::chipsHeight(option.font, index);
    if (index.row() == index.model()->rowCount() - 1)
        l.height += 12; // air below the newest message
    return l;
}

bool MessageBubbleDelegate::imageAt(const QStyleOptionViewItem &option,
                                    const QModelIndex &viewIndex, const QPoint &pos) const
{
    const QModelIndex index = sourceOf(viewIndex);
    const QRectF image = layoutFor(option, index).image;
    return !image.isEmpty() && image.contains(QPointF(pos) - QPointF(option.rect.topLeft()));
}

QSize MessageBubbleDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &viewIndex) const
{
    const QModelIndex index = sourceOf(viewIndex);
    return QSize(viewportWidth(option), int(std::ceil(layoutFor(option, index).height)));
}

QRect MessageBubbleDelegate::bubbleRect(const QStyleOptionViewItem &option,
                                        const QModelIndex &viewIndex) const
{
    const QModelIndex index = sourceOf(viewIndex);
    return layoutFor(option, index).bubble.translated(option.rect.topLeft()).toRect();
}

QUrl MessageBubbleDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &viewIndex,
                                   const QPoint &pos) const
{
    const QModelIndex index = sourceOf(viewIndex);
    if (index.data(MessageListModel::DeletedRole).toBool())
        return {};
    const QString shown = displayText(index);
    const QList<links::Link> found = links::find(shown);
    if (found.isEmpty())
        return {};
    const Layout l = layoutFor(option, index);
    QTextLayout text(shown, textFont(option, index));
    layoutPlainText(&text, maxBubbleWidth(viewportWidth(option)) - 2 * kPadX);
    const QPointF at = QPointF(pos) - QPointF(option.rect.topLeft()) - l.textOrigin;
    for (int i = 0; i < text.lineCount(); ++i) {
        const QTextLine line = text.lineAt(i);
        if (!line.naturalTextRect().contains(at))
            continue;
        const int cursor = line.xToCursor(at.x(), QTextLine::CursorOnCharacter);
        for (const links::Link &link : found) {
            if (cursor >= link.start && cursor < link.start + link.length)
                return link.url;
        }
        return {};
    }
    return {};
}

void MessageBubbleDelegate::paintSeparator(QPainter *painter, const QStyleOptionViewItem &option,
                                           const QModelIndex &index, const QRectF &strip) const
{
    const QDate day = index.data(MessageListModel::CreatedAtRole).toDateTime().date();
    const QString label = dayLabel(day, QDate::currentDate());
    QFont font = smallFont(option.font);
    font.setBold(true);
    const QFontMetricsF fm(font);
    const QSizeF pill(fm.horizontalAdvance(label) + 24, fm.height() + 8);
    const QRectF r(strip.center() - QPointF(pill.width() / 2, pill.height() / 2), pill);
    const QPalette &pal = option.palette;
    QColor fill = theme::dayPill(pal);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    painter->setFont(font);
    painter->setPen(theme::mutedText(pal));
    painter->drawText(r, Qt::AlignCenter, label);
}

void MessageBubbleDelegate::paintMeta(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index, const QRectF &meta) const
{
    const QPalette &pal = option.palette;
    const bool own = index.data(MessageListModel::IsOwnRole).toBool();
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    const auto state = DeliveryState(index.data(MessageListModel::DeliveryRole).toInt());
    const QFont font = smallFont(option.font);
    const QFontMetricsF fm(font);
    QColor ink = theme::mutedText(pal);
    if (own && state == DeliveryState::Failed)
        ink = theme::danger(pal);
    else if (own)
        ink = theme::ownMetaText(pal);
    painter->setFont(font);
    painter->setPen(ink);
    QRectF textRect = meta;
    if (own && !deleted) {
        const qreal tw = ticks::width(fm.height());
        const QRectF tickRect(meta.right() - tw, meta.top(), tw, meta.height());
        const QColor tickInk = state == DeliveryState::Read     ? theme::readTicks(pal)
                               : state == DeliveryState::Failed ? theme::danger(pal)
                                                                : ink;
        ticks::paint(painter, tickRect, state, tickInk);
        textRect.setRight(tickRect.left() - 4);
    }
    painter->setPen(ink);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, metaText(index));
}

void MessageBubbleDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &viewIndex) const
{
    const QModelIndex index = sourceOf(viewIndex);
    const Layout l = layoutFor(option, index);
    const QPalette &pal = option.palette;
    if (l.system) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(option.rect.topLeft());
        if (!l.separator.isEmpty())
            paintSeparator(painter, option, index, l.separator);
        unreadline::paint(painter, pal, option.font, l.unread);
        systemline::paint(painter, pal, option.font, l.bubble, displayText(index));
        painter->restore();
        return;
    }
    const bool own = index.data(MessageListModel::IsOwnRole).toBool();
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    // Only what is on screen is laid out for drawing; sizes come from the cache.
    QTextLayout text(displayText(index), textFont(option, index));
    if (!deleted) {
        // Links are ranges of the plain text, underlined in the link colour (no markup).
        const QColor linkInk = own ? theme::ownLink(pal) : pal.color(QPalette::Link);
        QList<QTextLayout::FormatRange> formats;
        for (const links::Link &link : links::find(text.text())) {
            QTextLayout::FormatRange range;
            range.start = link.start;
            range.length = link.length;
            range.format.setForeground(linkInk);
            range.format.setFontUnderline(true);
            formats.append(range);
        }
        if (!own)
            formats += mentionMarks(text.text(), m_mentionName, pal);
        formats += searchMarks(text.text(), m_highlight, pal);
        text.setFormats(formats);
    }
    layoutPlainText(&text, maxBubbleWidth(viewportWidth(option)) - 2 * kPadX);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    if (option.state & QStyle::State_Selected) {
        QColor sel = pal.color(QPalette::Highlight);
        sel.setAlphaF(0.14f);
        painter->fillRect(option.rect, sel);
    }
    painter->translate(option.rect.topLeft());
    if (!l.separator.isEmpty())
        paintSeparator(painter, option, index, l.separator);
    unreadline::paint(painter, pal, option.font, l.unread);

    // Corners facing the neighbour of the same run are tighter, so a run reads as one block.
    const qreal top = continuesRun(index) ? kTightRadius : kRadius;
    const qreal bottom = runContinuesAfter(index) ? kTightRadius : kRadius;
    const QPainterPath path = own ? bubblePath(l.bubble, kRadius, top, bottom, kRadius)
                                  : bubblePath(l.bubble, top, kRadius, kRadius, bottom);
    if (!theme::isDark(pal)) {
        QColor shadow = pal.color(QPalette::Shadow);
        shadow.setAlphaF(0.08f);
        painter->fillPath(path.translated(0, 1), shadow);
    }
    painter->fillPath(path, own ? theme::ownBubble(pal) : theme::otherBubble(pal));
    if (m_flashed != 0 && index.data(MessageListModel::IdRole).toLongLong() == m_flashed) {
        QColor lit = searchMarkColour(pal);
        lit.setAlphaF(0.45f);
        painter->fillPath(path, lit);
    }
    if (!own) {
        painter->setPen(QPen(theme::bubbleOutline(pal), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
    }

    if (m_showSenderNames && !own && !runContinuesAfter(index)) {
        // Once per run, beside its last bubble (the name is on its first).
        const qreal side = qMin(kAvatar, l.bubble.height());
        const qreal avatarX = option.direction == Qt::RightToLeft
                                  ? viewportWidth(option) - kSideMargin - side
                                  : kSideMargin;
        avatar::paint(painter, QRectF(avatarX, l.bubble.bottom() - side, side, side),
                      index.data(MessageListModel::SenderNameRole).toString(), option.font);
    }
    if (!l.sender.isEmpty()) {
        const QString name = index.data(MessageListModel::SenderNameRole).toString();
        const QFont font = senderFont(option.font);
        QColor c = avatar::colorFor(name);
        c = theme::isDark(pal) ? c.lighter(125) : c.darker(115);
        painter->setFont(font);
        painter->setPen(c);
        painter->drawText(l.sender, Qt::AlignLeft | Qt::AlignTop,
                          QFontMetricsF(font).elidedText(name, Qt::ElideRight, l.sender.width()));
    }

    if (!l.quote.isEmpty())
        extras::paintQuote(painter, pal, option.font, own, l.quote,
                           index.data(MessageListModel::ReplyQuoteRole).toString());
    if (!l.image.isEmpty()) {
        const QImage thumbnail =
            m_thumbnails->thumbnail(index.data(MessageListModel::FileRole).toJsonObject());
        QPainterPath corners;
        corners.addRoundedRect(l.image, 6, 6);
        painter->save();
        painter->setClipPath(corners);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(l.image, thumbnail);
        painter->restore();
    }
    painter->setPen(deleted ? theme::mutedText(pal) : pal.color(QPalette::Text));
    text.draw(painter, l.textOrigin);
    paintMeta(painter, option, index, l.meta);
    if (const auto transfer = transferbar::of(m_transfers, index))
        transferbar::paint(painter, pal, transferbar::barRect(l.bubble, kPadX, kPadY), *transfer);
    const QList<ReactionChip> chips = extras::chipsOf(index);
    extras::paintChips(painter, pal, option.font, chips, chipRects(option.font, chips, l, own));
    painter->restore();
}

bool MessageBubbleDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                      const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    if (chipToolTip(event, view, option, index))
        return true;
    if (!bubbleRect(option, index).contains(event->pos())) {
        QToolTip::hideText();
        return true;
    }
    // Over a link: where it really goes, in full. Fully encoded, it holds no '<' that a
    // tooltip could take for markup.
    const QUrl link = linkAt(option, index, event->pos());
    if (!link.isEmpty()) {
        QToolTip::showText(event->globalPos(), link.toString(QUrl::FullyEncoded), view->viewport());
        return true;
    }
    // Dates and states only: the message text never goes into a tooltip (tooltips may
    // interpret rich text).
    const QDateTime when = index.data(MessageListModel::CreatedAtRole).toDateTime();
    QStringList lines{QLocale().toString(when, QLocale::LongFormat)};
    if (const auto transfer = transferbar::of(m_transfers, index))
        lines.prepend(transferbar::toolTip(*transfer));
    if (index.data(MessageListModel::EditedRole).toBool())
        lines << tr("Edited (right-click, Show edit history)");
    if (index.data(MessageListModel::IsOwnRole).toBool() &&
        !index.data(MessageListModel::DeletedRole).toBool())
        lines << deliveryText(index.data(MessageListModel::DeliveryRole).toInt());
    QToolTip::showText(event->globalPos(), lines.join(QLatin1Char('\n')), view->viewport(),
                       bubbleRect(option, index));
    return true;
}

} // namespace natter::client
