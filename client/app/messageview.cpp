#include "messageview.h"

#include "icons.h"
#include "imagethumbnails.h"
#include "messagebubbledelegate.h"
#include "messagelinks.h"
#include "messagelistmodel.h"
#include "messagewindowmodel.h"
#include "theme.h"
#include "transferprogress.h"

#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolButton>

namespace natter::client {
namespace {
constexpr int kBottomSlack = 4; // pixels from the bottom that still count as "at the bottom"
}

MessageView::MessageView(QWidget *parent)
    : PlaceholderListView(parent), m_delegate(new MessageBubbleDelegate(this)),
      m_window(new MessageWindowModel(this)), m_jump(new QToolButton(this))
{
    setItemDelegate(m_delegate);
    m_window->showNewest(kWindowRows); // also the size it starts with after a reset
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformItemSizes(false);
    setMouseTracking(true);
    setAccessibleName(tr("Messages"));
    viewport()->setAutoFillBackground(false); // paintEvent fills it from the palette
    setPlaceholderText(tr("No messages yet. Say hello!"));

    m_jump->setObjectName(QStringLiteral("newMessagesButton"));
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->setToolTip(tr("Jump to the newest message"));
    m_jump->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_jump->hide();
    styleJumpButton();
    connect(m_jump, &QToolButton::clicked, this, [this]() {
        if (m_moreBelow)
            emit latestWanted();
        else
            scrollToNewest();
    });
    m_flash.setSingleShot(true);
    m_flash.setInterval(kFlashMs);
    connect(&m_flash, &QTimer::timeout, this, [this]() {
        m_delegate->setFlashedMessage(0);
        viewport()->update();
    });

    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &MessageView::onScrolled);
    connect(bar, &QScrollBar::rangeChanged, this, &MessageView::onRangeChanged);
}

void MessageView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = sourceModel())
        old->disconnect(this);
    if (this->model() != m_window) {
        PlaceholderListView::setModel(m_window);
        connect(m_window, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &MessageView::onRowsAboutToBeInserted);
        connect(m_window, &QAbstractItemModel::rowsInserted, this, &MessageView::onRowsInserted);
        connect(m_window, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &MessageView::onRowsAboutToBeRemoved);
        connect(m_window, &QAbstractItemModel::rowsRemoved, this, &MessageView::onRowsRemoved);
        // A changed message may change its height (edits, tombstones): relayout, keep the
        // bottom.
        connect(m_window, &QAbstractItemModel::dataChanged, this,
                [this]() { scheduleDelayedItemsLayout(); });
    }
    m_window->setSourceModel(model);
    onReset();
    if (!model)
        return;
    // After the window has seen them (it connected first).
    connect(model, &QAbstractItemModel::rowsInserted, this, &MessageView::onSourceRowsInserted);
    connect(model, &QAbstractItemModel::modelReset, this, &MessageView::onReset);
}

QAbstractItemModel *MessageView::sourceModel() const
{
    return m_window->sourceModel();
}

QModelIndex MessageView::toView(const QModelIndex &index) const
{
    return index.model() == m_window ? index : m_window->mapFromSource(index);
}

QRect MessageView::visualRect(const QModelIndex &index) const
{
    return PlaceholderListView::visualRect(toView(index));
}

void MessageView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    PlaceholderListView::scrollTo(toView(index), hint);
}

QRect MessageView::bubbleRect(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->bubbleRect(option, toView(index));
}

QUrl MessageView::linkAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->linkAt(option, index, pos);
}

bool MessageView::imageAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return false;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->imageAt(option, index, pos);
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    PlaceholderListView::mouseMoveEvent(event);
    if (linkAt(event->position().toPoint()).isEmpty() && !imageAt(event->position().toPoint()))
        viewport()->unsetCursor();
    else
        viewport()->setCursor(Qt::PointingHandCursor);
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pressedLink =
        event->button() == Qt::LeftButton ? linkAt(event->position().toPoint()) : QUrl();
    PlaceholderListView::mousePressEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    PlaceholderListView::mouseReleaseEvent(event);
    const QUrl link = std::exchange(m_pressedLink, QUrl());
    if (event->button() == Qt::LeftButton && link.isEmpty() &&
        extrasClicked(event->position().toPoint()))
        return;
    if (event->button() != Qt::LeftButton || link.isEmpty() ||
        linkAt(event->position().toPoint()) != link)
        return;
    // Checked again where it is opened: no other scheme ever reaches the system.
    if (links::isOpenable(link))
        QDesktopServices::openUrl(link);
}

void MessageView::setTransfers(TransferProgress *transfers)
{
    m_delegate->setTransfers(transfers);
    // Only painted over, never laid out again: the bar sits in the bubble's padding.
    connect(transfers, &TransferProgress::changed, viewport(), qOverload<>(&QWidget::update));
}

void MessageView::setThumbnails(ImageThumbnails *thumbnails)
{
    m_delegate->setThumbnails(thumbnails);
    connect(thumbnails, &ImageThumbnails::thumbnailReady, this, [this] {
        // The rows of that image are taller now: lay out again, the top row staying put (or
        // the bottom, when the reader is there).
        keepAnchor();
        if (m_anchor.isValid())
            onRowsRemoved();
        else
            doItemsLayout();
    });
}

void MessageView::scrollToNewest()
{
    m_stick = true;
    m_unseen = 0;
    if (!m_window->atSourceEnd())
        m_window->showNewest(kWindowRows);
    doItemsLayout();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    updateJumpButton();
}

void MessageView::setMoreBelow(bool more)
{
    m_moreBelow = more;
    if (more)
        m_stick = false; // rows loaded below must not pull the reader down with them
    m_jump->setToolTip(more ? tr("Jump to latest") : tr("Jump to the newest message"));
    updateJumpButton();
}

void MessageView::focusMessage(qint64 messageId)
{
    const QAbstractItemModel *source = sourceModel();
    int row = source ? source->rowCount() - 1 : -1;
    while (row >= 0 &&
           source->index(row, 0).data(MessageListModel::IdRole).toLongLong() != messageId)
        --row;
    if (row < 0)
        return;
    const QModelIndex at = source->index(row, 0);
    if (!toView(at).isValid()) // outside the laid-out window: move the window to it
        m_window->showNewest(source->rowCount() - row + kSlideRows);
    m_stick = false;
    doItemsLayout();
    scrollTo(at, PositionAtCenter);
    m_delegate->setFlashedMessage(messageId);
    m_flash.start();
    viewport()->update();
    updateJumpButton();
}

void MessageView::onReset()
{
    m_stick = true;
    m_unseen = 0;
    m_anchor = QPersistentModelIndex();
    m_unreadPlaced = false;
    m_delegate->clearCache(); // another conversation: its sizes are of no further use
    updateJumpButton();
}

void MessageView::keepAnchor()
{
    m_anchor = QPersistentModelIndex();
    if (m_stick || m_sliding) // slide() keeps the place itself
        return;
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 1));
    if (top.isValid()) {
        m_anchor = top;
        m_anchorTop = visualRect(top).top();
    }
}

void MessageView::onRowsAboutToBeInserted(const QModelIndex &, int first, int)
{
    // Rows arriving above what is on screen (older history) must not push it down.
    keepAnchor();
    if (m_anchor.isValid() && first > m_anchor.row())
        m_anchor = QPersistentModelIndex();
}

void MessageView::onRowsAboutToBeRemoved(const QModelIndex &, int first, int last)
{
    // Sizes are kept for what the window holds, not for everything ever scrolled past
    // (sliding back measures those again, a window's edge at a time).
    for (int row = first; row <= last; ++row)
        m_delegate->forget(m_window->index(row));
    // Rows leaving above what is on screen (the window sliding down) must not pull it up.
    keepAnchor();
    if (m_anchor.isValid() && last >= m_anchor.row())
        m_anchor = QPersistentModelIndex();
}

void MessageView::onRowsInserted(const QModelIndex &, int, int)
{
    onRowsRemoved(); // the same: put the anchor back where it was
}

void MessageView::onRowsRemoved()
{
    if (!m_anchor.isValid())
        return;
    // Lay out now so the anchor's new position is known, then scroll by the difference.
    doItemsLayout();
    m_adjusting = true;
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + visualRect(m_anchor).top() - m_anchorTop);
    m_adjusting = false;
    m_anchor = QPersistentModelIndex();
}

void MessageView::onSourceRowsInserted(const QModelIndex &, int first, int last)
{
    const QAbstractItemModel *source = sourceModel();
    if (first == 0 && last < source->rowCount() - 1) {
        // Older history above what was loaded: the end of the window far from the reader goes.
        const int excess = m_window->rowCount() - kWindowRows;
        if (excess > 0 && m_stick)
            m_window->trimTop(excess);
        else if (excess > 0)
            m_window->trimBottom(excess);
        return;
    }
    bool ownSend = false;
    int fromPeer = 0;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = source->index(row, 0);
        if (!index.data(MessageListModel::IsOwnRole).toBool())
            ++fromPeer;
        else if (index.data(MessageListModel::DeliveryRole).toInt() == int(DeliveryState::Pending))
            ownSend = true;
    }
    if (ownSend) {
        scrollToNewest(); // what you just wrote is always shown
    } else if (!m_stick && !m_moreBelow && first > 0 && last == source->rowCount() - 1) {
        // (With more below, these are a page the reader scrolled to, not new messages.)
        m_unseen += fromPeer;
        updateJumpButton();
    } else if (m_stick && m_window->rowCount() > kWindowRows + kSlideRows) {
        m_window->trimTop(m_window->rowCount() - kWindowRows);
    }
}

void MessageView::slide(bool up)
{
    // Note the reader's message first: the layout is only valid until the window changes.
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 1));
    const int sourceRow = top.isValid() ? m_window->first() + top.row() : -1;
    const int topY = top.isValid() ? visualRect(top).top() : 0;
    m_sliding = true;
    if (up) {
        m_window->extendUp(kSlideRows);
        m_window->trimBottom(m_window->rowCount() - kWindowRows);
    } else {
        m_window->extendDown(kSlideRows);
        m_window->trimTop(m_window->rowCount() - kWindowRows);
    }
    doItemsLayout();
    if (sourceRow >= 0) {
        const QModelIndex again = m_window->index(sourceRow - m_window->first());
        m_adjusting = true;
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + visualRect(again).top() - topY);
        m_adjusting = false;
    }
    m_sliding = false;
}

void MessageView::onScrolled(int value)
{
    QScrollBar *bar = verticalScrollBar();
    if (m_sliding)
        return;
    if (!m_adjusting) {
        const bool wasAtBottom = m_stick;
        m_stick = value >= bar->maximum() - kBottomSlack && m_window->atSourceEnd() && !m_moreBelow;
        if (m_stick) {
            m_unseen = 0;
            if (!wasAtBottom)
                emit reachedBottom();
        }
        updateJumpButton();
    }
    // Ask early (a third of a screen before the top) so older messages are usually there
    // before the reader arrives; first from what is loaded but outside the window.
    const int margin = viewport()->height() / 3;
    if (bar->maximum() > 0 && value <= margin) {
        if (m_window->atSourceStart())
            emit olderMessagesWanted();
        else if (!m_adjusting)
            slide(true);
    } else if (!m_adjusting && !m_window->atSourceEnd() && value >= bar->maximum() - margin) {
        slide(false);
    } else if (m_moreBelow && value >= bar->maximum() - margin) {
        emit newerMessagesWanted();
    }
}

void MessageView::onRangeChanged(int, int max)
{
    if (!m_unreadPlaced) // once the layout under way is done
        QTimer::singleShot(0, this, &MessageView::placeUnreadLine);
    if (m_stick && !m_adjusting)
        verticalScrollBar()->setValue(max);
    // Everything fits on one screen: nothing to scroll, so ask for more right away.
    if (max == 0 && model() && model()->rowCount() > 0 && m_window->atSourceStart())
        emit olderMessagesWanted();
}

void MessageView::updateJumpButton()
{
    // Everything on one screen (nothing to scroll, nothing more below): no way is down, even
    // when a jump to a message unstuck the view.
    const bool allShown =
        verticalScrollBar()->maximum() == 0 && m_window->atSourceEnd() && !m_moreBelow;
    const bool show = !m_stick && !allShown && model() && model()->rowCount() > 0;
    m_jump->setText(m_unseen > 0 ? QString::number(m_unseen) : QString());
    m_jump->setToolButtonStyle(m_unseen > 0 ? Qt::ToolButtonTextBesideIcon
                                            : Qt::ToolButtonIconOnly);
    m_jump->adjustSize();
    const QRect vp = viewport()->geometry();
    m_jump->move(vp.right() - m_jump->width() - 14, vp.bottom() - m_jump->height() - 14);
    m_jump->setVisible(show);
    if (show)
        m_jump->raise();
}

void MessageView::styleJumpButton()
{
    const QPalette pal = palette();
    m_jump->setIcon(icons::tinted(QStringLiteral("arrow-down"), theme::accent(pal)));
    m_jump->setIconSize(QSize(18, 18));
    m_jump->setStyleSheet(
        QStringLiteral("QToolButton { background: %1; color: %2; border: 1px solid %3;"
                       " border-radius: 18px; min-width: 34px; min-height: 34px; padding: 0 8px;"
                       " font-weight: bold; }"
                       "QToolButton:hover { background: %4; }")
            .arg(theme::otherBubble(pal).name(), theme::accent(pal).name(),
                 theme::separatorLine(pal).name(),
                 theme::mix(theme::otherBubble(pal), theme::accent(pal), 0.1).name()));
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    const bool stick = m_stick;
    PlaceholderListView::resizeEvent(event);
    m_stick = stick; // a resize is not the reader scrolling away
    if (m_stick) {
        doItemsLayout();
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    }
    updateJumpButton();
}

void MessageView::paintEvent(QPaintEvent *event)
{
    {
        QPainter p(viewport());
        p.fillRect(event->rect(), theme::chatBackground(palette()));
    }
    PlaceholderListView::paintEvent(event);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    // The Menu key and Shift+F10: the menu of the current message, at the message. (Qt turns
    // an unhandled Menu key into a context-menu event, never Shift+F10; handled here, the
    // Menu key opens it once.)
    if ((event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) ||
        (event->key() == Qt::Key_Menu && event->modifiers() == Qt::NoModifier)) {
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, QPoint(), QPoint(), Qt::NoModifier);
        contextMenuEvent(&menu);
        return;
    }
    PlaceholderListView::keyPressEvent(event);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const bool keyboard = event->reason() == QContextMenuEvent::Keyboard;
    const QModelIndex index = keyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    const QPoint pos = keyboard ? bubbleRect(index).center() : event->pos();
    emit messageMenuRequested(index, viewport()->mapToGlobal(pos));
    // The band showed which message the menu was for; the menu is closed now (it runs
    // modally), so the band goes too. The current row stays for the keyboard.
    if (selectionModel())
        selectionModel()->clearSelection();
}

void MessageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        styleJumpButton();
    PlaceholderListView::changeEvent(event);
}

} // namespace natter::client
