#pragma once
// The message input. Enter or Ctrl+Enter sends, Shift+Enter starts a new line, Esc cancels
// an edit, Up in an empty box edits your last message. It grows with its text up to a few
// lines, reports typing, and knows how much room is left under the protocol's size limit.

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
    // UTF-8 bytes still allowed (negative when over the limit).
    int remainingBytes() const;
    // Shown only near the limit: "120" left, or "-35" when over it.
    QString counterText() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void submitted(const QString &text);
    void editSubmitted(qint64 messageId, const QString &text);
    void editStarted(qint64 messageId, const QString &original);
    void editEnded();
    void typingChanged(bool active);
    void counterChanged(const QString &text, bool overLimit);
    void editLastRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void submit();
    void onTextChanged();
    int heightForLines(int lines) const;

    qint64 m_editingId = 0;
    QString m_editOriginal;
    bool m_typing = false;
};

} // namespace natter::client
