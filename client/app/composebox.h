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

    // The unsent text of the conversation (kept aside while an edit is under way).
    QString draftText() const;
    // Shows another conversation's draft: ends any edit, announces no typing.
    void setDraftText(const QString &text);
    void beginEdit(qint64 messageId, const QString &text);
    // Sends the text (or the edit), as Enter does; the send button calls it too.
    void submit();
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
    void draftEdited(); // the draft text changed by typing or by an edit ending

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void restoreDraft();
    void onTextChanged();
    int heightForLines(int lines) const;

    qint64 m_editingId = 0;
    QString m_editOriginal;
    QString m_stashedDraft; // what was in the box when the edit began
    bool m_quiet = false;   // text set by the app, not typed
    bool m_typing = false;
};

} // namespace natter::client
