#pragma once
// Sending messages with group commit: sends that arrive in the same event-loop pass are
// queued and stored with ONE appendMessages() call (one transaction) from a zero-timer.
// With a MessageWriter that call runs on the writer's thread: the sends that arrive while it
// writes make the next batch, handed over when it is done. Each sender gets its answer only
// after that commit; then the message is fanned out to the
// recipient's sockets (in a group: every current member's) and the sender's other sockets, and
// marked delivered when the recipient had a socket on this instance to push it to (another instance
// that pushes it marks it there). The stored message is encoded once, into both frames it causes
// (codec::MessageFrames): the sender's reply, which `done` sends, and the event fanned out here.

#include "conversationdirectory.h"
#include "interfaces/caller.h"
#include "interfaces/eventsink.h"
#include "messageframes.h"
#include "outcome.h"
#include "presenceservice.h"
#include "receiptservice.h"
#include "requests.h"
#include "sendadmission.h"
#include "store/chatstore.h"
#include "store/messagewriter.h"
#include "typingservice.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace natter::server {

class FileService;

class MessagingService final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Outcome<codec::MessageFrames> &)>;

    MessagingService(ChatStore &store, ConversationDirectory &directory, EventSink &sink,
                     ReceiptService &receipts, TypingService &typing, PresenceService &presence,
                     QObject *parent = nullptr);

    // Past capacity, a pass admits only the sends that commit in about `targetMs`; the rest
    // are refused with rate_limited (sendadmission.h). 0: every send is queued.
    void setPassTargetMs(int targetMs) { m_admission = SendAdmission(targetMs); }

    // Batches are stored on the writer's thread; without one, on this thread.
    void setWriter(MessageWriter *writer) { m_writer = writer; }

    // `done` is called exactly once, after the commit (or with the error), in request order.
    void send(const Caller &caller, const SendRequest &request, Done done);
    // Past the pass's budget: queues the send's rate_limited answer (after `done`, which it
    // takes) and returns true. The handler asks before it decodes the request, so a flood
    // past capacity is turned away for the price of its envelope.
    bool refuseIfBusy(const Caller &caller, Done &done);
    // Commits everything queued, and waits for what the writer has in hand: shutdown calls
    // it before closing (the zero-timer hands batches over without waiting).
    void flush();
    // Where a send's file_id is checked (without it, every file_id is not_found).
    void setFiles(FileService *files) { m_files = files; }

private:
    struct Pending
    {
        Caller caller;
        NewMessage message;
        Done done;
        std::optional<ProtocolError> error; // decided before the commit (answered in order)
        qint64 peerId = 0; // the 1:1 recipient, when known before the commit (0 in a group)
        qint64 arrivedNs = 0;
    };
    // A batch and what of it goes to the store.
    struct Batch
    {
        QList<Pending> sends;
        QList<NewMessage> toStore;
        QList<qsizetype> storedIndex; // per send: its index in toStore, or -1
    };

    // Takes the next batch off the queue (up to kMaxBatch sends).
    Batch nextBatch();
    // The zero-timer: what is queued to the writer (unless it holds all it may).
    void writeNext();
    // Answers and fans out a batch after its commit. `lastOfCommit`: no later batch was
    // stored in the same transaction (the send budget learns the commit's cost then).
    void finish(const Batch &batch, const QList<StoreResult<AppendedMessage>> &results,
                bool lastOfCommit = true);
    void scheduleWrite();
    void fanOut(const Pending &pending, const AppendedMessage &appended,
                const codec::MessageFrames &frames);

    ChatStore &m_store;
    ConversationDirectory &m_directory;
    EventSink &m_sink;
    ReceiptService &m_receipts;
    TypingService &m_typing;
    PresenceService &m_presence;
    FileService *m_files = nullptr;
    // The file a send's file_id names, or why it may not carry it (fileservice.h).
    void attachFile(const Caller &caller, const SendRequest &request, Pending &pending);
    MessageWriter *m_writer = nullptr;
    QList<Pending> m_queue;
    // Sends admitted and still queued here (not yet handed to the writer). The budget bounds
    // them and those the writer has not started to store (MessageWriter::waiting()): what
    // the next commit takes.
    qsizetype m_admitted = 0;
    qint64 m_lastFinishNs = 0; // when the last commit was answered
    // The batches of a transaction answered so far: their sends, and the first one's arrival.
    qsizetype m_commitMessages = 0;
    qint64 m_commitStartNs = -1;
    SendAdmission m_admission{0};
    QElapsedTimer m_clock;
    QTimer m_flushTimer;
};

} // namespace natter::server
