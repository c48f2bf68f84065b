#include "messagingservice.h"

#include "codec.h"
#include "config/logging.h"
#include "events.h"
#include "fileservice.h"
#include "replycheck.h"

#include <QDateTime>
#include <QHash>

#include <utility>

namespace natter::server {
namespace {

// Bounds one transaction; a larger backlog is committed in several. flush() commits them all
// before anyone is answered, so every extra transaction only adds an fsync: keep it large
// (a closed loop of 1,000 clients with 8 in flight queues 8,000 in one pass).
constexpr qsizetype kMaxBatch = 8192;

} // namespace

MessagingService::MessagingService(ChatStore &store, ConversationDirectory &directory,
                                   EventSink &sink, ReceiptService &receipts, TypingService &typing,
                                   PresenceService &presence, QObject *parent)
    : QObject(parent), m_store(store), m_directory(directory), m_sink(sink), m_receipts(receipts),
      m_typing(typing), m_presence(presence)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &MessagingService::writeNext);
    m_clock.start();
}

bool MessagingService::refuseIfBusy(const Caller &caller, Done &done)
{
    qint64 retryAfterMs = 0;
    if (m_admission.admits(m_admitted + (m_writer ? m_writer->waiting() : 0), &retryAfterMs))
        return false;
    // Answered in order with the others of the pass, and cheaply: nothing is checked or
    // stored.
    Pending pending;
    pending.caller = caller;
    pending.done = std::move(done);
    pending.arrivedNs = m_clock.nsecsElapsed();
    ProtocolError busy = ProtocolError::make(ErrorCode::RateLimited,
                                             QStringLiteral("server busy; try again shortly"));
    busy.retryAfterMs = retryAfterMs;
    pending.error = busy;
    m_queue.append(std::move(pending));
    scheduleWrite();
    return true;
}

void MessagingService::send(const Caller &caller, const SendRequest &request, Done done)
{
    if (refuseIfBusy(caller, done))
        return;
    Pending pending;
    pending.caller = caller;
    pending.done = std::move(done);
    pending.arrivedNs = m_clock.nsecsElapsed();
    pending.message.senderId = caller.userId; // never from the payload
    pending.message.clientId = request.clientId;
    pending.message.content = request.content;
    pending.message.createdAt = QDateTime::currentMSecsSinceEpoch();
    if (request.to > 0) {
        if (request.to == caller.userId)
            pending.error = ProtocolError::make(ErrorCode::BadRequest,
                                                QStringLiteral("you cannot send to yourself"),
                                                QStringLiteral("to"));
        pending.message.recipientId = request.to;
        pending.peerId = request.to;
    } else {
        const auto member = m_directory.membership(request.conversationId, caller.userId);
        if (!member.ok())
            pending.error = storeError(member, QStringLiteral("no such conversation"),
                                       QStringLiteral("conversation_id"));
        pending.message.conversationId = request.conversationId;
        if (member.ok())
            pending.peerId = member.value.peerId; // 0 in a group
    }
    if (request.replyTo > 0 && !pending.error) {
        pending.error = replyTargetError(m_store, m_directory, caller.userId, request.replyTo,
                                         request.conversationId, request.to);
        pending.message.replyTo = request.replyTo;
    }
    if (!request.fileId.isEmpty() && !pending.error)
        attachFile(caller, request, pending);
    if (!pending.error)
        ++m_admitted;
    m_queue.append(std::move(pending));
    scheduleWrite();
}

void MessagingService::scheduleWrite()
{
    // While the writer holds all it may, the queue waits for it (finish() goes on).
    if (!m_flushTimer.isActive() && !(m_writer && m_writer->full()))
        m_flushTimer.start();
}

void MessagingService::attachFile(const Caller &caller, const SendRequest &request,
                                  Pending &pending)
{
    qint64 conversation = pending.message.conversationId;
    if (conversation == 0 && m_files) {
        // Sent by recipient: the file's conversation must be the 1:1 one with them.
        const auto file = m_store.file(request.fileId);
        const auto member = file.ok()
                                ? m_directory.membership(file.value.conversationId, caller.userId)
                                : StoreResult<Membership>::fail(StoreFailure::NotFound);
        if (member.ok() && !member.value.group && member.value.peerId == request.to)
            conversation = file.value.conversationId;
    }
    const auto attached =
        m_files ? m_files->attachable(caller.userId, conversation, request.fileId)
                : Outcome<FileInfo>::failure(ProtocolError::make(
                      ErrorCode::NotFound, QStringLiteral("this server keeps no files"),
                      QStringLiteral("file_id")));
    if (attached.ok())
        pending.message.file = attached.value;
    else
        pending.error = attached.error;
}

MessagingService::Batch MessagingService::nextBatch()
{
    Batch batch;
    const qsizetype n = qMin(m_queue.size(), kMaxBatch);
    batch.sends = m_queue.mid(0, n);
    m_queue.remove(0, n);
    batch.storedIndex.fill(-1, n);
    for (qsizetype i = 0; i < n; ++i) {
        const Pending &pending = batch.sends[i];
        if (pending.error)
            continue;
        batch.storedIndex[i] = batch.toStore.size();
        batch.toStore.append(pending.message);
        // A recipient connected here gets the message pushed right after the commit: its
        // delivered receipt moves in the same transaction. (Pushed by another instance,
        // it moves there: EventSink::sendToRecipient.)
        batch.toStore.last().markDelivered =
            pending.peerId > 0 && m_sink.hasConnection(pending.peerId); // 1:1 only
    }
    m_admitted -= batch.toStore.size();
    return batch;
}

void MessagingService::writeNext()
{
    m_flushTimer.stop();
    while (!m_queue.isEmpty() && !(m_writer && m_writer->full())) {
        Batch batch = nextBatch();
        if (batch.toStore.isEmpty() && !(m_writer && m_writer->busy())) {
            finish(batch, {}); // refusals only, nothing before them in the writer
            continue;
        }
        if (!m_writer) {
            const auto results = m_store.appendMessages(batch.toStore);
            finish(batch, results);
            continue;
        }
        m_writer->write(batch.toStore,
                        [this, batch](const MessageWriter::Results &results, bool lastOfCommit) {
                            finish(batch, results, lastOfCommit);
                            writeNext(); // what waited for room in the writer
                        });
    }
}

void MessagingService::flush()
{
    writeNext();
    while (m_writer && m_writer->busy()) {
        m_writer->wait(); // its answers hand over what waits in the queue
        writeNext();
    }
}

void MessagingService::finish(const Batch &batch,
                              const QList<StoreResult<AppendedMessage>> &results, bool lastOfCommit)
{
    const QList<NewMessage> &toStore = batch.toStore;
    if (!toStore.isEmpty())
        qCDebug(lcMessaging) << "group commit of" << toStore.size() << "messages";

    QList<QPair<Receipt, qint64>> delivered; // receipt, the sender (its peer)
    for (qsizetype i = 0; i < batch.sends.size(); ++i) {
        const Pending &pending = batch.sends[i];
        if (pending.error) {
            pending.done(Outcome<codec::MessageFrames>::failure(*pending.error));
            continue;
        }
        const qsizetype r = batch.storedIndex[i];
        if (r >= results.size()) {
            qCWarning(lcStorage) << "appendMessages returned" << results.size() << "results for"
                                 << toStore.size() << "messages";
            pending.done(Outcome<codec::MessageFrames>::failure(
                ProtocolError::make(ErrorCode::Internal, QStringLiteral("internal server error"))));
            continue;
        }
        const StoreResult<AppendedMessage> &result = results[r];
        if (!result.ok()) {
            const bool byUser = pending.message.recipientId > 0;
            pending.done(Outcome<codec::MessageFrames>::failure(storeError(
                result,
                byUser ? QStringLiteral("no such user") : QStringLiteral("no such conversation"),
                byUser ? QStringLiteral("to") : QStringLiteral("conversation_id"))));
            continue;
        }
        const AppendedMessage &appended = result.value;
        const codec::MessageFrames frames(appended.message);
        // The reply goes first: the sender learns the server id before any echo of it.
        pending.done(Outcome<codec::MessageFrames>::success(frames));
        if (appended.duplicate)
            continue;                   // already delivered when it was first stored
        if (appended.recipientId > 0) { // 1:1; a group's members are not contacts (presence)
            m_directory.remember(appended.message.conversationId, pending.caller.userId,
                                 appended.recipientId);
            m_presence.linkContacts(pending.caller.userId, appended.recipientId);
        }
        fanOut(pending, appended, frames);
        if (appended.delivered)
            delivered.append({*appended.delivered, pending.caller.userId});
    }
    for (const auto &[receipt, peerId] : std::as_const(delivered))
        m_receipts.announce(receipt, peerId);
    // What the commit cost: from its first send, or from the answers of the commit before
    // when it was still in hand then, to its own answers (reading and checking its sends,
    // refused ones too, storing, answering, fanning out). With the writer, commits overlap:
    // the time one waited for the one before is not its cost.
    if (!batch.sends.isEmpty() && m_commitStartNs < 0)
        m_commitStartNs = batch.sends.first().arrivedNs;
    m_commitMessages += toStore.size();
    if (!lastOfCommit)
        return;
    const qint64 now = m_clock.nsecsElapsed();
    if (m_commitStartNs >= 0)
        m_admission.committed(m_commitMessages, now - qMax(m_commitStartNs, m_lastFinishNs));
    m_commitMessages = 0;
    m_commitStartNs = -1;
    m_lastFinishNs = now;
}

void MessagingService::fanOut(const Pending &pending, const AppendedMessage &appended,
                              const codec::MessageFrames &frames)
{
    const QString frame = frames.event(MessageEvent::kType); // one encoding for every socket
    if (appended.recipientId > 0) {
        m_sink.sendToRecipient(
            {appended.message.conversationId, appended.recipientId, appended.message.id}, frame);
    } else {
        // A group: every current member. Delivered positions move when a member fetches
        // (history, sync) or reads, not per push: N members would make N receipts for N
        // members per message.
        // The sender's other sockets are in the same call: the frame crosses the bus once.
        auto members = appended.audience.isEmpty()
                           ? m_directory.audience(appended.message.conversationId)
                           : StoreResult<QList<qint64>>::success(appended.audience);
        if (!members.ok())
            qCWarning(lcMessaging)
                << "group" << appended.message.conversationId << "members unknown, message"
                << appended.message.id << "not pushed:" << members.detail;
        if (!members.value.contains(pending.caller.userId))
            members.value.append(pending.caller.userId);
        m_sink.sendToUsers(members.value, frame, pending.caller.connection);
    }
    if (appended.recipientId > 0)
        m_sink.sendToUser(pending.caller.userId, frame, pending.caller.connection);
    m_typing.messageSent(appended.message.conversationId, pending.caller.userId);
}

} // namespace natter::server
