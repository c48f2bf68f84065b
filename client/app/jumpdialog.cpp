#include "jumpdialog.h"

#include "chatclient.h"
#include "icons.h"
#include "jumpresultdelegate.h"
#include "placeholderlistview.h"
#include "protocollimits.h"
#include "theme.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace natter::client {

JumpDialog::JumpDialog(ChatClient &client, QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint), m_client(client),
      m_filter(new QLineEdit(this)), m_results(new PlaceholderListView(this)),
      m_status(new QLabel(this)), m_model(new QStandardItemModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setAccessibleName(tr("Jump to a conversation or person"));
    m_filter->setAccessibleName(tr("Jump to a conversation or person"));
    m_filter->setPlaceholderText(tr("Jump to a conversation or person…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaxLength(limits::kMaxQueryChars); // the most the server searches for
    m_filter->addAction(icons::tinted(QStringLiteral("search"), theme::mutedText(palette())),
                        QLineEdit::LeadingPosition);
    m_filter->installEventFilter(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_results->setModel(m_proxy);
    m_results->setItemDelegate(new JumpResultDelegate(m_results));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the filter
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setContentsMargins(6, 0, 6, 0);
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, theme::mutedText(palette()));
    m_status->setPalette(muted);
    m_status->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(8);
    layout->addWidget(m_filter);
    layout->addWidget(m_results);
    layout->addWidget(m_status);
    resize(420, 360);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(&m_searchDelay, &QTimer::timeout, this, &JumpDialog::search);
    connect(m_filter, &QLineEdit::textChanged, this, &JumpDialog::onFilterChanged);
    connect(m_filter, &QLineEdit::returnPressed, this,
            [this]() { choose(m_results->currentIndex()); });
    connect(m_results, &QListView::clicked, this, &JumpDialog::choose);
    connect(&client.people(), &PeopleController::usersFound, this, &JumpDialog::onUsersFound);
    connect(&client.people(), &PeopleController::userSearchFailed, this,
            &JumpDialog::onSearchFailed);
    // Another account's directory must not linger in this one's dialog.
    connect(&client.session(), &SessionController::signedOut, this,
            [this]() { m_directory.clear(); });
    reload();
    updateHints();
}

QListView *JumpDialog::resultView() const
{
    return m_results;
}

int JumpDialog::resultCount() const
{
    const int rows = m_proxy->rowCount();
    const bool searchRow =
        rows > 0 && m_proxy->index(rows - 1, 0).data(KindRole).toInt() == MessageSearchKind;
    return searchRow ? rows - 1 : rows;
}

QStandardItem *JumpDialog::personItem(const User &user, bool presenceKnown) const
{
    auto *item = new QStandardItem(user.username);
    item->setData(UserKind, KindRole);
    item->setData(user.id, TargetIdRole);
    item->setData(presenceKnown && user.online, OnlineRole);
    item->setData(!presenceKnown ? tr("Start a conversation")
                  : user.online  ? tr("Online · start a conversation")
                                 : tr("Offline · start a conversation"),
                  SubtitleRole);
    return item;
}

void JumpDialog::reload()
{
    const QModelIndex current = m_results->currentIndex();
    const int currentKind = current.data(KindRole).toInt();
    const qint64 currentId = current.data(TargetIdRole).toLongLong();
    m_model->clear();

    QSet<qint64> listed; // each person once: as their conversation when there is one
    // While we are offline who is online is not known (the lists hold what was true when
    // the connection dropped): no one is shown as online then.
    const bool presenceKnown = m_client.session().connectionState() == ConnectionState::Connected;
    const ConversationListModel *conversations = m_client.conversations().list();
    for (int row = 0; row < conversations->rowCount(); ++row) {
        const QModelIndex c = conversations->index(row);
        auto *item = new QStandardItem(c.data(ConversationListModel::PeerNameRole).toString());
        item->setData(ConversationKind, KindRole);
        item->setData(c.data(ConversationListModel::IdRole), TargetIdRole);
        const int unread = c.data(ConversationListModel::UnreadRole).toInt();
        const bool online = presenceKnown && c.data(ConversationListModel::PeerOnlineRole).toBool();
        item->setData(online, OnlineRole);
        item->setData(unread > 0 ? tr("%n unread", nullptr, unread)
                                 : (online ? tr("Conversation · online") : tr("Conversation")),
                      SubtitleRole);
        listed.insert(c.data(ConversationListModel::PeerIdRole).toLongLong());
        m_model->appendRow(item);
    }

    // Then people, by name: those online (live presence) and whoever the directory found.
    QList<User> people;
    QSet<qint64> known;
    const OnlineUsersModel *online = m_client.people().online();
    for (int row = 0; row < online->rowCount(); ++row) {
        const QModelIndex u = online->index(row);
        const User user{u.data(OnlineUsersModel::IdRole).toLongLong(),
                        u.data(OnlineUsersModel::UsernameRole).toString(), true};
        people.append(user);
        known.insert(user.id);
    }
    for (const User &user : std::as_const(m_directory)) {
        if (!known.contains(user.id))
            people.append(user);
    }
    std::stable_sort(people.begin(), people.end(), [](const User &a, const User &b) {
        return a.username.compare(b.username, Qt::CaseInsensitive) < 0;
    });
    for (const User &user : std::as_const(people)) {
        if (!listed.contains(user.id))
            m_model->appendRow(personItem(user, presenceKnown));
        listed.insert(user.id);
    }
    updateMessageSearchRow();

    // An answer arriving while someone arrows through the list must not move their choice.
    if (current.isValid()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, 0);
            if (index.data(KindRole).toInt() == currentKind &&
                index.data(TargetIdRole).toLongLong() == currentId) {
                m_results->setCurrentIndex(index);
                return;
            }
        }
    }
    selectFirst();
}

void JumpDialog::onFilterChanged(const QString &text)
{
    const QString query = text.trimmed();
    m_proxy->setFilterFixedString(query);
    updateMessageSearchRow();
    selectFirst();
    if (query != m_query) {
        m_query = query;
        m_searching = true;
        m_searchDelay.start();
    }
    updateHints();
}

void JumpDialog::search()
{
    m_searching = true;
    m_client.people().searchUsers(m_query); // answers (or fails) at once when offline
}

void JumpDialog::onUsersFound(const QString &query, const QList<User> &users)
{
    m_directory = users;
    m_reachable = true;
    // An older query's answer still helps (the filter narrows it); the newer one is coming.
    if (query == m_query && !m_searchDelay.isActive())
        m_searching = false;
    reload();
    updateHints();
}

void JumpDialog::onSearchFailed(const QString &query)
{
    m_directory.clear(); // nothing the server could vouch for now
    m_reachable = false;
    if (query == m_query && !m_searchDelay.isActive())
        m_searching = false;
    reload();
    updateHints();
}

void JumpDialog::updateHints()
{
    QString empty;
    if (!m_reachable)
        empty = tr("Nothing found on this computer.");
    else if (m_searching)
        empty = tr("Searching…");
    else if (m_query.isEmpty())
        empty = tr("No one else is on this server yet.");
    else
        empty = tr("No one found for “%1”.").arg(m_query);
    m_results->setPlaceholderText(empty);
    m_status->setText(tr("Can't search the server right now: showing only what is on this "
                         "computer."));
    m_status->setVisible(!m_reachable);
}

void JumpDialog::selectFirst()
{
    // Not the message search row: Enter with no one found does nothing (arrow down to it).
    const QModelIndex first = m_proxy->index(0, 0);
    const bool searchRow = first.data(KindRole).toInt() == MessageSearchKind;
    m_results->setCurrentIndex(searchRow ? QModelIndex() : first);
}

void JumpDialog::updateMessageSearchRow()
{
    const int last = m_model->rowCount() - 1;
    if (last >= 0 && m_model->item(last)->data(KindRole).toInt() == MessageSearchKind)
        m_model->removeRow(last);
    const QString query = m_filter->text().trimmed();
    if (query.isEmpty())
        return;
    auto *item = new QStandardItem(query); // passes the filter: it is the filter's text
    item->setData(MessageSearchKind, KindRole);
    item->setData(tr("Search messages (Ctrl+Shift+F)"), SubtitleRole);
    m_model->appendRow(item);
}

void JumpDialog::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 id = index.data(TargetIdRole).toLongLong();
    if (index.data(KindRole).toInt() == MessageSearchKind)
        emit messageSearchRequested(index.data(Qt::DisplayRole).toString());
    else if (index.data(KindRole).toInt() == ConversationKind)
        emit conversationChosen(id);
    else
        emit userChosen(id, index.data(Qt::DisplayRole).toString());
    accept();
}

void JumpDialog::showEvent(QShowEvent *event)
{
    m_filter->clear();
    m_query.clear();
    m_searchDelay.stop();
    reload();
    selectFirst();
    m_filter->setFocus();
    if (QWidget *p = parentWidget()) {
        const QPoint topCenter = p->mapToGlobal(QPoint(p->width() / 2, 0));
        move(topCenter.x() - width() / 2, topCenter.y() + 56);
    }
    QDialog::showEvent(event);
    search(); // the directory's first page: on a small LAN, everybody at once
    updateHints();
}

void JumpDialog::paintEvent(QPaintEvent *)
{
    // A frameless popup gets no frame from the window system: without its own border and
    // with the grey window colour around the white list, it read as a grey slab over the
    // (white) sidebar. The list's colour all over, and a line around it.
    QPainter p(this);
    const QColor base = palette().color(QPalette::Base);
    p.fillRect(rect(), base);
    p.setPen(borderColour(palette()));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

QColor JumpDialog::borderColour(const QPalette &palette)
{
    return theme::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.3);
}

void JumpDialog::hideEvent(QHideEvent *event)
{
    m_searchDelay.stop();
    m_searching = false;
    QDialog::hideEvent(event);
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
