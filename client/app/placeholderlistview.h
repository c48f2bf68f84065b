#pragma once
// A frameless list view that shows a short hint in its middle while its model is empty
// ("No conversations yet"), instead of a blank area.

#include <QListView>

namespace natter::client {

class PlaceholderListView : public QListView
{
    Q_OBJECT

public:
    explicit PlaceholderListView(QWidget *parent = nullptr);

    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholder;
};

} // namespace natter::client
