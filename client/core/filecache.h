#pragma once
// Where a profile's downloaded files live: the user's cache folder (GenericCacheLocation +
// natter/profiles/PROFILE, beside the profile's data), per file id, under a name made safe
// for the local disk (the server's name is display text, never a path). A file found there
// is opened, not fetched.

#include <QString>

namespace natter::client {

// A file name that cannot leave its folder or hide: no separators, control characters or
// leading dots; "file" when nothing is left.
QString safeFileName(const QString &name);

QString cachedFilePath(const QString &profile, const QString &fileId, const QString &name);

// Where pasted images are written as PNG files before they are sent.
QString pastedImagesFolder(const QString &profile);

// The cached path when the download is complete there, else empty.
QString existingCachedFile(const QString &profile, const QString &fileId, const QString &name);

} // namespace natter::client
