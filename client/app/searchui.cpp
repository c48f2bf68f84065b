#include "searchui.h"

#include "chatclient.h"
#include "findbar.h"
#include "jumpdialog.h"
#include "mainwindow.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "searchdialog.h"

#include <QLineEdit>
#include <QShortcut>

namespace natter::client {

SearchUi::SearchUi(ChatClient &client, MainWindow &window)
    : QObject(&window), m_client(client), m_window(window),
      m_dialog(new SearchDialog(client, &window))
{
    ConversationController *conversations = &client.conversations();
    MessageView *view = window.messageView();
    FindBar *find = window.findBar();

    auto *search = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), &window);
    search->setWhatsThis(tr("Search all messages"));
    connect(search, &QShortcut::activated, this, [this]() { openSearch(); });
    auto *findKey = new QShortcut(QKeySequence::Find, &window);
    findKey->setWhatsThis(tr("Find in this conversation"));
    connect(findKey, &QShortcut::activated, this, &SearchUi::openFind);
    connect(window.jumpDialog(), &JumpDialog::messageSearchRequested, this, &SearchUi::openSearch);

    const auto openAt = [conversations](qint64 conversationId, qint64 messageId) {
        conversations->openConversationAt(conversationId, messageId);
    };
    connect(m_dialog, &SearchDialog::messageChosen, conversations, openAt);
    connect(find, &FindBar::hitChosen, conversations, openAt);
    // Opening the conversation again (a hit not loaded) puts the focus in the compose box;
    // the find bar keeps it, so Enter goes on stepping.
    connect(conversations, &ConversationController::messageFocused, find, [find]() {
        if (find->isVisible())
            find->queryEdit()->setFocus();
    });
    connect(find, &FindBar::wordsChanged, view, [view](const SearchWords &words) {
        view->bubbleDelegate()->setHighlightWords(words);
        view->viewport()->update();
    });
    connect(conversations, &ConversationController::conversationOpened, find,
            [find](qint64 conversationId) { find->setConversation(conversationId); });
    connect(conversations, &ConversationController::messageFocused, view,
            &MessageView::focusMessage);
    connect(conversations, &ConversationController::newerMessagesChanged, view,
            &MessageView::setMoreBelow);
    connect(view, &MessageView::newerMessagesWanted, conversations,
            &ConversationController::loadNewerMessages);
    connect(view, &MessageView::latestWanted, conversations, &ConversationController::jumpToLatest);
}

void SearchUi::openSearch(const QString &text)
{
    if (text.isEmpty())
        m_dialog->reopen(); // Ctrl+Shift+F: where it was left
    else
        m_dialog->openWith(text);
}

void SearchUi::openFind()
{
    if (m_window.isChatShown())
        m_window.findBar()->open();
}

} // namespace natter::client
