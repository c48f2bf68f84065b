#include "messagewriter.h"

#include <QMutexLocker>

#include <utility>

namespace natter::server {

MessageWriter::MessageWriter(std::unique_ptr<ChatStore> store) : m_store(std::move(store))
{}

MessageWriter::~MessageWriter()
{
    if (!m_thread)
        return;
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_changed.wakeAll();
    }
    m_thread->wait(); // the thread stores every batch handed over before it stops
}

StoreResult<bool> MessageWriter::start()
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("natter-writer"));
    m_thread->start();
    QMutexLocker lock(&m_mutex);
    while (!m_opened)
        m_changed.wait(&m_mutex);
    return *m_opened;
}

void MessageWriter::write(QList<NewMessage> batch, Written written)
{
    Q_ASSERT(!full());
    m_written.append(std::move(written));
    const QMutexLocker lock(&m_mutex);
    m_waiting.fetchAndAddRelaxed(batch.size());
    m_batches.append(std::move(batch));
    m_changed.wakeAll();
}

void MessageWriter::wait()
{
    if (!busy())
        return;
    {
        QMutexLocker lock(&m_mutex);
        while (m_results.isEmpty())
            m_changed.wait(&m_mutex);
    }
    deliver();
}

void MessageWriter::deliver()
{
    QList<Stored> done;
    {
        const QMutexLocker lock(&m_mutex);
        done.swap(m_results); // empty when wait() delivered them already
    }
    for (const Stored &stored : std::as_const(done)) {
        // Taken first: `written` may hand over the next batch.
        const Written written = m_written.takeFirst();
        if (written)
            written(stored.results, stored.lastOfCommit);
    }
}

void MessageWriter::run()
{
    const StoreResult<bool> opened = m_store->open();
    {
        const QMutexLocker lock(&m_mutex);
        m_opened = opened;
        m_changed.wakeAll();
    }
    if (!opened.ok())
        return;
    for (;;) {
        QList<NewMessage> messages;
        QList<qsizetype> sizes; // of the batches taken, in order
        {
            QMutexLocker lock(&m_mutex);
            while (m_batches.isEmpty() && !m_stopping)
                m_changed.wait(&m_mutex);
            if (m_batches.isEmpty())
                break;
            messages = m_batches.takeFirst();
            sizes.append(messages.size());
            while (!m_batches.isEmpty() &&
                   messages.size() + m_batches.first().size() <= kMaxMessagesPerCommit) {
                sizes.append(m_batches.first().size());
                messages.append(m_batches.takeFirst());
            }
            m_waiting.fetchAndSubRelaxed(messages.size());
        }
        // Empty batches (refusals only) keep their answers' place in line, and cost nothing.
        const Results results = messages.isEmpty() ? Results() : m_store->appendMessages(messages);
        {
            const QMutexLocker lock(&m_mutex);
            qsizetype at = 0;
            for (qsizetype i = 0; i < sizes.size(); ++i) {
                m_results.append({results.mid(at, sizes[i]), i == sizes.size() - 1});
                at += sizes[i];
            }
            m_changed.wakeAll();
        }
        // Destroyed with this object, m_context drops a call still queued.
        QMetaObject::invokeMethod(
            &m_context, [this] { deliver(); }, Qt::QueuedConnection);
    }
    m_store->close();
}

} // namespace natter::server
