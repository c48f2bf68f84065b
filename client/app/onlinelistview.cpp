#include "onlinelistview.h"

#include "avatar.h"
#include "onlineusersmodel.h"
#include "theme.h"

#include <QPainter>
#include <QStyledItemDelegate>

namespace natter::client {
namespace {

class OnlineUserDelegate final : public QStyledItemDelegate
{
public:
    explicit OnlineUserDelegate(OnlineListView *view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(160, qMax(34, option.fontMetrics.height() + 14));
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QPalette &pal = option.palette;
        const bool selected = option.state & QStyle::State_Selected;
        const bool hovered = option.state & QStyle::State_MouseOver;
        const QString name = index.data(OnlineUsersModel::UsernameRole).toString();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool stale = m_view->isStale();
        if (stale)
            painter->setOpacity(0.5);
        if (selected || hovered) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(
                theme::mix(pal.color(QPalette::Base), theme::accent(pal), selected ? 0.18 : 0.08));
            painter->drawRoundedRect(QRectF(option.rect).adjusted(4, 1, -4, -1), 7, 7);
        }
        const qreal d = 26;
        const QRectF avatarRect(option.rect.left() + 12, option.rect.center().y() - d / 2 + 0.5, d,
                                d);
        avatar::paint(painter, avatarRect, name, option.font);
        if (!stale)
            avatar::paintPresence(painter, avatarRect, theme::online(pal),
                                  pal.color(QPalette::Base));
        const QRectF text(avatarRect.right() + 10, option.rect.top(),
                          option.rect.right() - avatarRect.right() - 18, option.rect.height());
        painter->setFont(option.font);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(name, Qt::ElideRight, int(text.width())));
        painter->restore();
    }

private:
    const OnlineListView *m_view;
};

} // namespace

OnlineListView::OnlineListView(QWidget *parent) : PlaceholderListView(parent)
{
    setItemDelegate(new OnlineUserDelegate(this));
    setMouseTracking(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAccessibleName(tr("Contacts online"));
    setStale(false);
    // activated: a double-click, or Enter on the current row.
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit userActivated(index.data(OnlineUsersModel::IdRole).toLongLong(),
                           index.data(OnlineUsersModel::UsernameRole).toString());
    });
}

void OnlineListView::setStale(bool stale)
{
    m_stale = stale;
    setPlaceholderText(stale ? tr("Unknown while you are offline.")
                             : tr("No one you talk with is online right now."));
    setToolTip(stale ? tr("Who was online when the connection dropped; unknown until it is back")
                     : tr("Double-click someone to chat with them"));
    viewport()->update();
}

} // namespace natter::client
