#include "mainwindow.h"

#include "certificateprompt.h"
#include "chatclient.h"
#include "chatheader.h"
#include "composebox.h"
#include "composepanel.h"
#include "connectionindicator.h"
#include "conversationlistdelegate.h"
#include "conversationlistmodel.h"
#include "desktopnotifier.h"
#include "draftstore.h"
#include "emojipicker.h"
#include "filecache.h"
#include "filedrop.h"
#include "fileopener.h"
#include "findbar.h"
#include "groupui.h"
#include "icons.h"
#include "imagethumbnails.h"
#include "imageviewer.h"
#include "jumpdialog.h"
#include "liveannouncer.h"
#include "mentionui.h"
#include "messageinfodialog.h"
#include "messagemenu.h"
#include "messageview.h"
#include "offlinebanner.h"
#include "onlinelistview.h"
#include "profilesettings.h"
#include "protocollimits.h"
#include "replyui.h"
#include "searchui.h"
#include "shortcutsdialog.h"
#include "sidebar.h"
#include "theme.h"
#include "themechoice.h"
#include "transfersbar.h"
#include "translations.h"
#include "trayicon.h"
#include "typingindicator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace natter::client {

MainWindow::MainWindow(ChatClient &client, QWidget *parent) : QMainWindow(parent), m_client(client)
{
    setWindowIcon(icons::appIcon());
    m_splitter = new QSplitter(this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_sidebar = new Sidebar(client, m_splitter);
    m_stack = new QStackedWidget(m_splitter);
    m_stack->addWidget(buildEmptyPanel());
    m_stack->addWidget(buildChatPanel());
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 700});
    // Across the whole window, above everything: offline must be impossible to miss.
    auto *central = new QWidget(this);
    m_offline = new OfflineBanner(client.session(), central);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_offline);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_connection = new ConnectionIndicator(client.session(), this);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->setSizeGripEnabled(false);
    m_tray = new TrayIcon(this, new DesktopNotifier());
    m_jump = new JumpDialog(client, this);
    m_search = new SearchUi(client, *this); // Ctrl+Shift+F, Ctrl+F, jumps to a message
    m_groupUi = new GroupUi(client, *this); // Ctrl+N, the open group's header and typing
    m_replyUi = new ReplyUi(client, *this); // the reply bar, Ctrl+R, quotes and chips clicked
    m_mentionUi = new MentionUi(client, *this, *m_groupUi); // @ in the box, marks, badges

    m_markRead.setSingleShot(true);
    m_markRead.setInterval(150); // one read receipt for a burst of arrivals
    connect(&m_markRead, &QTimer::timeout, this, &MainWindow::markReadNow);
    m_drafts = new DraftStore(client.settings(), this);
    setDraftOwner();
    client.conversations().list()->setDrafts(m_drafts);
    m_draftSave.setSingleShot(true);
    m_draftSave.setInterval(300); // a pause in typing, not every key
    connect(&m_draftSave, &QTimer::timeout, this, &MainWindow::saveDraft);

    // The picker's recent emoji outlive the app.
    EmojiPicker *emoji = m_compose->emojiPicker();
    emoji->setRecent(client.settings().recentEmoji());
    connect(emoji, &EmojiPicker::recentChanged, this,
            [&client](const QStringList &recent) { client.settings().setRecentEmoji(recent); });

    applyTheme();
    buildMenu();
    buildShortcuts();
    connectClient();
    connectMessages();
    updateTitle();
    onConnectionStateChanged();

    if (!restoreGeometry(client.settings().windowGeometry()))
        resize(1040, 700);
    m_splitter->restoreState(client.settings().splitterState());
    m_sidebar->conversationView()->setFocus();
}

ComposeBox *MainWindow::composeBox() const
{
    return m_compose->composeBox();
}

QListView *MainWindow::conversationView() const
{
    return m_sidebar->conversationView();
}

OnlineListView *MainWindow::onlineView() const
{
    return m_sidebar->onlineView();
}

bool MainWindow::isChatShown() const
{
    return m_stack->currentIndex() == 1;
}

QWidget *MainWindow::buildEmptyPanel()
{
    auto *panel = new QWidget(this);
    auto *logo = new QLabel(panel);
    logo->setPixmap(icons::appIcon().pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Pick a conversation to start chatting"), panel);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    auto *hint = new QLabel(tr("Press Ctrl+K to find anyone on this server."), panel);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    QPalette muted = hint->palette();
    muted.setColor(QPalette::WindowText, theme::mutedText(palette()));
    hint->setPalette(muted);
    auto *layout = new QVBoxLayout(panel);
    layout->addStretch(2);
    layout->addWidget(logo);
    layout->addSpacing(12);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addStretch(3);
    return panel;
}

QWidget *MainWindow::buildChatPanel()
{
    auto *panel = new QWidget(this);
    m_header = new ChatHeader(panel);
    m_messages = new MessageView(panel);
    m_messages->setModel(m_client.conversations().messages());
    m_typing = new TypingIndicator(panel);
    m_compose = new ComposePanel(panel);
    m_find = new FindBar(m_client, panel);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_messages, 1);
    layout->addWidget(m_typing);
    layout->addWidget(m_find);
    m_fileOpener = new FileOpener(m_client, this);
    m_transfers = new TransfersBar(m_client.files(), *m_fileOpener, panel);
    layout->addWidget(m_transfers);
    layout->addWidget(m_compose);
    m_typing->setAutoFillBackground(true);
    m_announcer = new LiveAnnouncer(panel);
    m_announcer->move(0, 0);
    m_announcer->lower();
    // A message arriving in the open conversation (one row at the end, not a page of
    // history) is read out as its row is: who, when, what.
    connect(m_client.conversations().messages(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                const QAbstractItemModel *model = m_client.conversations().messages();
                if (first != last || last != model->rowCount() - 1)
                    return;
                const QModelIndex row = model->index(last, 0);
                if (!row.data(MessageListModel::IsOwnRole).toBool())
                    m_announcer->announce(row.data(Qt::AccessibleTextRole).toString());
            });
    auto *drop = new FileDrop(this);
    drop->watch(m_messages->viewport());
    drop->watch(m_compose->composeBox()->viewport());
    drop->watchPaste(m_compose->composeBox(), pastedImagesFolder(m_client.settings().profile()));
    connect(drop, &FileDrop::filesDropped, this, &MainWindow::sendFiles);
    connect(m_compose, &ComposePanel::filesChosen, this, &MainWindow::sendFiles);
    return panel;
}

void MainWindow::buildMenu()
{
    // The actions live on the window (so their shortcuts work anywhere in it) and in the menu.
    auto *jump =
        new QAction(icons::tinted(QStringLiteral("search"), palette().color(QPalette::Text)),
                    tr("Jump to…"), this);
    jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(jump, &QAction::triggered, this, &MainWindow::openJumpDialog);
    // Ctrl+Home where the message list (not a text field) has the keys; the menu anywhere.
    auto *first = new QAction(tr("Jump to first message"), this);
    first->setObjectName(QStringLiteral("jumpToFirstMessage"));
    first->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    connect(first, &QAction::triggered, this, [this]() {
        if (const qint64 open = m_client.conversations().openConversationId())
            m_client.conversations().openConversationAtStart(open);
    });
    auto *signOut = new QAction(tr("Sign out…"), this);
    connect(signOut, &QAction::triggered, this, [this]() {
        if (QMessageBox::question(
                this, tr("Sign out"),
                tr("Sign out of %1?").arg(m_client.session().currentUser().username)) ==
            QMessageBox::Yes)
            m_client.session().signOut();
    });
    auto *about = new QAction(tr("About Natter"), this);
    connect(about, &QAction::triggered, this, [this]() {
        QMessageBox box(QMessageBox::NoIcon, tr("About Natter"),
                        tr("Natter %1\nSelf-hosted desktop chat.\n\nProfile: %2\nServer: %3")
                            .arg(QApplication::applicationVersion(), m_client.settings().profile(),
                                 m_client.settings().serverUrl().toDisplayString()),
                        QMessageBox::Close, this);
        box.setTextFormat(Qt::PlainText);
        box.setIconPixmap(icons::appIcon().pixmap(64, 64));
        box.exec();
    });
    auto *keys = new QAction(tr("Keyboard shortcuts"), this);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    auto *quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addActions({jump, first, keys, quit});

    auto *menu = new QMenu(this);
    menu->addAction(jump);
    menu->addAction(m_groupUi->newGroupAction());
    menu->addAction(first);
    menu->addSeparator();
    addNotificationOptions(menu->addMenu(tr("Notifications")));
    addThemeOptions(menu->addMenu(tr("Theme")));
    addLanguageOptions(menu->addMenu(tr("Language")));
    menu->addSeparator();
    menu->addAction(signOut);
    menu->addAction(keys);
    menu->addAction(about);
    menu->addSeparator();
    menu->addAction(quit);
    m_sidebar->setMenu(menu);
}

void MainWindow::addNotificationOptions(QMenu *menu)
{
    ProfileSettings &settings = m_client.settings();
    auto *preview = menu->addAction(tr("Show message text"));
    preview->setCheckable(true);
    preview->setChecked(settings.notificationPreview());
    preview->setObjectName(QStringLiteral("notificationPreview"));
    connect(preview, &QAction::toggled, this,
            [&settings](bool on) { settings.setNotificationPreview(on); });
    auto *sound = menu->addAction(tr("Play a sound"));
    sound->setCheckable(true);
    sound->setChecked(settings.notificationSound());
    sound->setObjectName(QStringLiteral("notificationSound"));
    connect(sound, &QAction::toggled, this,
            [&settings](bool on) { settings.setNotificationSound(on); });
}

void MainWindow::addLanguageOptions(QMenu *menu)
{
    // Applied at the next start: every window's text is made once, in the language then.
    menu->setToolTipsVisible(true);
    auto *group = new QActionGroup(menu);
    const QString current = m_client.settings().language();
    QList<QPair<QString, QString>> choices{{QString(), tr("System default")},
                                           {QStringLiteral("en"), QStringLiteral("English")}};
    for (const QString &language : translations::available())
        choices.append({language, translations::nativeName(language)});
    for (const auto &[language, text] : std::as_const(choices)) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(language == current);
        action->setObjectName(QStringLiteral("language-") +
                              (language.isEmpty() ? QStringLiteral("system") : language));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language = language] {
            m_client.settings().setLanguage(language);
            statusBar()->showMessage(tr("The language changes when Natter starts again."), 8000);
        });
    }
}

void MainWindow::addThemeOptions(QMenu *menu)
{
    auto *group = new QActionGroup(menu);
    const theme::Choice current = theme::choiceFromName(m_client.settings().theme());
    for (const auto &[choice, text] : {std::pair{theme::Choice::System, tr("Follow system")},
                                       std::pair{theme::Choice::Light, tr("Light")},
                                       std::pair{theme::Choice::Dark, tr("Dark")}}) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(choice == current);
        action->setObjectName(QStringLiteral("theme-") + theme::choiceName(choice));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice = choice] {
            m_client.settings().setTheme(theme::choiceName(choice));
            theme::apply(choice); // every window repaints in it now
        });
    }
}

void MainWindow::buildShortcuts()
{
    auto *previous = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), this);
    previous->setWhatsThis(tr("Previous conversation"));
    connect(previous, &QShortcut::activated, this, [this]() { openConversationAtOffset(-1); });
    auto *next = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), this);
    next->setWhatsThis(tr("Next conversation"));
    connect(next, &QShortcut::activated, this, [this]() { openConversationAtOffset(1); });
}

void MainWindow::openJumpDialog()
{
    if (m_client.session().isAuthenticated())
        m_jump->show();
}

void MainWindow::connectClient()
{
    connect(m_sidebar, &Sidebar::conversationChosen, this, [this](qint64 id) {
        if (id != m_client.conversations().openConversationId() || !isChatShown())
            m_client.conversations().openConversation(id);
    });
    connect(m_sidebar, &Sidebar::userChosen, &m_client.conversations(),
            &ConversationController::startConversationWith);
    connect(m_sidebar, &Sidebar::jumpRequested, this, &MainWindow::openJumpDialog);
    connect(m_jump, &JumpDialog::conversationChosen, &m_client.conversations(),
            &ConversationController::openConversation);
    connect(m_jump, &JumpDialog::userChosen, &m_client.conversations(),
            &ConversationController::startConversationWith);
    connect(m_tray, &TrayIcon::conversationRequested, &m_client.conversations(),
            &ConversationController::openConversation);
    connect(m_tray, &TrayIcon::quitRequested, this, &QWidget::close);

    connect(&m_client.conversations(), &ConversationController::conversationOpened, this,
            &MainWindow::onConversationOpened);
    connect(&m_client.typing(), &TypingController::typingChanged, this, &MainWindow::onTyping);
    connect(&m_client.conversations(), &ConversationController::messageArrived, this,
            [this](qint64 conversationId, const QString &sender, const QString &text) {
                onTyping(conversationId, sender, false);
                if (m_mentionUi->shouldNotify(conversationId, text))
                    m_tray->notify(sender, text, conversationId,
                                   m_client.settings().notificationPreview(),
                                   m_client.settings().notificationSound());
            });
    connect(&m_client.session(), &SessionController::untrustedCertificate, this,
            [this](const QSslCertificate &certificate, bool changed) {
                if (m_client.session().isAuthenticated()) // before sign-in the login dialog asks
                    askToTrustCertificate(this, m_client, certificate, changed);
            });
    connect(&m_client, &ChatClient::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(&m_client.session(), &SessionController::authenticated, this, [this]() {
        setDraftOwner();
        updateTitle();
    });
    connect(&m_client.session(), &SessionController::signedOut, this, [this]() {
        saveDraft();
        m_draftKey.clear();
        m_drafts->setOwner({}, 0);
        m_stack->setCurrentIndex(0);
        m_typing->clear();
        m_compose->composeBox()->setDraftText({});
        updateTitle();
    });
    ConversationListModel *conversations = m_client.conversations().list();
    connect(conversations, &ConversationListModel::unreadTotalChanged, this,
            &MainWindow::updateTitle);
    // The list is rebuilt when a new conversation appears: keep the open one selected.
    connect(conversations, &QAbstractItemModel::modelReset, this, [this]() {
        m_sidebar->selectConversation(m_client.conversations().openConversationId());
    });
    connect(&m_client.session(), &SessionController::connectionStateChanged, this,
            &MainWindow::onConnectionStateChanged);
    OnlineUsersModel *online = m_client.people().online();
    connect(online, &QAbstractItemModel::rowsInserted, this, &MainWindow::updatePeerPresence);
    connect(online, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updatePeerPresence);
    connect(online, &QAbstractItemModel::modelReset, this, &MainWindow::updatePeerPresence);
}

void MainWindow::connectMessages()
{
    ComposeBox *compose = m_compose->composeBox();
    m_messageMenu = new MessageMenu(m_client, compose, this);
    m_messageMenu->setFileOpener(m_fileOpener);
    m_thumbnails = new ImageThumbnails(
        [this](const QJsonObject &file, std::function<void(const QString &)> then) {
            m_fileOpener->fetch(file, std::move(then));
        },
        this);
    m_messages->setThumbnails(m_thumbnails);
    m_messages->setTransfers(&m_client.transfers());
    connect(m_messages, &MessageView::imageClicked, this, &MainWindow::openImage);
    m_messageInfo = new MessageInfoDialog(m_client, this);
    connect(m_messageMenu, &MessageMenu::infoRequested, m_messageInfo,
            &MessageInfoDialog::showMessage);
    connect(compose, &ComposeBox::submitted, &m_client.conversations(),
            &ConversationController::sendMessage);
    connect(compose, &ComposeBox::editSubmitted, &m_client.conversations(),
            &ConversationController::editMessage);
    connect(compose, &ComposeBox::typingChanged, &m_client.typing(), &TypingController::setTyping);
    connect(compose, &ComposeBox::editLastRequested, m_messageMenu,
            &MessageMenu::editLastOwnMessage);
    connect(compose, &ComposeBox::draftEdited, &m_draftSave, qOverload<>(&QTimer::start));
    connect(m_messages, &MessageView::olderMessagesWanted, &m_client.conversations(),
            &ConversationController::loadOlderMessages);
    connect(m_messages, &MessageView::messageMenuRequested, m_messageMenu, &MessageMenu::showAt);
    connect(m_messages, &MessageView::reachedBottom, this, &MainWindow::scheduleMarkRead);
    connect(m_client.conversations().messages(), &QAbstractItemModel::rowsInserted, this,
            &MainWindow::scheduleMarkRead);
}

void MainWindow::onConversationOpened(qint64 conversationId, const QString &peerName)
{
    m_stack->setCurrentIndex(1);
    m_header->setPeer(peerName,
                      m_client.conversations().isPeerOnline(m_client.conversations().openPeerId()));
    m_typing->setTyping(peerName, m_sidebar->conversationDelegate()->isTyping(conversationId));
    // The text in the box stays with the conversation it was typed in.
    saveDraft();
    m_draftKey = DraftStore::keyFor(conversationId, m_client.conversations().openPeerId());
    m_compose->composeBox()->setDraftText(m_drafts->text(m_draftKey));
    m_compose->composeBox()->setFocus();
    m_sidebar->selectConversation(conversationId);
    m_messages->scrollToUnreadOrNewest();
    scheduleMarkRead();
    m_groupUi->showConversation(conversationId);
}

void MainWindow::onTyping(qint64 conversationId, const QString &username, bool active)
{
    if (conversationId == m_client.conversations().openConversationId() && conversationId != 0 &&
        !m_groupUi->applyTyping(conversationId, username, active)) {
        m_typing->setTyping(username, active);
        if (active)
            m_announcer->announce(m_typing->text());
    }
    ConversationListDelegate *delegate = m_sidebar->conversationDelegate();
    if (delegate->isTyping(conversationId) != active) {
        delegate->setTyping(conversationId, active);
        m_sidebar->conversationView()->viewport()->update();
    }
    if (!active)
        return;
    // The client expires the open conversation's indicator; the list expires its own.
    const quint64 stamp = ++m_typingCounter;
    m_typingStamps.insert(conversationId, stamp);
    QTimer::singleShot(limits::kTypingExpiryMs, this, [this, conversationId, stamp, username]() {
        if (m_typingStamps.value(conversationId) == stamp)
            onTyping(conversationId, username, false);
    });
}

void MainWindow::updatePeerPresence()
{
    if (m_client.conversations().openPeerId() > 0)
        m_header->setOnline(
            m_client.conversations().isPeerOnline(m_client.conversations().openPeerId()));
}

void MainWindow::onConnectionStateChanged()
{
    // Who is online is known only while connected (the server sends it again on sign-in).
    const bool known = m_client.session().connectionState() == ConnectionState::Connected;
    m_header->setPresenceKnown(known);
    m_sidebar->setPresenceKnown(known);
}

void MainWindow::scheduleMarkRead()
{
    m_markRead.start();
}

void MainWindow::markReadNow()
{
    // Read means seen: the window is active, the conversation shown, the newest on screen.
    if (isActiveWindow() && isChatShown() && m_messages->isAtBottom())
        m_client.conversations().markOpenConversationRead();
}

void MainWindow::updateTitle()
{
    const int unread = m_client.conversations().list()->unreadTotal();
    const QString user = m_client.session().currentUser().username;
    // Ends with the application's display name, which the window system would otherwise
    // append a second time ("Natter — alice — Natter").
    QString title = user.isEmpty() ? tr("Natter") : tr("%1 — Natter").arg(user);
    if (unread > 0)
        title = QStringLiteral("(%1) ").arg(unread) + title;
    setWindowTitle(title);
    m_tray->setUnread(unread, title);
}

void MainWindow::openConversationAtOffset(int delta)
{
    const ConversationListModel *model = m_client.conversations().list();
    const int rows = model->rowCount();
    if (rows == 0)
        return;
    int current = -1;
    for (int row = 0; row < rows; ++row) {
        if (model->index(row).data(ConversationListModel::IdRole).toLongLong() ==
            m_client.conversations().openConversationId())
            current = row;
    }
    const int next = qBound(0, current < 0 ? 0 : current + delta, rows - 1);
    m_client.conversations().openConversation(
        model->index(next).data(ConversationListModel::IdRole).toLongLong());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        scheduleMarkRead();
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QMainWindow::changeEvent(event);
}

void MainWindow::applyTheme()
{
    // The typing line sits on the chat background, between the messages and the compose box.
    QPalette typingPal = m_typing->palette();
    typingPal.setColor(QPalette::Window, theme::chatBackground(palette()));
    m_typing->setPalette(typingPal);
}

void MainWindow::setDraftOwner()
{
    if (m_client.session().isAuthenticated())
        m_drafts->setOwner(m_client.settings().serverUrl(), m_client.session().currentUser().id);
}

void MainWindow::saveDraft()
{
    m_draftSave.stop();
    if (!m_draftKey.isEmpty())
        m_drafts->setText(m_draftKey, m_compose->composeBox()->draftText());
}

void MainWindow::saveState()
{
    saveDraft();
    m_client.settings().setWindowGeometry(saveGeometry());
    m_client.settings().setSplitterState(m_splitter->saveState());
    m_client.settings().sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::sendFiles(const QStringList &paths)
{
    ComposeBox *compose = m_compose->composeBox();
    if (m_client.files().sendFiles(paths, compose->draftText().trimmed()))
        compose->setDraftText({});
    else
        statusBar()->showMessage(tr("Send a first message before files to start this chat."), 8000);
}

void MainWindow::openImage(const QModelIndex &index)
{
    const QAbstractItemModel *model = index.model();
    if (!model)
        return;
    QList<QJsonObject> images;
    int current = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex at = model->index(row, 0);
        if (!at.data(MessageListModel::IsImageRole).toBool())
            continue;
        if (row == index.row())
            current = int(images.size());
        images.append(at.data(MessageListModel::FileRole).toJsonObject());
    }
    if (current < 0)
        return;
    auto *viewer = new ImageViewer(m_fileOpener, images, current, this);
    viewer->show();
}

} // namespace natter::client
