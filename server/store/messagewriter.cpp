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
    QList<Results> done;
    {
        const QMutexLocker lock(&m_mutex);
        done.swap(m_results); // empty when wait() delivered them already
    }
    for (const Results &results : std::as_const(done)) {
        // Taken first: `written` may hand over the next batch.
        const Written written = m_written.takeFirst();
        if (written)
            written(results);
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
        QList<NewMessage> batch;
        {
            QMutexLocker lock(&m_mutex);
            while (m_batches.isEmpty() && !m_stopping)
                m_changed.wait(&m_mutex);
            if (m_batches.isEmpty())
                break;
            batch = m_batches.takeFirst();
        }
        // An empty batch (refusals only) keeps its answers' place in line, and costs nothing.
        Results results = batch.isEmpty() ? Results() : m_store->appendMessages(batch);
        {
            const QMutexLocker lock(&m_mutex);
            m_results.append(std::move(results));
            m_changed.wakeAll();
        }
        // Destroyed with this object, m_context drops a call still queued.
        QMetaObject::invokeMethod(
            &m_context, [this] { deliver(); }, Qt::QueuedConnection);
    }
    m_store->close();
}

} // namespace natter::server
