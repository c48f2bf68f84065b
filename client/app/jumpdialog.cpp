#include "jumpdialog.h"

#include "avatar.h"
#include "chatclient.h"
#include "icons.h"
#include "theme.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace natter::client {
namespace {

class ResultDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(300, option.fontMetrics.height() * 2 + 16);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QPalette &pal = option.palette;
        const bool selected = option.state & QStyle::State_Selected;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (selected) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(theme::accent(pal));
            painter->drawRoundedRect(QRectF(option.rect).adjusted(4, 1, -4, -1), 7, 7);
        }
        const QString name = index.data(Qt::DisplayRole).toString();
        const qreal d = option.rect.height() - 14;
        const QRectF avatarRect(option.rect.left() + 12, option.rect.top() + 7, d, d);
        avatar::paint(painter, avatarRect, name, option.font);
        const QColor ink =
            selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
        const qreal x = avatarRect.right() + 10;
        const qreal lineH = option.fontMetrics.height();
        const QRectF nameRect(x, option.rect.top() + 7, option.rect.right() - x - 8, lineH);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(ink);
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, name);
        painter->setFont(option.font);
        painter->setPen(selected ? ink : theme::mutedText(pal));
        painter->drawText(nameRect.translated(0, lineH + 1), Qt::AlignLeft | Qt::AlignVCenter,
                          index.data(JumpDialog::SubtitleRole).toString());
        painter->restore();
    }
};

} // namespace

JumpDialog::JumpDialog(ChatClient &client, QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint), m_client(client),
      m_filter(new QLineEdit(this)), m_results(new QListView(this)),
      m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setAccessibleName(tr("Jump to a conversation"));
    m_filter->setPlaceholderText(tr("Jump to a conversation or person…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(icons::tinted(QStringLiteral("search"), theme::mutedText(palette())),
                        QLineEdit::LeadingPosition);
    m_filter->installEventFilter(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_results->setModel(m_proxy);
    m_results->setItemDelegate(new ResultDelegate(m_results));
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the filter
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(8);
    layout->addWidget(m_filter);
    layout->addWidget(m_results);
    resize(420, 360);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        selectFirst();
    });
    connect(m_filter, &QLineEdit::returnPressed, this,
            [this]() { choose(m_results->currentIndex()); });
    connect(m_results, &QListView::clicked, this, &JumpDialog::choose);
    reload();
}

int JumpDialog::resultCount() const
{
    return m_proxy->rowCount();
}

void JumpDialog::reload()
{
    m_model->clear();
    QSet<qint64> withConversation;
    const ConversationListModel *conversations = m_client.conversations();
    for (int row = 0; row < conversations->rowCount(); ++row) {
        const QModelIndex c = conversations->index(row);
        auto *item = new QStandardItem(c.data(ConversationListModel::PeerNameRole).toString());
        item->setData(ConversationKind, KindRole);
        item->setData(c.data(ConversationListModel::IdRole), TargetIdRole);
        const int unread = c.data(ConversationListModel::UnreadRole).toInt();
        const bool online = c.data(ConversationListModel::PeerOnlineRole).toBool();
        item->setData(unread > 0 ? tr("%n unread", nullptr, unread)
                                 : (online ? tr("Conversation · online") : tr("Conversation")),
                      SubtitleRole);
        withConversation.insert(c.data(ConversationListModel::PeerIdRole).toLongLong());
        m_model->appendRow(item);
    }
    const OnlineUsersModel *online = m_client.onlineUsers();
    for (int row = 0; row < online->rowCount(); ++row) {
        const QModelIndex u = online->index(row);
        const qint64 id = u.data(OnlineUsersModel::IdRole).toLongLong();
        if (withConversation.contains(id))
            continue;
        auto *item = new QStandardItem(u.data(OnlineUsersModel::UsernameRole).toString());
        item->setData(UserKind, KindRole);
        item->setData(id, TargetIdRole);
        item->setData(tr("Online · start a conversation"), SubtitleRole);
        m_model->appendRow(item);
    }
    selectFirst();
}

void JumpDialog::selectFirst()
{
    m_results->setCurrentIndex(m_proxy->index(0, 0));
}

void JumpDialog::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 id = index.data(TargetIdRole).toLongLong();
    if (index.data(KindRole).toInt() == ConversationKind)
        emit conversationChosen(id);
    else
        emit userChosen(id, index.data(Qt::DisplayRole).toString());
    accept();
}

void JumpDialog::showEvent(QShowEvent *event)
{
    reload();
    m_filter->clear();
    m_filter->setFocus();
    if (QWidget *p = parentWidget()) {
        const QPoint topCenter = p->mapToGlobal(QPoint(p->width() / 2, 0));
        move(topCenter.x() - width() / 2, topCenter.y() + 56);
    }
    QDialog::showEvent(event);
}

bool JumpDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up/Down move through the results while the cursor stays in the filter.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int rows = m_proxy->rowCount();
            if (rows > 0) {
                const int current = m_results->currentIndex().row();
                const int next =
                    key == Qt::Key_Down ? qMin(rows - 1, current + 1) : qMax(0, current - 1);
                m_results->setCurrentIndex(m_proxy->index(next, 0));
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace natter::client
