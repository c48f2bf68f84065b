#pragma once
// The message list of the open conversation. It keeps the reader's place: older pages
// prepended at the top leave the first visible message where it was; new messages keep the
// view at the bottom only if the reader was already there (otherwise a "new messages" button
// appears); scrolling near the top asks for older history.

#include "placeholderlistview.h"

#include <QPersistentModelIndex>

class QToolButton;

namespace natter::client {

class MessageBubbleDelegate;

class MessageView final : public PlaceholderListView
{
    Q_OBJECT

public:
    explicit MessageView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    bool isAtBottom() const { return m_stick; }
    void scrollToNewest();
    // The painted bubble of `index`, in viewport coordinates.
    QRect bubbleRect(const QModelIndex &index) const;
    QToolButton *newMessagesButton() const { return m_jump; }
    int unseenCount() const { return m_unseen; }

signals:
    void olderMessagesWanted();
    void messageMenuRequested(const QModelIndex &index, const QPoint &globalPos);
    void reachedBottom();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onReset();
    void onScrolled(int value);
    void onRangeChanged(int min, int max);
    void updateJumpButton();
    void styleJumpButton();

    MessageBubbleDelegate *m_delegate;
    QToolButton *m_jump;
    QPersistentModelIndex m_anchor; // the first visible row while older rows are prepended
    int m_anchorTop = 0;
    bool m_stick = true; // at the bottom: stay there when the content grows
    bool m_adjusting = false;
    int m_unseen = 0;
};

} // namespace natter::client
