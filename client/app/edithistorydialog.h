#pragma once
// "Show edit history": every version of a message, newest first, with when it was written.
// The texts are inserted as plain text (selectable, never interpreted as markup).

#include "types.h"

#include <QDateTime>
#include <QDialog>

class QPlainTextEdit;

namespace natter::client {

class EditHistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    // `edits` as the server sends them: earlier versions, oldest first, each with the time it
    // was replaced.
    EditHistoryDialog(const QString &current, const QDateTime &createdAt,
                      const QList<EditRecord> &edits, QWidget *parent = nullptr);

    QString plainText() const;

private:
    QPlainTextEdit *m_text;
};

} // namespace natter::client
