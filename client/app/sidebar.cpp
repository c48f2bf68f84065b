#include "sidebar.h"

#include "avatar.h"
#include "chatclient.h"
#include "conversationlistdelegate.h"
#include "icons.h"
#include "onlinelistview.h"
#include "theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::client {

Sidebar::Sidebar(ChatClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_avatar(new QLabel(this)), m_name(new QLabel(this)),
      m_menuButton(new QToolButton(this)), m_jump(new QToolButton(this)),
      m_conversations(new PlaceholderListView(this)),
      m_delegate(new ConversationListDelegate(this)), m_onlineTitle(new QLabel(this)),
      m_online(new OnlineListView(this))
{
    m_avatar->setFixedSize(32, 32);
    m_name->setTextFormat(Qt::PlainText);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_menuButton->setAutoRaise(true);
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setToolTip(tr("Menu"));
    m_menuButton->setAccessibleName(tr("Menu"));
    m_menuButton->setIconSize(QSize(20, 20));
    m_menuButton->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; }"));
    auto *account = new QHBoxLayout;
    account->setContentsMargins(14, 10, 8, 6);
    account->setSpacing(10);
    account->addWidget(m_avatar);
    account->addWidget(m_name, 1);
    account->addWidget(m_menuButton);

    m_jump->setText(tr("Search or jump to…"));
    m_jump->setToolTip(tr("Jump to a conversation or person (Ctrl+K)"));
    m_jump->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_jump->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->setObjectName(QStringLiteral("jumpButton"));
    connect(m_jump, &QToolButton::clicked, this, &Sidebar::jumpRequested);

    m_conversations->setModel(client.conversations().list());
    m_conversations->setItemDelegate(m_delegate);
    m_conversations->setMouseTracking(true);
    m_conversations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversations->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_conversations->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_conversations->setAccessibleName(tr("Conversations"));
    m_conversations->setPlaceholderText(tr("No conversations yet.\nPress Ctrl+K to find someone."));
    const auto choose = [this](const QModelIndex &index) {
        if (index.isValid())
            emit conversationChosen(index.data(ConversationListModel::IdRole).toLongLong());
    };
    connect(m_conversations, &QAbstractItemView::clicked, this, choose);
    connect(m_conversations, &QAbstractItemView::activated, this, choose);

    m_onlineTitle->setTextFormat(Qt::PlainText);
    QFont caps = m_onlineTitle->font();
    caps.setBold(true);
    caps.setPointSizeF(caps.pointSizeF() * 0.85);
    caps.setCapitalization(QFont::AllUppercase);
    caps.setLetterSpacing(QFont::PercentageSpacing, 106);
    m_onlineTitle->setFont(caps);
    m_onlineTitle->setContentsMargins(16, 10, 8, 4);
    m_onlineTitle->setToolTip(tr("People you have a conversation with who are online"));
    m_online->setModel(client.people().online());
    m_online->setMaximumHeight(200);
    connect(m_online, &OnlineListView::userActivated, this, &Sidebar::userChosen);

    auto *jumpRow = new QHBoxLayout;
    jumpRow->setContentsMargins(10, 2, 10, 8);
    jumpRow->addWidget(m_jump);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(account);
    layout->addLayout(jumpRow);
    layout->addWidget(m_conversations, 1);
    layout->addWidget(m_onlineTitle);
    layout->addWidget(m_online);

    connect(&client.session(), &SessionController::authenticated, this, &Sidebar::refreshAccount);
    connect(&client.session(), &SessionController::signedOut, this, &Sidebar::refreshAccount);
    OnlineUsersModel *online = client.people().online();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(online, signal, this, &Sidebar::refreshOnlineTitle);
    connect(online, &QAbstractItemModel::modelReset, this, &Sidebar::refreshOnlineTitle);
    setMinimumWidth(230);
    applyStyle();
    refreshAccount();
    refreshOnlineTitle();
}

void Sidebar::setMenu(QMenu *menu)
{
    m_menuButton->setMenu(menu);
}

void Sidebar::setPresenceKnown(bool known)
{
    if (known == m_presenceKnown)
        return;
    m_presenceKnown = known;
    m_online->setStale(!known);
    m_delegate->setPresenceKnown(known);
    m_conversations->viewport()->update();
    refreshOnlineTitle();
}

void Sidebar::selectConversation(qint64 conversationId)
{
    const ConversationListModel *model = m_client.conversations().list();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(ConversationListModel::IdRole).toLongLong() == conversationId) {
            m_conversations->setCurrentIndex(index);
            m_conversations->scrollTo(index);
            return;
        }
    }
    m_conversations->clearSelection();
}

void Sidebar::refreshAccount()
{
    const QString name = m_client.session().currentUser().username;
    m_name->setText(name.isEmpty() ? tr("Not signed in") : name);
    m_avatar->setPixmap(avatar::pixmap(name.isEmpty() ? QStringLiteral("?") : name, 32,
                                       devicePixelRatioF(), font()));
}

void Sidebar::refreshOnlineTitle()
{
    const int n = m_client.people().online()->rowCount();
    // Presence is scoped to the people you share a conversation with, not the whole server.
    if (!m_presenceKnown)
        m_onlineTitle->setText(tr("Contacts online — unknown (offline)"));
    else
        m_onlineTitle->setText(n > 0 ? tr("Contacts online — %1").arg(n) : tr("Contacts online"));
}

void Sidebar::applyStyle()
{
    const QPalette pal = palette();
    m_menuButton->setIcon(icons::tinted(QStringLiteral("menu"), theme::mutedText(pal)));
    m_jump->setIcon(icons::tinted(QStringLiteral("search"), theme::mutedText(pal)));
    m_jump->setStyleSheet(
        QStringLiteral("QToolButton#jumpButton { background: %1; color: %2; border: none;"
                       " border-radius: 8px; padding: 7px 10px; text-align: left; }"
                       "QToolButton#jumpButton:hover { background: %3; }")
            .arg(theme::mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.06).name(),
                 theme::mutedText(pal).name(),
                 theme::mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.1).name()));
    QPalette titlePal = m_onlineTitle->palette();
    titlePal.setColor(QPalette::WindowText, theme::mutedText(pal));
    m_onlineTitle->setPalette(titlePal);
}

void Sidebar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
}

void Sidebar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyStyle();
        refreshAccount();
    }
    QWidget::changeEvent(event);
}

} // namespace natter::client
