#pragma once
// A minimal RFC 6455 WebSocket client on a raw non-blocking TCP socket, for ws:// URLs.
// With QWebSocket, perf put about 45 % of the load generator's ~9 µs per received frame in
// Qt: signal dispatch, QIODevice bookkeeping, QAbstractSocket's buffer and an ioctl per read.
// The load generator shares two cores with the server it measures. Here one readiness
// notification is one recv() into a buffer shared by every socket, frames are parsed in
// place, and each text message goes to a handler as a view of its bytes: no signal, and no
// copy unless a frame is cut off at the end of a read or arrives in fragments.
//
// Handlers run on the event loop; they may call sendText() and close(), but must not delete
// the socket (use deleteLater()). Binary messages are ignored (the server sends none).

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QSocketNotifier>
#include <QString>

#include <functional>

class QUrl;

namespace bench {

class WireSocket final : public QObject
{
    Q_OBJECT

public:
    // The payload of one whole text message (fragments joined), valid during the call.
    using TextHandler = std::function<void(QByteArrayView utf8)>;
    using ConnectedHandler = std::function<void()>;
    // The connection is gone: the close code (1006 when it dropped without a close frame;
    // errorString() then says why).
    using ClosedHandler = std::function<void(int closeCode)>;

    explicit WireSocket(QObject *parent = nullptr);
    ~WireSocket() override;
    Q_DISABLE_COPY_MOVE(WireSocket)

    void setHandlers(ConnectedHandler connected, TextHandler text, ClosedHandler closed);

    // ws://host:port/path; ends in the connected handler, or in the closed handler (also
    // when the URL cannot be used: never during the call).
    void open(const QUrl &url);
    // Starts the closing handshake (code 1000). The closed handler runs when the server has
    // answered it, or after a timeout; before the handshake was done, at once.
    void close();

    // Nothing is sent unless isOpen(). The frame leaves after the events of the event loop's
    // current pass; what the kernel does not take at once is kept and sent in order.
    void sendText(QByteArrayView utf8);

    bool isOpen() const { return m_state == State::Open; }
    // -1 until closed.
    int closeCode() const { return m_closeCode; }
    const QString &errorString() const { return m_error; }

private:
    enum class State
    {
        Unconnected,
        Connecting,
        Handshake,
        Open,
        Closing
    };

    // Calls its socket straight from the event: QSocketNotifier's own handler takes a
    // QPointer and emits two signals per activation.
    class Notifier final : public QSocketNotifier
    {
    public:
        Notifier(Type type, WireSocket *socket) : QSocketNotifier(type), m_socket(socket) {}

    protected:
        bool event(QEvent *event) override;

    private:
        WireSocket *m_socket;
    };

    void onWritable();
    void onReadable();
    // False when the connection ended while consuming `bytes`.
    bool consume(QByteArrayView bytes);
    // Reads the server's handshake from m_in; false while incomplete or when it failed.
    bool readHandshake();
    // Handles every whole frame at the start of `data`; returns how many bytes they took.
    qsizetype parseFrames(QByteArrayView data);
    void onFrame(int opcode, bool fin, QByteArrayView payload);
    void onCloseFrame(QByteArrayView payload);
    void protocolError(int code, const char *what);
    // Frames go into m_out. Text frames are sent once the event loop has handled the events
    // of its current pass: the frames one client makes in a pass (a closed loop answers
    // several acks at once) go out in one send(). Control frames go at once.
    void appendFrame(int opcode, QByteArrayView payload);
    void sendNow(int opcode, QByteArrayView payload);
    void sendClose(int code);
    void queueFlush();
    static void flushQueued();
    // Sends what the kernel takes; the write notifier waits for room for the rest.
    void flush();
    // Closes the descriptor and runs the closed handler (once per open()).
    void finish(int closeCode, const QString &error);
    void finishLater(const QString &error);
    quint32 nextMaskKey();

    Notifier m_readNotifier;
    Notifier m_writeNotifier;
    ConnectedHandler m_onConnected;
    TextHandler m_onText;
    ClosedHandler m_onClosed;
    QByteArray m_in;      // bytes after the last whole frame (or the handshake so far)
    QByteArray m_out;     // frames not sent yet: queued, or refused by the kernel
    QByteArray m_message; // a fragmented text message being assembled
    QByteArray m_request; // the handshake request, until connect() completed
    QByteArray m_expectedAccept;
    QString m_error;
    quint64 m_rng = 0;
    quint64 m_generation = 0; // tells this open() from an earlier one in queued calls
    int m_fd = -1;
    int m_closeCode = -1;
    int m_messageOpcode = 0; // 0: no fragmented message in progress; 1 text, 2 binary
    bool m_flushQueued = false;
    State m_state = State::Unconnected;
};

} // namespace bench
