#pragma once
// "alice is typing…" under the messages, with three pulsing dots. It keeps its height when
// empty so the layout never jumps, and animates only while someone types.

#include <QTimer>
#include <QWidget>

namespace natter::client {

class TypingIndicator final : public QWidget
{
    Q_OBJECT

public:
    explicit TypingIndicator(QWidget *parent = nullptr);

    void setTyping(const QString &username, bool active);
    void clear();
    // Groups: the whole line ("alice and bob are typing…"); empty stops it.
    void setText(const QString &text);
    QString text() const; // empty when nobody types
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_username;
    QString m_text; // what is shown: "alice is typing…", or a group's line
    QTimer m_animation;
    int m_phase = 0;
};

} // namespace natter::client
