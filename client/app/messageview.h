#pragma once
// The message list of the open conversation. It keeps the reader's place: older pages
// prepended at the top leave the first visible message where it was; new messages keep the
// view at the bottom only if the reader was already there (otherwise a "new messages" button
// appears); scrolling near the top asks for older history. It lays out only a window of the
// loaded messages (MessageWindowModel) and slides it as the reader scrolls, so a page
// arriving costs the same with 100,000 messages loaded as with 100. Links in messages (http,
// https, mailto) show a hand and their full address on hover and open with a click.

#include "placeholderlistview.h"

#include <QPersistentModelIndex>
#include <QTimer>
#include <QUrl>

class QToolButton;

namespace natter::client {

class ImageThumbnails;
class MessageBubbleDelegate;
class MessageWindowModel;
class TransferProgress;

class MessageView final : public PlaceholderListView
{
    Q_OBJECT

public:
    explicit MessageView(QWidget *parent = nullptr);

    // The view's own model() is the window over `model`; indexes of either work below.
    void setModel(QAbstractItemModel *model) override;
    QAbstractItemModel *sourceModel() const;
    MessageWindowModel *window() const { return m_window; }
    MessageBubbleDelegate *bubbleDelegate() const { return m_delegate; }
    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    static constexpr int kWindowRows = 600; // laid out at most (a little more briefly)
    static constexpr int kSlideRows = 100;  // the window moves by this much
    bool isAtBottom() const { return m_stick; }
    void scrollToNewest();
    // The painted bubble of `index`, in viewport coordinates.
    QRect bubbleRect(const QModelIndex &index) const;
    QToolButton *newMessagesButton() const { return m_jump; }
    // The link under `pos` (viewport coordinates); empty when there is none.
    QUrl linkAt(const QPoint &pos) const;
    bool imageAt(const QPoint &pos) const; // on an image's thumbnail
    int unseenCount() const { return m_unseen; }
    // After a jump to a message: newer messages exist that are not loaded. Scrolling to the
    // end asks for them (newerMessagesWanted); the jump button asks for the newest page.
    void setMoreBelow(bool more);
    bool hasMoreBelow() const { return m_moreBelow; }
    // Scrolls the message to the middle and lights it up briefly (it must be loaded).
    void focusMessage(qint64 messageId);
    static constexpr int kFlashMs = 1500;
    // Images drawn inline; a row grows when its thumbnail is made, keeping the reader's place.
    void setThumbnails(ImageThumbnails *thumbnails);
    void setTransfers(TransferProgress *transfers); // progress bars in file bubbles

signals:
    void olderMessagesWanted();
    void messageMenuRequested(const QModelIndex &index, const QPoint &globalPos);
    void reachedBottom();
    void newerMessagesWanted();
    void latestWanted(); // the jump button while newer messages are not loaded
    // A click on a reply's quote, on a reaction chip (reactionhits.cpp).
    void quoteClicked(qint64 quotedMessageId);
    void reactionClicked(qint64 messageId, const QString &emoji, bool mine);
    // A click on an image's thumbnail: the message's index in sourceModel().
    void imageClicked(const QModelIndex &sourceIndex);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved();
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onReset();
    void slide(bool up); // moves the window by kSlideRows, keeping the reader's place
    QModelIndex toView(const QModelIndex &index) const;
    void keepAnchor();
    void onScrolled(int value);
    void onRangeChanged(int min, int max);
    void updateJumpButton();
    void styleJumpButton();
    bool extrasClicked(const QPoint &pos); // a quote or a chip: its signal emitted
    // Once per opened conversation: the "New messages" line at the top of the view when what
    // is below it does not fit, the jump button counting them (unreadplacement.cpp).
    void placeUnreadLine();

public:
    // An opened conversation: at its "New messages" line when placed there, else the bottom.
    void scrollToUnreadOrNewest();

private:
    MessageBubbleDelegate *m_delegate;
    MessageWindowModel *m_window;
    QToolButton *m_jump;
    QPersistentModelIndex m_anchor; // the first visible row while older rows are prepended
    int m_anchorTop = 0;
    bool m_stick = true; // at the bottom: stay there when the content grows
    bool m_adjusting = false;
    bool m_sliding = false;
    int m_unseen = 0;
    QUrl m_pressedLink; // opened when the button comes up over the same link
    bool m_moreBelow = false;
    QTimer m_flash;
    bool m_unreadPlaced = false;
};

} // namespace natter::client
