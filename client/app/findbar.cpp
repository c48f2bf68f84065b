#include "findbar.h"

#include "searchmodel.h"
#include "searchsetup.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace natter::client {

FindBar::FindBar(ChatClient &client, QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_count(new QLabel(this)),
      m_newer(new QToolButton(this)), m_older(new QToolButton(this)),
      m_close(new QToolButton(this)), m_model(createSearchModel(client, this))
{
    setAccessibleName(tr("Find in conversation"));
    m_edit->setPlaceholderText(tr("Find in conversation"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_count->setTextFormat(Qt::PlainText);
    QPalette muted = m_count->palette();
    muted.setColor(QPalette::WindowText, theme::mutedText(palette()));
    m_count->setPalette(muted);
    m_newer->setText(QStringLiteral("↑"));
    m_newer->setToolTip(tr("Newer match (Shift+Enter)"));
    m_older->setText(QStringLiteral("↓"));
    m_older->setToolTip(tr("Older match (Enter)"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Close (Esc)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_newer);
    layout->addWidget(m_older);
    layout->addWidget(m_close);
    hide();

    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::onTextChanged);
    connect(m_newer, &QToolButton::clicked, this, [this]() { step(-1); });
    connect(m_older, &QToolButton::clicked, this, [this]() { step(1); });
    connect(m_close, &QToolButton::clicked, this, &FindBar::close);
    connect(m_model, &SearchModel::pageArrived, this, &FindBar::onPageArrived);
    connect(m_model, &SearchModel::stateChanged, this, &FindBar::updateCount);
}

void FindBar::open()
{
    const bool wasOpen = isVisible();
    show();
    m_edit->setFocus();
    m_edit->selectAll();
    if (!wasOpen && !m_edit->text().isEmpty())
        onTextChanged(m_edit->text()); // search again: the conversation may have changed
}

void FindBar::close()
{
    hide();
    m_model->clear();
    m_current = -1;
    m_stepPending = false;
    emit wordsChanged({});
}

void FindBar::setConversation(qint64 conversationId)
{
    if (conversationId == m_conversation)
        return;
    m_conversation = conversationId;
    if (isVisible())
        close();
}

void FindBar::onTextChanged(const QString &text)
{
    m_current = -1;
    m_stepPending = false;
    SearchCriteria criteria;
    criteria.query = text;
    criteria.conversationId = m_conversation;
    if (m_conversation == 0) // a conversation not created yet: nothing in it to find
        criteria.query.clear();
    m_model->setCriteria(criteria);
    emit wordsChanged(m_model->highlightWords());
    updateCount();
}

void FindBar::onPageArrived()
{
    if (m_current < 0 && m_model->rowCount() > 0)
        go(0); // as you type: the newest match is shown
    else if (m_stepPending && m_current + 1 < m_model->rowCount())
        go(m_current + 1);
    m_stepPending = false;
    updateCount();
}

void FindBar::step(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int next = m_current + delta;
    if (next >= rows) {
        if (m_model->hasMore()) {
            m_stepPending = true;
            m_model->loadMore();
        }
        return;
    }
    go(qMax(0, next));
}

void FindBar::go(int row)
{
    m_current = row;
    const QModelIndex hit = m_model->index(row);
    emit hitChosen(hit.data(SearchModel::ConversationIdRole).toLongLong(),
                   hit.data(SearchModel::IdRole).toLongLong());
    updateCount();
}

void FindBar::updateCount()
{
    const int rows = m_model->rowCount();
    QString text;
    if (!m_model->errorText().isEmpty())
        text = m_model->errorText();
    else if (rows > 0 && m_model->total() >= rows)
        text = tr("%1 of %2%3") // the server's count: exact, or at least that many
                   .arg(m_current + 1)
                   .arg(m_model->total())
                   .arg(m_model->totalIsExact() ? QString() : QStringLiteral("+"));
    else if (rows > 0)
        text = tr("%1 of %2%3")
                   .arg(m_current + 1)
                   .arg(rows)
                   .arg(m_model->hasMore() ? QStringLiteral("+") : QString());
    else if (m_model->hasSearched())
        text = tr("No results");
    m_count->setText(text);
    m_older->setEnabled(rows > 0 && (m_current + 1 < rows || m_model->hasMore()));
    m_newer->setEnabled(m_current > 0);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_model->searchNow();
            step(key->modifiers() & Qt::ShiftModifier ? -1 : 1);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace natter::client
