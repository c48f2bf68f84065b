#include "buslogging.h"

namespace natter::server {

Q_LOGGING_CATEGORY(lcBus, "natter.server.bus")

} // namespace natter::server
