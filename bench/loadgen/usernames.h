#pragma once
// The bench users' names, PREFIX0..PREFIXn-1, both ways: presence frames name users, and the
// load generator needs their index without a hash lookup per entry.

#include <QString>
#include <QStringView>

namespace bench {

// The name of bench user `index`: the prefix and the number, zero-padded to the protocol's
// minimum of 3 characters (u00, u01, ..., u99, u100, ...).
QString userName(const QString &prefix, qint64 index);

// The index of a bench user among `users` from its name, exactly as userName() writes it
// ("u001" is not u01), or -1 for any other name.
int userIndexOf(QStringView name, const QString &prefix, int users);

} // namespace bench
