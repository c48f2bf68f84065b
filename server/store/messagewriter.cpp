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
    m_thread->wait(); // the thread finishes a batch it holds before it looks at m_stopping
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
    Q_ASSERT(!busy());
    m_written = std::move(written);
    const QMutexLocker lock(&m_mutex);
    m_batch = std::move(batch);
    m_changed.wakeAll();
}

void MessageWriter::wait()
{
    if (!busy())
        return;
    {
        QMutexLocker lock(&m_mutex);
        while (!m_results)
            m_changed.wait(&m_mutex);
    }
    deliver();
}

void MessageWriter::deliver()
{
    Results results;
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_results) // delivered already by wait(), or the next batch is not done yet
            return;
        results = std::move(*m_results);
        m_results.reset();
    }
    // Taken first: `written` may hand over the next batch.
    const Written written = std::exchange(m_written, {});
    if (written)
        written(results);
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
            while (!m_batch && !m_stopping)
                m_changed.wait(&m_mutex);
            if (!m_batch)
                break;
            batch = std::move(*m_batch);
            m_batch.reset();
        }
        Results results = m_store->appendMessages(batch);
        {
            const QMutexLocker lock(&m_mutex);
            m_results = std::move(results);
            m_changed.wakeAll();
        }
        // Destroyed with this object, m_context drops a call still queued.
        QMetaObject::invokeMethod(
            &m_context, [this] { deliver(); }, Qt::QueuedConnection);
    }
    m_store->close();
}

} // namespace natter::server
