#pragma once
// The usual cast of a server suite: an in-process server with alice and bob signed up, made
// fresh for each test function. A suite derives from it (after QObject), calls
// startAliceAndBob() in init() and stopAliceAndBob() in cleanup().

#include "testserver.h"

#include <QList>

#include <functional>
#include <memory>

class AliceAndBob
{
protected:
    // `makeStore`, when given, makes the store the server runs on (e.g. a failure-injecting
    // wrapper around its own).
    using StoreMaker = std::function<std::unique_ptr<natter::server::ChatStore>(TestServer &)>;
    bool startAliceAndBob(const StoreMaker &makeStore = {});
    // The same over wss:// (TestServer::useTls()).
    bool startAliceAndBobOverTls();
    void stopAliceAndBob();
    // alice sends `n` messages to bob ("m0", "m1", …): their ids, oldest first, and the
    // conversation they are in.
    QList<qint64> aliceSendsToBob(int n, qint64 *conversation);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;

private:
    bool signUpAliceAndBob();
};
