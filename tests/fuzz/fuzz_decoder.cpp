// libFuzzer target: every byte string goes through the request decoder exactly as the
// server's does it (size and depth checks, JSON parse, envelope, every request's field
// decoder) and through the client's server-frame decoder. Must never crash or hang.
#include "codec.h"
#include "events.h"
#include "requests.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace natter;

namespace {

template <typename R> void decode(const QJsonObject &body)
{
    ProtocolError error;
    (void)R::fromJson(body, &error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const codec::ParsedRequest parsed = codec::parseRequest(bytes);
    if (!parsed.error) {
        const QJsonObject &body = parsed.request.body;
        decode<RegisterRequest>(body);
        decode<LoginRequest>(body);
        decode<AuthRequest>(body);
        decode<UsersRequest>(body);
        decode<SendRequest>(body);
        decode<HistoryRequest>(body);
        decode<TypingRequest>(body);
        decode<ReadRequest>(body);
        decode<EditRequest>(body);
        decode<DeleteRequest>(body);
        decode<EditHistoryRequest>(body);
        decode<SyncRequest>(body);
    }
    if (const auto frame = codec::parseServerFrame(QString::fromUtf8(bytes))) {
        (void)MessageEvent::fromJson(frame->body);
        (void)PresenceEvent::fromJson(frame->body);
        (void)ReceiptEvent::fromJson(frame->body);
        (void)Conversation::fromJson(frame->body);
    }
    return 0;
}
