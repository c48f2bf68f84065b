#include "mentioncompleter.h"

#include "mentions.h"

#include <QEvent>
#include <QKeyEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>

namespace natter::client {

MentionCompleter::MentionCompleter(QPlainTextEdit *editor, QWidget *anchor, QWidget *host)
    : QObject(editor), m_editor(editor), m_anchor(anchor), m_host(host),
      m_popup(new QListWidget(host))
{
    m_popup->setObjectName(QStringLiteral("mentionPopup"));
    m_popup->setAccessibleName(tr("Members to mention"));
    m_popup->setFocusPolicy(Qt::NoFocus); // the compose box keeps the keys
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->hide();
    editor->installEventFilter(this);
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::update);
    connect(m_popup, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { insert(item->data(Qt::UserRole).toString()); });
}

void MentionCompleter::setNames(const QStringList &names)
{
    m_names = names;
    update();
}

bool MentionCompleter::isShown() const
{
    return !m_popup->isHidden();
}

QStringList MentionCompleter::matches(const QStringList &names, const QString &prefix)
{
    QStringList starting;
    QStringList containing;
    for (const QString &name : names) {
        if (name.startsWith(prefix, Qt::CaseInsensitive))
            starting.append(name);
        else if (name.contains(prefix, Qt::CaseInsensitive))
            containing.append(name);
    }
    starting.sort(Qt::CaseInsensitive);
    containing.sort(Qt::CaseInsensitive);
    return starting + containing;
}

void MentionCompleter::update()
{
    const mentions::Typed typed =
        mentions::typedAt(m_editor->toPlainText(), m_editor->textCursor().position());
    if (!typed.isValid() || m_names.isEmpty() || !m_editor->isEnabled() ||
        typed.at == m_dismissedAt) {
        if (typed.at != m_dismissedAt)
            m_dismissedAt = -1;
        hide();
        return;
    }
    const QStringList found = matches(m_names, typed.prefix);
    if (found.isEmpty()) {
        hide();
        return;
    }
    // The choice stays while the same word is typed (names reloaded); a new filter starts at
    // the best match.
    const QString current =
        m_popup->currentItem() && typed.at == m_shownAt && typed.prefix == m_shownPrefix
            ? m_popup->currentItem()->text()
            : QString();
    m_shownAt = typed.at;
    m_shownPrefix = typed.prefix;
    m_popup->clear();
    const int rowH = m_popup->fontMetrics().height() + 10;
    for (const QString &name : found) {
        auto *item = new QListWidgetItem(QLatin1Char('@') + name, m_popup);
        item->setData(Qt::UserRole, name);
        item->setSizeHint(QSize(m_popup->fontMetrics().horizontalAdvance(item->text()) + 24, rowH));
    }
    const int keep = int(found.indexOf(current));
    m_popup->setCurrentRow(keep >= 0 ? keep : 0);
    place();
    m_popup->show();
    m_popup->raise();
}

void MentionCompleter::place()
{
    const int rows = int(qMin<qsizetype>(m_popup->count(), kMaxShown));
    const int rowH = m_popup->sizeHintForRow(0);
    const int frame = 2 * m_popup->frameWidth();
    const int width =
        qBound(180, m_popup->sizeHintForColumn(0) + frame + 8, qMax(180, m_host->width() / 2));
    const int height = rows * rowH + frame;
    // Under the text cursor's column, just above the compose panel.
    const QPoint cursor = m_editor->viewport()->mapTo(m_host, m_editor->cursorRect().topLeft());
    const int x = qBound(0, cursor.x() - 8, qMax(0, m_host->width() - width));
    const int y = qMax(0, m_anchor->mapTo(m_host, QPoint(0, 0)).y() - height - 4);
    m_popup->setGeometry(x, y, width, height);
}

void MentionCompleter::hide()
{
    m_popup->hide();
}

void MentionCompleter::insert(const QString &name)
{
    QTextCursor cursor = m_editor->textCursor();
    const mentions::Typed typed = mentions::typedAt(m_editor->toPlainText(), cursor.position());
    if (!typed.isValid())
        return;
    // Past the rest of a name the cursor stood in ("@bo|b" -> "@bob "), if any.
    const QString text = m_editor->toPlainText();
    int end = cursor.position();
    while (end < text.size() && !text.at(end).isSpace())
        ++end;
    cursor.setPosition(typed.at);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(QLatin1Char('@') + name + QLatin1Char(' '));
    m_editor->setTextCursor(cursor);
    hide();
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::FocusOut &&
        static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason)
        hide();
    if (watched != m_editor || event->type() != QEvent::KeyPress || !isShown())
        return QObject::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const int rows = m_popup->count();
    switch (key->key()) {
    case Qt::Key_Down:
        m_popup->setCurrentRow((m_popup->currentRow() + 1) % rows);
        return true;
    case Qt::Key_Up:
        m_popup->setCurrentRow((m_popup->currentRow() + rows - 1) % rows);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (key->modifiers() & Qt::ShiftModifier)
            break; // Shift+Enter is still a new line
        if (m_popup->currentItem())
            insert(m_popup->currentItem()->data(Qt::UserRole).toString());
        return true;
    case Qt::Key_Escape:
        m_dismissedAt =
            mentions::typedAt(m_editor->toPlainText(), m_editor->textCursor().position()).at;
        hide();
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace natter::client
