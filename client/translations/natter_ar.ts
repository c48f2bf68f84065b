<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ErrorText</name>
    <message>
        <source>The server did not accept this request.</source>
        <translation>لم يقبل الخادم هذا الطلب.</translation>
    </message>
    <message>
        <source>This server does not support this yet. Is it older than the app?</source>
        <translation>هذا الخادم لا يدعم هذا بعد. هل هو أقدم من التطبيق؟</translation>
    </message>
    <message>
        <source>You are not signed in any more.</source>
        <translation>لم تعد مسجّل الدخول.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>غير مسموح لك بفعل هذا.</translation>
    </message>
    <message>
        <source>That is not there any more, or not yours to see.</source>
        <translation>لم يعد هذا موجودًا، أو لا يحق لك رؤيته.</translation>
    </message>
    <message>
        <source>That cannot be done in its present state.</source>
        <translation>لا يمكن فعل ذلك في حالته الحالية.</translation>
    </message>
    <message>
        <source>That is too long for the server.</source>
        <translation>هذا أطول مما يقبله الخادم.</translation>
    </message>
    <message>
        <source>The server is not available right now. It is tried again.</source>
        <translation>الخادم غير متاح الآن. ستتم المحاولة مجددًا.</translation>
    </message>
    <message>
        <source>Your storage on this server is full.</source>
        <translation>مساحتك على هذا الخادم ممتلئة.</translation>
    </message>
    <message>
        <source>The server has no room for this now.</source>
        <translation>لا توجد مساحة لهذا على الخادم الآن.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent.</source>
        <translation>تغيّر الملف أثناء إرساله.</translation>
    </message>
    <message>
        <source>The server could not do this: %1</source>
        <translation>تعذّر على الخادم تنفيذ ذلك: %1</translation>
    </message>
    <message>
        <source>Too many requests. Try again in %1 s.</source>
        <translation>طلبات كثيرة جدًا. حاول مجددًا بعد %1 ث.</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>This file is larger than the server accepts.</source>
        <translation>هذا الملف أكبر مما يقبله الخادم.</translation>
    </message>
    <message>
        <source>Your storage on this server is full. Delete files you sent to make room.</source>
        <translation>مساحتك على هذا الخادم ممتلئة. احذف ملفات أرسلتها لتوفير مساحة.</translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation>لا توجد مساحة لهذا الملف على الخادم الآن.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent. Try again.</source>
        <translation>تغيّر الملف أثناء إرساله. حاول مجددًا.</translation>
    </message>
    <message>
        <source>This file is no longer available.</source>
        <translation>هذا الملف لم يعد متاحًا.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>أنت غير مسجّل الدخول.</translation>
    </message>
    <message>
        <source>Too many transfers at once. Try again in a moment.</source>
        <translation>عمليات نقل كثيرة في وقت واحد. حاول مجددًا بعد لحظة.</translation>
    </message>
    <message>
        <source>This server does not accept files.</source>
        <translation>هذا الخادم لا يقبل الملفات.</translation>
    </message>
    <message>
        <source>The file could not be transferred.</source>
        <translation>تعذّر نقل الملف.</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>New messages</source>
        <translation>رسائل جديدة</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>WARNING: the certificate of %1 has CHANGED since you trusted it.
This can mean someone is intercepting the connection. Only continue if the server&apos;s administrator confirms this new fingerprint:

%2</source>
        <translation>تحذير: تغيّرت شهادة %1 منذ أن وثقت بها.
قد يعني هذا أن أحدًا يعترض الاتصال. لا تتابع إلا إذا أكّد مسؤول الخادم هذه البصمة الجديدة:

%2</translation>
    </message>
    <message>
        <source>The server %1 uses a certificate that no known authority has signed (usual for a server on your own network).

Trust it if this fingerprint matches what the server&apos;s administrator tells you:

%2</source>
        <translation>يستخدم الخادم %1 شهادة لم توقّعها أي جهة معروفة (وهذا معتاد لخادم على شبكتك الخاصة).

ثق به إذا طابقت هذه البصمة ما يخبرك به مسؤول الخادم:

%2</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>هل تثق بهذا الخادم؟</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>الثقة والاتصال</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>ردّ</translation>
    </message>
    <message>
        <source>React</source>
        <translation>تفاعل</translation>
    </message>
</context>
<context>
    <name>TransferBar</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>Sending: %1</source>
        <translation>جارٍ الإرسال: %1</translation>
    </message>
    <message>
        <source>Downloading: %1</source>
        <translation>جارٍ التنزيل: %1</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>، %1/ث</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>، لم يبقَ وقت (%n)</numerusform>
            <numerusform>، بقيت ثانية واحدة (%n)</numerusform>
            <numerusform>، بقيت ثانيتان (%n)</numerusform>
            <numerusform>، بقيت %n ثوانٍ</numerusform>
            <numerusform>، بقيت %n ثانية</numerusform>
            <numerusform>، بقيت %n ثانية</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::AddMembersDialog</name>
    <message>
        <source>Add members</source>
        <translation>إضافة أعضاء</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>البحث عن أشخاص على هذا الخادم</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>البحث عن أشخاص</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>رفض الخادم: %1</translation>
    </message>
    <message>
        <source>%1 (already a member)</source>
        <translation>%1 (عضو بالفعل)</translation>
    </message>
    <message>
        <source>Nobody on this server matches “%1”.</source>
        <translation>لا أحد على هذا الخادم يطابق «%1».</translation>
    </message>
    <message>
        <source>Pick someone to add.</source>
        <translation>اختر شخصًا لإضافته.</translation>
    </message>
    <message>
        <source>You are no longer a member of this group.</source>
        <translation>لم تعد عضوًا في هذه المجموعة.</translation>
    </message>
    <message numerus="yes">
        <source>A group has at most %1 members: you can add %n more.</source>
        <translation>
            <numerusform>المجموعة تضم %1 عضوًا كحد أقصى: لا يمكنك إضافة المزيد (%n).</numerusform>
            <numerusform>المجموعة تضم %1 عضوًا كحد أقصى: يمكنك إضافة عضو واحد (%n).</numerusform>
            <numerusform>المجموعة تضم %1 عضوًا كحد أقصى: يمكنك إضافة عضوين (%n).</numerusform>
            <numerusform>المجموعة تضم %1 عضوًا كحد أقصى: يمكنك إضافة %n أعضاء.</numerusform>
            <numerusform>المجموعة تضم %1 عضوًا كحد أقصى: يمكنك إضافة %n عضوًا.</numerusform>
            <numerusform>المجموعة تضم %1 عضوًا كحد أقصى: يمكنك إضافة %n عضو.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::ChatHeader</name>
    <message>
        <source>Conversation</source>
        <translation>محادثة</translation>
    </message>
    <message>
        <source>presence unknown while you are offline</source>
        <translation>الحضور غير معروف ما دمت غير متصل</translation>
    </message>
    <message>
        <source>online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
</context>
<context>
    <name>natter::client::ComposeBox</name>
    <message>
        <source>Write a message…</source>
        <translation>اكتب رسالة…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter للإرسال، وShift+Enter لسطر جديد</translation>
    </message>
</context>
<context>
    <name>natter::client::ComposePanel</name>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>إلغاء التعديل (Esc)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>إلغاء التعديل</translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation>الأحرف المتبقية</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>إرسال (Enter)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Emoji (Ctrl+E)</source>
        <translation>رموز تعبيرية (Ctrl+E)</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>رموز تعبيرية</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+O)</source>
        <translation>إرفاق ملفات (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>إرفاق ملفات</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>إرسال ملف</translation>
    </message>
    <message>
        <source>Too long to send: shorten the message</source>
        <translation>أطول من أن تُرسل: اختصر الرسالة</translation>
    </message>
    <message>
        <source>Room left in this message</source>
        <translation>المساحة المتبقية في هذه الرسالة</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>إرسال ملفات</translation>
    </message>
    <message>
        <source>Editing: %1</source>
        <translation>تعديل: %1</translation>
    </message>
</context>
<context>
    <name>natter::client::ConnectionIndicator</name>
    <message>
        <source>Connection state</source>
        <translation>حالة الاتصال</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Offline — retrying in %1 s</source>
        <translation>غير متصل — إعادة المحاولة بعد %1 ث</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationController</name>
    <message>
        <source>That conversation is not in your list any more.</source>
        <translation>هذه المحادثة لم تعد في قائمتك.</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListDelegate</name>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Draft:</source>
        <translation>مسودة:</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>يكتب…</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>Message deleted</source>
        <translation>حُذفت الرسالة</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>أنت: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1، لا رسائل غير مقروءة (%n)</numerusform>
            <numerusform>%1، رسالة واحدة غير مقروءة (%n)</numerusform>
            <numerusform>%1، رسالتان غير مقروءتين (%n)</numerusform>
            <numerusform>%1، %n رسائل غير مقروءة</numerusform>
            <numerusform>%1، %n رسالة غير مقروءة</numerusform>
            <numerusform>%1، %n رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1، متصل</translation>
    </message>
</context>
<context>
    <name>natter::client::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
</context>
<context>
    <name>natter::client::EditHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation>سجل التعديلات</translation>
    </message>
    <message>
        <source>Current version, %1</source>
        <translation>النسخة الحالية، %1</translation>
    </message>
    <message>
        <source>Original, %1</source>
        <translation>الأصل، %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>عُدّلت %1</translation>
    </message>
    <message>
        <source>Versions of the message</source>
        <translation>نسخ الرسالة</translation>
    </message>
</context>
<context>
    <name>natter::client::EmojiPicker</name>
    <message>
        <source>Emoji</source>
        <translation>رموز تعبيرية</translation>
    </message>
    <message>
        <source>Find an emoji</source>
        <translation>البحث عن رمز تعبيري</translation>
    </message>
</context>
<context>
    <name>natter::client::FileDownload</name>
    <message>
        <source>The download folder cannot be created.</source>
        <translation>لا يمكن إنشاء مجلد التنزيلات.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>شهادة الخادم ليست التي وثقت بها، لذلك لم يُرسل الملف ولم يُجلب.</translation>
    </message>
</context>
<context>
    <name>natter::client::FileOpener</name>
    <message>
        <source>Save file</source>
        <translation>حفظ الملف</translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation>تعذّر تنزيل %1: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileSender</name>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>لم يُرسل %1: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::FileUpload</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>لا يمكن قراءة الملف %1.</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>الملف %1 فارغ.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one you trusted, so the file was not sent or fetched.</source>
        <translation>شهادة الخادم ليست التي وثقت بها، لذلك لم يُرسل الملف ولم يُجلب.</translation>
    </message>
</context>
<context>
    <name>natter::client::FindBar</name>
    <message>
        <source>Find in conversation</source>
        <translation>البحث في المحادثة</translation>
    </message>
    <message>
        <source>Newer match (Shift+Enter)</source>
        <translation>نتيجة أحدث (Shift+Enter)</translation>
    </message>
    <message>
        <source>Older match (Enter)</source>
        <translation>نتيجة أقدم (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 من %2%3</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>لا نتائج</translation>
    </message>
</context>
<context>
    <name>natter::client::GroupUi</name>
    <message>
        <source>New group…</source>
        <translation>مجموعة جديدة…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>كتم</translation>
    </message>
    <message>
        <source>No notifications for this conversation</source>
        <translation>لا إشعارات لهذه المحادثة</translation>
    </message>
    <message>
        <source>Show the members</source>
        <translation>إظهار الأعضاء</translation>
    </message>
    <message>
        <source>You are no longer a member</source>
        <translation>لم تعد عضوًا</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>عضو واحد</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 أعضاء</translation>
    </message>
    <message>
        <source>%1, %2 online</source>
        <translation>%1، %2 متصلون</translation>
    </message>
    <message>
        <source>You left this group or were removed from it: you can read it, not write.</source>
        <translation>غادرت هذه المجموعة أو أُزلت منها: يمكنك قراءتها لا الكتابة فيها.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 يكتب…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 و%2 يكتبان…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>لا أحد يكتب (%n)</numerusform>
            <numerusform>شخص واحد يكتب (%n)</numerusform>
            <numerusform>شخصان يكتبان (%n)</numerusform>
            <numerusform>%n أشخاص يكتبون…</numerusform>
            <numerusform>%n شخصًا يكتبون…</numerusform>
            <numerusform>%n شخص يكتبون…</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>شاهدها %1 من %2</translation>
    </message>
    <message>
        <source>Nobody has seen it yet</source>
        <translation>لم يشاهدها أحد بعد</translation>
    </message>
</context>
<context>
    <name>natter::client::ImageViewer</name>
    <message>
        <source>Previous image</source>
        <translation>الصورة السابقة</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>الصورة التالية</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>Image name</source>
        <translation>اسم الصورة</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>ملاءمة</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>ملاءمة للنافذة</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>نسخ الصورة</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>حفظ باسم…</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>حفظ الصورة باسم</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 من %3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>لا يمكن عرض هذه الصورة.</translation>
    </message>
    <message>
        <source>Image, scrolled when zoomed in</source>
        <translation>الصورة، قابلة للتمرير عند التكبير</translation>
    </message>
</context>
<context>
    <name>natter::client::JumpDialog</name>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>الانتقال إلى محادثة أو شخص</translation>
    </message>
    <message>
        <source>Jump to a conversation or person…</source>
        <translation>الانتقال إلى محادثة أو شخص…</translation>
    </message>
    <message>
        <source>Start a conversation</source>
        <translation>بدء محادثة</translation>
    </message>
    <message>
        <source>Online · start a conversation</source>
        <translation>متصل · بدء محادثة</translation>
    </message>
    <message>
        <source>Offline · start a conversation</source>
        <translation>غير متصل · بدء محادثة</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>لا غير مقروء (%n)</numerusform>
            <numerusform>رسالة غير مقروءة (%n)</numerusform>
            <numerusform>رسالتان غير مقروءتين (%n)</numerusform>
            <numerusform>%n غير مقروءة</numerusform>
            <numerusform>%n غير مقروءة</numerusform>
            <numerusform>%n غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation · online</source>
        <translation>محادثة · متصل</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>محادثة</translation>
    </message>
    <message>
        <source>Nothing found on this computer.</source>
        <translation>لم يُعثر على شيء على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>No one else is on this server yet.</source>
        <translation>لا يوجد أحد غيرك على هذا الخادم بعد.</translation>
    </message>
    <message>
        <source>No one found for “%1”.</source>
        <translation>لم يُعثر على أحد باسم «%1».</translation>
    </message>
    <message>
        <source>Can&apos;t search the server right now: showing only what is on this computer.</source>
        <translation>لا يمكن البحث في الخادم الآن: يُعرض فقط ما على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation>البحث في الرسائل (Ctrl+Shift+F)</translation>
    </message>
</context>
<context>
    <name>natter::client::LocalServerHost</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>تعذّر تشغيل %1: %2</translation>
    </message>
    <message>
        <source>The server stopped (exit code %1). %2</source>
        <translation>توقف الخادم (رمز الخروج %1). %2</translation>
    </message>
    <message>
        <source>The server did not start within %1 seconds.</source>
        <translation>لم يبدأ الخادم خلال %1 ثانية.</translation>
    </message>
</context>
<context>
    <name>natter::client::LoginDialog</name>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation>إبقائي مسجّل الدخول على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>إنشاء حساب</translation>
    </message>
    <message>
        <source>Sign in to Natter</source>
        <translation>تسجيل الدخول إلى Natter</translation>
    </message>
    <message>
        <source>Sign in to Natter (profile %1)</source>
        <translation>تسجيل الدخول إلى Natter (الملف الشخصي %1)</translation>
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation>مرحبًا بك في Natter</translation>
    </message>
    <message>
        <source>Sign in, or create an account on your server.</source>
        <translation>سجّل الدخول، أو أنشئ حسابًا على خادمك.</translation>
    </message>
    <message>
        <source>The address your server&apos;s administrator gave you (ws:// or wss://)</source>
        <translation>العنوان الذي أعطاك إياه مسؤول خادمك (ws:// أو wss://)</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>مثلًا alice</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>8 أحرف على الأقل</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>إظهار كلمة المرور</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>ال&amp;خادم</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>اسم ال&amp;مستخدم</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;كلمة المرور</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source>Wrong username or password. Check both and try again.</source>
        <translation>اسم المستخدم أو كلمة المرور غير صحيحة. تحقق منهما وحاول مجددًا.</translation>
    </message>
    <message>
        <source>That username is already taken. Please choose another one.</source>
        <translation>اسم المستخدم هذا مستخدم بالفعل. اختر اسمًا آخر من فضلك.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up (TLS error). Check the address, or ask the server&apos;s administrator about its certificate.
%2</source>
        <translation>تعذّر إنشاء اتصال آمن بـ %1 (خطأ TLS). تحقق من العنوان، أو اسأل مسؤول الخادم عن شهادته.
%2</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Is it running, and is the address right?</source>
        <translation>لا يمكن الوصول إلى الخادم على %1. هل هو يعمل، وهل العنوان صحيح؟</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>محاولات كثيرة جدًا. انتظر (%n) ثم حاول مجددًا.</numerusform>
            <numerusform>محاولات كثيرة جدًا. انتظر ثانية واحدة (%n) ثم حاول مجددًا.</numerusform>
            <numerusform>محاولات كثيرة جدًا. انتظر ثانيتين (%n) ثم حاول مجددًا.</numerusform>
            <numerusform>محاولات كثيرة جدًا. انتظر %n ثوانٍ ثم حاول مجددًا.</numerusform>
            <numerusform>محاولات كثيرة جدًا. انتظر %n ثانية ثم حاول مجددًا.</numerusform>
            <numerusform>محاولات كثيرة جدًا. انتظر %n ثانية ثم حاول مجددًا.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>محاولات كثيرة جدًا. انتظر لحظة ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>This account has too many open windows. Close one and try again.</source>
        <translation>لهذا الحساب نوافذ مفتوحة كثيرة جدًا. أغلق واحدة وحاول مجددًا.</translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <translation>لم يقبل الخادم هذا: %1</translation>
    </message>
    <message>
        <source>This server speaks a different version of the protocol. Check the address (it ends in /v1).</source>
        <translation>يتحدث هذا الخادم نسخة مختلفة من البروتوكول. تحقق من العنوان (ينتهي بـ /v1).</translation>
    </message>
    <message>
        <source>The server reported a problem: %1</source>
        <translation>أبلغ الخادم عن مشكلة: %1</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>جارٍ إنشاء حسابك…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>جارٍ تسجيل الدخول…</translation>
    </message>
    <message>
        <source>This server does not take new accounts; ask its admin.</source>
        <translation>هذا الخادم لا يقبل حسابات جديدة؛ اسأل مسؤوله.</translation>
    </message>
    <message>
        <source>Type the server&apos;s name or address (chat.lan, 192.168.1.5:7467) or its ws:// or wss:// URL.</source>
        <translation>اكتب اسم الخادم أو عنوانه (chat.lan أو 192.168.1.5:7467) أو رابطه ws:// أو wss://.</translation>
    </message>
    <message>
        <source>Usernames have 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and start with a letter or digit.</source>
        <translation>أسماء المستخدمين من 3 إلى 32 حرفًا أو رقمًا أو &apos;.&apos; أو &apos;_&apos; أو &apos;-&apos;، وتبدأ بحرف أو رقم.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>تحتاج كلمة المرور إلى 8 أحرف على الأقل.</translation>
    </message>
    <message>
        <source>This password is too common (or only spaces); choose another.</source>
        <translation>كلمة المرور هذه شائعة جدًا (أو مسافات فقط)؛ اختر غيرها.</translation>
    </message>
</context>
<context>
    <name>natter::client::MainWindow</name>
    <message>
        <source>Pick a conversation to start chatting</source>
        <translation>اختر محادثة لتبدأ الدردشة</translation>
    </message>
    <message>
        <source>Press Ctrl+K to find anyone on this server.</source>
        <translation>اضغط Ctrl+K للعثور على أي شخص على هذا الخادم.</translation>
    </message>
    <message>
        <source>Jump to…</source>
        <translation>الانتقال إلى…</translation>
    </message>
    <message>
        <source>Jump to first message</source>
        <translation>الانتقال إلى أول رسالة</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>تسجيل الخروج…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation>تسجيل الخروج من %1؟</translation>
    </message>
    <message>
        <source>About Natter</source>
        <translation>حول Natter</translation>
    </message>
    <message>
        <source>Natter %1
Self-hosted desktop chat.

Profile: %2
Server: %3</source>
        <translation>Natter %1
دردشة سطح مكتب مستضافة ذاتيًا.

الملف الشخصي: %2
الخادم: %3</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>الإشعارات</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>السمة</translation>
    </message>
    <message>
        <source>Show message text</source>
        <translation>إظهار نص الرسالة</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>تشغيل صوت</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>اتباع النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>المحادثة السابقة</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>المحادثة التالية</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 — Natter</source>
        <translation>%1 — Natter</translation>
    </message>
    <message>
        <source>Send a first message before files to start this chat.</source>
        <translation>أرسل رسالة أولًا قبل الملفات لبدء هذه الدردشة.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>The language changes when Natter starts again.</source>
        <translation>تتغير اللغة عند تشغيل Natter من جديد.</translation>
    </message>
</context>
<context>
    <name>natter::client::MembersPanel</name>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>مغادرة المجموعة…</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>جعله مسؤولًا</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>رفض الخادم: %1</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>إعادة تسمية المجموعة</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>الاسم الجديد:</translation>
    </message>
    <message>
        <source> · admin</source>
        <translation> · مسؤول</translation>
    </message>
    <message>
        <source>online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Remove admin</source>
        <translation>إزالة صلاحية المسؤول</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>مغادرة المجموعة</translation>
    </message>
    <message>
        <source>Leave %1? You will keep what you received but see nothing new.</source>
        <translation>مغادرة %1؟ ستحتفظ بما وصلك لكنك لن ترى أي جديد.</translation>
    </message>
</context>
<context>
    <name>natter::client::MentionCompleter</name>
    <message>
        <source>Members to mention</source>
        <translation>أعضاء للإشارة إليهم</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageBubbleDelegate</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Not sent: the server refused it</source>
        <translation>لم تُرسل: رفضها الخادم</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>سُلّمت</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>قُرئت</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>حُذفت هذه الرسالة</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>لم تُرسل</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>معدّلة</translation>
    </message>
    <message>
        <source>Edited (right-click, Show edit history)</source>
        <translation>معدّلة (انقر بالزر الأيمن، إظهار سجل التعديلات)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageInfoDialog</name>
    <message>
        <source>Message info</source>
        <translation>معلومات الرسالة</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>شاهدها</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>لم يشاهدها أحد بعد</translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation>%1 (استُلمت)</translation>
    </message>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>شاهدها %1 من %2</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageListModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>حُذفت هذه الرسالة</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>ملف %1</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>ملف %1، %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1، %2: %3</translation>
    </message>
    <message>
        <source>%1 Sending.</source>
        <translation>%1 جارٍ الإرسال.</translation>
    </message>
    <message>
        <source>%1 Not sent.</source>
        <translation>%1 لم تُرسل.</translation>
    </message>
    <message>
        <source>%1 Sent.</source>
        <translation>%1 أُرسلت.</translation>
    </message>
    <message>
        <source>%1 Delivered.</source>
        <translation>%1 سُلّمت.</translation>
    </message>
    <message>
        <source>%1 Read.</source>
        <translation>%1 قُرئت.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>شخص ما</translation>
    </message>
    <message>
        <source>(deleted message)</source>
        <translation>(رسالة محذوفة)</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageMenu</name>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>فتح الملف</translation>
    </message>
    <message>
        <source>Save file as…</source>
        <translation>حفظ الملف باسم…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Show edit history</source>
        <translation>إظهار سجل التعديلات</translation>
    </message>
    <message>
        <source>Message info</source>
        <translation>معلومات الرسالة</translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation>حذف لديّ</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>حذف لدى الجميع</translation>
    </message>
    <message>
        <source>Delete for everyone?</source>
        <translation>حذف لدى الجميع؟</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation? This cannot be undone.</source>
        <translation>حذف هذه الرسالة لدى كل من في المحادثة؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
</context>
<context>
    <name>natter::client::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>لا رسائل بعد. قل مرحبًا!</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>الانتقال إلى أحدث رسالة</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>الانتقال إلى الأحدث</translation>
    </message>
</context>
<context>
    <name>natter::client::NearbyServersPanel</name>
    <message>
        <source>Search again</source>
        <translation>البحث مجددًا</translation>
    </message>
    <message>
        <source>Host a server on this computer</source>
        <translation>استضافة خادم على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Look for servers on my network</source>
        <translation>البحث عن خوادم على شبكتي</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>خوادم على شبكتك</translation>
    </message>
    <message>
        <source>Click a server to use its address</source>
        <translation>انقر على خادم لاستخدام عنوانه</translation>
    </message>
    <message>
        <source>Runs a Natter server in the background while this app is open, so people on your network can join you</source>
        <translation>يشغّل خادم Natter في الخلفية ما دام هذا التطبيق مفتوحًا، ليتمكن الأشخاص على شبكتك من الانضمام إليك</translation>
    </message>
    <message>
        <source>Not looking for servers. Type the address your administrator gave you.</source>
        <translation>لا يجري البحث عن خوادم. اكتب العنوان الذي أعطاك إياه المسؤول.</translation>
    </message>
    <message>
        <source>Your server “%1” is running on this computer. People on your network find it in their sign-in window; create your account to start.</source>
        <translation>خادمك «%1» يعمل على هذا الحاسوب. يجده الأشخاص على شبكتك في نافذة تسجيل الدخول؛ أنشئ حسابك لتبدأ.</translation>
    </message>
    <message>
        <source>The server on this computer could not start. %1</source>
        <translation>تعذّر تشغيل الخادم على هذا الحاسوب. %1</translation>
    </message>
    <message>
        <source>Looking for Natter servers on your network…</source>
        <translation>جارٍ البحث عن خوادم Natter على شبكتك…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address, or host one on this computer.</source>
        <translation>لم يستجب أي خادم Natter على شبكتك. اكتب عنوان خادم، أو استضف واحدًا على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>No Natter server answered on your network. Type a server&apos;s address.</source>
        <translation>لم يستجب أي خادم Natter على شبكتك. اكتب عنوان خادم.</translation>
    </message>
    <message>
        <source>Found one server. Click it to use it.</source>
        <translation>عُثر على خادم واحد. انقر عليه لاستخدامه.</translation>
    </message>
    <message>
        <source>Found %1 servers. Click one to use it.</source>
        <translation>عُثر على %1 خوادم. انقر على أحدها لاستخدامه.</translation>
    </message>
    <message>
        <source>Starting a server on this computer…</source>
        <translation>جارٍ تشغيل خادم على هذا الحاسوب…</translation>
    </message>
    <message>
        <source>Hosting a server on this computer</source>
        <translation>استضافة خادم على هذا الحاسوب</translation>
    </message>
</context>
<context>
    <name>natter::client::NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>مجموعة جديدة</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>Find people on this server</source>
        <translation>البحث عن أشخاص على هذا الخادم</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>البحث عن أشخاص</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>رفض الخادم: %1</translation>
    </message>
    <message>
        <source>Nobody picked yet</source>
        <translation>لم يُختر أحد بعد</translation>
    </message>
    <message>
        <source>With you: %1</source>
        <translation>معك: %1</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>أعطِ المجموعة اسمًا.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>الاسم طويل جدًا: %1 حرفًا كحد أقصى.</translation>
    </message>
    <message>
        <source>Pick at least one person to be in the group with you.</source>
        <translation>اختر شخصًا واحدًا على الأقل ليكون في المجموعة معك.</translation>
    </message>
    <message>
        <source>A group has at most %1 members.</source>
        <translation>المجموعة تضم %1 عضوًا كحد أقصى.</translation>
    </message>
</context>
<context>
    <name>natter::client::OfflineBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>إعادة الاتصال الآن</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>مشكلة في الاتصال</translation>
    </message>
    <message>
        <source>Reconnecting to the server…</source>
        <translation>جارٍ إعادة الاتصال بالخادم…</translation>
    </message>
    <message numerus="yes">
        <source>You are offline. Trying again in %n s. Messages you send go out when the connection is back.</source>
        <translation>
            <numerusform>أنت غير متصل. إعادة المحاولة الآن (%n). ما ترسله يُرسل عند عودة الاتصال.</numerusform>
            <numerusform>أنت غير متصل. إعادة المحاولة بعد ثانية (%n). ما ترسله يُرسل عند عودة الاتصال.</numerusform>
            <numerusform>أنت غير متصل. إعادة المحاولة بعد ثانيتين (%n). ما ترسله يُرسل عند عودة الاتصال.</numerusform>
            <numerusform>أنت غير متصل. إعادة المحاولة بعد %n ثوانٍ. ما ترسله يُرسل عند عودة الاتصال.</numerusform>
            <numerusform>أنت غير متصل. إعادة المحاولة بعد %n ثانية. ما ترسله يُرسل عند عودة الاتصال.</numerusform>
            <numerusform>أنت غير متصل. إعادة المحاولة بعد %n ثانية. ما ترسله يُرسل عند عودة الاتصال.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline. Messages you send go out when the connection is back.</source>
        <translation>أنت غير متصل. ما ترسله يُرسل عند عودة الاتصال.</translation>
    </message>
</context>
<context>
    <name>natter::client::OnlineListView</name>
    <message>
        <source>Contacts online</source>
        <translation>جهات اتصال متصلة</translation>
    </message>
    <message>
        <source>Unknown while you are offline.</source>
        <translation>غير معروف ما دمت غير متصل.</translation>
    </message>
    <message>
        <source>No one you talk with is online right now.</source>
        <translation>لا أحد ممن تتحدث معهم متصل الآن.</translation>
    </message>
    <message>
        <source>Who was online when the connection dropped; unknown until it is back</source>
        <translation>من كان متصلًا عند انقطاع الاتصال؛ غير معروف حتى يعود</translation>
    </message>
    <message>
        <source>Double-click someone to chat with them</source>
        <translation>انقر مرتين على شخص لتدردش معه</translation>
    </message>
</context>
<context>
    <name>natter::client::ReplyUi</name>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>إلغاء الرد (Esc)</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>إلغاء الرد</translation>
    </message>
    <message>
        <source>Reply to the selected or newest message</source>
        <translation>الرد على الرسالة المحددة أو الأحدث</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>رد على %1: %2</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchDialog</name>
    <message>
        <source>Load more</source>
        <translation>تحميل المزيد</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>البحث في الرسائل</translation>
    </message>
    <message>
        <source>Search messages… (from:name in:conversation before:2026-11-01 after:2026-10-01)</source>
        <translation>البحث في الرسائل… (from:الاسم in:المحادثة before:2026-11-01 after:2026-10-01)</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>إزالة هذا المرشّح</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>لم يُعثر على رسائل.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchModel</name>
    <message numerus="yes">
        <source>Searching too often: try again in %n s</source>
        <translation>
            <numerusform>بحث متكرر جدًا: حاول مجددًا الآن (%n)</numerusform>
            <numerusform>بحث متكرر جدًا: حاول مجددًا بعد ثانية (%n)</numerusform>
            <numerusform>بحث متكرر جدًا: حاول مجددًا بعد ثانيتين (%n)</numerusform>
            <numerusform>بحث متكرر جدًا: حاول مجددًا بعد %n ثوانٍ</numerusform>
            <numerusform>بحث متكرر جدًا: حاول مجددًا بعد %n ثانية</numerusform>
            <numerusform>بحث متكرر جدًا: حاول مجددًا بعد %n ثانية</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot search for that: %1</source>
        <translation>لا يمكن البحث عن ذلك: %1</translation>
    </message>
    <message>
        <source>The search is too long.</source>
        <translation>البحث طويل جدًا.</translation>
    </message>
    <message>
        <source>That conversation cannot be searched.</source>
        <translation>لا يمكن البحث في تلك المحادثة.</translation>
    </message>
    <message>
        <source>Search needs a connection to the server.</source>
        <translation>يحتاج البحث إلى اتصال بالخادم.</translation>
    </message>
    <message>
        <source>No one called “%1” in your conversations.</source>
        <translation>لا أحد باسم «%1» في محادثاتك.</translation>
    </message>
    <message>
        <source>No conversation called “%1”.</source>
        <translation>لا محادثة باسم «%1».</translation>
    </message>
    <message>
        <source>“%1” is not a date like 2026-11-01.</source>
        <translation>«%1» ليس تاريخًا مثل 2026-11-01.</translation>
    </message>
</context>
<context>
    <name>natter::client::SearchUi</name>
    <message>
        <source>Search all messages</source>
        <translation>البحث في كل الرسائل</translation>
    </message>
    <message>
        <source>Find in this conversation</source>
        <translation>البحث في هذه المحادثة</translation>
    </message>
</context>
<context>
    <name>natter::client::ServerConnection</name>
    <message>
        <source>TLS error: %1</source>
        <translation>خطأ TLS: %1</translation>
    </message>
    <message>
        <source>TLS error: the server&apos;s certificate is not the one you trusted</source>
        <translation>خطأ TLS: شهادة الخادم ليست التي وثقت بها</translation>
    </message>
    <message>
        <source>the connection was replaced</source>
        <translation>استُبدل الاتصال</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>لم يستجب الخادم</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>لا استجابة خلال %1 ث</translation>
    </message>
</context>
<context>
    <name>natter::client::SessionController</name>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>لا يمكن الوصول إلى الخادم: %1</translation>
    </message>
    <message>
        <source>You were signed out: this session was ended on the server (signed out elsewhere, password changed, account disabled, or the sign-in expired). Sign in again.</source>
        <translation>سُجّل خروجك: أُنهيت هذه الجلسة على الخادم (خرجت من مكان آخر، أو غُيّرت كلمة المرور، أو عُطّل الحساب، أو انتهت صلاحية الدخول). سجّل الدخول مجددًا.</translation>
    </message>
</context>
<context>
    <name>natter::client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>سطر جديد في الرسالة</translation>
    </message>
    <message>
        <source>Edit your last message (empty compose box)</source>
        <translation>تعديل آخر رسالة لك (مربع الكتابة فارغ)</translation>
    </message>
    <message>
        <source>Previous / next message in the list</source>
        <translation>الرسالة السابقة / التالية في القائمة</translation>
    </message>
    <message>
        <source>Menu of the current message</source>
        <translation>قائمة الرسالة الحالية</translation>
    </message>
    <message>
        <source>Move between the window&apos;s parts</source>
        <translation>التنقل بين أجزاء النافذة</translation>
    </message>
</context>
<context>
    <name>natter::client::Sidebar</name>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Search or jump to…</source>
        <translation>البحث أو الانتقال إلى…</translation>
    </message>
    <message>
        <source>Jump to a conversation or person (Ctrl+K)</source>
        <translation>الانتقال إلى محادثة أو شخص (Ctrl+K)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>No conversations yet.
Press Ctrl+K to find someone.</source>
        <translation>لا محادثات بعد.
اضغط Ctrl+K للعثور على شخص.</translation>
    </message>
    <message>
        <source>People you have a conversation with who are online</source>
        <translation>الأشخاص الذين لديك محادثة معهم وهم متصلون</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>غير مسجّل الدخول</translation>
    </message>
    <message>
        <source>Contacts online — unknown (offline)</source>
        <translation>جهات اتصال متصلة — غير معروف (غير متصل)</translation>
    </message>
    <message>
        <source>Contacts online — %1</source>
        <translation>جهات اتصال متصلة — %1</translation>
    </message>
    <message>
        <source>Contacts online</source>
        <translation>جهات اتصال متصلة</translation>
    </message>
</context>
<context>
    <name>natter::client::TransfersBar</name>
    <message>
        <source>%1 (downloading)</source>
        <translation>%1 (جارٍ التنزيل)</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>جارٍ إرسال %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>جارٍ تنزيل %1</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>إلغاء الإرسال</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>إلغاء التنزيل</translation>
    </message>
    <message>
        <source>Cancel sending %1</source>
        <translation>إلغاء إرسال %1</translation>
    </message>
    <message>
        <source>Cancel downloading %1</source>
        <translation>إلغاء تنزيل %1</translation>
    </message>
    <message>
        <source>%1 of %2, %3/s%4</source>
        <translation>%1 من %2، %3/ث%4</translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s) left</source>
        <translation>
            <numerusform>، لم يبقَ وقت (%n)</numerusform>
            <numerusform>، بقيت ثانية واحدة (%n)</numerusform>
            <numerusform>، بقيت ثانيتان (%n)</numerusform>
            <numerusform>، بقيت %n ثوانٍ</numerusform>
            <numerusform>، بقيت %n ثانية</numerusform>
            <numerusform>، بقيت %n ثانية</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::client::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation>إظهار Natter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>رسالة جديدة</translation>
    </message>
</context>
<context>
    <name>natter::client::TypingIndicator</name>
    <message>
        <source>Typing indicator</source>
        <translation>مؤشر الكتابة</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 يكتب…</translation>
    </message>
</context>
</TS>
