#include "composebox.h"

#include "protocollimits.h"
#include "validation.h"

#include <QKeyEvent>

namespace natter::client {

ComposeBox::ComposeBox(QWidget *parent) : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter for a new line)"));
    setTabChangesFocus(true);
    setAccessibleName(tr("Message"));
    connect(this, &QPlainTextEdit::textChanged, this,
            [this]() { emit typingChanged(!toPlainText().trimmed().isEmpty()); });
}

void ComposeBox::beginEdit(qint64 messageId, const QString &text)
{
    m_editingId = messageId;
    setPlainText(text);
    moveCursor(QTextCursor::End);
    setFocus();
}

void ComposeBox::cancelEdit()
{
    if (m_editingId == 0)
        return;
    m_editingId = 0;
    clear();
    emit editCancelled();
}

void ComposeBox::submit()
{
    const QString text = toPlainText();
    if (validation::checkContent(text, QStringLiteral("content")))
        return; // empty or over the limit: the counter already says so
    if (m_editingId > 0) {
        const qint64 id = std::exchange(m_editingId, 0);
        clear();
        emit editSubmitted(id, text);
    } else {
        clear();
        emit submitted(text);
    }
}

void ComposeBox::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        submit();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_editingId > 0) {
        cancelEdit();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace natter::client
