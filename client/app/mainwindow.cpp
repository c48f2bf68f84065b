#include "mainwindow.h"

#include "certificateprompt.h"
#include "chatclient.h"
#include "composebox.h"
#include "conversationdelegate.h"
#include "messagedelegate.h"
#include "protocollimits.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace natter::client {

MainWindow::MainWindow(ChatClient &client, QWidget *parent) : QMainWindow(parent), m_client(client)
{
    buildUi();
    connectClient();
    updateTitle();
    onConnectionState(int(m_client.connection().state()));
    if (!restoreGeometry(m_client.settings().windowGeometry()))
        resize(960, 640);
    m_splitter->restoreState(m_client.settings().splitterState());
}

void MainWindow::buildUi()
{
    setWindowIcon(QIcon(QStringLiteral(":/natter/natter.svg")));
    m_splitter = new QSplitter(this);

    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    m_filter = new QLineEdit(left);
    m_filter->setPlaceholderText(tr("Search conversations (Ctrl+K)"));
    m_filter->setClearButtonEnabled(true);
    m_conversationProxy = new QSortFilterProxyModel(this);
    m_conversationProxy->setSourceModel(m_client.conversations());
    m_conversationProxy->setFilterRole(ConversationListModel::PeerNameRole);
    m_conversationProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_conversationView = new QListView(left);
    m_conversationView->setModel(m_conversationProxy);
    m_conversationView->setItemDelegate(new ConversationDelegate(m_conversationView));
    m_conversationView->setAccessibleName(tr("Conversations"));
    auto *onlineTitle = new QLabel(tr("Online"), left);
    QFont bold = onlineTitle->font();
    bold.setBold(true);
    onlineTitle->setFont(bold);
    m_online = new QListView(left);
    m_online->setModel(m_client.onlineUsers());
    m_online->setToolTip(tr("Double-click someone to start a conversation"));
    m_online->setAccessibleName(tr("Online users"));
    m_online->setMaximumHeight(180);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_conversationView, 1);
    leftLayout->addWidget(onlineTitle);
    leftLayout->addWidget(m_online);

    auto *right = new QWidget(m_splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 6);
    m_header = new QLabel(tr("Pick a conversation, or double-click someone who is online"), right);
    m_header->setTextFormat(Qt::PlainText);
    QFont headerFont = m_header->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.25);
    headerFont.setBold(true);
    m_header->setFont(headerFont);
    m_messages = new QListView(right);
    m_messages->setModel(m_client.messages());
    m_messages->setItemDelegate(new MessageDelegate(m_messages));
    m_messages->setResizeMode(QListView::Adjust);
    m_messages->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_messages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_messages->setContextMenuPolicy(Qt::CustomContextMenu);
    m_messages->setAccessibleName(tr("Messages"));
    m_messages->setFrameShape(QFrame::NoFrame);
    m_typing = new QLabel(right);
    m_typing->setTextFormat(Qt::PlainText);
    QFont italic = m_typing->font();
    italic.setItalic(true);
    m_typing->setFont(italic);
    m_typing->setMinimumHeight(m_typing->fontMetrics().height());
    m_compose = new ComposeBox(right);
    m_compose->setMaximumHeight(110);
    m_send = new QPushButton(tr("Send"), right);
    m_counter = new QLabel(right);
    auto *composeRow = new QHBoxLayout;
    composeRow->addWidget(m_compose, 1);
    auto *sendColumn = new QVBoxLayout;
    sendColumn->addStretch();
    sendColumn->addWidget(m_counter, 0, Qt::AlignRight);
    sendColumn->addWidget(m_send);
    composeRow->addLayout(sendColumn);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(m_messages, 1);
    rightLayout->addWidget(m_typing);
    rightLayout->addLayout(composeRow);
    m_compose->setEnabled(false);
    m_send->setEnabled(false);

    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 680});
    setCentralWidget(m_splitter);

    m_connection = new QLabel(this);
    statusBar()->addPermanentWidget(m_connection);

    auto *jump = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    connect(jump, &QShortcut::activated, this, [this]() {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::textChanged, m_conversationProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::returnPressed, this, [this]() {
        if (m_conversationProxy->rowCount() > 0)
            openConversationAt(m_conversationProxy->index(0, 0));
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Natter"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this]() {
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this]() {
        m_retrySeconds = qMax(0, m_retrySeconds - 1);
        onConnectionState(int(m_client.connection().state()));
    });
}

void MainWindow::connectClient()
{
    connect(m_conversationView, &QListView::clicked, this, &MainWindow::openConversationAt);
    connect(m_conversationView, &QListView::activated, this, &MainWindow::openConversationAt);
    // activated: double-click, or Enter from the keyboard.
    connect(m_online, &QListView::activated, this, [this](const QModelIndex &index) {
        m_client.startConversationWith(index.data(OnlineUsersModel::IdRole).toLongLong(),
                                       index.data(OnlineUsersModel::UsernameRole).toString());
    });
    connect(&m_client, &ChatClient::conversationOpened, this,
            [this](qint64, const QString &peerName) {
                m_header->setText(peerName);
                m_typing->clear();
                m_compose->setEnabled(true);
                m_send->setEnabled(true);
                m_compose->setFocus();
                m_messages->scrollToBottom();
                markReadIfVisible();
            });
    connect(m_compose, &ComposeBox::submitted, &m_client, &ChatClient::sendMessage);
    connect(m_compose, &ComposeBox::editSubmitted, &m_client, &ChatClient::editMessage);
    connect(m_compose, &ComposeBox::typingChanged, &m_client, &ChatClient::setTyping);
    connect(m_compose, &QPlainTextEdit::textChanged, this, &MainWindow::updateCounter);
    connect(m_send, &QPushButton::clicked, this, [this]() {
        // Same path as the keyboard: the compose box validates and emits.
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QApplication::sendEvent(m_compose, &enter);
    });
    connect(&m_client, &ChatClient::typingChanged, this,
            [this](qint64 conversationId, const QString &name, bool active) {
                if (conversationId == m_client.openConversationId())
                    m_typing->setText(active ? tr("%1 is typing…").arg(name) : QString());
            });
    connect(&m_client, &ChatClient::messageArrived, this,
            [this](qint64, const QString &sender, const QString &text) {
                if (!isActiveWindow() && m_tray)
                    m_tray->showMessage(sender, text.left(200), QSystemTrayIcon::Information);
                QApplication::alert(this);
            });
    connect(&m_client, &ChatClient::untrustedCertificate, this,
            [this](const QSslCertificate &certificate, bool changed) {
                askToTrustCertificate(this, m_client, certificate, changed);
            });
    connect(&m_client, &ChatClient::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_client.conversations(), &ConversationListModel::unreadTotalChanged, this,
            &MainWindow::updateTitle);
    connect(&m_client, &ChatClient::authenticated, this, &MainWindow::updateTitle);
    connect(&m_client.connection(), &ServerConnection::stateChanged, this,
            [this](ConnectionState state) { onConnectionState(int(state)); });
    connect(&m_client.connection(), &ServerConnection::retryScheduled, this, [this](int seconds) {
        m_retrySeconds = seconds;
        m_countdown.start();
        onConnectionState(int(m_client.connection().state()));
    });
    connect(m_messages, &QListView::customContextMenuRequested, this, &MainWindow::showMessageMenu);

    // History: reaching the top loads older messages; the view keeps what you were reading.
    MessageListModel *model = m_client.messages();
    QScrollBar *bar = m_messages->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (value == bar->minimum() && bar->maximum() > 0)
            m_client.loadOlderMessages();
    });
    // Prepending older rows: the row at the top of the viewport stays exactly where it was.
    // Appending: follow the bottom only if the reader was already there.
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this, bar](const QModelIndex &, int first) {
                m_anchorId = 0;
                m_followBottom = bar->value() >= bar->maximum() - 4;
                const QModelIndex top = m_messages->indexAt(QPoint(4, 0));
                if (first == 0 && top.isValid()) {
                    m_anchorId = top.data(MessageListModel::IdRole).toLongLong();
                    m_anchorOffset = m_messages->visualRect(top).top();
                }
            });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this, model, bar](const QModelIndex &, int first, int last) {
                m_messages->doItemsLayout(); // sizes are known now, so the range is right
                if (first == 0 && m_anchorId != 0) {
                    for (int row = last + 1; row < model->rowCount(); ++row) {
                        const QModelIndex index = model->index(row);
                        if (index.data(MessageListModel::IdRole).toLongLong() == m_anchorId) {
                            bar->setValue(bar->value() + m_messages->visualRect(index).top() -
                                          m_anchorOffset);
                            break;
                        }
                    }
                } else if (m_followBottom) {
                    m_messages->scrollToBottom();
                }
                m_anchorId = 0;
                markReadIfVisible();
            });
}

void MainWindow::openConversationAt(const QModelIndex &proxyIndex)
{
    if (proxyIndex.isValid())
        m_client.openConversation(proxyIndex.data(ConversationListModel::IdRole).toLongLong());
}

void MainWindow::markReadIfVisible()
{
    // The offscreen platform (tests, headless runs) never activates windows: treat them as seen.
    if (isActiveWindow() || QApplication::platformName() == QLatin1String("offscreen"))
        m_client.markOpenConversationRead();
}

void MainWindow::updateTitle()
{
    const int unread = m_client.conversations()->unreadTotal();
    const QString user = m_client.currentUser().username;
    QString title = user.isEmpty() ? tr("Natter") : tr("Natter — %1").arg(user);
    if (unread > 0)
        title = QStringLiteral("(%1) ").arg(unread) + title;
    setWindowTitle(title);
    if (m_tray)
        m_tray->setToolTip(title);
}

void MainWindow::updateCounter()
{
    const int bytes = int(m_compose->toPlainText().toUtf8().size());
    const int left = limits::kMaxContentBytes - bytes;
    // Only near the limit: a counter that is always there is noise.
    m_counter->setVisible(left < 1000);
    m_counter->setText(left >= 0 ? QString::number(left) : tr("%1 too long").arg(-left));
}

void MainWindow::onConnectionState(int state)
{
    switch (ConnectionState(state)) {
    case ConnectionState::Connected:
        m_countdown.stop();
        m_connection->setText(tr("\u25CF Connected"));
        break;
    case ConnectionState::Connecting:
        m_connection->setText(tr("\u25CC Connecting…"));
        break;
    case ConnectionState::Offline:
        m_connection->setText(m_retrySeconds > 0
                                  ? tr("\u25CB Offline — retrying in %1 s").arg(m_retrySeconds)
                                  : tr("\u25CB Offline"));
        break;
    }
}

QList<QAction *> MainWindow::messageActions(int row)
{
    QList<QAction *> actions;
    const QModelIndex index = m_client.messages()->index(row);
    if (!index.isValid())
        return actions;
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    const bool own = index.data(MessageListModel::IsOwnRole).toBool();
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    const QString text = index.data(MessageListModel::TextRole).toString();
    auto *copy = new QAction(tr("Copy"), this);
    connect(copy, &QAction::triggered, this,
            [text]() { QApplication::clipboard()->setText(text); });
    actions << copy;
    if (id == 0 || deleted)
        return actions; // pending or tombstone: nothing else to do
    if (own) {
        auto *edit = new QAction(tr("Edit"), this);
        connect(edit, &QAction::triggered, this,
                [this, id, text]() { m_compose->beginEdit(id, text); });
        actions << edit;
    }
    if (index.data(MessageListModel::EditedRole).toBool()) {
        auto *history = new QAction(tr("Show edit history"), this);
        connect(history, &QAction::triggered, this, [this, id]() { showEditHistory(id); });
        actions << history;
    }
    auto *forMe = new QAction(tr("Delete for me"), this);
    connect(forMe, &QAction::triggered, this, [this, id]() { m_client.deleteMessage(id, false); });
    actions << forMe;
    if (own) {
        auto *forAll = new QAction(tr("Delete for everyone"), this);
        connect(forAll, &QAction::triggered, this,
                [this, id]() { m_client.deleteMessage(id, true); });
        actions << forAll;
    }
    return actions;
}

void MainWindow::showMessageMenu(const QPoint &pos)
{
    const QModelIndex index = m_messages->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const QList<QAction *> actions = messageActions(index.row());
    menu.addActions(actions);
    menu.exec(m_messages->viewport()->mapToGlobal(pos));
    qDeleteAll(actions);
}

void MainWindow::showEditHistory(qint64 messageId)
{
    m_client.requestEditHistory(messageId, [this](const QList<EditRecord> &edits) {
        QStringList lines;
        for (const EditRecord &e : edits)
            lines << tr("Until %1:\n%2")
                         .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.editedAt),
                                                 QLocale::ShortFormat),
                              e.content);
        QMessageBox box(QMessageBox::NoIcon, tr("Edit history"),
                        lines.isEmpty() ? tr("No earlier versions.")
                                        : lines.join(QStringLiteral("\n\n")),
                        QMessageBox::Close, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        markReadIfVisible();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_client.settings().setWindowGeometry(saveGeometry());
    m_client.settings().setSplitterState(m_splitter->saveState());
    m_client.settings().sync();
    QMainWindow::closeEvent(event);
}

} // namespace natter::client
