#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

class QWidget;

namespace mdm {

// The one way the console shows a message box: confirmations, information, warnings and errors all
// come through here (KeePassXC's MessageBox, in spirit). Tests answer the next box with
// setNextAnswer(): the box is then recorded but not shown, and the answer is returned as if the admin
// had clicked it. Callers never check for a test; this class alone decides whether a box is shown.
class MessageBox
{
    Q_DECLARE_TR_FUNCTIONS(MessageBox)

public:
    enum class Icon
    {
        Information,
        Question,
        Warning,
        Critical,
        About
    };
    // Accept: the accept button of a confirmation, or OK of a notice. Cancel: Cancel, Escape or closing.
    enum Answer
    {
        Accept,
        Cancel
    };

    struct Message
    {
        Icon icon = Icon::Information;
        QString title;
        QString text;
        QString informativeText;
        QString detailedText;
        // With an accept text the box asks: that button and Cancel, the default. Without it: one OK.
        QString acceptText;
    };

    // "Are you sure?" before a change: what will happen, in plain words, and the records affected.
    struct Confirmation
    {
        QString title;
        QString text;
        QStringList records; // the records affected (the first ones are listed)
        qint64 recordCount = 0;
        QString acceptText; // e.g. "Remove 5 Requests"
        bool destructive = false;
    };

    static Answer show(QWidget *parent, const Message &message);
    // True when the admin accepted.
    static bool confirm(QWidget *parent, const Confirmation &confirmation);
    static void information(QWidget *parent, const QString &title, const QString &text);
    static void warning(QWidget *parent, const QString &title, const QString &text,
                        const QString &informativeText = {}, const QString &detailedText = {});
    static void critical(QWidget *parent, const QString &title, const QString &text);
    // Rich text, with the application's icon.
    static void about(QWidget *parent, const QString &title, const QString &text);

    // For tests: the next box is answered with this instead of being shown (std::nullopt: shown again).
    static void setNextAnswer(std::optional<Answer> answer);
    // The last box shown or answered, and how many there were, for tests.
    static Message lastMessage();
    static int count();

private:
    static std::optional<Answer> nextAnswer_;
    static Message last_;
    static int count_;
};

} // namespace mdm
