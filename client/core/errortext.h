#pragma once
// What the app says about an error reply, in the person's language: one sentence per error
// code (the server's own text is English and meant for logs). A code this app does not know
// reads as `internal` (codec.cpp), whose sentence carries the server's text.

#include "errorcode.h"

#include <QString>

namespace natter::client {

QString errorText(const ProtocolError &error);

} // namespace natter::client
