#include "searchtext.h"

#include "protocollimits.h"

namespace natter::searchtext {
namespace {

// Written without spaces between words: each character is a word of its own, so a query
// finds it inside a longer run (and a run in the query is a phrase of characters).
bool isCharacterWord(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
        return true;
    default:
        return false;
    }
}

bool isWordPart(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

// Accents are dropped where readers treat them as optional: "café" is found by "cafe".
bool accentsAreOptional(QChar::Script script)
{
    return script == QChar::Script_Latin || script == QChar::Script_Greek ||
           script == QChar::Script_Cyrillic;
}

QString foldAccents(const QString &text)
{
    const QString decomposed = text.toCaseFolded().normalized(QString::NormalizationForm_D);
    QList<char32_t> kept;
    kept.reserve(decomposed.size());
    QChar::Script base = QChar::Script_Unknown;
    for (const char32_t c : decomposed.toUcs4()) {
        if (QChar::category(c) == QChar::Mark_NonSpacing) {
            if (accentsAreOptional(base))
                continue;
        } else {
            base = QChar::script(c);
        }
        kept.append(c);
    }
    return QString::fromUcs4(kept.constData(), kept.size())
        .normalized(QString::NormalizationForm_C);
}

} // namespace

QStringList words(const QString &text)
{
    QStringList out;
    QList<char32_t> word;
    const auto flush = [&] {
        if (!word.isEmpty())
            out.append(QString::fromUcs4(word.constData(), word.size()));
        word.clear();
    };
    for (const char32_t c : foldAccents(text).toUcs4()) {
        if (isCharacterWord(c)) {
            flush();
            word.append(c);
            flush();
        } else if (isWordPart(c)) {
            word.append(c);
        } else {
            flush();
        }
    }
    flush();
    return out;
}

QString indexText(const QString &text)
{
    // Most messages are ASCII, which needs neither case folding beyond A-Z nor normalization:
    // one pass, one allocation. The general path costs about ten times as much per message,
    // and the server indexes every message on its write path.
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            return words(text).join(QLatin1Char(' '));
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            out.append(c);
        } else if (u >= 'A' && u <= 'Z') {
            out.append(QChar(char16_t(u + ('a' - 'A'))));
        } else if (!out.isEmpty() && !out.endsWith(QLatin1Char(' '))) {
            out.append(QLatin1Char(' '));
        }
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

std::optional<QList<Term>> parseQuery(const QString &query, ProtocolError *error)
{
    QList<Term> terms;
    qsizetype wordCount = 0;
    bool lastIsOpen = false; // the last term is an unquoted word the user may still be typing
    const auto add = [&](const QString &chunk, bool quoted) {
        const QStringList w = words(chunk);
        if (w.isEmpty())
            return;
        wordCount += w.size();
        terms.append(Term{w, false});
        lastIsOpen = !quoted;
    };
    // Outside quotes, whitespace separates terms; a chunk such as "e-mail" or a run of
    // ideographs is one term of several words (a phrase).
    QString chunk;
    bool quoted = false;
    for (const QChar c : query) {
        if (c == QLatin1Char('"')) {
            add(chunk, quoted);
            chunk.clear();
            quoted = !quoted;
            lastIsOpen = false;
        } else if (!quoted && c.isSpace()) {
            add(chunk, false);
            chunk.clear();
            lastIsOpen = false;
        } else {
            chunk += c;
        }
    }
    add(chunk, quoted); // an unclosed quote is a phrase still being typed
    if (terms.isEmpty()) {
        *error = ProtocolError::make(ErrorCode::BadRequest,
                                     QStringLiteral("the query has no words to search for"),
                                     QStringLiteral("query"));
        return std::nullopt;
    }
    if (wordCount > limits::kMaxSearchTerms) {
        *error = ProtocolError::make(
            ErrorCode::BadRequest,
            QStringLiteral("the query has more than %1 words").arg(limits::kMaxSearchTerms),
            QStringLiteral("query"));
        return std::nullopt;
    }
    if (lastIsOpen && terms.last().words.last().size() >= 2)
        terms.last().prefix = true;
    return terms;
}

} // namespace natter::searchtext
