#include "edithistorydialog.h"

#include "theme.h"

#include <QDialogButtonBox>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QVBoxLayout>

namespace natter::client {

EditHistoryDialog::EditHistoryDialog(const QString &current, const QDateTime &createdAt,
                                     const QList<EditRecord> &edits, QWidget *parent)
    : QDialog(parent), m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Edit history"));
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Versions of the message"));
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_text->setFrameShape(QFrame::NoFrame);

    // Version i was written when version i-1 was replaced; the first when the message was sent.
    QStringList texts;
    QList<QDateTime> written;
    for (int i = 0; i < edits.size(); ++i) {
        texts << edits[i].content;
        written << (i == 0 ? createdAt : QDateTime::fromMSecsSinceEpoch(edits[i - 1].editedAt));
    }
    texts << current;
    written << (edits.isEmpty() ? createdAt
                                : QDateTime::fromMSecsSinceEpoch(edits.last().editedAt));

    QTextCharFormat header;
    header.setFontWeight(QFont::Bold);
    header.setForeground(theme::mutedText(palette()));
    QTextCharFormat body;
    body.setForeground(palette().color(QPalette::Text));
    QTextCursor cursor(m_text->document());
    for (qsizetype i = texts.size() - 1; i >= 0; --i) {
        const QString when = QLocale().toString(written[i], QLocale::ShortFormat);
        const QString label = i == texts.size() - 1 ? tr("Current version, %1").arg(when)
                              : i == 0              ? tr("Original, %1").arg(when)
                                                    : tr("Edited %1").arg(when);
        cursor.insertText(label, header);
        cursor.insertBlock();
        cursor.insertText(texts[i], body);
        if (i > 0) {
            cursor.insertBlock();
            cursor.insertBlock();
        }
    }
    m_text->moveCursor(QTextCursor::Start);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(440, 360);
}

QString EditHistoryDialog::plainText() const
{
    return m_text->toPlainText();
}

} // namespace natter::client
