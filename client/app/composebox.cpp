#include "composebox.h"

#include "protocollimits.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QKeyEvent>
#include <QScopedValueRollback>
#include <QTextBlock>

namespace natter::client {
namespace {
constexpr int kCounterFrom = 500; // bytes left when the counter appears
constexpr int kMaxLines = 6;
constexpr int kMinHeight = 38; // as tall as the round send button
} // namespace

ComposeBox::ComposeBox(QWidget *parent) : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Write a message…"));
    setTabChangesFocus(true);
    setAccessibleName(tr("Message"));
    setAccessibleDescription(tr("Enter sends, Shift+Enter starts a new line"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(2);
    connect(this, &QPlainTextEdit::textChanged, this, &ComposeBox::onTextChanged);
    // The layout knows the wrapped line count only after it ran.
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            [this](const QSizeF &size) {
                // Grow first; scroll only once the box is as tall as it gets.
                setVerticalScrollBarPolicy(size.height() > kMaxLines ? Qt::ScrollBarAsNeeded
                                                                     : Qt::ScrollBarAlwaysOff);
                updateGeometry();
            });
}

int ComposeBox::remainingBytes() const
{
    return limits::kMaxContentBytes - int(toPlainText().toUtf8().size());
}

QString ComposeBox::counterText() const
{
    const int left = remainingBytes();
    return left < kCounterFrom ? QString::number(left) : QString();
}

int ComposeBox::heightForLines(int lines) const
{
    // Frame, border and padding (style sheets put them in different places): measured from
    // the real geometry once there is one.
    const int chrome = viewport()->height() > 0 ? height() - viewport()->height()
                                                : contentsMargins().top() +
                                                      contentsMargins().bottom() + 2 * frameWidth();
    // QPlainTextEdit counts a line as shown only when it ends above height - margin - 1
    // (the first block carries the top margin): a pixel short and the box, grown for a text
    // set at once (an edit), stays scrolled past the first line. One line never scrolls.
    const int text = lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) +
                     (lines > 1 ? 1 : 0);
    return qMax(kMinHeight, text + chrome);
}

QSize ComposeBox::sizeHint() const
{
    // QPlainTextDocumentLayout measures its height in lines, wrapped lines included.
    const int lines =
        qBound(1, int(document()->documentLayout()->documentSize().height()), kMaxLines);
    return QSize(QPlainTextEdit::sizeHint().width(), heightForLines(lines));
}

QSize ComposeBox::minimumSizeHint() const
{
    return QSize(80, heightForLines(1));
}

QString ComposeBox::draftText() const
{
    return m_editingId > 0 ? m_stashedDraft : toPlainText();
}

void ComposeBox::setDraftText(const QString &text)
{
    const bool editing = m_editingId > 0;
    m_editingId = 0;
    m_editOriginal.clear();
    m_stashedDraft.clear();
    const QScopedValueRollback quiet(m_quiet, true);
    setPlainText(text);
    moveCursor(QTextCursor::End);
    if (editing)
        emit editEnded();
}

void ComposeBox::beginEdit(qint64 messageId, const QString &text)
{
    if (m_editingId == 0)
        m_stashedDraft = toPlainText();
    m_editingId = messageId;
    m_editOriginal = text;
    {
        const QScopedValueRollback quiet(m_quiet, true);
        setPlainText(text);
    }
    moveCursor(QTextCursor::End);
    setFocus();
    emit editStarted(messageId, text);
}

void ComposeBox::cancelEdit()
{
    if (m_editingId == 0)
        return;
    m_editingId = 0;
    m_editOriginal.clear();
    restoreDraft();
    emit editEnded();
}

void ComposeBox::restoreDraft()
{
    const QString draft = std::exchange(m_stashedDraft, QString());
    {
        const QScopedValueRollback quiet(m_quiet, true);
        setPlainText(draft);
    }
    moveCursor(QTextCursor::End);
    emit draftEdited();
}

void ComposeBox::submit()
{
    // Spaces and blank lines around the text are never meant to be sent.
    const QString text = toPlainText().trimmed();
    if (text.isEmpty()) {
        if (m_editingId > 0)
            cancelEdit();
        return;
    }
    if (text.toUtf8().size() > limits::kMaxContentBytes) {
        QApplication::beep(); // the counter already says by how much
        return;
    }
    if (m_editingId > 0) {
        const qint64 id = std::exchange(m_editingId, 0);
        const bool changed = text != m_editOriginal;
        m_editOriginal.clear();
        restoreDraft();
        if (changed)
            emit editSubmitted(id, text);
        emit editEnded(); // submitted or unchanged: edit mode is over
    } else {
        clear();
        emit submitted(text);
    }
}

void ComposeBox::onTextChanged()
{
    if (m_quiet) { // another conversation's draft, or the message being edited
        m_typing = false;
        emit counterChanged(counterText(), remainingBytes() < 0);
        updateGeometry();
        return;
    }
    if (m_editingId == 0)
        emit draftEdited();
    const bool typing = !toPlainText().trimmed().isEmpty() && m_editingId == 0;
    // Re-announced on every change while typing (the client throttles), so a long
    // composition keeps the peer's indicator alive.
    if (typing || m_typing)
        emit typingChanged(typing);
    m_typing = typing;
    emit counterChanged(counterText(), remainingBytes() < 0);
    updateGeometry();
}

bool ComposeBox::event(QEvent *event)
{
    // The text editor claims Ctrl+K (delete to end of line); the window's "jump to a
    // conversation" shortcut is more useful here.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_K && key->modifiers() == Qt::ControlModifier) {
            event->ignore();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void ComposeBox::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (enter && (mods & Qt::ShiftModifier)) {
        insertPlainText(QStringLiteral("\n")); // a real newline, not a soft line break
        return;
    }
    if (enter && (mods == Qt::NoModifier || mods == Qt::ControlModifier)) {
        submit();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_editingId > 0) {
        cancelEdit();
        return;
    }
    if (event->key() == Qt::Key_Up && mods == Qt::NoModifier && document()->isEmpty() &&
        m_editingId == 0) {
        emit editLastRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace natter::client
