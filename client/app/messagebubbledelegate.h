#pragma once
// Paints one message as a chat bubble: own messages on the right in a tint of the accent
// colour, the others' on the left (with the sender's name at the start of a run where more
// than one person could have written it); day separators;
// time, "edited" and delivery ticks in the corner. Text is laid out with QTextLayout, so it
// is always plain text (markup is never interpreted), and it wraps at word boundaries or
// anywhere inside a word that is too long.

#include "messagelistmodel.h"
#include "searchhighlight.h"

#include <QFont>
#include <QHash>
#include <QStyledItemDelegate>
#include <QUrl>
#include <QUuid>

class QTextLayout;

namespace natter::client {

class ImageThumbnails;
class TransferProgress;

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
    // The link (http, https, mailto: messagelinks.h) under `pos`, in the coordinates of
    // option.rect; empty when there is none.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &pos) const;
    // The text as shown: the message (its open bidi embeddings closed, see bidicontrols.h),
    // or the tombstone of a deleted one.
    static QString displayText(const QModelIndex &index);
    // Replies and reactions (reactionhits.cpp): the quoted message's id when `pos` is on the
    // quote (0 otherwise); the reaction chip under `pos` (-1: none), an index into
    // MessageListModel::ReactionsRole.
    qint64 quoteAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                   const QPoint &pos) const;
    int chipAt(const QStyleOptionViewItem &option, const QModelIndex &index,
               const QPoint &pos) const;
    // Images are drawn inline from these thumbnails (none: the name line only); whether
    // `pos` is on a message's image.
    void setThumbnails(ImageThumbnails *thumbnails) { m_thumbnails = thumbnails; }
    // Files on their way: a bar in their bubbles (transferbar.h).
    void setTransfers(const TransferProgress *transfers) { m_transfers = transfers; }
    bool imageAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                 const QPoint &pos) const;
    static QString deliveryText(int deliveryState);
    static QString dayLabel(const QDate &day, const QDate &today);

    // Names above the others' bubbles. Off by default: in a 1:1 conversation every bubble on
    // the left is the one other person's, whose name the header shows already.
    void setShowsSenderNames(bool show) { m_showSenderNames = show; }
    bool showsSenderNames() const { return m_showSenderNames; }
    // Words of a find in the conversation, marked in the text; a message just jumped to,
    // drawn lit up for a moment (0: none).
    void setHighlightWords(const SearchWords &words) { m_highlight = words; }
    const SearchWords &highlightWords() const { return m_highlight; }
    // The reader's username: mentions of it in others' messages are marked (mentionmarks.h).
    void setMentionName(const QString &username) { m_mentionName = username; }
    const QString &mentionName() const { return m_mentionName; }
    void setFlashedMessage(qint64 messageId) { m_flashed = messageId; }
    qint64 flashedMessage() const { return m_flashed; }

    // Each message's text is measured once and the sizes cached (a long history is laid out
    // again whenever rows arrive); the cache is dropped when the text width or the font
    // changes, an entry when its message changes. Messages measured so far (tests).
    int measuredCount() const { return m_measured; }
    int cachedCount() const { return int(m_cache.size()); }
    void clearCache();
    void forget(const QModelIndex &index); // it left the view: keep memory to what is shown

private:
    struct Key
    {
        qint64 id = 0;
        QUuid clientId; // pending messages have no id yet
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.id == b.id && a.clientId == b.clientId;
        }
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.id, k.clientId);
        }
    };
    // What is measured of a message on its own (its neighbours only move it).
    struct Measured
    {
        qint64 revision = 0; // with flags and textLength: the message it was measured for
        int textLength = 0;
        quint8 flags = 0;
        float textWidth = 0;
        float textHeight = 0;
        float lastLineWidth = 0;
        float metaWidth = 0;
        float senderWidth = 0;
    };

    struct Layout
    {
        QRectF separator; // the day separator strip; empty when none
        QRectF bubble;
        QPointF textOrigin;
        QRectF sender; // empty when the name is not shown
        QRectF meta;   // time, "edited", ticks
        QRectF quote;  // a reply's quote; empty when none
        QRectF unread; // the "New messages" line; empty when none
        QRectF image;  // an image's thumbnail; empty when none (yet)
        qreal height = 0;
        bool system = false; // a group's system line: `bubble` is its pill
    };

    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    const Measured &measured(const QStyleOptionViewItem &option, const QModelIndex &index,
                             qreal maxInner) const;
    QString metaText(const QModelIndex &index) const;
    static QList<QRectF> chipRects(const QFont &font, const QList<ReactionChip> &chips,
                                   const Layout &l, bool own);
    bool chipToolTip(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                     const QModelIndex &index) const;
    qreal metaWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintSeparator(QPainter *painter, const QStyleOptionViewItem &option,
                        const QModelIndex &index, const QRectF &strip) const;
    void paintMeta(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                   const QRectF &meta) const;

    mutable QHash<Key, Measured> m_cache;
    mutable qreal m_cacheWidth = -1; // the text width the cache was measured at
    mutable QFont m_cacheFont;
    mutable int m_measured = 0;
    bool m_showSenderNames = false;
    SearchWords m_highlight;
    QString m_mentionName;
    qint64 m_flashed = 0;
    ImageThumbnails *m_thumbnails = nullptr;
    const TransferProgress *m_transfers = nullptr;
};

} // namespace natter::client
