#pragma once
// How far each running file transfer is, for the bubbles that show it: an upload by its
// message's client id (the bubble exists before the file is stored), a download by its file
// id. Changes are announced at most every 100 ms: a fast transfer acknowledges hundreds of
// chunks a second, and a repaint per chunk would cost more than the transfer.

#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

namespace natter::client {

class TransferProgress final : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        qint64 done = 0;
        qint64 total = 0;
        bool upload = false;
        double bytesPerSecond = 0;
        qint64 secondsLeft = -1; // -1: not known yet
    };

    explicit TransferProgress(QObject *parent = nullptr);

    void update(const QString &key, const Entry &entry);
    void finish(const QString &key);
    std::optional<Entry> of(const QString &key) const;
    bool isEmpty() const { return m_entries.isEmpty(); }

signals:
    void changed();

private:
    void schedule();

    QHash<QString, Entry> m_entries;
    QTimer m_announce;
};

} // namespace natter::client
