#pragma once
// The message input: Enter or Ctrl+Enter sends, Shift+Enter starts a new line, Esc cancels an
// edit. Reports typing so the peer sees "… is typing".

#include <QPlainTextEdit>

namespace natter::client {

class ComposeBox final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ComposeBox(QWidget *parent = nullptr);

    void beginEdit(qint64 messageId, const QString &text);
    void cancelEdit();
    qint64 editingId() const { return m_editingId; }

signals:
    void submitted(const QString &text);
    void editSubmitted(qint64 messageId, const QString &text);
    void typingChanged(bool active);
    void editCancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void submit();

    qint64 m_editingId = 0;
};

} // namespace natter::client
