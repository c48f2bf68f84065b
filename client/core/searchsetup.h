#pragma once
// Message search wired to a ChatClient: a SearchModel that names senders and conversations
// as this client knows them and empties when the account signs out, and the typed filters
// (`from:`, `in:`, `before:`, `after:`) turned into the request's fields.

#include "searchfilters.h"
#include "searchmodel.h"

namespace natter::client {

class ChatClient;

struct ResolvedSearch
{
    SearchCriteria criteria;
    QString error; // a filter that names no one known or no date: nothing to send
};

SearchModel *createSearchModel(ChatClient &client, QObject *parent);
// `input`'s words and filters as criteria. `in:` names a conversation (a group's name or the
// other person's); `from:` yourself or someone you have a conversation with.
ResolvedSearch resolveSearch(ChatClient &client, const SearchInput &input);
// The name a conversation is shown by: a group's name, or the other person's.
QString conversationName(ChatClient &client, qint64 conversationId);

} // namespace natter::client
