#include "socketprobe.h"

#include <QTcpSocket>
#include <QWebSocket>

#include <utility>

namespace natter::server::socketprobe {
namespace {
thread_local bool t_probing = false;
thread_local const QTcpSocket *t_asked = nullptr;
} // namespace

QTcpSocket *under(const QWebSocket &webSocket)
{
    t_probing = true;
    t_asked = nullptr;
    webSocket.bytesToWrite();
    t_probing = false;
    return const_cast<QTcpSocket *>(std::exchange(t_asked, nullptr));
}

void asked(const QTcpSocket *socket)
{
    if (t_probing)
        t_asked = socket;
}

} // namespace natter::server::socketprobe
